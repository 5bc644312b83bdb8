package cn.outbound.filing.deadline;

import java.util.function.Function;

import cn.outbound.filing.calendar.FilingText;

/**
 * A {@link FilingPlan} for a person, in Chinese or English: one block per deadline (date, what it marks, the rule with
 * its dates, the article, why), then the notes. A provisional date carries {@code *} and the note says why.
 */
public final class FilingPlanText {

	private FilingPlanText() {
	}

	/**
	 * @param howToTell how a person tells an event's date at this door, e.g. {@code submitted} → {@code --submitted DATE}
	 */
	public static String render(FilingPlan plan, String lang, Function<String, String> howToTell) {
		StringBuilder out = new StringBuilder();
		line(out, FilingText.in(lang, "plan.heading", "label", plan.mechanism().label(), "mechanism",
				plan.mechanism().name()));
		if (plan.steps().isEmpty()) {
			line(out, FilingText.in(lang, "plan.no-deadlines"));
		}
		for (FilingPlan.Step s : plan.steps()) {
			DeadlineRule r = s.rule();
			out.append('\n');
			String date = s.known() ? s.date().toString() + (s.provisional() ? "*" : "")
					: FilingText.in(lang, "plan.not-yet-known");
			line(out, date + "  " + r.marks().in(lang));
			line(out, "    " + r.title().in(lang) + sep(lang) + FilingPlanJson.period(s).in(lang));
			if (s.windowEnd() != null) {
				line(out, "    " + FilingText.in(lang, "plan.window", "from", s.date(), "to", s.windowEnd()));
			}
			if (s.waitingFor() != null) {
				line(out, "    " + FilingText.in(lang, "plan.needs", "event", s.waitingForName(), "how",
						howToTell.apply(s.waitingFor())));
			}
			line(out, "    " + FilingText.in(lang, "plan.basis", "title", r.citation().title())
					+ (r.citation().verbatim() ? "" : FilingText.in(lang, "plan.not-verbatim")));
			line(out, "    " + FilingText.in(lang, "plan.why", "text", r.explanation()));
		}
		if (!plan.notes().isEmpty()) {
			out.append('\n');
			line(out, FilingText.in(lang, "plan.notes"));
			plan.notes().forEach(n -> line(out, "  - " + n.in(lang)));
		}
		if (!plan.calendars().isEmpty() || plan.provisional()) {
			out.append('\n');
		}
		if (!plan.calendars().isEmpty()) {
			line(out, FilingText.in(lang, "plan.calendars", "years", plan.calendars()));
		}
		if (plan.provisional()) {
			line(out, "* " + FilingPlanJson.provisionalNote(plan).in(lang));
		}
		return out.toString();
	}

	private static String sep(String lang) {
		return "en".equals(lang) ? ": " : "：";
	}

	private static void line(StringBuilder out, String text) {
		out.append(text).append('\n');
	}

}
