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

	/** Deletes a test's H2 directory (made with {@link #h2Url}) or drops its PostgreSQL schema. */
	public static void drop(String url) {
		if (url.startsWith("jdbc:h2:file:")) {
			String file = url.substring("jdbc:h2:file:".length()).split(";")[0];
			deleteTree(Path.of(file).getParent());
		}
		else {
			dropPostgresSchema(url);
		}
	}

	public static void deleteTree(Path dir) {
		if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
			return;
		}
		try (var walk = java.nio.file.Files.walk(dir)) {
			walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (java.io.IOException ex) {
			// best effort
		}
	}

	/** Drops the schema of a URL made by {@link #freshPostgresUrl} (tests clean up after themselves). */
	public static void dropPostgresSchema(String url) {
		int at = url.indexOf("currentSchema=");
		if (at < 0 || !postgresConfigured()) {
			return;
		}
		String schema = url.substring(at + "currentSchema=".length()).split("[&;]")[0];
		if (!schema.matches("[a-z0-9_]+")) {
			return;
		}
		try (Connection c = DriverManager.getConnection(System.getProperty(POSTGRES_PROPERTY));
				Statement s = c.createStatement()) {
			s.execute("drop schema if exists " + schema + " cascade");
		}
		catch (SQLException ex) {
			// best effort: a fresh schema is made per test class anyway
		}
	}

	public static Database postgres(String prefix) {
		return Database.open(freshPostgresUrl(prefix), null, null);
	}

}
