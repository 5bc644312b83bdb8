package cn.outbound.service.assessment;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import cn.outbound.testing.PostgresSchemas;

/**
 * The persistence contract on PostgreSQL, in a schema of its own that is dropped and made anew, so it never meets
 * another module's tables. Runs when {@code outbound.test.postgres.url} is set (CI sets it through
 * OUTBOUND_TEST_POSTGRES_URL) and then fails if PostgreSQL cannot be reached; skipped only on a machine without it.
 */
class PostgresPersistenceIntegrationTests extends PersistenceContract {

	static final String SCHEMA = "outbound_app_test";

	@Override
	String url() {
		return PostgresSchemas.configured();
	}

	@Override
	String schema() {
		return SCHEMA;
	}

	@Override
	void prepare() throws SQLException {
		PostgresSchemas.dropped(SCHEMA);
	}

	/** Migration 10: a large decision is stored compressed with LZ4 (the server of CI is built with it). */
	@org.junit.jupiter.api.Test
	void decisionsAreCompressedWithLz4() throws SQLException {
		StringBuilder decision = new StringBuilder("{\"obligations\":[");
		for (int i = 0; i < 400; i++) {
			decision.append(i == 0 ? "" : ",").append("{\"zh\":\"自提交申报材料之日起5个工作日内\",\"n\":").append(i).append('}');
		}
		decision.append("]}");
		Assessment a = assessment("lz4-user", "EXEMPT", "p-lz4");
		long id = this.store.save(new Assessment(0, a.createdAt(), a.createdBy(), a.title(), a.processorId(),
				a.processorName(), a.jurisdiction(), a.exportDate(), a.outcome(), a.items(), a.packId(), a.packEdition(),
				a.packHash(), a.scenario(), decision.toString()), "default", null, null, null).id();
		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement();
				java.sql.ResultSet rs = s.executeQuery("select pg_column_compression(decision), pg_column_size(decision),"
						+ " octet_length(decision) from assessment where id = " + id)) {
			org.assertj.core.api.Assertions.assertThat(rs.next()).isTrue();
			org.assertj.core.api.Assertions.assertThat(rs.getString(1)).isEqualTo("lz4");
			org.assertj.core.api.Assertions.assertThat(rs.getInt(2)).isLessThan(rs.getInt(3) / 2);
		}
	}

}
