package cn.outbound.ledger;

import cn.outbound.rules.Basis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import cn.outbound.ledger.db.Database;
import cn.outbound.pii.IdentifierKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's behaviour, run once on H2 and once on PostgreSQL by the subclasses. Each test uses its own processor
 * id, so the tests of a class share one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LedgerSuite {

	static final LedgerKey KEY = LedgerKey.of(new byte[32]);

	private static final AtomicInteger PROCESSORS = new AtomicInteger();

	Database database;

	Ledger ledger;

	Path spill;

	abstract Database openDatabase() throws Exception;

	@BeforeAll
	void open() throws Exception {
		this.database = openDatabase();
		this.spill = Files.createTempDirectory("ledger-suite-spill");
		this.ledger = Ledger.open(this.database, KEY, LedgerSettings.defaults().withSpillDirectory(this.spill));
	}

	@AfterAll
	void close() {
		if (this.database != null) {
			this.database.close();
		}
		dropDatabase();
	}

	/** Removes what {@link #openDatabase} made, when it is worth removing. */
	void dropDatabase() {
	}

	static String processor() {
		return "proc-" + PROCESSORS.incrementAndGet();
	}

	static EventSpec event(String processor, String key, String date) {
		return EventSpec.of(processor, key, LocalDate.parse(date), Basis.NONE);
	}

	static Persons ids(List<String> values) {
		return Persons.of(PersonClass.NON_SENSITIVE, IdentifierKind.RESIDENT_ID, values);
	}

	static Persons sensitiveIds(List<String> values) {
		return Persons.of(PersonClass.SENSITIVE, IdentifierKind.RESIDENT_ID, values);
	}

	LedgerStatus status(String p, int year) {
		return this.ledger.status(p, year, LocalDate.of(year, 12, 31), Thresholds.NATIONAL_2024);
	}

	@Test // #9
	void aProcessorIdThatLooksTheSameIsTheSameLedgerAndInvisibleCharactersAreRefused() {
		String p = processor();
		String wide = java.text.Normalizer.normalize(p, java.text.Normalizer.Form.NFKC).chars()
			.mapToObj(c -> (c >= '!' && c <= '~') ? String.valueOf((char) (c - '!' + '\uFF01')) : String.valueOf((char) c))
			.collect(java.util.stream.Collectors.joining());
		this.ledger.record(event(p, "e1", "2026-03-01"), ids(TestIds.residentIds(0, 10)));
		this.ledger.record(event(wide, "e2", "2026-03-02"), ids(TestIds.residentIds(5, 15)));
		assertThat(status(p, 2026).individuals()).isEqualTo(15);
		assertThat(status(wide, 2026).individuals()).isEqualTo(15);
		assertThatThrownBy(() -> this.ledger.record(event(p + "\u200b", "e3", "2026-03-03"),
				ids(TestIds.residentIds(0, 1))))
			.isInstanceOf(LedgerInputException.class)
			.hasMessageContaining("invisible or control character (U+200B)");
		assertThat(status(p, 2026).events()).isEqualTo(2);
	}

	@Test // #4
	void personExportedInSeveralEventsCountsOnce() {
		String p = processor();
		RecordResult first = this.ledger.record(event(p, "e1", "2026-03-01"), ids(TestIds.residentIds(0, 100)));
		RecordResult second = this.ledger.record(event(p, "e2", "2026-03-02"), ids(TestIds.residentIds(50, 150)));
		assertThat(first.outcome()).isEqualTo(RecordResult.Outcome.RECORDED);
		assertThat(first.part(PersonClass.NON_SENSITIVE).newThisYear()).isEqualTo(100);
		assertThat(second.part(PersonClass.NON_SENSITIVE).persons()).isEqualTo(100);
		assertThat(second.part(PersonClass.NON_SENSITIVE).newThisYear()).isEqualTo(50);
		LedgerStatus s = status(p, 2026);
		assertThat(s.individuals()).isEqualTo(150);
		assertThat(s.sensitiveIndividuals()).isZero();
		assertThat(s.events()).isEqualTo(2);
	}

	@Test
	void duplicatesInOneFileCountOnce() {
		String p = processor();
		List<String> values = new ArrayList<>(TestIds.residentIds(0, 10));
		values.addAll(TestIds.residentIds(0, 10));
		RecordResult r = this.ledger.record(event(p, "e1", "2026-03-01"), ids(values));
		assertThat(r.part(PersonClass.NON_SENSITIVE).identifiers()).isEqualTo(20);
		assertThat(r.part(PersonClass.NON_SENSITIVE).persons()).isEqualTo(10);
		assertThat(status(p, 2026).individuals()).isEqualTo(10);
	}

	@Test
	void differentlyWrittenIdentifiersOfOnePersonCountOnce() {
		String p = processor();
		// legacy 15-digit form, lower-case x, spaces around
		this.ledger.record(event(p, "id", "2026-01-05"),
				ids(List.of(TestIds.ZHANG_WEI_ID, "  11010519491231002x ", "110105491231002")));
		assertThat(status(p, 2026).individuals()).isEqualTo(1);
		String q = processor();
		this.ledger.record(event(q, "m", "2026-01-05"), Persons.of(PersonClass.NON_SENSITIVE, IdentifierKind.MOBILE,
				List.of("+86 139-0000-0001", "13900000001", "139 0000 0001")));
		this.ledger.record(event(q, "e", "2026-01-05"), Persons.of(PersonClass.NON_SENSITIVE, IdentifierKind.EMAIL,
				List.of("Zhang.Wei@Example.CN", "zhang.wei@example.cn ")));
		assertThat(status(q, 2026).individuals()).isEqualTo(2);
	}

	@Test
	void autoKindTellsResidentIdsMobilesAndEmails() {
		String p = processor();
		this.ledger.record(event(p, "a", "2026-01-05"),
				Persons.of(PersonClass.NON_SENSITIVE, Persons.AUTO, List.of(TestIds.ZHANG_WEI_ID, "110105491231002",
						"+86 139 0000 0001", "Zhang.Wei@Example.CN", "CUST-0001")));
		this.ledger.record(event(p, "b", "2026-01-06"), Persons.of(PersonClass.NON_SENSITIVE, IdentifierKind.MOBILE,
				List.of("13900000001")));
		assertThat(status(p, 2026).individuals()).isEqualTo(4);
	}

	@Test
	void sensitiveClassIsCountedApart() {
		String p = processor();
		this.ledger.record(event(p, "n", "2026-02-01"), ids(TestIds.residentIds(0, 30)));
		this.ledger.record(event(p, "s", "2026-02-01"), sensitiveIds(TestIds.residentIds(20, 40)));
		LedgerStatus s = status(p, 2026);
		assertThat(s.individuals()).isEqualTo(30);
		assertThat(s.sensitiveIndividuals()).isEqualTo(20);
	}

	@Test
	void oneEventCanCarryBothClasses() {
		String p = processor();
		RecordResult r = this.ledger.record(event(p, "both", "2026-02-01"),
				List.of(ids(TestIds.residentIds(0, 30)), sensitiveIds(TestIds.residentIds(10, 15))), IngestOptions.DEFAULT);
		assertThat(r.part(PersonClass.NON_SENSITIVE).persons()).isEqualTo(30);
		assertThat(r.part(PersonClass.SENSITIVE).persons()).isEqualTo(5);
		LedgerStatus s = status(p, 2026);
		assertThat(s.individuals()).isEqualTo(30);
		assertThat(s.sensitiveIndividuals()).isEqualTo(5);
	}

	@Test
	void exemptBasesAreKeptApartAndNotCountedByDefault() {
		String p = processor();
		this.ledger.record(event(p, "none", "2026-04-01"), ids(TestIds.residentIds(0, 10)));
		this.ledger.record(new EventSpec(p, "hr", LocalDate.parse("2026-04-02"), "HQ GmbH", Basis.HR, null),
				ids(TestIds.residentIds(5, 25)));
		this.ledger.record(new EventSpec(p, "contract", LocalDate.parse("2026-04-03"), "Shop Ltd", Basis.CONTRACT,
				null), ids(TestIds.residentIds(20, 30)));
		LedgerStatus s = status(p, 2026);
		assertThat(s.individuals()).isEqualTo(10);
		assertThat(s.exempt().individuals()).isEqualTo(25);
		assertThat(s.exemptBasesCounted()).isFalse();
		assertThat(s.bases()).extracting(LedgerStatus.BasisCounts::basis)
			.containsExactly(Basis.NONE, Basis.CONTRACT, Basis.HR);
		assertThat(s.bases()).filteredOn(b -> b.basis() == Basis.HR)
			.singleElement()
			.satisfies(b -> assertThat(b.individuals()).isEqualTo(20));

		Ledger counting = Ledger.open(this.database, KEY, LedgerSettings.defaults().withCountExemptBases(true));
		LedgerStatus all = counting.status(p, 2026, LocalDate.of(2026, 12, 31), Thresholds.NATIONAL_2024);
		assertThat(all.individuals()).isEqualTo(30);
		assertThat(all.exemptBasesCounted()).isTrue();
		assertThat(counting.countsUpTo(p, LocalDate.of(2026, 4, 2)).individuals()).isEqualTo(25);
	}

	@Test
	void perRecipientCountsAreDistinctPerRecipient() {
		String p = processor();
		this.ledger.record(new EventSpec(p, "a", LocalDate.parse("2026-05-01"), "Alpha", Basis.NONE, null),
				ids(TestIds.residentIds(0, 10)));
		this.ledger.record(new EventSpec(p, "b", LocalDate.parse("2026-05-02"), "Beta", Basis.NONE, null),
				ids(TestIds.residentIds(5, 20)));
		this.ledger.record(new EventSpec(p, "c", LocalDate.parse("2026-06-02"), "Alpha", Basis.EMERGENCY, null),
				ids(TestIds.residentIds(100, 103)));
		LedgerStatus s = status(p, 2026);
		assertThat(s.recipients()).containsExactly(
				new LedgerStatus.Recipient("Alpha", 10, 0, new ClassCounts(3, 0)),
				new LedgerStatus.Recipient("Beta", 15, 0, ClassCounts.ZERO));
		assertThat(s.individuals()).isEqualTo(20);
	}

	@Test
	void monthlyHistoryIsCumulativeWithNewPersonsPerMonth() {
		String p = processor();
		this.ledger.record(event(p, "jan", "2026-01-10"), ids(TestIds.residentIds(0, 10)));
		this.ledger.record(event(p, "mar", "2026-03-10"), ids(TestIds.residentIds(5, 20)));
		LedgerStatus s = this.ledger.status(p, 2026, LocalDate.of(2026, 4, 30), Thresholds.NATIONAL_2024);
		assertThat(s.months()).extracting(LedgerStatus.Month::individuals).containsExactly(10L, 10L, 20L, 20L);
		assertThat(s.months()).extracting(LedgerStatus.Month::newIndividuals).containsExactly(10L, 0L, 10L, 0L);
	}

	@Test
	void eventsRecordedOutOfDateOrderStillCountByDate() {
		String p = processor();
		this.ledger.record(event(p, "may", "2026-05-10"), ids(TestIds.residentIds(0, 10)));
		this.ledger.record(event(p, "feb", "2026-02-10"), ids(TestIds.residentIds(5, 8)));
		LedgerStatus s = status(p, 2026);
		assertThat(s.months().get(1).individuals()).isEqualTo(3);
		assertThat(s.months().get(4).individuals()).isEqualTo(10);
		assertThat(this.ledger.countsUpTo(p, LocalDate.of(2026, 3, 1)).individuals()).isEqualTo(3);
	}

	@Test
	void countsUpToADateLeaveOutLaterEventsOfTheSameMonth() {
		String p = processor();
		this.ledger.record(event(p, "a", "2026-03-05"), ids(TestIds.residentIds(0, 10)));
		this.ledger.record(event(p, "b", "2026-03-20"), ids(TestIds.residentIds(5, 30)));
		this.ledger.record(event(p, "c", "2026-02-20"), sensitiveIds(TestIds.residentIds(0, 2)));
		LedgerCounts before = this.ledger.countsUpTo(p, LocalDate.of(2026, 3, 19));
		assertThat(before.individuals()).isEqualTo(10);
		assertThat(before.sensitiveIndividuals()).isEqualTo(2);
		assertThat(before.events()).isEqualTo(2);
		assertThat(this.ledger.countsUpTo(p, LocalDate.of(2026, 3, 20)).individuals()).isEqualTo(30);
		assertThat(this.ledger.countsUpTo(p, LocalDate.of(2026, 3, 4)).individuals()).isZero();
		assertThat(this.ledger.countsUpTo(p, LocalDate.of(2026, 3, 4)).sensitiveIndividuals()).isEqualTo(2);
		LedgerStatus mid = this.ledger.status(p, 2026, LocalDate.of(2026, 3, 19), Thresholds.NATIONAL_2024);
		assertThat(mid.months()).extracting(LedgerStatus.Month::individuals).containsExactly(0L, 0L, 10L);
	}

	@Test
	void rememberedCountsFollowWritesFromAnotherLedgerOnTheSameDatabase() {
		// a second Ledger over the same database stands for another process (the CLI beside the server)
		String p = processor();
		Ledger other = Ledger.open(this.database, KEY, LedgerSettings.defaults().withSpillDirectory(this.spill));
		LocalDate day = LocalDate.of(2026, 5, 31);
		this.ledger.record(event(p, "a", "2026-05-01"), ids(TestIds.residentIds(0, 10)));
		assertThat(this.ledger.countsUpTo(p, day).individuals()).isEqualTo(10);
		assertThat(this.ledger.countsUpTo(p, day).individuals()).isEqualTo(10);
		long before = this.ledger.version();
		other.record(event(p, "b", "2026-05-02"), ids(TestIds.residentIds(5, 25)));
		assertThat(this.ledger.version()).isGreaterThan(before);
		assertThat(this.ledger.countsUpTo(p, day).individuals()).isEqualTo(25);
		assertThat(this.ledger.countsUpTo(p, day).events()).isEqualTo(2);
		other.rebuild(p, 2026);
		assertThat(this.ledger.countsUpTo(p, day).individuals()).isEqualTo(25);
		// a re-sent event changes nothing and need not raise the version
		other.record(event(p, "b", "2026-05-02"), ids(TestIds.residentIds(5, 25)));
		assertThat(this.ledger.countsUpTo(p, day).individuals()).isEqualTo(25);
	}

	@Test // #4 year rollover
	void theYearTurnsOnFirstJanuaryInShanghai() {
		String p = processor();
		this.ledger.record(event(p, "eve", "2025-12-31"), ids(TestIds.residentIds(0, 10)));
		this.ledger.record(event(p, "new-year", "2026-01-01"), ids(TestIds.residentIds(0, 4)));
		assertThat(status(p, 2025).individuals()).isEqualTo(10);
		assertThat(status(p, 2026).individuals()).isEqualTo(4);
		assertThat(this.ledger.countsUpTo(p, LocalDate.of(2026, 1, 1)).individuals()).isEqualTo(4);
		assertThat(this.ledger.countsUpTo(p, LocalDate.of(2025, 12, 31)).individuals()).isEqualTo(10);
		// 16:30 UTC on 31 December is already 1 January in Shanghai
		Clock clock = Clock.fixed(Instant.parse("2025-12-31T16:30:00Z"), ZoneOffset.UTC);
		Ledger shanghai = Ledger.open(this.database, KEY, LedgerSettings.defaults().withClock(clock));
		assertThat(shanghai.today()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(shanghai.status(p, 2026, Thresholds.NATIONAL_2024).asOf()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(shanghai.status(p, 2025, Thresholds.NATIONAL_2024).asOf()).isEqualTo(LocalDate.of(2025, 12, 31));
	}

	@Test // #4 idempotent by event key
	void aReSentEventNeverCountsTwice() {
		String p = processor();
		EventSpec e = event(p, "batch-1", "2026-03-01");
		this.ledger.record(e, ids(TestIds.residentIds(0, 100)));
		List<String> shuffled = new ArrayList<>(TestIds.residentIds(0, 100));
		java.util.Collections.reverse(shuffled);
		shuffled.add(TestIds.residentId(3));
		RecordResult again = this.ledger.record(e, ids(shuffled));
		assertThat(again.outcome()).isEqualTo(RecordResult.Outcome.ALREADY_RECORDED);
		assertThat(again.part(PersonClass.NON_SENSITIVE).persons()).isEqualTo(100);
		assertThat(status(p, 2026).individuals()).isEqualTo(100);
		assertThat(status(p, 2026).events()).isEqualTo(1);
	}

	@Test // #4 a different file under a used key is refused
	void aDifferentEventUnderAUsedKeyIsRefused() {
		String p = processor();
		EventSpec e = event(p, "batch-1", "2026-03-01");
		this.ledger.record(e, ids(TestIds.residentIds(0, 100)));
		assertThatThrownBy(() -> this.ledger.record(e, ids(TestIds.residentIds(0, 101))))
			.isInstanceOf(EventKeyConflictException.class)
			.hasMessageContaining("batch-1");
		assertThatThrownBy(() -> this.ledger.record(event(p, "batch-1", "2026-03-02"), ids(TestIds.residentIds(0, 100))))
			.isInstanceOf(EventKeyConflictException.class);
		assertThat(status(p, 2026).individuals()).isEqualTo(100);
	}

	@Test // #4 unreadable rows
	void invalidRowsRecordNothingUnlessSkipped() {
		String p = processor();
		List<String> values = new ArrayList<>(TestIds.residentIds(0, 5));
		values.add(2, "110105194912310021"); // wrong check digit
		values.add("");
		EventSpec e = event(p, "bad", "2026-03-01");
		assertThatThrownBy(() -> this.ledger.record(e, ids(values))).isInstanceOfSatisfying(
				InvalidIdentifiersException.class, ex -> {
					assertThat(ex.invalidCount()).isEqualTo(2);
					assertThat(ex.rows()).extracting(InvalidRow::row).containsExactly(3L, 7L);
					assertThat(ex.rows().get(0).maskedValue()).isEqualTo("110************021")
						.doesNotContain("1949123");
					assertThat(ex.rows().get(0).reason()).contains("check digit");
					assertThat(ex.getMessage()).doesNotContain("110105194912310021");
				});
		assertThat(status(p, 2026).events()).isZero();
		RecordResult r = this.ledger.record(e, ids(values), IngestOptions.DEFAULT.withSkipInvalid(true));
		assertThat(r.invalidRows()).isEqualTo(2);
		assertThat(r.part(PersonClass.NON_SENSITIVE).persons()).isEqualTo(5);
		assertThat(status(p, 2026).individuals()).isEqualTo(5);
	}

	@Test // #9: a cell may hold a megabyte; a value that long is no identifier, and a batch holds a little of it
	void aValueLongerThanAnyIdentifierIsAnInvalidRow() {
		String p = processor();
		List<String> values = new ArrayList<>(TestIds.residentIds(0, 3));
		values.add("1".repeat(1025));
		values.add("2".repeat(1024));
		EventSpec e = event(p, "long", "2026-03-01");
		Persons opaque = Persons.of(PersonClass.NON_SENSITIVE, IdentifierKind.OPAQUE, values);
		assertThatThrownBy(() -> this.ledger.record(e, opaque)).isInstanceOfSatisfying(InvalidIdentifiersException.class,
				ex -> {
					assertThat(ex.rows()).extracting(InvalidRow::row).containsExactly(4L);
					assertThat(ex.rows().get(0).reason()).isEqualTo("longer than 1024 characters: not an identifier");
					assertThat(ex.rows().get(0).maskedValue().length()).isLessThanOrEqualTo(32);
				});
		assertThat(status(p, 2026).events()).isZero();
	}

	@Test
	void whatIfTellsTheOverlapWithoutRecording() {
		String p = processor();
		this.ledger.record(event(p, "a", "2026-03-01"), ids(TestIds.residentIds(0, 100)));
		WhatIf w = this.ledger.whatIf(p, LocalDate.of(2026, 6, 1), Basis.NONE, ids(TestIds.residentIds(80, 130)),
				Thresholds.NATIONAL_2024);
		assertThat(w.persons()).isEqualTo(50);
		assertThat(w.alreadyRecorded()).isEqualTo(20);
		assertThat(w.newPersons()).isEqualTo(30);
		assertThat(w.before()).isEqualTo(100);
		assertThat(w.after()).isEqualTo(130);
		assertThat(w.thresholds()).extracting(Headroom::headroom).containsExactly(100_000L - 130, 1_000_000L - 130);
		assertThat(status(p, 2026).individuals()).isEqualTo(100);
		WhatIf exempt = this.ledger.whatIf(p, LocalDate.of(2026, 6, 1), Basis.HR, ids(TestIds.residentIds(80, 130)),
				Thresholds.NATIONAL_2024);
		assertThat(exempt.counted()).isFalse();
		assertThat(exempt.newPersons()).isEqualTo(50);
		assertThat(exempt.after()).isEqualTo(100);
	}

	@Test // #4 alerts at 80 %, 95 %, 100 %
	void headroomAndAlertsFollowTheGivenThresholds() {
		String p = processor();
		Thresholds small = new Thresholds("test", List.of(
				new Thresholds.Band("n-100", PersonClass.NON_SENSITIVE, 100, "test"),
				new Thresholds.Band("n-20", PersonClass.NON_SENSITIVE, 20, "test"),
				new Thresholds.Band("s-10", PersonClass.SENSITIVE, 10, "test")), List.of(80, 95, 100));
		this.ledger.record(event(p, "a", "2026-03-01"), ids(TestIds.residentIds(0, 19)));
		this.ledger.record(event(p, "b", "2026-03-01"), sensitiveIds(TestIds.residentIds(0, 8)));
		LedgerStatus s = this.ledger.status(p, 2026, LocalDate.of(2026, 12, 31), small);
		assertThat(s.thresholds()).extracting(Headroom::alert).containsExactly(0, 95, 80);
		assertThat(s.thresholds()).extracting(Headroom::headroom).containsExactly(81L, 1L, 2L);
		assertThat(s.alerts()).extracting(Headroom::id).containsExactly("n-20", "s-10");
		this.ledger.record(event(p, "c", "2026-03-02"), ids(TestIds.residentIds(19, 20)));
		LedgerStatus t = this.ledger.status(p, 2026, LocalDate.of(2026, 12, 31), small);
		assertThat(t.thresholds().get(1).alert()).isEqualTo(100);
		assertThat(t.thresholds().get(1).headroom()).isZero();
		assertThat(t.thresholds().get(1).reached()).isTrue();
	}

	@Test // #4 concurrent ingests from several threads
	void concurrentOverlappingIngestsGiveTheExactUnion() throws Exception {
		String p = processor();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<RecordResult>> tasks = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int from = t * 500;
				tasks.add(() -> this.ledger.record(event(p, "t" + from, "2026-07-01"),
						ids(TestIds.residentIds(from, from + 2000))));
			}
			// the same event twice, concurrently: it must count once
			tasks.add(() -> this.ledger.record(event(p, "twice", "2026-07-02"), ids(TestIds.residentIds(9000, 9100))));
			tasks.add(() -> this.ledger.record(event(p, "twice", "2026-07-02"), ids(TestIds.residentIds(9000, 9100))));
			List<Future<RecordResult>> results = pool.invokeAll(tasks);
			long recorded = 0;
			for (Future<RecordResult> f : results) {
				if (f.get().outcome() == RecordResult.Outcome.RECORDED) {
					recorded++;
				}
			}
			assertThat(recorded).isEqualTo(9);
		}
		finally {
			pool.shutdown();
		}
		// union of [0, 5500) and [9000, 9100)
		assertThat(status(p, 2026).individuals()).isEqualTo(5600);
		assertThat(status(p, 2026).events()).isEqualTo(9);
	}

	@Test
	void spilledLargeIngestsCountExactly() throws Exception {
		String p = processor();
		Ledger smallRuns = Ledger.open(this.database, KEY, LedgerSettings.defaults().withSpillDirectory(this.spill)
			.withRunCapacity(1000)
			.withHashThreads(2));
		smallRuns.record(event(p, "big", "2026-08-01"), ids(TestIds.residentIds(0, 20_000)));
		RecordResult r = smallRuns.record(event(p, "big2", "2026-08-02"), ids(TestIds.residentIds(10_000, 25_000)));
		assertThat(r.part(PersonClass.NON_SENSITIVE).newThisYear()).isEqualTo(5_000);
		assertThat(status(p, 2026).individuals()).isEqualTo(25_000);
		try (var left = Files.list(this.spill)) {
			assertThat(left).isEmpty();
		}
	}

	@Test
	void theCacheRebuiltFromEventsAgreesWithTheIncrementalOne() {
		String p = processor();
		this.ledger.record(event(p, "a", "2026-09-01"), ids(TestIds.residentIds(0, 40)));
		this.ledger.record(new EventSpec(p, "b", LocalDate.parse("2026-02-01"), "X", Basis.HR, null),
				ids(TestIds.residentIds(30, 60)));
		this.ledger.record(new EventSpec(p, "c", LocalDate.parse("2026-11-01"), "Y", Basis.NONE, null),
				sensitiveIds(TestIds.residentIds(50, 70)));
		LedgerStatus before = status(p, 2026);
		this.ledger.rebuild(p, 2026);
		assertThat(status(p, 2026)).isEqualTo(before);
	}

	@Test
	void aBucketWithManyBlocksIsMergedAndCountsStayExact() throws Exception {
		// identifiers whose hashes (under the suite's key) fall in one bucket, found by trying
		cn.outbound.ledger.internal.PersonHasher hasher = new cn.outbound.ledger.internal.PersonHasher(new byte[32]);
		List<String> same = new ArrayList<>();
		for (long n = 20_000_000; same.size() < 14; n++) {
			String id = TestIds.residentId(n);
			byte[] h = hasher.hash(IdentifierKind.RESIDENT_ID, id);
			if (cn.outbound.ledger.internal.PersonDirectory.bucket(h, 0) == 0x0ACE) {
				same.add(id);
			}
		}
		String p = processor();
		for (int i = 0; i < 12; i++) {
			// each event adds one new person to the bucket (a new block), and repeats the earlier ones
			RecordResult r = this.ledger.record(event(p, "b" + i, "2026-10-01"), ids(same.subList(0, i + 2)));
			assertThat(r.part(PersonClass.NON_SENSITIVE).newThisYear()).isEqualTo((i == 0) ? 2 : 1);
			assertThat(status(p, 2026).individuals()).isEqualTo(i + 2);
		}
		try (java.sql.Connection c = this.database.connection();
				java.sql.PreparedStatement ps = c.prepareStatement(
						"select count(*), sum(persons) from ledger_person_block where bucket = ?")) {
			ps.setInt(1, 0x0ACE);
			try (java.sql.ResultSet rs = ps.executeQuery()) {
				rs.next();
				assertThat(rs.getInt(1)).isLessThanOrEqualTo(8);
				assertThat(rs.getLong(2)).isGreaterThanOrEqualTo(13);
			}
		}
		LedgerChecks.directoryIsConsistent(this.database);
		WhatIf w = this.ledger.whatIf(p, LocalDate.of(2026, 11, 1), Basis.NONE, ids(same), Thresholds.NATIONAL_2024);
		assertThat(w.alreadyRecorded()).isEqualTo(13);
		assertThat(w.newPersons()).isEqualTo(1);
	}

	@Test // #4 an interrupted ingest (e.g. an upload cut off) leaves no trace
	void aSourceThatFailsMidwayRecordsNothing() throws Exception {
		String p = processor();
		java.util.Iterator<String> ids = TestIds.residentIds(0, 5000).iterator();
		IdentifierSource failing = IdentifierSource.of(new java.util.Iterator<CharSequence>() {

			private int n;

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public CharSequence next() {
				if (this.n++ == 4000) {
					throw new java.io.UncheckedIOException(new java.io.EOFException("the upload was cut off"));
				}
				return ids.next();
			}

		});
		Ledger smallRuns = Ledger.open(this.database, KEY,
				LedgerSettings.defaults().withSpillDirectory(this.spill).withRunCapacity(1000));
		assertThatThrownBy(() -> smallRuns.record(event(p, "cut", "2026-06-01"),
				new Persons(PersonClass.NON_SENSITIVE, IdentifierKind.RESIDENT_ID, failing)))
			.hasMessageContaining("cut off");
		assertThat(this.ledger.event(p, "cut")).isEmpty();
		assertThat(status(p, 2026).individuals()).isZero();
		try (var left = Files.list(this.spill)) {
			assertThat(left).isEmpty();
		}
		LedgerChecks.directoryIsConsistent(this.database);
	}

	@Test
	void anotherKeyIsRefused() {
		LedgerKey other = LedgerKey.of("another key, 32 bytes or longer!".getBytes());
		assertThatThrownBy(() -> Ledger.open(this.database, other, LedgerSettings.defaults()))
			.isInstanceOf(LedgerKeyException.class)
			.hasMessageContaining("not the key this ledger was created with");
	}

	@Test
	void eventsAreListedWithTheirCounts() {
		String p = processor();
		this.ledger.record(new EventSpec(p, "x", LocalDate.parse("2026-02-01"), "R", Basis.NONE, "assessment-7"),
				ids(TestIds.residentIds(0, 3)));
		List<EventSummary> events = this.ledger.events(p, 2026);
		assertThat(events).singleElement().satisfies(e -> {
			assertThat(e.event().assessmentId()).isEqualTo("assessment-7");
			assertThat(e.event().recipient()).isEqualTo("R");
			assertThat(e.parts()).containsExactly(new RecordResult.Part(PersonClass.NON_SENSITIVE, 3, 3, 3));
		});
		assertThat(this.ledger.event(p, "x")).isPresent();
		assertThat(this.ledger.event(p, "nope")).isEmpty();
	}

}
