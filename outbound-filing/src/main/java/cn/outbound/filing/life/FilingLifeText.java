package cn.outbound.filing.life;

import java.time.LocalDate;
import java.util.List;

import cn.outbound.filing.calendar.FilingText;

/**
 * A filing and open deadlines as text for a person, in Chinese or English ({@code outbound filing status},
 * {@code outbound filing deadlines}).
 */
public final class FilingLifeText {

	private FilingLifeText() {
	}

	public static String filing(Filing f, List<FilingDeadlines.Open> open, LocalDate validUntil, LocalDate today,
			String lang) {
		StringBuilder sb = new StringBuilder();
		sb.append(FilingText.in(lang, "life.text.heading", "id", f.id(), "assessment", f.assessmentId(), "mechanism",
				f.mechanism().label(), "state", Lifecycle.labelled(f.state()))).append('\n');
		if (f.processorId() != null) {
			sb.append(FilingText.in(lang, "life.text.processor", "processor", f.processorId())).append('\n');
		}
		if (f.number() != null) {
			sb.append(FilingText.in(lang, "life.text.number", "number", f.number())).append('\n');
		}
		if (f.scale() != null) {
			sb.append(FilingText.in(lang, "life.text.scale", "scale", scale(f.scale(), lang))).append('\n');
		}
		if (validUntil != null) {
			sb.append(FilingText.in(lang, "life.text.valid-until", "date", validUntil)).append('\n');
		}
		sb.append(FilingText.in(lang, "life.text.created", "at", f.createdAt(), "by", f.createdBy())).append('\n');
		for (Step s : f.steps()) {
			sb.append("  ").append(s.date()).append("  ").append(Lifecycle.labelled(s.to()).in(lang));
			if (s.number() != null) {
				sb.append("  ").append(s.number());
			}
			sb.append("  (").append(s.recordedBy()).append(")\n");
		}
		List<FilingState> next = f.next();
		sb.append(next.isEmpty() ? FilingText.in(lang, "life.no-next")
				: FilingText.in(lang, "life.next", "states", Lifecycle.labelled(next))).append('\n');
		if (!open.isEmpty()) {
			sb.append(FilingText.in(lang, "life.text.open")).append('\n');
			sb.append(deadlines(open, today, lang, false));
		}
		return sb.toString();
	}

	public static String deadlines(List<FilingDeadlines.Open> open, LocalDate today, String lang) {
		if (open.isEmpty()) {
			return FilingText.in(lang, "life.text.none-open") + "\n";
		}
		return deadlines(open, today, lang, true);
	}

	/**
	 * The approved scale ("1,200,000 persons (non-sensitive), 0 persons (sensitive); recipients: A, B"): the CLI's
	 * text and the filing's page say it alike.
	 */
	public static String scale(ApprovedScale scale, String lang) {
		return FilingText.in(lang, "life.text.scale-value", "individuals", count(scale.individuals()), "sensitive",
				count(scale.sensitiveIndividuals()), "recipients", scale.recipients().isEmpty() ? "-" : scale.recipients());
	}

	/** How long is left before an open deadline, or how long it is overdue ("3 days left", "OVERDUE by 1 day"). */
	public static String status(FilingDeadlines.Open o, LocalDate today, String lang) {
		return o.overdue(today) ? FilingText.in(lang, "life.text.overdue", "days", -o.daysLeft(today))
				: FilingText.in(lang, "life.text.days-left", "days", o.daysLeft(today));
	}

	private static String deadlines(List<FilingDeadlines.Open> open, LocalDate today, String lang, boolean withFiling) {
		StringBuilder sb = new StringBuilder();
		boolean provisional = false;
		for (FilingDeadlines.Open o : open) {
			sb.append("  ").append(o.date());
			if (o.windowEnd() != null) {
				sb.append(" – ").append(o.windowEnd());
			}
			sb.append(o.provisional() ? "*" : "").append("  ");
			sb.append(status(o, today, lang));
			sb.append("  ").append(o.rule().title().in(lang));
			if (withFiling) {
				sb.append("  ").append(FilingText.in(lang, "life.text.of-filing", "id", o.filingId(), "processor",
						(o.processorId() != null) ? o.processorId() : "-"));
			}
			sb.append('\n');
			sb.append("      ").append(o.period().in(lang)).append("; ").append(o.rule().citation().title().in(lang));
			sb.append('\n');
			provisional |= o.provisional();
		}
		if (provisional) {
			sb.append(FilingText.in(lang, "life.text.provisional")).append('\n');
		}
		return sb.toString();
	}

	/** A count with its thousands grouped ("1,200,000"; 1 stays "1", so the noun's number holds), or "-". */
	private static Object count(Long n) {
		return (n == null) ? "-" : String.format(java.util.Locale.ROOT, "%,d", n);
	}

}
