package cn.outbound.service.filing;

import java.sql.SQLException;

import cn.outbound.testing.PostgresSchemas;

/**
 * The filing contract on PostgreSQL, in a schema of its own made anew. Runs when {@code outbound.test.postgres.url}
 * is set (CI sets it through OUTBOUND_TEST_POSTGRES_URL) and then fails if PostgreSQL cannot be reached.
 */
class FilingsPostgresIntegrationTests extends FilingsContract {

	static final String SCHEMA = "outbound_filing_test";

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

}
