package cn.outbound.filing.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.outbound.filing.calendar.Count;
import cn.outbound.filing.calendar.WorkingDays;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;

/**
 * The timeline of a filing: for the decision's mechanism, every deadline of {@link Deadlines} with its date (or "not
 * yet known" until its event is told), whether the date is provisional (counted through a year with no calendar
 * loaded), the article behind it and why.
 *
 * @param known the dates told, by event id
 * @param calendars the loaded years the working-day counts went through
 * @param estimated the years the counts went through with no calendar loaded (weekends only)
 * @param loaded every loaded year
 */
public record FilingPlan(Mechanism mechanism, Map<String, LocalDate> known, List<Step> steps, List<Text> notes,
		List<Integer> calendars, List<Integer> estimated, List<Integer> loaded) {

	public static final String SCHEMA = "outbound/filing-plan/v1";

	/**
	 * One deadline of the plan.
	 *
	 * @param anchorDate the day it is counted from, or {@code null} when not yet known
	 * @param waitingFor the event that must be told before it has a date, or {@code null}
	 * @param waitingForName that event's name, or {@code null}
	 * @param date the date it yields ({@link DeadlineRule.Direction}), or {@code null} when not yet known
	 * @param windowEnd for {@code BEFORE}, the end of the window (the anchor's date); else {@code null}
	 * @param provisional whether the date was counted through a year with no calendar loaded (here or in its anchor)
	 */
	public record Step(DeadlineRule rule, Text anchorName, LocalDate anchorDate, String waitingFor, Text waitingForName,
			LocalDate date, LocalDate windowEnd, boolean provisional) {

		public boolean known() {
			return this.date != null;
		}

	}

	public FilingPlan {
		known = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(known));
		steps = List.copyOf(steps);
		notes = List.copyOf(notes);
		calendars = List.copyOf(calendars);
		estimated = List.copyOf(estimated);
		loaded = List.copyOf(loaded);
	}

	/**
	 * @param known the dates a person told, by event id ({@link Deadlines#events()})
	 * @throws IllegalArgumentException for an event id that {@code deadlines} does not know, or a date out of the
	 * calendar's range
	 */
	public static FilingPlan of(Mechanism mechanism, Map<String, LocalDate> known, Deadlines deadlines,
			WorkingDays days) {
		for (Map.Entry<String, LocalDate> e : known.entrySet()) {
			if (!deadlines.events().containsKey(e.getKey())) {
				throw new IllegalArgumentException("unknown event '" + e.getKey() + "'; allowed: "
						+ deadlines.events().keySet());
			}
			if (e.getValue().isBefore(WorkingDays.MIN_DATE) || e.getValue().isAfter(WorkingDays.MAX_DATE)) {
				throw new IllegalArgumentException(e.getKey() + " must be from " + WorkingDays.MIN_DATE + " to "
						+ WorkingDays.MAX_DATE + ", not " + e.getValue());
			}
		}
		Map<String, Step> byId = new HashMap<>();
		List<Step> steps = new ArrayList<>();
		TreeSet<Integer> used = new TreeSet<>();
		TreeSet<Integer> estimated = new TreeSet<>();
		for (DeadlineRule rule : deadlines.forMechanism(mechanism)) {
			LocalDate anchor;
			String waitingFor;
			boolean provisional = false;
			if (rule.anchor().isEvent()) {
				anchor = known.get(rule.anchor().event());
				waitingFor = (anchor == null) ? rule.anchor().event() : null;
			}
			else {
				Step earlier = byId.get(rule.anchor().step());
				anchor = earlier.date();
				waitingFor = earlier.waitingFor();
				provisional = earlier.provisional();
			}
			LocalDate date = null;
			LocalDate windowEnd = null;
			if (anchor != null) {
				Dated d = date(rule, anchor, days);
				used.addAll(d.calendars());
				estimated.addAll(d.estimated());
				provisional |= d.provisional();
				date = d.date();
				windowEnd = d.windowEnd();
			}
			Text waitingForName = (waitingFor != null) ? deadlines.events().get(waitingFor).name() : null;
			Step step = new Step(rule, deadlines.anchorName(rule), anchor, waitingFor, waitingForName, date, windowEnd,
					provisional);
			byId.put(rule.id(), step);
			steps.add(step);
		}
		return new FilingPlan(mechanism, known, steps, deadlines.notes(mechanism), used.stream().toList(),
				estimated.stream().toList(), days.calendars().years());
	}

	/**
	 * The date a rule yields from a day.
	 *
	 * @param windowEnd for {@code BEFORE}, the end of the window (the anchor); else {@code null}
	 * @param provisional whether a working-day count went through a year with no calendar loaded
	 */
	public record Dated(LocalDate date, LocalDate windowEnd, boolean provisional, List<Integer> calendars,
			List<Integer> estimated) {
	}

	/** The date {@code rule} yields counted from {@code anchor} (one way for a plan and a filing's deadlines). */
	public static Dated date(DeadlineRule rule, LocalDate anchor, WorkingDays days) {
		int signed = switch (rule.direction()) {
			case AFTER, FOR -> rule.amount();
			case BEFORE, AT_LEAST_BEFORE -> -rule.amount();
		};
		LocalDate windowEnd = (rule.direction() == DeadlineRule.Direction.BEFORE) ? anchor : null;
		return switch (rule.unit()) {
			case MONTHS -> new Dated(anchor.plusMonths(signed), windowEnd, false, List.of(), List.of());
			case YEARS -> new Dated(anchor.plusYears(signed), windowEnd, false, List.of(), List.of());
			case WORKING_DAYS -> {
				Count count = days.add(anchor, signed);
				yield new Dated(count.date(), windowEnd, count.provisional(), count.calendars(), count.estimated());
			}
		};
	}

	/** Whether any date is an estimate. */
	public boolean provisional() {
		return this.steps.stream().anyMatch(Step::provisional);
	}

}
