package cn.outbound.service.db;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import cn.outbound.ledger.LedgerKey;
import cn.outbound.ledger.db.Database;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * The database every door uses, server and CLI alike, read in this one place: {@code outbound.db.url}
 * ({@code OUTBOUND_DB_URL}, e.g. {@code jdbc:postgresql://127.0.0.1:5432/outbound?user=postgres}) or else the embedded
 * H2 file under {@code ./data/} that needs no set-up; {@code outbound.db.schema} ({@code OUTBOUND_DB_SCHEMA}) for the
 * server's tables; {@code outbound.db.user} and {@code outbound.db.password} ({@code OUTBOUND_DB_USER},
 * {@code OUTBOUND_DB_PASSWORD}); and the ledger's key {@code outbound.ledger.key} ({@code OUTBOUND_LEDGER_KEY}). The
 * migrations under {@code db/outbound-app} are written once and run on H2 and PostgreSQL; the ledger runs its own.
 *
 * @param url the JDBC URL, never blank
 * @param schema the schema the server's tables live in, or {@code null} for the connection's default
 * @param user the user to sign in as, or {@code null} (an embedded H2 file then uses its generated password)
 * @param password the password, or {@code null}
 * @param ledgerKey the ledger's key (base64 or hex), or {@code null} (the ledger then reads its own environment)
 */
public record DatabaseSettings(String url, String schema, String user, String password, String ledgerKey) {

	/** The embedded default, the same file the ledger uses (AUTO_SERVER lets several processes share it). */
	public static final String DEFAULT_URL = Database.DEFAULT_URL;

	/** Flyway's history table for these migrations; the ledger keeps its own. */
	public static final String HISTORY_TABLE = "flyway_schema_history_app";

	public static final String URL = "outbound.db.url";

	public static final String SCHEMA = "outbound.db.schema";

	public static final String USER = "outbound.db.user";

	public static final String PASSWORD = "outbound.db.password";

	public static final String LEDGER_KEY = "outbound.ledger.key";

	public DatabaseSettings {
		url = (url == null || url.isBlank()) ? DEFAULT_URL : url.strip();
		schema = blankToNull(schema);
		user = blankToNull(user);
		password = (password == null || password.isEmpty()) ? null : password;
		ledgerKey = blankToNull(ledgerKey);
	}

	/** Where the settings are read from: a property name such as {@value #URL} to its value, or {@code null}. */
	@FunctionalInterface
	public interface Source {

		String get(String property);

	}

	/** The settings {@code source} names; what it leaves out takes the default. */
	public static DatabaseSettings from(Source source) {
		return new DatabaseSettings(source.get(URL), source.get(SCHEMA), source.get(USER), source.get(PASSWORD),
				source.get(LEDGER_KEY));
	}

	/**
	 * The settings of a process: each a system property ({@code -Doutbound.db.url=…}) when set, else the environment
	 * variable of the same name in capitals ({@code OUTBOUND_DB_URL}), as Spring reads them for the server.
	 */
	public static DatabaseSettings fromEnvironment(Map<String, String> env) {
		return from(property -> {
			String value = System.getProperty(property);
			return (value != null && !value.isBlank()) ? value : env.get(environmentName(property));
		});
	}

	/** Just a URL (tests, tools): no schema, user or key. */
	public static DatabaseSettings of(String url) {
		return new DatabaseSettings(url, null, null, null, null);
	}

	public DatabaseSettings withSchema(String schema) {
		return new DatabaseSettings(this.url, schema, this.user, this.password, this.ledgerKey);
	}

	/** {@code outbound.db.url} → {@code OUTBOUND_DB_URL}. */
	static String environmentName(String property) {
		return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	public boolean h2() {
		return this.url.startsWith("jdbc:h2:");
	}

	/** The URL with any password removed, for messages and logs. */
	public String displayUrl() {
		return this.url.replaceAll("(?i)(password=)[^&;]*", "$1***");
	}

	/**
	 * The environment the ledger opens from ({@code Ledger.fromEnvironment}): {@code env} (its own settings, e.g. the
	 * spill directory) with this database's URL, user and password, and the ledger key when one is set here and
	 * {@code env} has none.
	 */
	public Map<String, String> ledgerEnvironment(Map<String, String> env) {
		Map<String, String> out = new HashMap<>(env);
		out.put(Database.URL_ENV, this.url);
		if (this.user != null) {
			out.put(Database.USER_ENV, this.user);
		}
		if (this.password != null) {
			out.put(Database.PASSWORD_ENV, this.password);
		}
		String given = env.get(LedgerKey.ENV);
		if (this.ledgerKey != null && (given == null || given.isBlank())) {
			out.put(LedgerKey.ENV, this.ledgerKey);
		}
		return out;
	}

	/**
	 * A pool on the URL, made fit by {@link Database#normalizeUrl} (any H2 URL works) and signed in as
	 * {@link Database#openPool} does (the user and password here, else for an H2 file the generated password next to
	 * it; the AUTO_SERVER port on loopback only). On H2, every commit is written before it returns
	 * ({@code WRITE_DELAY 0}), so a killed process never loses a committed row. Not migrated: see {@link #migrate}.
	 */
	public HikariDataSource open(int poolSize) {
		String u = Database.normalizeUrl(this.url);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(u);
		if (u.startsWith("jdbc:h2:")) {
			config.setConnectionInitSql("SET WRITE_DELAY 0");
		}
		if (this.schema != null) {
			config.setSchema(this.schema);
		}
		config.setMaximumPoolSize(poolSize);
		config.setMinimumIdle(Math.min(2, poolSize));
		config.setPoolName("outbound");
		config.setConnectionTimeout(10_000);
		return Database.openPool(config, this.user, this.password);
	}

	/**
	 * A pool, migrated; closed again when the migrations fail.
	 * @throws IllegalStateException naming the database (never its password) when it cannot be prepared
	 */
	public HikariDataSource openMigrated(int poolSize) {
		HikariDataSource ds = open(poolSize);
		try {
			migrate(ds);
		}
		catch (RuntimeException ex) {
			ds.close();
			throw new IllegalStateException("cannot prepare the database " + displayUrl(), ex);
		}
		return ds;
	}

	/** Applies the migrations (idempotent); a database that already holds the ledger's tables is fine. */
	public void migrate(DataSource dataSource) {
		var config = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/outbound-app")
			.javaMigrations(new AssessmentTallyBackfill(), new DecisionCompression())
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.loggers("slf4j");
		if (this.schema != null) {
			config.schemas(this.schema).defaultSchema(this.schema).createSchemas(true);
		}
		config.load().migrate();
	}

	/** The password and the ledger key are never shown. */
	@Override
	public String toString() {
		return "DatabaseSettings[url=" + displayUrl() + ", schema=" + this.schema + ", user=" + this.user + "]";
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
