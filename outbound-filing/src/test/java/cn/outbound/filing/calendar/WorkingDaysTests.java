package cn.outbound.filing.calendar;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden working-day counts. Every expected date was worked out by hand from the State Council notices as
 * docs/source/filing.md §1 gives them (2025: 国办发明电〔2024〕12号; 2026: the notice of 2025-11-04), day by day, and
 * the working so written beside each case; the code under test is not the oracle.
 */
class WorkingDaysTests {

	private static final WorkingDays DAYS = WorkingDays.builtIn();

	@ParameterizedTest(name = "{0} + {1} working days = {2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			# filing.md's worked examples
			2026-09-28 |  10 | 2026-10-16 | 29,30 Sep; 1-7 Oct off; 8,9; Sat 10 Oct worked; 12,13,14,15,16
			2026-02-12 |  10 | 2026-03-04 | Fri 13; Sat 14 Feb worked; 15-23 off; 24,25,26,27; Sat 28 worked; 2,3,4 Mar
			# 2025 Spring Festival: off 28 Jan - 4 Feb, worked Sun 26 Jan and Sat 8 Feb
			2025-01-24 |   5 | 2025-02-07 | Sat 25 no; Sun 26 worked; Mon 27; 28 Jan-4 Feb off; 5,6,7 Feb
			2025-01-25 |   1 | 2025-01-26 | the worked Sunday is the first working day after Saturday
			2025-01-27 |   1 | 2025-02-05 | the last working day before the holiday, then 8 days off
			2025-02-05 |  -1 | 2025-01-27 | back over the holiday to the last working day before it
			2025-02-07 |   1 | 2025-02-08 | Saturday 8 Feb is worked
			2025-02-08 |   1 | 2025-02-10 | Sun 9 Feb is not
			# 2025 Labour Day: off 1-5 May (Thu-Mon), worked Sun 27 Apr
			2025-04-25 |   2 | 2025-04-28 | Sat 26 no; Sun 27 worked; Mon 28
			2025-04-29 |   3 | 2025-05-07 | Wed 30; 1-5 May off; Tue 6; Wed 7
			# 2025 National Day and Mid-Autumn: off 1-8 Oct (Wed-Wed), worked Sun 28 Sep and Sat 11 Oct
			2025-09-25 |   5 | 2025-10-09 | Fri 26; Sat 27 no; Sun 28 worked; Mon 29; Tue 30; 1-8 Oct off; Thu 9
			2025-09-30 |  10 | 2025-10-21 | 1-8 off; 9,10; Sat 11 worked; Sun 12 no; 13,14,15,16,17; 20,21
			2025-10-09 |  -3 | 2025-09-28 | 8..1 Oct off; Tue 30; Mon 29; Sun 28 worked
			# the year end 2025 -> 2026: off 1-3 Jan 2026, worked Sun 4 Jan
			2025-12-31 |   1 | 2026-01-04 | the first working day of 2026 is a Sunday
			2025-12-30 |   3 | 2026-01-05 | Wed 31 Dec; 1-3 Jan off; Sun 4 worked; Mon 5
			2026-01-05 |  -2 | 2025-12-31 | Sun 4 Jan worked; 3..1 Jan off; Wed 31 Dec
			# 2026 Qingming (Sat 4 - Mon 6 Apr), Labour Day (Fri 1 - Tue 5 May, Sat 9 May worked), Dragon Boat (Fri 19 - Sun 21 Jun)
			2026-04-03 |   1 | 2026-04-07 | Fri 3 Apr, then 4-6 off, Tue 7
			2026-04-30 |   5 | 2026-05-11 | 1-5 May off; 6,7,8; Sat 9 worked; Mon 11
			2026-06-18 |   1 | 2026-06-22 | 19-21 Jun off; Mon 22
			# 2026 Mid-Autumn (Fri 25 - Sun 27 Sep) and the worked Sun 20 Sep of National Day
			2026-09-18 |   1 | 2026-09-20 | Fri 18; Sat 19 no; Sun 20 worked
			2026-09-22 |   5 | 2026-09-30 | 23,24; 25-27 off; 28,29,30
			2026-10-07 |   1 | 2026-10-08 | the last day off of National Day 2026 is Wed 7 Oct
			2026-10-09 |   1 | 2026-10-10 | Sat 10 Oct worked
			2026-10-10 |   1 | 2026-10-12 | Sun 11 Oct is not
			# a whole year: each of 2025 and 2026 has 248 working days (filing.md)
			2025-12-31 | 248 | 2026-12-31 | the 248th working day of 2026 is Thu 31 Dec
			2024-12-31 | 248 | 2025-12-31 | the 248th working day of 2025 is Wed 31 Dec
			2026-01-01 |-248 | 2025-01-02 | counting back through 2025: its first working day is Thu 2 Jan (1 Jan off)
			# zero is the day itself
			2025-10-03 |   0 | 2025-10-03 | no day is counted
			""")
	void countsAsWorkedOutByHand(LocalDate from, int n, LocalDate expected, String working) {
		Count count = DAYS.add(from, n);
		assertThat(count.date()).as(working).isEqualTo(expected);
		assertThat(count.provisional()).as("both years are loaded").isFalse();
		assertThat(count.note()).isNull();
	}

	@Test
	void aCountIntoAnUnloadedYearIsProvisionalAndSaysSo() {
		// filing.md: 10 working days from Thu 2026-12-24 reaches into 2027: an estimate.
		// 25 Dec (Fri); 28, 29, 30, 31 Dec; 2027: Fri 1 Jan (weekends only: counted), 4, 5, 6, 7 Jan
		Count c = DAYS.add(LocalDate.of(2026, 12, 24), 10);
		assertThat(c.date()).isEqualTo(LocalDate.of(2027, 1, 7));
		assertThat(c.provisional()).isTrue();
		assertThat(c.calendars()).containsExactly(2026);
		assertThat(c.estimated()).containsExactly(2027);
		assertThat(c.note().zh()).contains("估计").contains("2027").contains("docs/filing-calendar.md");
		assertThat(c.note().en()).contains("estimate").contains("2027").contains("loaded: 2025, 2026");
	}

	@Test
	void bothSidesOfTheLastLoadedDay() {
		// 248 working days from 31 Dec 2025 is the last one of 2026: exact; one more lands in 2027: an estimate
		assertThat(DAYS.add(LocalDate.of(2025, 12, 31), 248).provisional()).isFalse();
		Count past = DAYS.add(LocalDate.of(2025, 12, 31), 249);
		assertThat(past.date()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(past.provisional()).isTrue();
		// and backwards across the first loaded day
		assertThat(DAYS.add(LocalDate.of(2026, 1, 1), -248).provisional()).isFalse();
		Count before = DAYS.add(LocalDate.of(2026, 1, 1), -249);
		assertThat(before.date()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(before.estimated()).containsExactly(2024);
		Count back = DAYS.add(LocalDate.of(2025, 1, 2), -1);
		assertThat(back.date()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(back.calendars()).containsExactly(2025);
		assertThat(back.estimated()).containsExactly(2024);
	}

	@Test
	void aCountNamesTheYearsItWentThrough() {
		assertThat(DAYS.add(LocalDate.of(2025, 12, 30), 3).calendars()).containsExactly(2025, 2026);
		assertThat(DAYS.add(LocalDate.of(2025, 10, 3), 0).calendars()).isEmpty();
	}

	@ParameterizedTest(name = "{0}: {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			2025-01-25 | false | WEEKEND        | Saturday before the Spring Festival
			2025-01-26 | true  | WORKED_WEEKEND | Sunday worked for the Spring Festival
			2025-01-27 | true  | WEEKDAY        | last working day before the holiday
			2025-01-28 | false | HOLIDAY        | first day off
			2025-02-01 | false | HOLIDAY        | a Saturday inside the holiday
			2025-02-04 | false | HOLIDAY        | last day off
			2025-02-05 | true  | WEEKDAY        | first working day after
			2025-02-08 | true  | WORKED_WEEKEND | Saturday worked
			2025-02-09 | false | WEEKEND        | the Sunday after it is not
			2025-04-04 | false | HOLIDAY        | Qingming, a Friday
			2025-04-27 | true  | WORKED_WEEKEND | Sunday worked for Labour Day
			2025-06-02 | false | HOLIDAY        | Dragon Boat, a Monday
			2025-09-28 | true  | WORKED_WEEKEND | Sunday worked for National Day
			2025-10-08 | false | HOLIDAY        | last day off, a Wednesday
			2025-10-09 | true  | WEEKDAY        | first working day after
			2025-10-11 | true  | WORKED_WEEKEND | Saturday worked
			2025-12-31 | true  | WEEKDAY        | last day of 2025
			2026-01-02 | false | HOLIDAY        | New Year, a Friday
			2026-01-04 | true  | WORKED_WEEKEND | Sunday worked for New Year
			2026-02-14 | true  | WORKED_WEEKEND | Saturday worked before the Spring Festival
			2026-02-23 | false | HOLIDAY        | last day off of the Spring Festival, a Monday
			2026-02-28 | true  | WORKED_WEEKEND | Saturday worked after it
			2026-04-06 | false | HOLIDAY        | Qingming, a Monday
			2026-05-09 | true  | WORKED_WEEKEND | Saturday worked for Labour Day
			2026-06-19 | false | HOLIDAY        | Dragon Boat, a Friday
			2026-09-20 | true  | WORKED_WEEKEND | Sunday worked for National Day
			2026-09-25 | false | HOLIDAY        | Mid-Autumn, a Friday
			2026-10-07 | false | HOLIDAY        | last day off of National Day
			2026-10-08 | true  | WEEKDAY        | first working day after
			2026-10-10 | true  | WORKED_WEEKEND | Saturday worked
			2026-10-11 | false | WEEKEND        | the Sunday after it is not
			""")
	void daysAsTheNoticesSay(LocalDate date, boolean workday, Day.Kind kind, String what) {
		Day day = DAYS.day(date);
		assertThat(day.workday()).as(what).isEqualTo(workday);
		assertThat(DAYS.isWorkday(date)).isEqualTo(workday);
		assertThat(day.kind()).isEqualTo(kind);
		assertThat(day.provisional()).isFalse();
		assertThat(day.calendar().year()).isEqualTo(date.getYear());
	}

	@Test
	void aReasonNamesTheHolidayAndTheNotice() {
		Day off = DAYS.day(LocalDate.of(2025, 10, 3));
		assertThat(off.reason().zh()).isEqualTo(
				"休息日：国庆·中秋放假（2025-10-01 至 2025-10-08），依据国务院办公厅通知（国办发明电〔2024〕12号，2024-11-12）");
		assertThat(off.reason().en()).isEqualTo("not a working day: National Day and Mid-Autumn Festival holiday "
				+ "(2025-10-01 to 2025-10-08), by notice 国办发明电〔2024〕12号 of the General Office of the State Council (2024-11-12)");
		Day worked = DAYS.day(LocalDate.of(2026, 2, 28));
		assertThat(worked.reason().zh()).isEqualTo("工作日：调休上班（星期六，春节调休），依据国务院办公厅通知（2025-11-04）");
		assertThat(worked.reason().en()).isEqualTo("a working day: a Saturday worked in exchange for the Spring Festival "
				+ "holiday (调休上班), by the General Office of the State Council's notice of 2025-11-04");
		assertThat(DAYS.day(LocalDate.of(2025, 2, 9)).reason().en()).isEqualTo("not a working day: weekend (Sunday)");
		assertThat(DAYS.day(LocalDate.of(2025, 2, 5)).reason().zh()).isEqualTo("工作日（星期三）");
	}

	@Test
	void aDayOfAnUnloadedYearIsKnownByItsWeekdayOnlyAndSaysSo() {
		// 1 Jan 2027 is a Friday; whatever the 2027 notice will say, only the weekend is known here
		Day day = DAYS.day(LocalDate.of(2027, 1, 1));
		assertThat(day.workday()).isTrue();
		assertThat(day.provisional()).isTrue();
		assertThat(day.calendar()).isNull();
		assertThat(day.reason().en()).isEqualTo(
				"a working day (Friday); no holiday schedule for 2027 is loaded, so only weekends are known (an estimate)");
		assertThat(day.reason().zh()).isEqualTo("工作日（星期五）；未载入 2027 年的节假日安排，仅按周末判断（估计）");
		assertThat(DAYS.day(LocalDate.of(2024, 12, 31)).provisional()).isTrue();
	}

	@Test
	void boundsAreEnforced() {
		LocalDate d = LocalDate.of(2026, 1, 5);
		assertThat(DAYS.add(d, 10_000).provisional()).isTrue();
		assertThat(DAYS.add(d, -10_000).provisional()).isTrue();
		assertThatThrownBy(() -> DAYS.add(d, 10_001)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000");
		assertThatThrownBy(() -> DAYS.add(d, -10_001)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DAYS.add(LocalDate.of(1899, 12, 31), 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DAYS.day(LocalDate.of(3000, 1, 1))).isInstanceOf(IllegalArgumentException.class);
		assertThat(DAYS.add(WorkingDays.MAX_DATE, 10_000).date().getYear()).isEqualTo(3038);
	}

}
