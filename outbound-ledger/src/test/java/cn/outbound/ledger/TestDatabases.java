package cn.outbound.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import cn.outbound.ledger.db.Database;

import static org.assertj.core.api.Assertions.fail;

/**
 * The databases the integration tests run on: always H2 (a file in a temporary directory), and PostgreSQL when
 * {@value #POSTGRES_PROPERTY} is given (CI passes it). When it is given and PostgreSQL cannot be reached, the tests
 * fail: they never skip silently.
 */
public final class TestDatabases {

	public static final String POSTGRES_PROPERTY = "outbound.test.postgres.url";

	private static final AtomicInteger SCHEMAS = new AtomicInteger();

	private TestDatabases() {
	}

	public static String h2Url(Path dir) {
		return "jdbc:h2:file:" + dir.resolve("outbound").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
	}

	public static Database h2(Path dir) {
		return Database.open(h2Url(dir), null, null);
	}

	public static boolean postgresConfigured() {
		String url = System.getProperty(POSTGRES_PROPERTY);
		return url != null && !url.isBlank();
	}

	/**
	 * A URL of a fresh, empty schema in the configured PostgreSQL database.
	 * @param prefix a name for the schema (the test class)
	 */
	public static String freshPostgresUrl(String prefix) {
		String base = System.getProperty(POSTGRES_PROPERTY);
		String schema = (prefix.replaceAll("[^A-Za-z0-9]", "_") + "_" + ProcessHandle.current().pid() + "_"
				+ SCHEMAS.incrementAndGet()).toLowerCase(Locale.ROOT);
		try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + schema + " cascade");
			s.execute("create schema " + schema);
		}
		catch (SQLException ex) {
			fail("-D" + POSTGRES_PROPERTY + " is set but PostgreSQL cannot be reached: " + ex.getMessage());
		}
		return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	public static Database postgres(String prefix) {
		return Database.open(freshPostgresUrl(prefix), null, null);
	}

}
