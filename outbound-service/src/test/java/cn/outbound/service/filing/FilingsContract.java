package cn.outbound.service.filing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.outbound.filing.calendar.WorkingDays;
import cn.outbound.filing.deadline.Deadlines;
import cn.outbound.filing.life.Advance;
import cn.outbound.filing.life.ApprovedScale;
import cn.outbound.filing.life.Filing;
import cn.outbound.filing.life.FilingDeadlines;
import cn.outbound.filing.life.FilingException;
import cn.outbound.filing.life.FilingState;
import cn.outbound.rules.Mechanism;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.audit.AuditEvent;
import cn.outbound.service.audit.AuditLog;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.db.DatabaseSettings;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Filings stored and moved, run unchanged on H2 ({@link FilingsH2Tests}) and PostgreSQL
 * ({@link FilingsPostgresIntegrationTests}): migration V3, the moves with their audit entries in the same chain, the
 * refusals, the approved scale, concurrency on one filing, and the open deadlines across filings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FilingsContract {

	static final cn.outbound.service.org.Scope SCOPE = cn.outbound.service.org.Scope.commandLine("alice", "default");


	/** Today, for every check of this class: 2026-10-20 in Asia/Shanghai. */
	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-20T02:00:00Z"), ZoneOffset.UTC);

	static final Actor ALICE = new Actor("alice", "127.0.0.1");

	HikariDataSource dataSource;

	Writes writes;

	Filings filings;

	AuditLog audit;

	abstract String url();

	String schema() {
		return null;
	}

	void prepare() throws SQLException {
	}

	@BeforeAll
	void open() throws SQLException {
		prepare();
		DatabaseSettings settings = DatabaseSettings.of(url()).withSchema(schema());
		this.dataSource = settings.open(8);
		settings.migrate(this.dataSource);
		this.writes = new Writes(this.dataSource);
		this.filings = new Filings(this.dataSource, this.writes,
				new FilingDeadlines(Deadlines.builtIn(), WorkingDays.builtIn()), CLOCK);
		this.audit = new AuditLog(this.dataSource);
	}

	@AfterAll
	void close() {
		if (this.writes != null) {
			this.writes.close();
		}
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

	/** A stored assessment, inserted as the assessment store would (the test's fixture, not a door). */
	long assessment(String outcome, String processor) throws SQLException {
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement("insert into assessment (created_at, created_by, title,"
						+ " processor_id, processor_name, jurisdiction, export_date, outcome, items, pack_id, pack_edition,"
						+ " pack_hash, scenario, decision) values (?, 'alice', 't', ?, 'n', 'cn-national', ?, ?, '',"
						+ " 'cn-national', '2024', 'sha256:x', '{}', '{}')", new String[] { "id" })) {
			ps.setTimestamp(1, Timestamp.from(Instant.now()));
			ps.setString(2, processor);
			ps.setDate(3, java.sql.Date.valueOf("2026-03-01"));
			ps.setString(4, outcome);
			ps.executeUpdate();
			try (ResultSet rs = ps.getGeneratedKeys()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	static Advance to(FilingState state, String date) {
		return new Advance(state, LocalDate.parse(date), null, null);
	}

	@Test
	void aSecurityAssessmentGoesFromDraftToApprovalWithAnAuditEntryPerMove() throws Exception {
		long a = assessment("SECURITY_ASSESSMENT", "acme-sa");
		long before = this.audit.count(null);
		Filing f = this.filings.create(SCOPE, a, ALICE);
		assertThat(f.state()).isEqualTo(FilingState.DRAFT);
		assertThat(f.mechanism()).isEqualTo(Mechanism.SECURITY_ASSESSMENT);
		assertThat(f.processorId()).isEqualTo("acme-sa");
		this.filings.advance(SCOPE, f.id(), to(FilingState.SUBMITTED, "2026-02-12"), ALICE);
		this.filings.advance(SCOPE, f.id(), to(FilingState.ACCEPTED, "2026-03-02"), ALICE);
		Filing approved = this.filings.advance(SCOPE, f.id(), new Advance(FilingState.APPROVED, LocalDate.parse("2026-05-06"),
				null, new ApprovedScale(800_000L, null, List.of(" Acme GmbH ", "Acme Inc."))), ALICE);
		assertThat(approved.state()).isEqualTo(FilingState.APPROVED);
		assertThat(approved.scale()).isEqualTo(new ApprovedScale(800_000L, null, List.of("Acme GmbH", "Acme Inc.")));
		assertThat(approved.steps()).extracting(s -> s.from() + ">" + s.to() + "@" + s.date())
			.containsExactly("DRAFT>SUBMITTED@2026-02-12", "SUBMITTED>ACCEPTED@2026-03-02", "ACCEPTED>APPROVED@2026-05-06");
		assertThat(this.filings.deadlines().validUntil(approved)).isEqualTo(LocalDate.of(2029, 5, 6));

		assertThat(this.audit.count(null)).isEqualTo(before + 4);
		List<AuditEvent> events = this.audit.page(0, 4, null);
		assertThat(events).extracting(AuditEvent::action)
			.containsExactly("FILING_TRANSITION", "FILING_TRANSITION", "FILING_TRANSITION", "FILING_CREATE");
		assertThat(events).extracting(AuditEvent::target).containsOnly("filing:" + f.id());
		assertThat(events.get(0).details()).isEqualTo(
				"from=ACCEPTED to=APPROVED date=2026-05-06 individuals=800000 sensitive=null recipients=2");
		assertThat(events.get(3).details()).isEqualTo("assessment=" + a + " mechanism=SECURITY_ASSESSMENT");
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void aRefusedMoveChangesNothingAndIsNotAudited() throws Exception {
		long a = assessment("STANDARD_CONTRACT_OR_CERTIFICATION", "acme-sc");
		Filing f = this.filings.create(SCOPE, a, ALICE);
		long before = this.audit.count(null);
		FilingException ex = catchThrowableOfType(FilingException.class,
				() -> this.filings.advance(SCOPE, f.id(), to(FilingState.SUBMITTED, "2026-09-28"), ALICE));
		assertThat(ex.kind()).isEqualTo(FilingException.Kind.CONFLICT);
		assertThat(ex.in("en")).contains("is DRAFT (draft) and cannot move to SUBMITTED")
			.contains("allowed next: CONTRACT_EFFECTIVE (contract in effect), WITHDRAWN (withdrawn)");
		FilingException future = catchThrowableOfType(FilingException.class,
				() -> this.filings.advance(SCOPE, f.id(), to(FilingState.CONTRACT_EFFECTIVE, "2026-10-21"), ALICE));
		assertThat(future.field()).isEqualTo("date");
		assertThat(this.audit.count(null)).isEqualTo(before);
		assertThat(this.filings.find("default", f.id()).steps()).isEmpty();

		this.filings.advance(SCOPE, f.id(), to(FilingState.CONTRACT_EFFECTIVE, "2026-09-28"), ALICE);
		Filing filed = this.filings.advance(SCOPE, f.id(),
				new Advance(FilingState.FILED, LocalDate.parse("2026-10-09"), " 津备-2026-0042 ", null), ALICE);
		assertThat(filed.number()).isEqualTo("津备-2026-0042");
		assertThat(filed.state().terminal()).isTrue();
	}

	@Test
	void anAssessmentWithNothingToFileOrAnOpenFilingIsRefused() throws Exception {
		long exempt = assessment("EXEMPT", "acme-ex");
		assertThat(catchThrowableOfType(FilingException.class, () -> this.filings.create(SCOPE, exempt, ALICE)).code())
			.isEqualTo("nothing-to-file");
		assertThat(catchThrowableOfType(FilingException.class, () -> this.filings.create(SCOPE, 999_999, ALICE)).kind())
			.isEqualTo(FilingException.Kind.NOT_FOUND);
		assertThat(catchThrowableOfType(FilingException.class, () -> this.filings.find("default", 999_999)).kind())
			.isEqualTo(FilingException.Kind.NOT_FOUND);
		long a = assessment("SECURITY_ASSESSMENT", "acme-2");
		Filing first = this.filings.create(SCOPE, a, ALICE);
		assertThat(catchThrowableOfType(FilingException.class, () -> this.filings.create(SCOPE, a, ALICE)).code())
			.isEqualTo("already-open");
		this.filings.advance(SCOPE, first.id(), to(FilingState.WITHDRAWN, "2026-10-01"), ALICE);
		Filing second = this.filings.create(SCOPE, a, ALICE);
		assertThat(this.filings.list("default", a, null, null)).extracting(Filing::id).containsExactly(second.id(), first.id());
	}

	@Test
	void twoDoorsMovingOneFilingAtOnceMoveItOnce() throws Exception {
		long a = assessment("SECURITY_ASSESSMENT", "acme-race");
		Filing f = this.filings.create(SCOPE, a, ALICE);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> tries = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				tries.add(pool.submit(() -> {
					try {
						this.filings.advance(SCOPE, f.id(), to(FilingState.SUBMITTED, "2026-10-01"), ALICE);
						return true;
					}
					catch (FilingException ex) {
						return false;
					}
				}));
			}
			int moved = 0;
			for (Future<Boolean> t : tries) {
				moved += t.get() ? 1 : 0;
			}
			assertThat(moved).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.filings.find("default", f.id()).steps()).hasSize(1);
	}

	@Test
	void openDeadlinesAcrossFilingsComeSoonestFirst() throws Exception {
		long sc = assessment("STANDARD_CONTRACT_OR_CERTIFICATION", "dl-sc");
		Filing contract = this.filings.create(SCOPE, sc, ALICE);
		this.filings.advance(SCOPE, contract.id(), to(FilingState.CONTRACT_EFFECTIVE, "2026-09-28"), ALICE);
		long sa = assessment("SECURITY_ASSESSMENT", "dl-sa");
		Filing assessment = this.filings.create(SCOPE, sa, ALICE);
		this.filings.advance(SCOPE, assessment.id(), to(FilingState.SUBMITTED, "2026-10-19"), ALICE);
		List<FilingDeadlines.Open> open = this.filings.openDeadlines("default");
		List<FilingDeadlines.Open> mine = open.stream()
			.filter(o -> o.filingId() == contract.id() || o.filingId() == assessment.id())
			.toList();
		assertThat(mine).extracting(o -> o.filingId() + ":" + o.rule().id() + "@" + o.date())
			.containsExactly(contract.id() + ":scc-filing@2026-10-16", assessment.id() + ":sa-completeness@2026-10-26",
					assessment.id() + ":sa-acceptance@2026-11-04", assessment.id() + ":sa-assessment@2027-01-06");
		// 4 Nov + 45 working days: 18 in November, 23 in December, then 2027 (no calendar: weekends only) 1, 4, 5, 6 Jan
		assertThat(mine.get(3).provisional()).isTrue();
		assertThat(mine.get(2).provisional()).isFalse();
		assertThat(mine.get(0).overdue(this.filings.today())).isTrue();
		assertThat(mine.get(1).overdue(this.filings.today())).isFalse();
		for (int i = 1; i < open.size(); i++) {
			assertThat(open.get(i).date()).isAfterOrEqualTo(open.get(i - 1).date());
		}
	}

}
