package cn.outbound.filing.deadline;

import cn.outbound.filing.calendar.FilingText;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;

/**
 * One deadline of a mechanism, as data ({@code deadlines/deadlines.yaml}): what is due ({@link #title}), the date it
 * yields ({@link #marks}), counted from an {@link Anchor} by {@code amount} {@link Unit}s in a {@link Direction}, with
 * the article behind it and an explanation.
 *
 * @param obligation the id of the decision's obligation (rule pack {@code cn-national}) this deadline belongs to, or
 * {@code null}
 */
public record DeadlineRule(String id, Mechanism mechanism, String obligation, Text title, Text marks, Anchor anchor,
		int amount, Unit unit, Direction direction, DeadlineCitation citation, Text explanation) {

	/** Counted from an event a person tells ({@code event}), or from the date of an earlier deadline ({@code step}). */
	public record Anchor(String event, String step) {

		public boolean isEvent() {
			return this.event != null;
		}

	}

	public enum Unit {

		/** Chinese working days (the calendar); counting starts the day after (before) the anchor. */
		WORKING_DAYS,
		/** Calendar months: the same day of the month (the last day of a shorter month). */
		MONTHS,
		/** Calendar years: the same day (28 February for 29 February). */
		YEARS

	}

	public enum Direction {

		/** Due within N units after the anchor: the date is the last day. */
		AFTER,
		/** Within the N units before the anchor: the date is the first day of that window, which ends at the anchor. */
		BEFORE,
		/** At the latest N units before the anchor: the date is the last day. */
		AT_LEAST_BEFORE,
		/** Lasts N units from the anchor (a validity or a retention): the date is the day it ends. */
		FOR

	}

	/** The rule in a sentence, without dates: "标准合同生效之日后10个工作日内". */
	public Text period(Text anchorName) {
		return FilingText.of("period." + this.direction.name(), "event", anchorName, "amount", this.amount, "unit",
				FilingText.part("unit." + this.unit.name()));
	}

}
