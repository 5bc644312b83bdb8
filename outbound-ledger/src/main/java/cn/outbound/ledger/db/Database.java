package cn.outbound.ledger.db;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import cn.outbound.ledger.LedgerException;

/**
 * The database that the CLI and the server share: {@code OUTBOUND_DB_URL} (with optional {@code OUTBOUND_DB_USER}
 * and {@code OUTBOUND_DB_PASSWORD}), or by default an H2 file in {@code ./data} in PostgreSQL mode with
 * {@code AUTO_SERVER=TRUE}, so that a running server and the CLI can open it at the same time. Opening creates a
 * connection pool and applies the ledger's migrations ({@code db/ledger}, history table
 * {@value #HISTORY_TABLE}, independent of the server's own migrations).
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
	 * Opens a pool of at most {@code maxPoolSize} connections and migrates the ledger's tables.
	 * @throws LedgerException if the database cannot be reached or migrated (the message never holds the password)
	 */
	public static Database open(String url, String user, String password, int maxPoolSize) {
		Dialect dialect;
		try {
			dialect = Dialect.ofUrl(url);
		}
		catch (IllegalArgumentException ex) {
			throw new LedgerException(URL_ENV + " '" + safe(url) + "': " + ex.getMessage());
		}
		Path dataDirectory = (dialect == Dialect.H2) ? h2Directory(url) : null;
		if (dataDirectory != null) {
			createPrivateDirectory(dataDirectory);
		}
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		boolean defaultH2User = dialect == Dialect.H2 && (user == null || user.isBlank());
		if (defaultH2User) {
			// the server and every command sign in to the embedded file as the same user
			config.setUsername(H2_DEFAULT_USER);
		}
		else if (user != null && !user.isBlank()) {
			config.setUsername(user);
		}
		if (password != null && !password.isEmpty()) {
			config.setPassword(password);
		}
		config.setPoolName("outbound-ledger");
		config.setMaximumPoolSize(Math.max(2, maxPoolSize));
		config.setMinimumIdle(1);
		if (dialect == Dialect.H2) {
			// a large ingest holds the ledger lock for a while: wait for it rather than fail after H2's 1 s default
			config.setConnectionInitSql("SET LOCK_TIMEOUT 900000");
		}
		HikariDataSource ds;
		try {
			ds = openH2Compatible(config, defaultH2User);
		}
		catch (RuntimeException ex) {
			throw new LedgerException("cannot connect to the database at " + safe(url) + ": " + rootMessage(ex), ex);
		}
		Database db = new Database(ds, dialect, url, dataDirectory);
		try {
			db.migrate();
		}
		catch (RuntimeException ex) {
			db.close();
			throw new LedgerException("cannot apply the ledger's migrations to " + safe(url) + ": " + rootMessage(ex),
					ex);
		}
		return db;
	}

	/** The user the embedded H2 file is created with and signed in to when no user is configured. */
	public static final String H2_DEFAULT_USER = "sa";

	/**
	 * Opens the pool; on an H2 file created by an earlier version under the empty user name, signs in as that user
	 * instead of the default (H2 refuses another name for the file's only user).
	 */
	public static HikariDataSource openH2Compatible(HikariConfig config, boolean defaultH2User) {
		try {
			return new HikariDataSource(config);
		}
		catch (RuntimeException ex) {
			if (!defaultH2User || !wrongCredentials(ex)) {
				throw ex;
			}
			config.setUsername("");
			return new HikariDataSource(config);
		}
	}

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

	static Path h2Directory(String url) {
		String rest = url.substring("jdbc:h2:".length());
		int semi = rest.indexOf(';');
		String path = (semi >= 0) ? rest.substring(0, semi) : rest;
		if (path.startsWith("mem:") || path.startsWith("tcp:") || path.startsWith("ssl:") || path.startsWith("zip:")) {
			return null;
		}
		if (path.startsWith("file:")) {
			path = path.substring("file:".length());
		}
		else if (path.startsWith("split:") || path.startsWith("nio:") || path.startsWith("async:")) {
			path = path.substring(path.indexOf(':') + 1);
		}
		if (path.startsWith("~")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		Path parent = Path.of(path).toAbsolutePath().normalize().getParent();
		return parent;
	}

	private static void createPrivateDirectory(Path dir) {
		if (Files.isDirectory(dir)) {
			return;
		}
		try {
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			else {
				Files.createDirectories(dir);
			}
		}
		catch (IOException ex) {
			throw new LedgerException("cannot create the data directory " + dir + ": " + ex.getMessage(), ex);
		}
	}

	/** Removes {@code password=...} parameters (PostgreSQL and H2 syntax) from a URL. */
	static String safe(String url) {
		return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
	}

	private static String rootMessage(Throwable ex) {
		Throwable t = ex;
		String m = ex.getMessage();
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
			if (t.getMessage() != null) {
				m = t.getMessage();
			}
		}
		return safe((m != null) ? m : ex.getClass().getSimpleName());
	}

}
