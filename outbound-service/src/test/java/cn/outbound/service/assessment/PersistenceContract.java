package cn.outbound.service.assessment;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.outbound.service.audit.Actor;
import cn.outbound.service.audit.AuditLog;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.org.Organisations;
import cn.outbound.service.user.Role;
import cn.outbound.service.user.Users;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The persistence behaviour the server relies on, run unchanged against H2 ({@link H2PersistenceTests}) and
 * PostgreSQL ({@link PostgresPersistenceIntegrationTests}): the migrations, users and tokens, assessments with
 * idempotency keys and filters, group commit under concurrency, the audit chain and its tamper checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PersistenceContract {

	HikariDataSource dataSource;

	Writes writes;

	Users users;

	AssessmentStore store;

	AuditLog audit;

	/** A fresh, empty database (or schema) for this class. */
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
		settings.migrate(this.dataSource); // a second run is a no-op
		this.writes = new Writes(this.dataSource);
		this.users = new Users(this.dataSource, this.writes);
		this.store = new AssessmentStore(this.dataSource, this.writes);
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

	static Assessment assessment(String user, String outcome, String processor) {
		return new Assessment(0, AssessmentStore.now(), user, "t", processor, "处理者 " + processor, "tianjin-ftz",
				LocalDate.of(2026, 3, 15), outcome, List.of(20, 46), "tianjin-ftz", "2024", "sha256:x",
				"{\"schema\":\"outbound/scenario/v1\"}", "{\"outcome\":\"" + outcome + "\"}");
	}

	@Test
	void usersAndTokens() throws SQLException {
		Users.Created created = this.users.add("contract-user", Role.ANALYST, null, "tests", "127.0.0.1");
		assertThat(created.token()).startsWith("obt_");
		assertThat(this.users.byToken(created.token())).map(a -> a.username()).hasValue("contract-user");
		assertThat(this.users.find("contract-user").orElseThrow().passwordHash()).startsWith("$2a$12$")
			.doesNotContain(created.password());
		assertThat(Users.passwordEncoder().matches(created.password(), this.users.find("contract-user").orElseThrow().passwordHash())).isTrue();
		assertThatThrownBy(() -> this.users.add("contract-user", Role.VIEWER, null, "tests", null))
			.isInstanceOf(IllegalArgumentException.class);
		this.users.revokeTokens("contract-user", "tests", null);
		assertThat(this.users.byToken(created.token())).isEmpty();
		String second = this.users.issueToken("contract-user", "again", "tests", null);
		this.users.setEnabled("contract-user", false, "tests", null);
		assertThat(this.users.byToken(second)).isEmpty();
		try (Connection c = this.dataSource.getConnection(); var rs = c.createStatement().executeQuery("select token_hash from api_token")) {
			while (rs.next()) {
				assertThat(rs.getString(1)).hasSize(64).doesNotContain("obt_");
			}
		}
	}

	@Test
	void assessmentsWithFiltersAndIdempotency() throws SQLException {
		AssessmentStore.Saved a = this.store.save(assessment("u1", "SECURITY_ASSESSMENT", "p-1"), "default", "key-1", "h1", "10.0.0.1");
		AssessmentStore.Saved again = this.store.save(assessment("u1", "SECURITY_ASSESSMENT", "p-1"), "default", "key-1", "h1", null);
		AssessmentStore.Saved otherUser = this.store.save(assessment("u2", "SECURITY_ASSESSMENT", "p-1"), "default", "key-1", "h1", null);
		assertThat(again.replay()).isTrue();
		assertThat(again.id()).isEqualTo(a.id());
		assertThat(otherUser.replay()).isFalse();
		assertThat(this.store.save(assessment("u1", "EXEMPT", "p-1"), "default", "key-1", "h2", null).sameRequest()).isFalse();
		this.store.save(assessment("u1", "EXEMPT", "p-2"), "default", null, null, null);
		Assessment found = this.store.find(a.id(), "default").orElseThrow();
		assertThat(found.items()).containsExactly(20, 46);
		assertThat(found.scenario()).isEqualTo("{\"schema\":\"outbound/scenario/v1\"}");
		assertThat(found.createdBy()).isEqualTo("u1");
		assertThat(this.store.search("default", new AssessmentStore.Filter("EXEMPT", null, null, null), 0, 10).items())
			.allMatch(x -> x.outcome().equals("EXEMPT"))
			.isNotEmpty();
		assertThat(this.store.search("default", new AssessmentStore.Filter(null, "p-2", null, null), 0, 10).total()).isEqualTo(1);
		assertThat(this.store.search("default", new AssessmentStore.Filter(null, "处理者 P-2", null, null), 0, 10).total()).isEqualTo(1);
		assertThat(this.store.search("default", new AssessmentStore.Filter(null, null, LocalDate.now(), LocalDate.now()), 0, 10).total())
			.isEqualTo(this.store.search("default", AssessmentStore.Filter.NONE, 0, 10).total());
		assertThat(this.store.search("default", new AssessmentStore.Filter(null, null, null, LocalDate.of(2000, 1, 1)), 0, 10).total()).isZero();
		AssessmentStore.Page page = this.store.search("default", AssessmentStore.Filter.NONE, 1, 1);
		assertThat(page.items()).hasSize(1);
		assertThat(this.store.find(999_999, "default")).isEmpty();
	}

	@Test
	void groupCommitUnderConcurrencyKeepsEveryWriteAndOneChain() throws Exception {
		long before = this.audit.verify().entries();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<AssessmentStore.Saved>> futures = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			int n = i;
			futures.add(pool.submit(() -> this.store.save(assessment("load", "EXEMPT", "load-" + (n % 7)), "default", null, null, null)));
		}
		List<Long> ids = new ArrayList<>();
		for (Future<AssessmentStore.Saved> f : futures) {
			ids.add(f.get().id());
		}
		pool.shutdown();
		assertThat(ids).doesNotHaveDuplicates().hasSize(400);
		assertThat(this.store.search("default", new AssessmentStore.Filter(null, null, null, null), 0, 1).total()).isGreaterThanOrEqualTo(400);
		AuditLog.Verification v = this.audit.verify();
		assertThat(v.intact()).as(v.problems().toString()).isTrue();
		assertThat(v.entries()).isEqualTo(before + 400);
	}

	@Test
	void aFailingChangeRollsBackAloneAndLeavesTheChainIntact() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<Object>> futures = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			boolean fail = i % 3 == 0;
			futures.add(pool.submit(() -> this.writes.submit((c, audit) -> {
				audit.append("tests", "PROBE", null, null, null);
				if (fail) {
					try (Statement s = c.createStatement()) {
						s.executeUpdate("insert into no_such_table values (1)");
					}
				}
				return "ok";
			})));
		}
		int failed = 0;
		for (Future<Object> f : futures) {
			try {
				f.get();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				failed++;
			}
		}
		pool.shutdown();
		assertThat(failed).isEqualTo(7);
		assertThat(this.audit.count("PROBE")).isEqualTo(13);
		assertThat(this.audit.verify().intact()).isTrue();
	}

	@Test
	void theAuditChainDetectsEditsDeletionsAndTruncation() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.writes.submit((c, audit) -> {
				audit.append("tests", "TAMPER_PROBE", "x", null, "d");
				return null;
			});
		}
		assertThat(this.audit.verify().intact()).isTrue();
		long last = this.audit.verify().entries();
		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
			s.executeUpdate("update audit_event set details = 'changed' where seq = " + (last - 1));
			assertThat(this.audit.verify().problems()).anyMatch(p -> p.contains("edited"));
			s.executeUpdate("update audit_event set details = 'd' where seq = " + (last - 1));
			assertThat(this.audit.verify().intact()).isTrue();

			s.executeUpdate("create table audit_backup as select * from audit_event where seq = " + last);
			s.executeUpdate("delete from audit_event where seq = " + last);
			assertThat(this.audit.verify().problems()).anyMatch(p -> p.contains("head"));
			s.executeUpdate("insert into audit_event select * from audit_backup");
			assertThat(this.audit.verify().intact()).isTrue();

			s.executeUpdate("delete from audit_backup");
			s.executeUpdate("insert into audit_backup select * from audit_event where seq = " + (last - 2));
			s.executeUpdate("delete from audit_event where seq = " + (last - 2));
			assertThat(this.audit.verify().intact()).isFalse();
			// put it back, so that the tests after this one start from an intact chain
			s.executeUpdate("insert into audit_event select * from audit_backup");
			s.executeUpdate("drop table audit_backup");
			assertThat(this.audit.verify().intact()).isTrue();
		}
	}

	@Test // #9
	void aKeptHeadRevealsTheLastEntryDeletedAndTheHeadMovedBack() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.writes.submit((c, audit) -> {
				audit.append("tests", "KEPT_HEAD_PROBE", "x", null, "d");
				return null;
			});
		}
		AuditLog.Verification now = this.audit.verify();
		assertThat(now.intact()).isTrue();
		assertThat(now.headAt()).isNotNull();
		String kept = now.headHash();
		long last = now.entries();
		AuditLog.Verification reached = this.audit.verify(kept);
		assertThat(reached.intact()).isTrue();
		assertThat(reached.keptHead().found()).isTrue();
		assertThat(reached.keptHead().seq()).isEqualTo(last);
		assertThat(this.audit.verify(" " + kept.toUpperCase() + "\n").intact()).isTrue();
		assertThat(this.audit.verify(AuditLog.GENESIS).keptHead().seq()).isZero();

		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
			// what an attacker with write access to the database does: drop the last entry, move the head back
			s.executeUpdate("create table audit_kept_backup as select * from audit_event where seq = " + last);
			s.executeUpdate("delete from audit_event where seq = " + last);
			String previous = this.audit.verify().headHash();
			try (var ps = c.prepareStatement("update audit_head set seq = ?, hash = ? where id = 1")) {
				ps.setLong(1, last - 1);
				ps.setString(2, previous);
				ps.executeUpdate();
			}
			// the chain alone cannot see it (the documented limitation) ...
			assertThat(this.audit.verify().intact()).isTrue();
			// ... the head kept elsewhere can
			AuditLog.Verification missing = this.audit.verify(kept);
			assertThat(missing.intact()).isFalse();
			assertThat(missing.keptHead().found()).isFalse();
			assertThat(missing.problems()).singleElement()
				.asString()
				.contains("kept head " + kept)
				.contains("not in the chain");
			// a head kept before the deletion is still reached
			assertThat(this.audit.verify(previous).intact()).isTrue();

			// an edit before the kept head: the entry is there, but the chain up to it is broken
			s.executeUpdate("insert into audit_event select * from audit_kept_backup");
			s.executeUpdate("update audit_event set details = 'e' where seq = " + (last - 1));
			assertThat(this.audit.verify(kept).problems()).anyMatch(p -> p.contains("edited"))
				.anyMatch(p -> p.contains("kept head") && p.contains("up to it is broken"));

			// put everything back
			s.executeUpdate("update audit_event set details = 'd' where seq = " + (last - 1));
			try (var ps = c.prepareStatement("update audit_head set seq = ?, hash = ? where id = 1")) {
				ps.setLong(1, last);
				ps.setString(2, kept);
				ps.executeUpdate();
			}
			s.executeUpdate("drop table audit_kept_backup");
		}
		assertThat(this.audit.verify(kept).intact()).isTrue();
		assertThatThrownBy(() -> this.audit.verify("abc")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("64 hexadecimal digits");
		assertThatThrownBy(() -> this.audit.verify("g".repeat(64))).isInstanceOf(IllegalArgumentException.class);
	}

	/**
	 * The zone's tallies (issue #13) count every assessment once, by Beijing year and month, whatever the order of
	 * its items, saved alone, with an idempotency key (a replay counts nothing) or grouped in one commit; and a
	 * rebuild from the assessments gives the same tallies. Seeded: the creation times straddle the years' and months'
	 * edges in Beijing time, where UTC is still in the month before.
	 */
	@Test
	void talliesCountEachAssessmentOnceByBeijingMonth() throws Exception {
		Organisations orgs = new Organisations(this.dataSource, this.writes);
		// organisations of its own: the other tests count what the default one holds
		String[] org = { "tally-a", "tally-b", "tally-c" };
		for (String o : org) {
			orgs.add(o, "Tally " + o, new Actor("tests", null));
		}
		String[] outcome = { "EXEMPT", "SECURITY_ASSESSMENT", "STANDARD_CONTRACT_OR_CERTIFICATION", "SEPARATE_REGIME" };
		List<List<Integer>> items = List.of(List.of(), List.of(20), List.of(46, 20), List.of(20, 46), List.of(3, 46, 1));
		// the edges: 2026-01-01 00:00 Beijing is 2025-12-31 16:00 UTC
		Instant edge = Instant.parse("2025-12-31T16:00:00Z");
		Random random = new Random(20261205L);
		List<Assessment> made = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			Instant at = switch (i % 4) {
				case 0 -> edge.minusMillis(1 + random.nextInt(3));
				case 1 -> edge.plusMillis(random.nextInt(3));
				case 2 -> Instant.parse("2026-02-28T16:00:00Z").plusSeconds(random.nextInt(7200) - 3600);
				default -> edge.plusSeconds(random.nextLong(366L * 86_400));
			};
			Assessment a = assessment("tally-user", outcome[random.nextInt(outcome.length)], "p-" + i);
			made.add(new Assessment(0, at, a.createdBy(), a.title(), a.processorId(), a.processorName(),
					(random.nextInt(5) == 0) ? "cn-national" : a.jurisdiction(), a.exportDate(), a.outcome(),
					items.get(random.nextInt(items.size())), a.packId(), a.packEdition(), a.packHash(), a.scenario(),
					a.decision()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < made.size(); i++) {
				Assessment a = made.get(i);
				String o = org[i % org.length];
				String key = (i % 10 == 0) ? "tally-key-" + i : null;
				futures.add(pool.submit(() -> {
					this.store.save(a, o, key, "h", null);
					if (key != null) {
						assertThat(this.store.save(a, o, key, "h", null).replay()).isTrue();
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		try (Connection c = this.dataSource.getConnection()) {
			Map<String, Long> expected = TallyOracle.expected(c);
			assertThat(expected).containsKey("2025/12/tally-a/" + made.get(4).outcome() + "/" + made.get(4).jurisdiction());
			assertThat(TallyOracle.actual(c)).isEqualTo(expected);
			AssessmentTallies.rebuild(c);
			assertThat(TallyOracle.actual(c)).isEqualTo(expected);
			// read back per year as the statistics do: every assessment of 2026 once
			long of2026 = AssessmentTallies.read(c, 2026).months().stream().mapToLong(r -> r.assessments()).sum();
			assertThat(AssessmentTallies.read(c, 2026).items().stream().mapToLong(r -> r.assessments()).sum())
				.isEqualTo(of2026);
			assertThat(of2026).isEqualTo(expected.entrySet()
				.stream()
				.filter(e -> e.getKey().startsWith("2026/") && e.getKey().split("/").length == 5)
				.mapToLong(Map.Entry::getValue)
				.sum());
		}
	}

}
