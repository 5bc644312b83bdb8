package cn.outbound.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A server test again on PostgreSQL: its database is a schema of its own, made anew, in the database that
 * {@code outbound.test.postgres.url} names (CI sets it through OUTBOUND_TEST_POSTGRES_URL). The app's tables and the
 * ledger's go in the same schema.
 */
public final class PostgresSchemas {

	private PostgresSchemas() {
	}

	/** Makes {@code schema} anew and points the server of the test at it. */
	public static void register(DynamicPropertyRegistry registry, String schema) throws SQLException {
		String url = fresh(schema);
		registry.add("outbound.db.url", () -> url);
		registry.add("outbound.db.schema", () -> schema);
	}

	/** Drops and creates {@code schema}; the JDBC URL that reads and writes in it. */
	public static String fresh(String schema) throws SQLException {
		String base = System.getProperty("outbound.test.postgres.url");
		try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + schema + " cascade");
			s.execute("create schema " + schema);
		}
		return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

}
