package cn.outbound.service.filing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

/**
 * The filing contract on PostgreSQL, in a schema of its own made anew. Runs when {@code outbound.test.postgres.url}
 * is set (CI sets it through OUTBOUND_TEST_POSTGRES_URL) and then fails if PostgreSQL cannot be reached.
 */
class FilingsPostgresIntegrationTests extends FilingsContract {

	static final String SCHEMA = "outbound_filing_test";

	static String configured() {
		String url = System.getProperty("outbound.test.postgres.url");
		return (url == null || url.isBlank()) ? null : url;
	}

	@Override
	String url() {
		return configured();
	}

	@Override
	String schema() {
		return SCHEMA;
	}

	@Override
	void prepare() throws SQLException {
		Assumptions.assumeTrue(configured() != null,
				"outbound.test.postgres.url is not set (CI sets OUTBOUND_TEST_POSTGRES_URL)");
		try (Connection c = DriverManager.getConnection(configured()); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + SCHEMA + " cascade");
		}
	}

}
