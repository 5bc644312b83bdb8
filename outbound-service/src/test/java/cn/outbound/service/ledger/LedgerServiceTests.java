package cn.outbound.service.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.outbound.ledger.EventSpec;
import cn.outbound.ledger.IngestOptions;
import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.LedgerInputException;
import cn.outbound.ledger.PersonClass;
import cn.outbound.ledger.Persons;
import cn.outbound.ledger.RecordResult;
import cn.outbound.ledger.Thresholds;
import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.ResidentIdNumber;
import cn.outbound.rules.Basis;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.service.Services;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.audit.AuditEvent;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.decision.Deciding;
import cn.outbound.service.decision.RuleBooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger as every door uses it, on an embedded H2 file shared by the ledger and the server's tables, as in
 * production: a recorded event is audited once, through the single writer, without an identifier; thresholds come
 * from the edition in force; the prior counts a decision takes come from the ledger.
 */
class LedgerServiceTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final Actor TESTER = new Actor("tester", "10.0.0.9");

	@TempDir
	Path dir;

	private DatabaseSettings settings;

	private Services services;

	private Ledger ledger;

	private LedgerService service;

	@BeforeEach
	void open() {
		this.settings = DatabaseSettings.of("jdbc:h2:file:" + this.dir.resolve("data/outbound").toAbsolutePath());
		this.services = Services.open(this.settings);
		this.ledger = LedgerService.openLedger(this.settings, Map.of("OUTBOUND_LEDGER_KEY", KEY), notice -> {
		});
		this.service = new LedgerService(this.ledger, RulePacks::builtIn, this.services.writes());
	}

	@AfterEach
	void close() {
		this.ledger.close();
		this.services.close();
	}

	/** Synthetic, checksum-valid resident ID numbers (Beijing Chaoyang). */
	static String residentId(int n) {
		String first17 = String.format("110105%04d0101%03d", 1950 + n / 1000, n % 1000);
		return first17 + ResidentIdNumber.checkDigit(first17);
	}

	static Persons persons(int from, int to) {
		List<String> ids = new ArrayList<>();
		for (int i = from; i < to; i++) {
			ids.add(residentId(i));
		}
		return Persons.of(PersonClass.NON_SENSITIVE, Persons.AUTO, ids);
	}

	static EventSpec event(String processor, String key, LocalDate date) {
		return new EventSpec(processor, key, date, "Example GmbH", Basis.NONE, null);
	}

	private RecordResult record(EventSpec event, Persons persons, List<Exception> auditFailures) {
		return this.service.record("default", event, List.of(persons), IngestOptions.DEFAULT, TESTER, auditFailures::add);
	}

	private List<AuditEvent> entries() throws Exception {
		return this.services.auditLog().page(0, 50, LedgerService.RECORD_ACTION);
	}

	@Test // #10: every change is audited, whatever the door
	void aRecordedEventIsAuditedOnceWithoutIdentifiers() throws Exception {
		List<Exception> failures = new ArrayList<>();
		RecordResult r = record(event("p-1", "batch-1", LocalDate.of(2026, 3, 15)), persons(0, 12), failures);
		assertThat(r.outcome()).isEqualTo(RecordResult.Outcome.RECORDED);
		RecordResult again = record(event("p-1", "batch-1", LocalDate.of(2026, 3, 15)), persons(0, 12), failures);
		assertThat(again.outcome()).isEqualTo(RecordResult.Outcome.ALREADY_RECORDED);
		assertThat(failures).isEmpty();
		assertThat(entries()).singleElement().satisfies(e -> {
			assertThat(e.actor()).isEqualTo("tester");
			assertThat(e.remote()).isEqualTo("10.0.0.9");
			assertThat(e.target()).isEqualTo("ledger:p-1/batch-1");
			assertThat(e.details()).isEqualTo("date=2026-03-15 basis=NONE rows=12 invalid=0");
			assertThat(e.details() + e.target()).doesNotContain(residentId(0).substring(0, 10));
		});
		assertThat(this.services.auditLog().verify().intact()).isTrue();
	}

	@Test // #10: the event is committed before its entry; a failed entry is told, the event stays
	void anEntryThatCannotBeWrittenIsToldAndTheEventStays() throws Exception {
		try (Connection c = this.services.dataSource().getConnection(); Statement s = c.createStatement()) {
			s.executeUpdate("delete from audit_head");
		}
		List<Exception> failures = new ArrayList<>();
		RecordResult r = record(event("p-2", "b", LocalDate.of(2026, 4, 1)), persons(0, 5), failures);
		assertThat(r.outcome()).isEqualTo(RecordResult.Outcome.RECORDED);
		assertThat(failures).singleElement().satisfies(ex -> assertThat(ex).hasMessageContaining("head row is missing"));
		assertThat(this.service.counts("default", "p-2", LocalDate.of(2026, 12, 31)).individuals()).isEqualTo(5);
		assertThat(entries()).isEmpty();
	}

	@Test
	void aServiceWithoutAWriterRecordsNothing() {
		LedgerService readOnly = new LedgerService(this.ledger, RulePacks::builtIn, null);
		assertThatThrownBy(() -> readOnly.record("default", event("p-3", "b", LocalDate.of(2026, 4, 1)), List.of(persons(0, 3)),
				IngestOptions.DEFAULT, TESTER, ex -> {
				}))
			.isInstanceOf(IllegalStateException.class);
		assertThat(this.service.counts("default", "p-3", LocalDate.of(2026, 12, 31)).events()).isZero();
	}

	@Test // #10: one answer to which thresholds apply
	void thresholdsAreThoseOfTheEditionInForceOnTheDay() {
		assertThat(this.service.thresholds("tianjin-ftz", LocalDate.of(2026, 6, 1)).source()).isEqualTo("tianjin-ftz 2024");
		assertThat(this.service.thresholds("cn-national", LocalDate.of(2026, 6, 1)).source()).isEqualTo("cn-national 2024");
		// before the first edition with personal-information thresholds: no lines, at every door
		assertThat(this.service.thresholds("tianjin-ftz", LocalDate.of(2020, 1, 1))).isEqualTo(Thresholds.NONE);
		assertThatThrownBy(() -> this.service.thresholds("shanghai", LocalDate.of(2026, 6, 1)))
			.isInstanceOfSatisfying(LedgerInputException.class, ex -> {
				assertThat(ex.field()).isEqualTo("jurisdiction");
				assertThat(ex.getMessage()).startsWith("jurisdiction 'shanghai'").contains("tianjin-ftz", "cn-national");
			});
		LocalDate today = this.ledger.today();
		assertThat(this.service.thresholdDay(today.getYear())).isEqualTo(today);
		assertThat(this.service.thresholdDay(today.getYear() + 1)).isEqualTo(LocalDate.of(today.getYear() + 1, 12, 31));
		assertThat(this.service.thresholdDay(today.getYear() - 1)).isEqualTo(LocalDate.of(today.getYear() - 1, 12, 31));
	}

	@Test
	void aStatusRefusesAYearOutOfRangeAndADayOutsideItsYear() {
		assertThatThrownBy(() -> this.service.status("default", "p-1", 1999, null, "tianjin-ftz"))
			.isInstanceOfSatisfying(LedgerInputException.class, ex -> assertThat(ex.field()).isEqualTo("year"));
		assertThatThrownBy(() -> this.service.status("default", "p-1", 3000, null, "tianjin-ftz"))
			.isInstanceOf(LedgerInputException.class);
		assertThatThrownBy(() -> this.service.status("default", "p-1", 2026, LocalDate.of(2027, 1, 1), "tianjin-ftz"))
			.isInstanceOfSatisfying(LedgerInputException.class, ex -> assertThat(ex.field()).isEqualTo("as-of"));
		assertThat(this.service.status("default", "p-1", 2000, null, "tianjin-ftz").thresholdSource()).isEqualTo("none");
	}

	@Test // #10: one prior-counts adapter for every door
	void aDecisionTakesItsPriorCountsFromTheLedger() {
		record(event("bank-tj", "q1", LocalDate.of(2026, 3, 15)), persons(0, 40), new ArrayList<>());
		LedgerPriorCounts prior = new LedgerPriorCounts(this.ledger);
		assertThat(prior.upTo("bank-tj", LocalDate.of(2026, 6, 30))).hasValue(new Scenario.Counts(40, 0));
		assertThat(prior.upTo("bank-tj", LocalDate.of(2026, 3, 14))).isEmpty();
		assertThat(prior.upTo("no-such-processor", LocalDate.of(2026, 6, 30))).isEmpty();
		Deciding deciding = new Deciding(new RuleBooks(RulePacks.loadBuiltIn(), List.of(), new EngineSettings(false)),
				prior);
		Decision d = deciding.decide(("{\"schema\":\"outbound/scenario/v1\",\"jurisdiction\":\"tianjin-ftz\","
				+ "\"date\":\"2026-06-30\",\"processor\":{\"id\":\"bank-tj\",\"ciio\":false},"
				+ "\"personalInformation\":[{\"individuals\":10}]}").getBytes(), "default");
		assertThat(d.cumulative().source()).isEqualTo(Decision.Cumulative.Source.LEDGER);
		assertThat(d.cumulative().individuals()).isEqualTo(50);
	}

	@Test
	void aKindIsNamedInAnyCaseOrAuto() {
		assertThat(LedgerService.kind("resident-id")).isEqualTo(IdentifierKind.RESIDENT_ID);
		assertThat(LedgerService.kind(" MOBILE ")).isEqualTo(IdentifierKind.MOBILE);
		assertThat(LedgerService.kind("auto")).isNull();
		assertThatThrownBy(() -> LedgerService.kind("ssn")).isInstanceOfSatisfying(LedgerInputException.class,
				ex -> assertThat(ex.getMessage()).contains("resident-id, mobile, email, passport, opaque, auto"));
	}

}
