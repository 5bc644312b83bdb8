package cn.outbound.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL of the integration tests: {@code -Doutbound.test.postgres.url} (CI sets it through
 * OUTBOUND_TEST_POSTGRES_URL). A test class takes a schema of its own, dropped and made anew, so it never meets
 * another's tables; without the property the class is skipped, with it a PostgreSQL that cannot be reached fails it.
 */
public final class PostgresSchemas {

	public static final String PROPERTY = "outbound.test.postgres.url";

	private PostgresSchemas() {
	}

	/** The configured URL, or {@code null}. */
	public static String configured() {
		String url = System.getProperty(PROPERTY);
		return (url == null || url.isBlank()) ? null : url;
	}

	/**
	 * Skips the calling test class unless PostgreSQL is configured, then drops {@code schema} with everything in it.
	 * @return the configured URL
	 */
	public static String dropped(String schema) throws SQLException {
		String url = configured();
		Assumptions.assumeTrue(url != null, PROPERTY + " is not set (CI sets OUTBOUND_TEST_POSTGRES_URL)");
		try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + schema + " cascade");
		}
		return url;
	}

}
