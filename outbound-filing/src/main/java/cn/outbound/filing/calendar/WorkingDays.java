package cn.outbound.filing.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Chinese working days (工作日, 行政许可法 art. 82: "以工作日计算，不含法定节假日"): Monday to Friday, minus the days off
 * of the year's State Council notice, plus the weekend days it makes working days (调休上班). In a year with no
 * calendar loaded only weekends are known, and every answer that depends on such a year says it is provisional.
 * Thread-safe.
 */
public final class WorkingDays {

	/** The largest count {@link #add} takes, either way (about 40 years). */
	public static final int MAX_COUNT = 10_000;

	/** The first day {@link #add} and {@link #day} take. */
	public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);

	/** The last day {@link #add} and {@link #day} take. */
	public static final LocalDate MAX_DATE = LocalDate.of(2999, 12, 31);

	private static volatile WorkingDays builtIn;

	private final Calendars calendars;

	private final Map<LocalDate, Holiday> off = new HashMap<>();

	private final Map<LocalDate, Holiday> worked = new HashMap<>();

	public WorkingDays(Calendars calendars) {
		this.calendars = calendars;
		for (CalendarYear c : calendars.all()) {
			this.off.putAll(c.daysOff());
			this.worked.putAll(c.workedDays());
		}
	}

	/** With the built-in calendars. */
	public static WorkingDays builtIn() {
		WorkingDays w = builtIn;
		if (w == null) {
			w = new WorkingDays(Calendars.builtIn());
			builtIn = w;
		}
		return w;
	}

	public Calendars calendars() {
		return this.calendars;
	}

	/**
	 * @throws IllegalArgumentException for a date before {@link #MIN_DATE} or after {@link #MAX_DATE}
	 */
	public Day day(LocalDate date) {
		checkRange(date);
		CalendarYear calendar = this.calendars.year(date.getYear()).orElse(null);
		boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
		Holiday h = this.off.get(date);
		if (h != null) {
			return new Day(date, false, Day.Kind.HOLIDAY, h, calendar, false);
		}
		h = this.worked.get(date);
		if (h != null) {
			return new Day(date, true, Day.Kind.WORKED_WEEKEND, h, calendar, false);
		}
		return new Day(date, !weekend, weekend ? Day.Kind.WEEKEND : Day.Kind.WEEKDAY, null, calendar, calendar == null);
	}

	public boolean isWorkday(LocalDate date) {
		if (this.off.containsKey(date)) {
			return false;
		}
		if (this.worked.containsKey(date)) {
			return true;
		}
		DayOfWeek d = date.getDayOfWeek();
		return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
	}

	/**
	 * The day {@code n} working days after {@code from} ({@code n} negative: before it), counting from the day after
	 * (before) {@code from}, as Chinese administrative deadlines count: 10 working days from Monday 2026-09-28 is Friday
	 * 2026-10-16. {@code n = 0} is {@code from} itself.
	 * @throws IllegalArgumentException when {@code |n| > MAX_COUNT} or {@code from} is out of range
	 */
	public Count add(LocalDate from, int n) {
		checkRange(from);
		if (n > MAX_COUNT || n < -MAX_COUNT) {
			throw new IllegalArgumentException("a count of working days must be from " + -MAX_COUNT + " to " + MAX_COUNT
					+ ", not " + n);
		}
		TreeSet<Integer> used = new TreeSet<>();
		TreeSet<Integer> estimated = new TreeSet<>();
		int step = (n >= 0) ? 1 : -1;
		int left = Math.abs(n);
		LocalDate d = from;
		while (left > 0) {
			d = d.plusDays(step);
			if (this.calendars.year(d.getYear()).isPresent()) {
				used.add(d.getYear());
			}
			else {
				estimated.add(d.getYear());
			}
			if (isWorkday(d)) {
				left--;
			}
		}
		return new Count(from, n, d, used.stream().toList(), estimated.stream().toList(), this.calendars.years());
	}

	private static void checkRange(LocalDate date) {
		if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
			throw new IllegalArgumentException("a date must be from " + MIN_DATE + " to " + MAX_DATE + ", not " + date);
		}
	}

}
