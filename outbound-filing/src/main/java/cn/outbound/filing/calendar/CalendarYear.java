package cn.outbound.filing.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One year's working-day calendar, from one State Council notice: the holidays (days off) and the weekend days worked
 * in exchange. Every other Monday to Friday is a working day; every other Saturday and Sunday is not.
 *
 * @param file the file it was loaded from (a built-in resource's name or a path), for messages
 * @param source where the notice's schedule was read (e.g. {@code docs/source/filing.md §1})
 */
public record CalendarYear(int year, Notice notice, String source, List<Holiday> holidays, String file) {

	public CalendarYear {
		holidays = List.copyOf(holidays);
	}

	/** The holiday a day off belongs to, and the holiday a worked weekend day makes up for. */
	Map<LocalDate, Holiday> daysOff() {
		return index(false);
	}

	Map<LocalDate, Holiday> workedDays() {
		return index(true);
	}

	private Map<LocalDate, Holiday> index(boolean worked) {
		Map<LocalDate, Holiday> out = new HashMap<>();
		for (Holiday h : this.holidays) {
			if (worked) {
				h.worked().forEach(d -> out.put(d, h));
			}
			else {
				for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
					out.put(d, h);
				}
			}
		}
		return Collections.unmodifiableMap(out);
	}

	/** The number of working days in the year (248 in 2025 and in 2026). */
	public int workingDays() {
		Map<LocalDate, Holiday> off = daysOff();
		Map<LocalDate, Holiday> worked = workedDays();
		int n = 0;
		for (LocalDate d = LocalDate.of(this.year, 1, 1); d.getYear() == this.year; d = d.plusDays(1)) {
			boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
			if (worked.containsKey(d) || (!weekend && !off.containsKey(d))) {
				n++;
			}
		}
		return n;
	}

}
