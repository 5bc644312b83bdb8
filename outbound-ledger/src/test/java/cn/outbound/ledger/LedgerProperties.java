package cn.outbound.ledger;

import cn.outbound.testing.Seeded;
import cn.outbound.rules.Basis;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.outbound.ledger.db.Database;
import cn.outbound.pii.IdentifierKind;

import static cn.outbound.testing.Seeded.args;
import static cn.outbound.testing.Seeded.between;
import static cn.outbound.testing.Seeded.edge;
import static cn.outbound.testing.Seeded.list;
import static cn.outbound.testing.Seeded.pick;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * #4: the count is the size of the union. Random events (persons drawn from a small pool so that they overlap,
 * random classes, bases and dates, recorded in random order) against the H2 ledger: every count the ledger gives
 * equals the size of the matching union of sets computed here.
 */
@ExtendWith(Seeded.Replay.class)
class LedgerProperties {

	private static Database database;

	private static java.nio.file.Path dir;

	private static Ledger ledger;

	private static final AtomicInteger PROCESSORS = new AtomicInteger();

	record Ev(Set<Integer> persons, boolean sensitive, Basis basis, LocalDate date) {
	}

	static synchronized Ledger ledger() throws Exception {
		if (ledger == null) {
			dir = Files.createTempDirectory("ledger-properties");
			database = TestDatabases.h2(dir);
			ledger = Ledger.open(database, LedgerKey.of(new byte[32]), LedgerSettings.defaults().withRunCapacity(16));
		}
		return ledger;
	}

	@AfterAll
	static void close() {
		if (database != null) {
			database.close();
			TestDatabases.deleteTree(dir);
		}
	}

	/**
	 * First: one event of one person; seven events of the same person on the first day, counted as of the first and the
	 * last day; all 121 persons in seven events, sensitive and not, with each basis, on the last day; one exempt and one
	 * counted event of the same persons; persons 0 and 120 only. Then one to seven random events (1 to 60 persons of
	 * 0 to 120; sensitive one time in three; basis none three times in five, else HR or contract; any day of 2026) and
	 * a random day to count up to.
	 */
	static Stream<Arguments> events() {
		Set<Integer> one = Set.of(7);
		Set<Integer> everyone = IntStream.rangeClosed(0, 120).boxed().collect(Collectors.toCollection(LinkedHashSet::new));
		Set<Integer> ends = new LinkedHashSet<>(List.of(0, 120));
		List<Ev> sameAll = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			sameAll.add(new Ev(one, false, Basis.NONE, FIRST_DAY));
		}
		List<Ev> all = List.of(new Ev(everyone, false, Basis.NONE, LAST_DAY), new Ev(everyone, true, Basis.NONE, LAST_DAY),
				new Ev(everyone, false, Basis.HR, LAST_DAY), new Ev(everyone, true, Basis.HR, LAST_DAY),
				new Ev(everyone, false, Basis.CONTRACT, LAST_DAY), new Ev(everyone, true, Basis.CONTRACT, LAST_DAY),
				new Ev(everyone, false, Basis.NONE, FIRST_DAY));
		List<Arguments> edges = List.of(edge("one person", List.of(new Ev(one, false, Basis.NONE, FIRST_DAY)), FIRST_DAY),
				edge("the same person seven times, as of the first day", sameAll, FIRST_DAY),
				edge("the same person seven times, as of the last day", sameAll, LAST_DAY),
				edge("everyone, every class and basis, as of the last day", all, LAST_DAY),
				edge("everyone, every class and basis, as of the day before", all, LAST_DAY.minusDays(1)),
				edge("exempt and counted, the same persons",
						List.of(new Ev(everyone, false, Basis.HR, FIRST_DAY), new Ev(everyone, false, Basis.NONE, LAST_DAY)),
						LAST_DAY),
				edge("persons 0 and 120", List.of(new Ev(ends, true, Basis.NONE, FIRST_DAY)), LAST_DAY));
		return Seeded.cases(1_000_000, 40, edges, r -> args(list(r, 1, 7, LedgerProperties::event), date(r)));
	}

	@ParameterizedTest
	@MethodSource("events")
	void everyCountIsTheSizeOfTheUnion(List<Ev> events, LocalDate asOf) throws Exception {
		Ledger l = ledger();
		String p = "prop-" + PROCESSORS.incrementAndGet();
		int k = 0;
		for (Ev e : events) {
			List<String> ids = e.persons().stream().map(n -> TestIds.residentId(n)).toList();
			l.record(new EventSpec(p, "e" + (k++), e.date(), null, e.basis(), null),
					Persons.of(PersonClass.of(e.sensitive()), IdentifierKind.RESIDENT_ID, ids));
		}
		LedgerStatus s = l.status(p, 2026, asOf, Thresholds.NATIONAL_2024);
		assertThat(s.individuals()).isEqualTo(union(events, false, true, asOf));
		assertThat(s.sensitiveIndividuals()).isEqualTo(union(events, true, true, asOf));
		assertThat(s.exempt().individuals()).isEqualTo(union(events, false, false, asOf));
		assertThat(s.exempt().sensitiveIndividuals()).isEqualTo(union(events, true, false, asOf));
		for (LedgerStatus.Month m : s.months()) {
			LocalDate end = m.month().atEndOfMonth().isAfter(asOf) ? asOf : m.month().atEndOfMonth();
			assertThat(m.individuals()).isEqualTo(union(events, false, true, end));
		}
		assertThat(l.countsUpTo(p, asOf).individuals()).isEqualTo(s.individuals());
		LedgerStatus whole = l.status(p, 2026, LocalDate.of(2026, 12, 31), Thresholds.NATIONAL_2024);
		l.rebuild(p, 2026);
		assertThat(l.status(p, 2026, LocalDate.of(2026, 12, 31), Thresholds.NATIONAL_2024)).isEqualTo(whole);
	}

	private static long union(List<Ev> events, boolean sensitive, boolean counted, LocalDate asOf) {
		Set<Integer> u = new HashSet<>();
		for (Ev e : events) {
			if (e.sensitive() == sensitive && e.basis().exempt() != counted && !e.date().isAfter(asOf)) {
				u.addAll(e.persons());
			}
		}
		return u.size();
	}

	private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

	private static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 31);

	private static Ev event(SplittableRandom r) {
		Set<Integer> persons = new HashSet<>();
		int size = between(r, 1, 60);
		while (persons.size() < size) {
			persons.add(between(r, 0, 120));
		}
		return new Ev(persons, r.nextInt(3) == 0, pick(r, Basis.NONE, Basis.NONE, Basis.NONE, Basis.HR, Basis.CONTRACT),
				date(r));
	}

	private static LocalDate date(SplittableRandom r) {
		return FIRST_DAY.plusDays(between(r, 0, 364));
	}

}
