package cn.outbound.ledger.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;


/**
 * The database that the CLI and the server share: {@code OUTBOUND_DB_URL} (with optional {@code OUTBOUND_DB_USER}
 * and {@code OUTBOUND_DB_PASSWORD}), or by default an H2 file in {@code ./data} in PostgreSQL mode with
 * {@code AUTO_SERVER=TRUE}, so that a running server and the CLI can open it at the same time. Opening creates a
 * connection pool and applies the ledger's migrations ({@code db/ledger}, history table
 * {@value #HISTORY_TABLE}, independent of the server's own migrations).
 *
 * <p>
 * The embedded database is kept to its owner: its AUTO_SERVER port listens on loopback only, it is signed in to with
 * a generated password kept in {@value #SECRET_FILE} next to it, and its directory and files are owner-only. Any H2
 * URL works: what the SQL needs is added to it ({@link #normalizeUrl}).
 */
public final class Database implements AutoCloseable {

	public static final String URL_ENV = "OUTBOUND_DB_URL";

	public static final String USER_ENV = "OUTBOUND_DB_USER";

	public static final String PASSWORD_ENV = "OUTBOUND_DB_PASSWORD";

	/** The embedded default. */
	public static final String DEFAULT_URL = "jdbc:h2:file:./data/outbound;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";

	/** Flyway's history table for the ledger's migrations. */
	public static final String HISTORY_TABLE = "flyway_schema_history_ledger";

	private final HikariDataSource dataSource;

	private final Dialect dialect;

	private final String url;

	private final Path dataDirectory;

	static {
		// before any H2 connection of this process: H2 reads it once (the one place every entry point passes)
		EmbeddedH2.bindToLoopback();
	}

	/**
	 * Makes sure H2 binds its server sockets (the AUTO_SERVER port) to loopback in this process: a no-op that runs this
	 * class's initialiser, for an entry point that may touch H2 before it opens a {@code Database} (the CLI's scan of
	 * an H2 database).
	 */
	public static void loopbackOnly() {
		// the static initialiser did it
	}

	private Database(HikariDataSource dataSource, Dialect dialect, String url, Path dataDirectory) {
		this.dataSource = dataSource;
		this.dialect = dialect;
		this.url = url;
		this.dataDirectory = dataDirectory;
	}

	/** From the process environment. */
	public static Database fromEnvironment() {
		return fromEnvironment(System.getenv());
	}

	/** From {@code OUTBOUND_DB_URL}, {@code OUTBOUND_DB_USER}, {@code OUTBOUND_DB_PASSWORD} in {@code env}. */
	public static Database fromEnvironment(Map<String, String> env) {
		String url = env.get(URL_ENV);
		return open((url != null && !url.isBlank()) ? url.strip() : DEFAULT_URL, env.get(USER_ENV),
				env.get(PASSWORD_ENV));
	}

	public static Database open(String url, String user, String password) {
		return open(url, user, password, 4);
	}

	/**
	 * Opens a pool of at most {@code maxPoolSize} connections and migrates the ledger's tables. An H2 URL is first
	 * given what the schema needs ({@link #normalizeUrl}).
	 * @throws LedgerException if the database cannot be reached or migrated (the message never holds the password
	 * or SQL)
	 */
	public static Database open(String url, String user, String password, int maxPoolSize) {
		Dialect dialect;
		try {
			dialect = Dialect.ofUrl(url);
		}
		catch (IllegalArgumentException ex) {
			throw new LedgerException(URL_ENV + " '" + safe(url) + "': " + ex.getMessage());
		}
		url = normalizeUrl(url);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setPoolName("outbound-ledger");
		config.setMaximumPoolSize(Math.max(2, maxPoolSize));
		config.setMinimumIdle(1);
		if (dialect == Dialect.H2) {
			// a large ingest holds the ledger lock for a while: wait for it rather than fail after H2's 1 s default
			config.setConnectionInitSql("SET LOCK_TIMEOUT 900000");
		}
		HikariDataSource ds;
		try {
			ds = openPool(config, user, password);
		}
		catch (LedgerException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new LedgerException("cannot connect to the database at " + safe(url) + ": "
					+ DatabaseErrors.describe(ex), ex);
		}
		Database db = new Database(ds, dialect, url, EmbeddedH2.directory(url));
		try {
			db.migrate();
		}
		catch (RuntimeException ex) {
			db.close();
			throw new LedgerException("cannot apply the ledger's migrations to " + safe(url) + ": "
					+ DatabaseErrors.describe(ex), ex);
		}
		return db;
	}

	/** The user the embedded H2 file is created with and signed in to when no user is configured. */
	public static final String H2_DEFAULT_USER = "sa";

	/** The file, in the directory of an embedded H2 file, that holds its generated password (owner-only). */
	public static final String SECRET_FILE = EmbeddedH2.SECRET_FILE;

	/**
	 * What Outbound's SQL needs of an H2 URL, added in this one place for the ledger, the server and the CLI:
	 * {@code MODE=PostgreSQL}, {@code DEFAULT_NULL_ORDERING=HIGH}, {@code AUTO_SERVER=TRUE} for a file (unless a lock
	 * mode is given), a name and {@code DB_CLOSE_DELAY=-1} for an unnamed in-memory database. Any other URL is
	 * returned unchanged.
	 */
	public static String normalizeUrl(String url) {
		return EmbeddedH2.normalize(url.strip());
	}

	/**
	 * Opens a pool on {@code config}'s URL (normalise it first) with the user and password given, else, for an
	 * embedded H2 file, as {@value #H2_DEFAULT_USER} with the password in {@value #SECRET_FILE} next to it (generated on
	 * first use; a file an earlier version created without a password gets it). Before that, the file's directory is
	 * created owner-only, and after it, the database's files are made owner-only. The AUTO_SERVER port binds to
	 * loopback.
	 * @throws LedgerException if H2 was started in this process before Outbound could bind it to loopback
	 */
	public static HikariDataSource openPool(HikariConfig config, String user, String password) {
		String url = config.getJdbcUrl();
		boolean given = (user != null && !user.isBlank()) || (password != null && !password.isEmpty())
				|| java.util.regex.Pattern.compile("(?i);\\s*(USER|PASSWORD)\\s*=").matcher(url).find();
		if (user != null && !user.isBlank()) {
			config.setUsername(user);
		}
		if (password != null && !password.isEmpty()) {
			config.setPassword(password);
		}
		Path dir = EmbeddedH2.directory(url);
		if (dir == null) {
			if (!given && url.startsWith("jdbc:h2:")) {
				config.setUsername(H2_DEFAULT_USER);
			}
			return new HikariDataSource(config);
		}
		if (url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE") && !EmbeddedH2.boundToLoopback()) {
			throw new LedgerException("the embedded database would listen on every network interface: H2 was started"
					+ " in this process before Outbound could bind it to " + EmbeddedH2.LOOPBACK
					+ " (start the JVM with -Dh2.bindAddress=" + EmbeddedH2.LOOPBACK + ")");
		}
		EmbeddedH2.prepareDirectory(dir, dir.equals(DEFAULT_DIRECTORY.toAbsolutePath().normalize()));
		HikariDataSource ds = given ? new HikariDataSource(config)
				: EmbeddedH2.openWithSecret(config, H2_DEFAULT_USER, EmbeddedH2.secret(dir));
		EmbeddedH2.tightenFiles(dir, url);
		return ds;
	}

	/** The directory of {@link #DEFAULT_URL}. */
	private static final Path DEFAULT_DIRECTORY = Path.of("data");

	/** H2's "wrong user name or password" (28000) anywhere in the causes. */
	static boolean wrongCredentials(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && "28000".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private void migrate() {
		Flyway.configure()
			// through SLF4J: silent in the CLI (slf4j-nop), the server's logging in the server
			.loggers("slf4j")
			.dataSource(this.dataSource)
			// db/ledger runs everywhere; db/ledger-postgresql holds PostgreSQL-only storage settings
			.locations((this.dialect == Dialect.POSTGRESQL)
					? new String[] { "classpath:db/ledger", "classpath:db/ledger-postgresql" }
					: new String[] { "classpath:db/ledger" })
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	public Connection connection() throws SQLException {
		return this.dataSource.getConnection();
	}

	public Dialect dialect() {
		return this.dialect;
	}

	/** Whether the database lives in this process's files (an H2 file or in-memory database). */
	public boolean embedded() {
		return isEmbeddedUrl(this.url);
	}

	/** Whether a URL names an H2 file or in-memory database (not a server). */
	public static boolean isEmbeddedUrl(String url) {
		return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
	}

	/** The directory of the H2 file (where the generated key lives), empty for other databases and in-memory H2. */
	public Optional<Path> dataDirectory() {
		return Optional.ofNullable(this.dataDirectory);
	}

	/** The URL with any password removed, for messages. */
	public String displayUrl() {
		return safe(this.url);
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

	/** Removes {@code password=...} parameters (PostgreSQL and H2 syntax) from a URL. */
	static String safe(String url) {
		return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
	}

}
