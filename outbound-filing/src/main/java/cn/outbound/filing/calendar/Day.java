package cn.outbound.filing.calendar;

import java.time.LocalDate;

import cn.outbound.rules.Text;

/**
 * Whether a day is a working day, and why.
 *
 * @param holiday the holiday the day is off for, or made up for ({@link Kind#WORKED_WEEKEND}); else {@code null}
 * @param calendar the year's calendar, or {@code null} when no calendar of that year is loaded
 * @param provisional whether no calendar of the day's year is loaded, so that only weekends are known
 */
public record Day(LocalDate date, boolean workday, Kind kind, Holiday holiday, CalendarYear calendar,
		boolean provisional) {

	public enum Kind {

		/** Monday to Friday, not a holiday. */
		WEEKDAY,
		/** Saturday or Sunday, not made a working day. */
		WEEKEND,
		/** A day off of a holiday (a weekend day inside a holiday's days off counts here). */
		HOLIDAY,
		/** A Saturday or Sunday made a working day in exchange for a holiday (调休上班). */
		WORKED_WEEKEND

	}

	/** Why, in Chinese and English, citing the notice where a notice decided it. */
	public Text reason() {
		FilingText.Part part = switch (this.kind) {
			case WEEKDAY -> FilingText.part("day.weekday", "weekday", this.date.getDayOfWeek());
			case WEEKEND -> FilingText.part("day.weekend", "weekday", this.date.getDayOfWeek());
			case HOLIDAY -> FilingText.part("day.holiday", "holiday", this.holiday.name(), "from", this.holiday.from(),
					"to", this.holiday.to(), "notice", this.calendar.notice().name());
			case WORKED_WEEKEND -> FilingText.part("day.worked", "weekday", this.date.getDayOfWeek(), "holiday",
					this.holiday.name(), "notice", this.calendar.notice().name());
		};
		if (this.provisional) {
			return FilingText.of("day.provisional", "reason", part, "year", this.date.getYear());
		}
		return part.text();
	}

}
