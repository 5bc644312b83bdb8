package cn.outbound.filing.life;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.outbound.filing.calendar.FilingText;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;

/**
 * The allowed moves of a filing, per mechanism, and the checks of a move ({@link #check}). Every door asks this; none
 * decides a move itself.
 *
 * <p>
 * Dates: a move records what has happened, so its date is not after today (Asia/Shanghai), and not before the date of
 * the move before it (the same day is allowed: a filing may be accepted the day it is submitted). The first move's
 * date is not before {@link #MIN_DATE}.
 */
public final class Lifecycle {

	/** The earliest date of a move: before the first measures on data export there was nothing to file. */
	public static final LocalDate MIN_DATE = LocalDate.of(2000, 1, 1);

	/** The longest filing number, in characters. */
	public static final int MAX_NUMBER = 100;

	private static final Map<FilingState, List<FilingState>> SECURITY_ASSESSMENT = new EnumMap<>(FilingState.class);

	private static final Map<FilingState, List<FilingState>> STANDARD_CONTRACT = new EnumMap<>(FilingState.class);

	static {
		SECURITY_ASSESSMENT.put(FilingState.DRAFT, List.of(FilingState.SUBMITTED, FilingState.WITHDRAWN));
		SECURITY_ASSESSMENT.put(FilingState.SUBMITTED,
				List.of(FilingState.ACCEPTED, FilingState.REJECTED, FilingState.WITHDRAWN));
		SECURITY_ASSESSMENT.put(FilingState.ACCEPTED,
				List.of(FilingState.APPROVED, FilingState.REJECTED, FilingState.WITHDRAWN));
		STANDARD_CONTRACT.put(FilingState.DRAFT, List.of(FilingState.CONTRACT_EFFECTIVE, FilingState.WITHDRAWN));
		STANDARD_CONTRACT.put(FilingState.CONTRACT_EFFECTIVE, List.of(FilingState.FILED, FilingState.WITHDRAWN));
	}

	private Lifecycle() {
	}

	/** The states a filing of {@code mechanism} passes through, in order. */
	public static List<FilingState> states(Mechanism mechanism) {
		return (mechanism == Mechanism.SECURITY_ASSESSMENT)
				? List.of(FilingState.DRAFT, FilingState.SUBMITTED, FilingState.ACCEPTED, FilingState.APPROVED,
						FilingState.REJECTED, FilingState.WITHDRAWN)
				: List.of(FilingState.DRAFT, FilingState.CONTRACT_EFFECTIVE, FilingState.FILED, FilingState.WITHDRAWN);
	}

	/** The states a filing of {@code mechanism} in {@code state} may move to; empty when none. */
	public static List<FilingState> next(Mechanism mechanism, FilingState state) {
		Map<FilingState, List<FilingState>> moves = (mechanism == Mechanism.SECURITY_ASSESSMENT) ? SECURITY_ASSESSMENT
				: STANDARD_CONTRACT;
		return moves.getOrDefault(state, List.of());
	}

	/**
	 * The mechanism a filing of an assessment with {@code outcome} follows.
	 * @throws FilingException ({@code assessment}) when the outcome calls for nothing to file
	 */
	public static Mechanism mechanism(long assessmentId, String outcome) {
		if (Mechanism.SECURITY_ASSESSMENT.name().equals(outcome)) {
			return Mechanism.SECURITY_ASSESSMENT;
		}
		if (Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION.name().equals(outcome)) {
			return Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION;
		}
		throw new FilingException(FilingException.Kind.CONFLICT, "nothing-to-file", "assessment",
				FilingText.of("life.nothing-to-file", "id", assessmentId, "outcome", outcome));
	}

	/**
	 * Checks a move of {@code filing}.
	 * @param today today in Asia/Shanghai
	 * @throws FilingException naming the field: {@code to} (a move not allowed from the current state: the message
	 * names the state and the allowed ones), {@code date}, {@code number} or {@code scale}
	 */
	public static void check(Filing filing, Advance advance, LocalDate today) {
		List<FilingState> allowed = filing.next();
		if (advance.to() == null) {
			throw new FilingException(FilingException.Kind.INVALID, "missing", "to",
					FilingText.of("life.to-missing", "allowed", names(filing.mechanism())));
		}
		if (!allowed.contains(advance.to())) {
			Text next = allowed.isEmpty() ? FilingText.of("life.no-next")
					: FilingText.of("life.next", "states", labelled(allowed));
			throw new FilingException(FilingException.Kind.CONFLICT, "transition-refused", "to",
					FilingText.of("life.transition-refused", "id", filing.id(), "state", labelled(filing.state()),
							"to", labelled(advance.to()), "next", next));
		}
		LocalDate date = advance.date();
		if (date == null) {
			throw new FilingException(FilingException.Kind.INVALID, "missing", "date",
					FilingText.of("life.date-missing", "to", labelled(advance.to())));
		}
		if (date.isAfter(today)) {
			throw new FilingException(FilingException.Kind.INVALID, "date-in-future", "date",
					FilingText.of("life.date-in-future", "date", date, "today", today));
		}
		LocalDate previous = filing.lastDate();
		if (previous != null && date.isBefore(previous)) {
			throw new FilingException(FilingException.Kind.INVALID, "date-before-previous", "date",
					FilingText.of("life.date-before-previous", "date", date, "previous", previous, "state",
							labelled(filing.state())));
		}
		if (date.isBefore(MIN_DATE)) {
			throw new FilingException(FilingException.Kind.INVALID, "date-too-early", "date",
					FilingText.of("life.date-too-early", "date", date, "min", MIN_DATE));
		}
		if (advance.to() == FilingState.FILED) {
			checkNumber(advance.number());
		}
		else if (advance.number() != null) {
			throw new FilingException(FilingException.Kind.INVALID, "not-allowed", "number",
					FilingText.of("life.number-not-allowed", "to", labelled(advance.to())));
		}
		if (advance.to() == FilingState.APPROVED) {
			checkScale(advance.scale());
		}
		else if (advance.scale() != null) {
			throw new FilingException(FilingException.Kind.INVALID, "not-allowed", "scale",
					FilingText.of("life.scale-not-allowed", "to", labelled(advance.to())));
		}
	}

	private static void checkNumber(String number) {
		if (number == null || number.isBlank()) {
			throw new FilingException(FilingException.Kind.INVALID, "missing", "number",
					FilingText.of("life.number-missing", "max", MAX_NUMBER));
		}
		if (number.strip().length() > MAX_NUMBER || hasControl(number)) {
			throw new FilingException(FilingException.Kind.INVALID, "invalid", "number",
					FilingText.of("life.number-invalid", "max", MAX_NUMBER));
		}
	}

	private static void checkScale(ApprovedScale scale) {
		if (scale == null || (scale.individuals() == null && scale.sensitiveIndividuals() == null)) {
			throw new FilingException(FilingException.Kind.INVALID, "missing", "scale",
					FilingText.of("life.scale-missing"));
		}
		for (Long n : new Long[] { scale.individuals(), scale.sensitiveIndividuals() }) {
			if (n != null && (n < 0 || n > ApprovedScale.MAX_PERSONS)) {
				throw new FilingException(FilingException.Kind.INVALID, "out-of-range", "scale",
						FilingText.of("life.scale-persons", "value", n, "max", ApprovedScale.MAX_PERSONS));
			}
		}
		if (scale.recipients().isEmpty() || scale.recipients().size() > ApprovedScale.MAX_RECIPIENTS) {
			throw new FilingException(FilingException.Kind.INVALID, "out-of-range", "recipients",
					FilingText.of("life.scale-recipients", "max", ApprovedScale.MAX_RECIPIENTS));
		}
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (String r : scale.recipients()) {
			if (r == null || r.isBlank() || r.strip().length() > ApprovedScale.MAX_RECIPIENT || hasControl(r)
					|| !seen.add(r.strip())) {
				throw new FilingException(FilingException.Kind.INVALID, "invalid", "recipients",
						FilingText.of("life.scale-recipient", "max", ApprovedScale.MAX_RECIPIENT));
			}
		}
	}

	/**
	 * The state {@code value} names (any case, {@code -} for {@code _}).
	 * @throws FilingException ({@code to}) naming the states when it names none
	 */
	public static FilingState state(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		FilingState s = FilingState.parse(value);
		if (s == null) {
			throw new FilingException(FilingException.Kind.INVALID, "invalid", "to", FilingText.of("life.to-unknown",
					"value", shown(value), "allowed", labelled(List.of(FilingState.values()))));
		}
		return s;
	}

	/**
	 * A date as a person typed it ({@code YYYY-MM-DD}).
	 * @throws FilingException naming {@code field} when it is not a date
	 */
	public static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new FilingException(FilingException.Kind.INVALID, "invalid", field,
					FilingText.of("life.date-invalid", "field", field, "value", shown(value)));
		}
	}

	private static String shown(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

	/** The scale as a person typed it: names stripped. */
	public static ApprovedScale normalise(ApprovedScale scale) {
		return (scale == null) ? null : new ApprovedScale(scale.individuals(), scale.sensitiveIndividuals(),
				scale.recipients().stream().map(r -> (r == null) ? null : r.strip()).toList());
	}

	private static boolean hasControl(String s) {
		return s.chars().anyMatch(Character::isISOControl);
	}

	private static Text names(Mechanism mechanism) {
		java.util.LinkedHashSet<FilingState> all = new java.util.LinkedHashSet<>(states(mechanism));
		all.remove(FilingState.DRAFT);
		return labelled(List.copyOf(all));
	}

	static Text labelled(FilingState state) {
		return new Text(state.name() + "（" + state.label().zh() + "）", state.name() + " (" + state.label().en() + ")");
	}

	static Text labelled(List<FilingState> states) {
		StringBuilder zh = new StringBuilder();
		StringBuilder en = new StringBuilder();
		for (FilingState s : states) {
			if (zh.length() > 0) {
				zh.append("、");
				en.append(", ");
			}
			zh.append(labelled(s).zh());
			en.append(labelled(s).en());
		}
		return new Text(zh.toString(), en.toString());
	}

}
