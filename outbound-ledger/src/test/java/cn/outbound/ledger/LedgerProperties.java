package cn.outbound.ledger;

import cn.outbound.rules.scenario.Basis;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import cn.outbound.ledger.db.Database;
import cn.outbound.pii.IdentifierKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #4: the count is the size of the union. Random events (persons drawn from a small pool so that they overlap,
 * random classes, bases and dates, recorded in random order) against the H2 ledger: every count the ledger gives
 * equals the size of the matching union of sets computed here.
 */
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

	@AfterContainer
	static void close() {
		if (database != null) {
			database.close();
			TestDatabases.deleteTree(dir);
		}
	}

	@Property(tries = 40)
	void everyCountIsTheSizeOfTheUnion(@ForAll("events") List<Ev> events, @ForAll("dates") LocalDate asOf)
			throws Exception {
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

	@Provide
	Arbitrary<List<Ev>> events() {
		Arbitrary<Set<Integer>> persons = Arbitraries.integers().between(0, 120).set().ofMinSize(1).ofMaxSize(60);
		Arbitrary<Boolean> sensitive = Arbitraries.of(false, false, true);
		Arbitrary<Basis> basis = Arbitraries.of(Basis.NONE, Basis.NONE, Basis.NONE, Basis.HR, Basis.CONTRACT);
		return Combinators.combine(persons, sensitive, basis, dates()).as(Ev::new).list().ofMinSize(1).ofMaxSize(7);
	}

	@Provide
	Arbitrary<LocalDate> dates() {
		return Arbitraries.integers().between(0, 364).map(d -> LocalDate.of(2026, 1, 1).plusDays(d));
	}

}
