package cn.outbound.app.zone;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.outbound.app.rules.EditionImpact;
import cn.outbound.app.web.BeijingTime;
import cn.outbound.ledger.Ledger;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePackLoader;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.service.assessment.AssessmentTallies;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.decision.Deciding;
import cn.outbound.service.decision.RuleBook;
import cn.outbound.service.decision.RuleBooks;
import cn.outbound.service.ledger.LedgerPriorCounts;
import cn.outbound.service.ledger.LedgerService;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The zone's performance targets (issue #13): statistics over 100,000 assessments of 500 organisations in under
 * 200 ms on PostgreSQL, and the impact analysis of an edition over them in under 30 s. A generator and timing
 * harness, run by hand (never a timed unit test); it makes the schema {@code zone_bench} anew:
 *
 * <pre>
 * mvn -q -o -pl outbound-app -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp outbound-app/target/test-classes:outbound-app/target/classes:$(cat outbound-app/target/cp.txt) \
 *   cn.outbound.app.zone.ZoneBenchmark 'jdbc:postgresql://127.0.0.1:5432/DB?user=postgres' [assessments] [organisations]
 * </pre>
 *
 * Assessments are generated as the bank scenario of the tests varied (item 20 or 46 or none, customers and persons
 * drawn at random, a processor per organisation, spread over this year up to today) and decided by the engine;
 * each processor's ledger has a tally. The draft is the test revision of the list (item 20 at 500,000 customers)
 * as next year's edition.
 */
public final class ZoneBenchmark {

	static final String SCHEMA = "zone_bench";

	static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int n = (args.length > 1) ? Integer.parseInt(args[1]) : 100_000;
		int orgs = (args.length > 2) ? Integer.parseInt(args[2]) : 500;
		try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
			s.execute("create schema " + SCHEMA);
		}
		String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
		DatabaseSettings settings = new DatabaseSettings(url, SCHEMA, null, null, KEY);
		RuleBooks books = new RuleBooks(RulePacks.loadBuiltIn(), List.of(), EngineSettings.DEFAULT);
		RulePack list = books.current().defaultList();
		int year = LocalDate.now(BeijingTime.ZONE).getYear();
		try (HikariDataSource ds = settings.openMigrated(4);
				Ledger ledger = LedgerService.openLedger(settings, Map.of(), System.out::println)) {
			long t0 = System.nanoTime();
			generate(ds, books, orgs, n, year);
			System.out.printf("generated %,d assessments of %d organisations in %.1f s%n", n, orgs,
					(System.nanoTime() - t0) / 1e9);
			ZoneStatistics statistics = new ZoneStatistics(ds);
			for (int i = 0; i < 5; i++) {
				statistics.of(year, list);
			}
			long[] ms = new long[20];
			ZoneStatistics.Result r = null;
			for (int i = 0; i < ms.length; i++) {
				long t = System.nanoTime();
				r = statistics.of(year, list);
				ms[i] = (System.nanoTime() - t) / 1_000_000;
			}
			Arrays.sort(ms);
			System.out.printf("zone statistics: median %d ms, p95 %d ms, max %d ms over %d runs (%s assessments, %d "
					+ "organisations assessing); load average %s%n", ms[ms.length / 2], ms[ms.length * 95 / 100 - 1],
					ms[ms.length - 1], ms.length, r.assessments(), r.organisationsAssessing(), load());

			RulePack draft = RulePackLoader.load(draftYaml(year + 1).getBytes(StandardCharsets.UTF_8), "draft.yaml");
			RuleBook draftBook = books.build(List.of(draft));
			RulePack loaded = draftBook.packs().edition(draft.id(), draft.edition()).orElseThrow();
			EditionImpact impact = new EditionImpact(ds, books, new LedgerPriorCounts(ledger));
			for (int i = 0; i < 2; i++) {
				EditionImpact.Result x = impact.analyse(books.current(), draftBook, loaded, year);
				System.out.printf("impact analysis: %,d assessments, %,d re-decided, %,d decide differently, in %,d ms;"
						+ " load average %s%n", x.assessments(), x.redecided(), x.cases().size(), x.millis(), load());
			}
		}
	}

	static String load() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return f[0] + " " + f[1] + " " + f[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	static String draftYaml(int year) throws IOException {
		try (InputStream in = ZoneBenchmark.class.getResourceAsStream("/editions/tianjin-ftz-2025-test.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8)
				.replace("edition: \"2025-test\"", "edition: \"" + year + "-bench\"")
				.replace("inForceFrom: 2025-07-01", "inForceFrom: " + year + "-01-01");
		}
	}

	static String scenario(Random random, String processor, LocalDate date) {
		int kind = random.nextInt(3);
		String data = switch (kind) {
			case 0 -> "[{\"item\": 20, \"description\": \"loan ledger\", \"facts\": {\"affectedCustomers\": "
					+ (100_000 + random.nextInt(1_900_000)) + "}}]";
			case 1 -> "[{\"item\": 31, \"description\": \"records\", \"facts\": {\"sensitivePiIndividuals\": "
					+ random.nextInt(300_000) + "}}]";
			default -> "[]";
		};
		return "{\"schema\": \"outbound/scenario/v1\", \"jurisdiction\": \"tianjin-ftz\", \"date\": \"" + date
				+ "\", \"processor\": {\"id\": \"" + processor + "\", \"name\": \"Enterprise " + processor
				+ "\", \"ciio\": false}, \"data\": " + data + ", \"personalInformation\": [{\"individuals\": "
				+ random.nextInt(1_500_000) + ", \"sensitiveIndividuals\": " + random.nextInt(20_000)
				+ ", \"basis\": \"NONE\"}]}";
	}

	static void generate(HikariDataSource ds, RuleBooks books, int orgs, int n, int year) throws SQLException {
		Random random = new Random(13);
		Deciding deciding = new Deciding(books, cn.outbound.rules.engine.PriorCounts.NONE);
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate today = LocalDate.now(BeijingTime.ZONE);
		int days = (int) (today.toEpochDay() - first.toEpochDay()) + 1;
		try (Connection c = ds.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement ps = c.prepareStatement("insert into organisation (id, name, kind, created_at)"
					+ " values (?, ?, 'ENTERPRISE', ?)")) {
				for (int o = 0; o < orgs; o++) {
					ps.setString(1, "ent-" + o);
					ps.setString(2, "Enterprise " + o);
					ps.setTimestamp(3, Timestamp.from(Instant.now()));
					ps.addBatch();
				}
				ps.executeBatch();
			}
			try (PreparedStatement ps = c.prepareStatement("insert into ledger_tally (processor, tally_year, dimension,"
					+ " dimension_value, sensitive, tally_month, persons, bitmap) values (?, ?, 'all', '', ?, ?, ?, ?)")) {
				for (int o = 0; o < orgs; o++) {
					for (int m = 1; m <= today.getMonthValue(); m++) {
						for (boolean sensitive : new boolean[] { false, true }) {
							ps.setString(1, "@ent-" + o + "/p-" + o);
							ps.setInt(2, year);
							ps.setBoolean(3, sensitive);
							ps.setInt(4, m);
							ps.setLong(5, (sensitive ? 100L : 10_000L) * m + o);
							ps.setBytes(6, new byte[0]);
							ps.addBatch();
						}
					}
				}
				ps.executeBatch();
			}
			try (PreparedStatement a = c.prepareStatement("insert into assessment (id, created_at, created_by, title,"
					+ " processor_id, processor_name, jurisdiction, export_date, outcome, items, pack_id, pack_edition,"
					+ " pack_hash, scenario, decision, org_id) overriding system value values (?, ?, 'bench', null, ?, ?,"
					+ " 'tianjin-ftz', ?, ?, ?, ?, ?, ?, ?, '{}', ?)")) {
				for (int i = 1; i <= n; i++) {
					int o = random.nextInt(orgs);
					LocalDate day = first.plusDays(random.nextInt(days));
					String json = scenario(random, "p-" + o, day);
					Decision d = deciding.decide(json.getBytes(StandardCharsets.UTF_8), "ent-" + o);
					a.setLong(1, i);
					a.setTimestamp(2, Timestamp.from(day.atTime(10, 0).atZone(BeijingTime.ZONE).toInstant()));
					a.setString(3, "p-" + o);
					a.setString(4, "Enterprise " + o);
					a.setObject(5, day);
					a.setString(6, d.outcome().name());
					List<String> is = new ArrayList<>();
					d.items().forEach(x -> is.add(String.valueOf(x)));
					a.setString(7, String.join(",", is));
					a.setString(8, d.rulePack().id());
					a.setString(9, d.rulePack().edition());
					a.setString(10, d.rulePack().contentHash());
					a.setString(11, json);
					a.setString(12, "ent-" + o);
					a.addBatch();
					if (i % 2000 == 0) {
						a.executeBatch();
					}
				}
				a.executeBatch();
			}
			// counted as the store counts each assessment it saves
			AssessmentTallies.rebuild(c);
			c.commit();
			c.setAutoCommit(true);
			try (Statement s = c.createStatement()) {
				// as autovacuum would after a load: statistics for the planner, the visibility map for index-only scans
				s.execute("vacuum analyze assessment");
				s.execute("vacuum analyze assessment_tally");
				s.execute("vacuum analyze assessment_items_tally");
				s.execute("vacuum analyze ledger_tally");
			}
		}
	}

}
