package cn.outbound.ledger.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;


/**
 * What keeps an embedded H2 database to its owner: H2 settings the schema needs added to any H2 URL, the
 * {@code AUTO_SERVER} port bound to loopback, a generated password in {@value #SECRET_FILE} and owner-only files.
 */
final class EmbeddedH2 {

	/** The file, in the database's directory, that holds the password of the embedded database. */
	static final String SECRET_FILE = ".db-secret";

	/** The loopback address the AUTO_SERVER port binds to. */
	static final String LOOPBACK = "127.0.0.1";

	private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	/** H2 connection settings the ledger's and the server's SQL rely on; they may be set on any open database. */
	private static final String[][] REQUIRED = { { "MODE", "PostgreSQL" }, { "DEFAULT_NULL_ORDERING", "HIGH" } };

	private EmbeddedH2() {
	}

	/**
	 * Binds every H2 server socket this process opens (the AUTO_SERVER port) to loopback. H2 reads the property once,
	 * when its settings class loads, so this must run before the first H2 connection of the process.
	 */
	static void bindToLoopback() {
		String current = System.getProperty("h2.bindAddress");
		if (current == null || !isLoopback(current)) {
			System.setProperty("h2.bindAddress", LOOPBACK);
		}
	}

	/** Whether H2 binds its server sockets to loopback in this process (false if H2 was started before us). */
	static boolean boundToLoopback() {
		String bind = org.h2.engine.SysProperties.BIND_ADDRESS;
		return bind != null && isLoopback(bind);
	}

	private static boolean isLoopback(String address) {
		if (address.isBlank()) {
			return false;
		}
		try {
			return InetAddress.getByName(address.strip()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * An H2 URL with what Outbound's SQL needs: {@code MODE=PostgreSQL} and {@code DEFAULT_NULL_ORDERING=HIGH}
	 * (replacing other values of the two), and, for a file nobody said how to lock, {@code AUTO_SERVER=TRUE} so that
	 * the server and the CLI can open it at once. An unnamed in-memory database gets a name and lives as long as the
	 * process (else each pooled connection would see a database of its own). {@code DATABASE_TO_LOWER} is left as
	 * given: H2 fixes it when it creates the file. Other URLs are returned unchanged.
	 */
	static String normalize(String url) {
		if (!url.startsWith("jdbc:h2:")) {
			return url;
		}
		int semi = url.indexOf(';');
		String base = (semi >= 0) ? url.substring(0, semi) : url;
		String settings = (semi >= 0) ? url.substring(semi) : "";
		StringBuilder sb = new StringBuilder();
		if (base.equals("jdbc:h2:mem:")) {
			base = "jdbc:h2:mem:outbound";
		}
		sb.append(base);
		for (String part : settings.split(";")) {
			if (part.isBlank()) {
				continue;
			}
			String key = key(part);
			boolean replaced = false;
			for (String[] r : REQUIRED) {
				replaced |= r[0].equals(key);
			}
			if (!replaced) {
				sb.append(';').append(part);
			}
		}
		for (String[] r : REQUIRED) {
			sb.append(';').append(r[0]).append('=').append(r[1]);
		}
		String path = base.substring("jdbc:h2:".length());
		if (path.startsWith("mem:")) {
			if (!has(settings, "DB_CLOSE_DELAY")) {
				sb.append(";DB_CLOSE_DELAY=-1");
			}
		}
		else if (isFile(url) && !has(settings, "AUTO_SERVER") && !has(settings, "FILE_LOCK")
				&& !has(settings, "ACCESS_MODE_DATA")) {
			sb.append(";AUTO_SERVER=TRUE");
		}
		return sb.toString();
	}

	private static String key(String setting) {
		int eq = setting.indexOf('=');
		return ((eq >= 0) ? setting.substring(0, eq) : setting).strip().toUpperCase(Locale.ROOT);
	}

	private static boolean has(String settings, String key) {
		return Pattern.compile("(?i);\\s*" + key + "\\s*=").matcher(settings).find();
	}

	/** Whether the URL names an H2 database in a file of this machine (not memory, a server or a zip). */
	static boolean isFile(String url) {
		return directory(url) != null;
	}

	/** The directory of an H2 file database, or {@code null} for other URLs. */
	static Path directory(String url) {
		if (!url.startsWith("jdbc:h2:")) {
			return null;
		}
		String rest = url.substring("jdbc:h2:".length());
		int semi = rest.indexOf(';');
		String path = (semi >= 0) ? rest.substring(0, semi) : rest;
		if (path.startsWith("mem:") || path.startsWith("tcp:") || path.startsWith("ssl:") || path.startsWith("zip:")) {
			return null;
		}
		if (path.startsWith("file:")) {
			path = path.substring("file:".length());
		}
		else if (path.startsWith("split:") || path.startsWith("nio:") || path.startsWith("async:")
				|| path.startsWith("nioMapped:") || path.startsWith("memFS:") || path.startsWith("memLZF:")) {
			if (path.startsWith("memFS:") || path.startsWith("memLZF:")) {
				return null;
			}
			path = path.substring(path.indexOf(':') + 1);
		}
		if (path.startsWith("~")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		return Path.of(path).toAbsolutePath().normalize().getParent();
	}

	/** The base name of an H2 file database ({@code outbound} for {@code ./data/outbound}). */
	private static String baseName(String url) {
		String rest = url.substring("jdbc:h2:".length());
		int semi = rest.indexOf(';');
		String path = (semi >= 0) ? rest.substring(0, semi) : rest;
		int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
		int colon = path.lastIndexOf(':');
		return path.substring(Math.max(slash, colon) + 1);
	}

	// ---------------------------------------------------------------- files

	static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	/**
	 * Creates the directory owner-only; an existing one is made owner-only when {@code tighten} (the default data
	 * directory: a directory the user named may hold other things, only Outbound's files in it are tightened).
	 */
	static void prepareDirectory(Path dir, boolean tighten) {
		try {
			if (!Files.isDirectory(dir)) {
				if (posix()) {
					Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
					// createDirectories applies the umask to the attribute: set it exactly
					Files.setPosixFilePermissions(dir, OWNER_DIR);
				}
				else {
					Files.createDirectories(dir);
				}
			}
			else if (tighten && posix() && !Files.getPosixFilePermissions(dir).equals(OWNER_DIR)) {
				Files.setPosixFilePermissions(dir, OWNER_DIR);
			}
		}
		catch (IOException ex) {
			throw new LedgerException("cannot create the data directory " + dir + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Makes the database's files (H2's {@code NAME.*.db}, the secret, the ledger key) owner-only. Best effort: a file
	 * another user owns is left alone (the password still keeps others out).
	 */
	static void tightenFiles(Path dir, String url) {
		if (!posix() || !Files.isDirectory(dir)) {
			return;
		}
		String base = baseName(url) + ".";
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
			for (Path f : files) {
				String name = f.getFileName().toString();
				boolean ours = (name.startsWith(base) && name.endsWith(".db")) || name.equals(SECRET_FILE)
						|| name.equals("ledger.key");
				if (ours && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
					try {
						if (!Files.getPosixFilePermissions(f).equals(OWNER_FILE)) {
							Files.setPosixFilePermissions(f, OWNER_FILE);
						}
					}
					catch (IOException ex) {
						// not ours to change
					}
				}
			}
		}
		catch (IOException ex) {
			// an unreadable directory: H2 will say so
		}
	}

	// ---------------------------------------------------------------- secret

	/**
	 * The password of the embedded database in {@code dir}: read from {@value #SECRET_FILE}, or generated (256 bits,
	 * hex) into a new owner-only file. Two processes that start at once end up with the same one.
	 */
	static String secret(Path dir) {
		Path file = dir.resolve(SECRET_FILE);
		try {
			if (!Files.exists(file)) {
				byte[] b = new byte[32];
				new SecureRandom().nextBytes(b);
				String text = HexFormat.of().formatHex(b);
				Path tmp = Files.createTempFile(dir, SECRET_FILE, ".tmp",
						posix() ? new java.nio.file.attribute.FileAttribute<?>[] {
								PosixFilePermissions.asFileAttribute(OWNER_FILE) }
								: new java.nio.file.attribute.FileAttribute<?>[0]);
				try {
					Files.writeString(tmp, text + "\n", StandardCharsets.US_ASCII);
					try {
						// a hard link appears whole or not at all, and never replaces another process's file
						Files.createLink(file, tmp);
					}
					catch (FileAlreadyExistsException ex) {
						// another process made it at the same moment: use theirs
					}
					catch (UnsupportedOperationException | IOException ex) {
						if (!Files.exists(file)) {
							Files.move(tmp, file);
						}
					}
				}
				finally {
					Files.deleteIfExists(tmp);
				}
			}
			String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
			if (!text.matches("[0-9a-fA-F]{64,}")) {
				throw new LedgerException(file + " is damaged (it must hold the embedded database's password). "
						+ "Restore it from your backup.");
			}
			return text;
		}
		catch (IOException ex) {
			throw new LedgerException("cannot read or create " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Opens the pool on an H2 file signed in as {@code sa} with the generated password. A file an earlier version
	 * created without a password (user {@code sa} or the empty user name, empty password) is given the password
	 * first, its empty-named user renamed {@code sa}, so that from then on it refuses the empty password.
	 */
	static HikariDataSource openWithSecret(HikariConfig config, String user, String secret) {
		config.setUsername(user);
		config.setPassword(secret);
		try {
			return new HikariDataSource(config);
		}
		catch (RuntimeException ex) {
			if (!Database.wrongCredentials(ex)) {
				throw ex;
			}
			if (!upgradeLegacy(config.getJdbcUrl(), user, secret)) {
				throw new LedgerException("cannot sign in to the embedded database: its password is not the one in "
						+ SECRET_FILE + " (restore that file from your backup)", ex);
			}
			return new HikariDataSource(config);
		}
	}

	/** Sets the password of a file created without one; false when the file has a password already. */
	private static boolean upgradeLegacy(String url, String user, String secret) {
		for (String legacy : new String[] { user, "" }) {
			try (Connection c = java.sql.DriverManager.getConnection(url, legacy, "")) {
				try (Statement s = c.createStatement()) {
					if (current(s).isEmpty()) {
						s.execute("ALTER USER \"\" RENAME TO \"" + user.toUpperCase(Locale.ROOT) + "\"");
					}
					s.execute("ALTER USER " + quote(current(s)) + " SET PASSWORD '" + secret + "'");
				}
				return true;
			}
			catch (SQLException ex) {
				if (!"28000".equals(ex.getSQLState())) {
					throw new LedgerException("cannot set the password of the embedded database ("
							+ DatabaseErrors.describe(ex) + ")", ex);
				}
			}
		}
		// another process may have set it in the meantime
		try (Connection c = java.sql.DriverManager.getConnection(url, user, secret)) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static String current(Statement s) throws SQLException {
		try (ResultSet rs = s.executeQuery("select current_user")) {
			rs.next();
			String name = rs.getString(1);
			return (name != null) ? name : "";
		}
	}

	private static String quote(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

}
