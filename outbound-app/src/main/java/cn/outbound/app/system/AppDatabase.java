package cn.outbound.app.system;

import java.util.Map;

import javax.sql.DataSource;

import cn.outbound.ledger.db.Database;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * The database every command uses, server and CLI alike: {@code OUTBOUND_DB_URL} when set (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/outbound?user=postgres}), else an embedded H2 file under {@code ./data/}
 * that needs no set-up. The migrations under {@code db/outbound-app} are written once and run on both.
 */
public final class AppDatabase {

	/** The embedded default, the same file the ledger uses (AUTO_SERVER lets several processes share it). */
	public static final String DEFAULT_URL = Database.DEFAULT_URL;

	/** Flyway's history table for these migrations; the ledger keeps its own. */
	public static final String HISTORY_TABLE = "flyway_schema_history_app";

	private AppDatabase() {
	}

	/** The configured URL: system property {@code outbound.db.url}, then {@code OUTBOUND_DB_URL}, then H2. */
	public static String url() {
		return url(System.getenv());
	}

	/** The URL {@code env} names (after the system property {@code outbound.db.url}), else the embedded default. */
	public static String url(Map<String, String> env) {
		String url = System.getProperty("outbound.db.url");
		if (url == null || url.isBlank()) {
			url = env.get("OUTBOUND_DB_URL");
		}
		return (url == null || url.isBlank()) ? DEFAULT_URL : url.strip();
	}

	/** The schema the tables live in, or {@code null} for the connection's default. */
	public static String schema() {
		String schema = System.getProperty("outbound.db.schema");
		if (schema == null || schema.isBlank()) {
			schema = System.getenv("OUTBOUND_DB_SCHEMA");
		}
		return (schema == null || schema.isBlank()) ? null : schema.strip();
	}

	public static boolean isH2(String url) {
		return url.startsWith("jdbc:h2:");
	}

	/** The URL with any password removed, for messages and logs. */
	public static String describe(String url) {
		return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
	}

	/**
	 * A pool on the URL, made fit by {@link Database#normalizeUrl} (any H2 URL works) and signed in as
	 * {@link Database#openPool} does ({@code OUTBOUND_DB_USER} / {@code OUTBOUND_DB_PASSWORD}, else for an H2 file the
	 * generated password next to it; the AUTO_SERVER port on loopback only). On H2, every commit is written before it
	 * returns ({@code WRITE_DELAY 0}), so a killed process never loses a committed row.
	 */
	public static HikariDataSource open(String url, String schema, int poolSize) {
		url = Database.normalizeUrl(url);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		if (isH2(url)) {
			config.setConnectionInitSql("SET WRITE_DELAY 0");
		}
		if (schema != null) {
			config.setSchema(schema);
		}
		config.setMaximumPoolSize(poolSize);
		config.setMinimumIdle(Math.min(2, poolSize));
		config.setPoolName("outbound");
		config.setConnectionTimeout(10_000);
		return Database.openPool(config, System.getenv(Database.USER_ENV), System.getenv(Database.PASSWORD_ENV));
	}

	/** Applies the server's migrations (idempotent); a database that already holds the ledger's tables is fine. */
	public static void migrate(DataSource dataSource, String schema) {
		var config = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/outbound-app")
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.loggers("slf4j");
		if (schema != null) {
			config.schemas(schema).defaultSchema(schema).createSchemas(true);
		}
		config.load().migrate();
	}

}
