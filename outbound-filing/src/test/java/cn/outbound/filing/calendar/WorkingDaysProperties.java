package cn.outbound.filing.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.outbound.testing.Seeded;

import static cn.outbound.testing.Seeded.args;
import static cn.outbound.testing.Seeded.between;
import static cn.outbound.testing.Seeded.edge;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of working-day counting over dates from 2024 to 2027 (an unloaded year on each side of the two loaded
 * ones) and counts up to 600 either way: named edge cases (the holidays' edges, the year ends, worked weekend days)
 * first, then random ones from fixed seeds.
 */
@ExtendWith(Seeded.Replay.class)
class WorkingDaysProperties {

	private static final WorkingDays DAYS = WorkingDays.builtIn();

	/** No calendar at all: weekends only. */
	private static final WorkingDays WEEKENDS_ONLY = new WorkingDays(Calendars.of(List.of()));

	private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

	private static final LocalDate LAST = LocalDate.of(2027, 12, 31);

	static Stream<Arguments> datesAndCounts() {
		List<Arguments> edges = List.of(edge("last working day before the 2025 Spring Festival", d(2025, 1, 27), 1),
				edge("first day off of the 2025 Spring Festival", d(2025, 1, 28), 3),
				edge("a worked Sunday", d(2025, 1, 26), -4), edge("a worked Saturday", d(2026, 10, 10), 7),
				edge("New Year's Eve 2025, forward", d(2025, 12, 31), 1), edge("New Year's Eve 2025, back", d(2025, 12, 31), -1),
				edge("into 2027", d(2026, 12, 31), 5), edge("back into 2024", d(2025, 1, 2), -5),
				edge("a whole year", d(2025, 12, 31), 248), edge("the largest here", d(2024, 1, 1), 600),
				edge("the smallest here", d(2027, 12, 31), -600), edge("a day off, back", d(2026, 2, 20), -1));
		return Seeded.cases(7_100_000, 300, edges, r -> args(date(r), count(r)));
	}

	private static LocalDate d(int y, int m, int day) {
		return LocalDate.of(y, m, day);
	}

	private static LocalDate date(SplittableRandom r) {
		return FIRST.plusDays(between(r, 0, (int) (LAST.toEpochDay() - FIRST.toEpochDay())));
	}

	private static int count(SplittableRandom r) {
		int n = r.nextBoolean() ? between(r, 1, 30) : between(r, 1, 600);
		return r.nextBoolean() ? n : -n;
	}

	@ParameterizedTest
	@MethodSource("datesAndCounts")
	void theResultIsAWorkingDayAndExactlyNWorkingDaysAway(LocalDate from, int n) {
		Count c = DAYS.add(from, n);
		assertThat(DAYS.isWorkday(c.date())).isTrue();
		assertThat(n > 0 ? c.date().isAfter(from) : c.date().isBefore(from)).isTrue();
		// the working days in (from, date] (or [date, from)) are exactly |n|, the last one being the date
		int seen = 0;
		int step = (n > 0) ? 1 : -1;
		for (LocalDate d = from.plusDays(step); !d.equals(c.date().plusDays(step)); d = d.plusDays(step)) {
			if (DAYS.isWorkday(d)) {
				seen++;
			}
		}
		assertThat(seen).isEqualTo(Math.abs(n));
	}

	@ParameterizedTest
	@MethodSource("datesAndCounts")
	void countingBackUndoesCountingForwardFromAWorkingDay(LocalDate from, int n) {
		LocalDate there = DAYS.add(from, n).date();
		LocalDate back = DAYS.add(there, -n).date();
		if (DAYS.isWorkday(from)) {
			assertThat(back).isEqualTo(from);
		}
		else {
			// from a day off, the way back stops at the nearest working day on the side it came from
			assertThat(back).isEqualTo(DAYS.add(from, (n > 0) ? -1 : 1).date());
		}
	}

	@ParameterizedTest
	@MethodSource("datesAndCounts")
	void countsAddUpAndGrowWithN(LocalDate from, int n) {
		int a = n / 2;
		int b = n - a;
		if (a != 0) {
			assertThat(DAYS.add(DAYS.add(from, a).date(), b).date()).isEqualTo(DAYS.add(from, n).date());
		}
		int bigger = (n == 600) ? n : n + 1;
		assertThat(DAYS.add(from, bigger).date()).isAfterOrEqualTo(DAYS.add(from, n).date());
		if (bigger != n) {
			assertThat(DAYS.add(from, bigger).date()).isAfter(DAYS.add(from, n).date());
		}
	}

	@ParameterizedTest
	@MethodSource("datesAndCounts")
	void aLaterStartNeverGivesAnEarlierDate(LocalDate from, int n) {
		LocalDate later = from.plusDays(1);
		assertThat(DAYS.add(later, n).date()).isAfterOrEqualTo(DAYS.add(from, n).date());
	}

	@ParameterizedTest
	@MethodSource("datesAndCounts")
	void provisionalExactlyWhenTheCountTouchesAnUnloadedYear(LocalDate from, int n) {
		Count c = DAYS.add(from, n);
		LocalDate first = (n > 0) ? from.plusDays(1) : c.date();
		LocalDate last = (n > 0) ? c.date() : from.minusDays(1);
		boolean touches = first.getYear() < 2025 || last.getYear() > 2026;
		assertThat(c.provisional()).isEqualTo(touches);
		assertThat(c.calendars()).allMatch(y -> y == 2025 || y == 2026);
		assertThat(c.estimated()).noneMatch(y -> y == 2025 || y == 2026);
	}

	@ParameterizedTest
	@MethodSource("datesAndCounts")
	void withoutACalendarFiveWorkingDaysAreAWeek(LocalDate from, int n) {
		// from a Monday, 5k weekdays later is the Monday k weeks on (and back likewise)
		LocalDate monday = from.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		int weeks = n / 5;
		Count c = WEEKENDS_ONLY.add(monday, weeks * 5);
		assertThat(c.date()).isEqualTo(monday.plusWeeks(weeks));
		assertThat(c.provisional()).isEqualTo(weeks != 0);
		assertThat(c.calendars()).isEmpty();
	}

}
