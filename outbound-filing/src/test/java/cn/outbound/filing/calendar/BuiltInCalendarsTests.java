package cn.outbound.filing.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in calendars against docs/source/filing.md §1, copied here by hand as the oracle: each holiday's days off
 * and worked weekend days, the notice named, and the count of 248 working days per year.
 */
class BuiltInCalendarsTests {

	private static final Calendars CALENDARS = Calendars.builtIn();

	@Test
	void twoYearsAreBuiltIn() {
		assertThat(CALENDARS.years()).containsExactly(2025, 2026);
	}

	@Test
	void eachYearHas248WorkingDaysAsFilingMdSays() {
		assertThat(CALENDARS.year(2025).orElseThrow().workingDays()).isEqualTo(248);
		assertThat(CALENDARS.year(2026).orElseThrow().workingDays()).isEqualTo(248);
	}

	@Test
	void eachYearNamesItsNotice() {
		CalendarYear y2025 = CALENDARS.year(2025).orElseThrow();
		assertThat(y2025.notice().number()).isEqualTo("国办发明电〔2024〕12号");
		assertThat(y2025.notice().issued()).isEqualTo(LocalDate.of(2024, 11, 12));
		assertThat(y2025.notice().issuer().zh()).isEqualTo("国务院办公厅");
		assertThat(y2025.source()).contains("docs/source/filing.md");
		CalendarYear y2026 = CALENDARS.year(2026).orElseThrow();
		// filing.md gives no document number for the 2026 notice: none is guessed
		assertThat(y2026.notice().number()).isNull();
		assertThat(y2026.notice().issued()).isEqualTo(LocalDate.of(2025, 11, 4));
		assertThat(y2026.notice().name().zh()).isEqualTo("国务院办公厅通知（2025-11-04）");
	}

	/** filing.md's 2025 table: holiday, days off, weekend days worked. */
	private static final List<Object[]> TABLE_2025 = List.of(row("元旦", "2025-01-01", "2025-01-01"),
			row("春节", "2025-01-28", "2025-02-04", "2025-01-26", "2025-02-08"), row("清明", "2025-04-04", "2025-04-06"),
			row("劳动节", "2025-05-01", "2025-05-05", "2025-04-27"), row("端午", "2025-05-31", "2025-06-02"),
			row("国庆·中秋", "2025-10-01", "2025-10-08", "2025-09-28", "2025-10-11"));

	/** filing.md's 2026 table. */
	private static final List<Object[]> TABLE_2026 = List.of(row("元旦", "2026-01-01", "2026-01-03", "2026-01-04"),
			row("春节", "2026-02-15", "2026-02-23", "2026-02-14", "2026-02-28"), row("清明", "2026-04-04", "2026-04-06"),
			row("劳动节", "2026-05-01", "2026-05-05", "2026-05-09"), row("端午", "2026-06-19", "2026-06-21"),
			row("中秋", "2026-09-25", "2026-09-27"), row("国庆", "2026-10-01", "2026-10-07", "2026-09-20", "2026-10-10"));

	@Test
	void theHolidaysAreFilingMdsTables() {
		check(CALENDARS.year(2025).orElseThrow(), TABLE_2025);
		check(CALENDARS.year(2026).orElseThrow(), TABLE_2026);
	}

	@Test
	void everyOtherDayIsAWeekdayOrWeekend() {
		// outside the tables' days, Monday to Friday works and the weekend rests (one check of each year's other days)
		WorkingDays days = WorkingDays.builtIn();
		for (List<Object[]> table : List.of(TABLE_2025, TABLE_2026)) {
			Map<LocalDate, Boolean> listed = new java.util.HashMap<>();
			for (Object[] r : table) {
				for (LocalDate d = (LocalDate) r[1]; !d.isAfter((LocalDate) r[2]); d = d.plusDays(1)) {
					listed.put(d, false);
				}
				for (int i = 3; i < r.length; i++) {
					listed.put((LocalDate) r[i], true);
				}
			}
			int year = ((LocalDate) table.get(0)[1]).getYear();
			for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
				boolean expected = listed.containsKey(d) ? listed.get(d) : d.getDayOfWeek().getValue() <= 5;
				assertThat(days.isWorkday(d)).as(d.toString()).isEqualTo(expected);
			}
		}
	}

	private static void check(CalendarYear year, List<Object[]> table) {
		assertThat(year.holidays()).hasSize(table.size());
		for (int i = 0; i < table.size(); i++) {
			Object[] r = table.get(i);
			Holiday h = year.holidays().get(i);
			assertThat(h.name().zh()).isEqualTo(r[0]);
			assertThat(h.name().en()).isNotBlank();
			assertThat(h.from()).isEqualTo(r[1]);
			assertThat(h.to()).isEqualTo(r[2]);
			assertThat(h.worked()).containsExactly(java.util.Arrays.copyOfRange(r, 3, r.length, LocalDate[].class));
		}
	}

	private static Object[] row(String name, String... dates) {
		Object[] r = new Object[dates.length + 1];
		r[0] = name;
		for (int i = 0; i < dates.length; i++) {
			r[i + 1] = LocalDate.parse(dates[i]);
		}
		return r;
	}

}
