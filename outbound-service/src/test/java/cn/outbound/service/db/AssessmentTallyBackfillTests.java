package cn.outbound.service.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import cn.outbound.service.assessment.TallyOracle;
import cn.outbound.testing.PostgresSchemas;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrations 8 and 9 on a database of the release before them: the assessments stored then are counted in the new
 * tallies, by Beijing month, as the oracle counts them; the items table they replace is gone.
 */
class AssessmentTallyBackfillTests {

	@Test
	void onH2() throws Exception {
		assessmentsStoredBeforeTheTalliesAreCounted(DatabaseSettings
			.of("jdbc:h2:mem:tally-backfill;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"),
				null);
	}

	/** On PostgreSQL (when configured), in a schema of its own made anew. */
	@Test
	void onPostgres() throws Exception {
		String schema = "outbound_tally_backfill_test";
		String url = PostgresSchemas.dropped(schema);
		assessmentsStoredBeforeTheTalliesAreCounted(DatabaseSettings.of(url).withSchema(schema), schema);
	}

	private static void assessmentsStoredBeforeTheTalliesAreCounted(DatabaseSettings settings, String schema)
			throws Exception {
		try (HikariDataSource ds = settings.open(2)) {
			var release7 = Flyway.configure()
				.dataSource(ds)
				.locations("classpath:db/outbound-app")
				.table(DatabaseSettings.HISTORY_TABLE)
				.target("7")
				.loggers("slf4j");
			if (schema != null) {
				release7.schemas(schema).defaultSchema(schema).createSchemas(true);
			}
			release7.load().migrate();
			Random random = new Random(9);
			String[] items = { "", "20", "46,20", "20,46", "1,3" };
			try (Connection c = ds.getConnection()) {
				try (PreparedStatement ps = c.prepareStatement("insert into organisation (id, name, kind, created_at)"
						+ " values ('old-a', 'A', 'ENTERPRISE', current_timestamp)")) {
					ps.executeUpdate();
				}
				try (PreparedStatement ps = c.prepareStatement("insert into assessment (created_at, created_by, title,"
						+ " processor_id, processor_name, jurisdiction, export_date, outcome, items, pack_id, pack_edition,"
						+ " pack_hash, scenario, decision, org_id) values (?, 'old', 't', 'p', 'n', ?, date '2026-01-01',"
						+ " ?, ?, 'tianjin-ftz', '2024', 'x', '{}', '{}', ?)")) {
					for (int i = 0; i < 200; i++) {
						Instant at = Instant.parse("2025-12-31T15:59:00Z").plusSeconds(random.nextInt(120) * 60L);
						ps.setTimestamp(1, Timestamp.from(at));
						ps.setString(2, random.nextBoolean() ? "tianjin-ftz" : "cn-national");
						ps.setString(3, random.nextBoolean() ? "EXEMPT" : "SECURITY_ASSESSMENT");
						ps.setString(4, items[random.nextInt(items.length)]);
						ps.setString(5, random.nextBoolean() ? "default" : "old-a");
						ps.executeUpdate();
					}
				}
			}
			settings.migrate(ds);
			try (Connection c = ds.getConnection()) {
				Map<String, Long> expected = TallyOracle.expected(c);
				assertThat(expected.keySet()).anyMatch(k -> k.startsWith("2025/12/"))
					.anyMatch(k -> k.startsWith("2026/1/"));
				assertThat(TallyOracle.actual(c)).isEqualTo(expected);
				try (ResultSet rs = c.createStatement()
					.executeQuery("select version from " + DatabaseSettings.HISTORY_TABLE + " order by installed_rank")) {
					StringBuilder versions = new StringBuilder();
					while (rs.next()) {
						versions.append(rs.getString(1)).append(' ');
					}
					assertThat(versions.toString()).endsWith("7 8 9 10 ");
				}
				assertThatThrownBy(() -> c.createStatement().executeQuery("select * from assessment_item"))
					.hasMessageContaining("assessment_item");
			}
		}
	}

}
