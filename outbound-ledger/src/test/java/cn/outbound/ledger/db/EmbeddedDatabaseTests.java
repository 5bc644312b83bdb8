package cn.outbound.ledger.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.outbound.ledger.db.LedgerException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded H2 database is its owner's only (#9): the AUTO_SERVER port listens on loopback, the file refuses
 * {@code sa} with an empty password (a file made so by an earlier version is given the generated password), and the
 * directory and files are owner-only. And any H2 URL a user gives is made fit for the SQL.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path dir;

	private String url() {
		return "jdbc:h2:file:" + this.dir.resolve("data/outbound").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
	}

	@Test // #9
	void theAutoServerPortListensOnLoopbackOnly() throws Exception {
		try (Database db = Database.open(url(), null, null); Connection c = db.connection()) {
			assertThat(c.isValid(1)).isTrue();
			int port = autoServerPort(this.dir.resolve("data/outbound.lock.db"));
			assertThat(org.h2.engine.SysProperties.BIND_ADDRESS).isEqualTo("127.0.0.1");
			assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
			List<InetAddress> others = nonLoopbackAddresses();
			for (InetAddress a : others) {
				assertThat(connects(a, port)).as("the AUTO_SERVER port %d on %s", port, a).isFalse();
			}
		}
	}

	@Test // #9
	void theDirectoryAndTheFilesAreOwnerOnly() throws Exception {
		try (Database db = Database.open(url(), null, null)) {
			Path data = this.dir.resolve("data");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
			assertThat(data.resolve("outbound.lock.db")).exists();
			assertThat(data.resolve(Database.SECRET_FILE)).exists();
			try (Stream<Path> files = Files.list(data)) {
				for (Path f : files.toList()) {
					assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
						.isEqualTo("rw-------");
				}
			}
		}
	}

	@Test // #9
	void anExistingDirectoryIsTightenedWhenItIsTheDataDirectory() throws Exception {
		Path data = Files.createDirectories(this.dir.resolve("data"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		EmbeddedH2.prepareDirectory(data, true);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
	}

	@Test // #9
	void theEmptyPasswordIsRefusedAndTheGeneratedOneIsStoredOwnerOnly() throws Exception {
		Database.open(url(), null, null).close();
		String secret = Files.readString(this.dir.resolve("data").resolve(Database.SECRET_FILE), StandardCharsets.US_ASCII)
			.strip();
		assertThat(secret).matches("[0-9a-f]{64}");
		assertThatThrownBy(() -> DriverManager.getConnection(url(), "sa", "").close()).isInstanceOf(SQLException.class)
			.extracting(ex -> ((SQLException) ex).getSQLState())
			.isEqualTo("28000");
		try (Connection c = DriverManager.getConnection(url(), "sa", secret)) {
			assertThat(c.isValid(1)).isTrue();
		}
		// the next process reads the same secret
		Database.open(url(), null, null).close();
	}

	@Test // #9
	void aFileCreatedWithoutAPasswordIsGivenOneAndKeepsItsData() throws Exception {
		Database.normalizeUrl(url()); // as every entry point does before H2 starts: binds it to loopback
		Files.createDirectories(this.dir.resolve("data"));
		try (Connection c = DriverManager.getConnection(url(), "sa", ""); Statement s = c.createStatement()) {
			s.execute("create table kept (x int)");
			s.execute("insert into kept values (42)");
		}
		try (Database db = Database.open(url(), null, null); Connection c = db.connection();
				Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select x from kept")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getInt(1)).isEqualTo(42);
		}
		assertThatThrownBy(() -> DriverManager.getConnection(url(), "sa", "").close()).isInstanceOf(SQLException.class);
		Database.open(url(), null, null).close();
	}

	@Test // #9
	void aLostSecretIsToldNotWorkedAround() throws Exception {
		Database.open(url(), null, null).close();
		Files.delete(this.dir.resolve("data").resolve(Database.SECRET_FILE));
		assertThatThrownBy(() -> Database.open(url(), null, null)).isInstanceOf(LedgerException.class)
			.hasMessageContaining(Database.SECRET_FILE)
			.hasMessageContaining("backup");
	}

	@Test // #9
	void credentialsInTheUrlAreUsedAsGiven() throws Exception {
		String url = "jdbc:h2:file:" + this.dir.resolve("own/db").toAbsolutePath() + ";USER=owner;PASSWORD=long-pass";
		Database.open(url, null, null).close();
		assertThat(this.dir.resolve("own").resolve(Database.SECRET_FILE)).doesNotExist();
		try (Connection c = DriverManager.getConnection(Database.normalizeUrl(url))) {
			assertThat(c.isValid(1)).isTrue();
		}
	}

	@Test // #9
	void anyH2UrlGetsWhatTheSchemaNeeds() {
		assertThat(Database.normalizeUrl("jdbc:h2:file:/srv/outbound/db"))
			.isEqualTo("jdbc:h2:file:/srv/outbound/db;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
		assertThat(Database.normalizeUrl("jdbc:h2:/srv/db;mode=MySQL;CACHE_SIZE=8192"))
			.isEqualTo("jdbc:h2:/srv/db;CACHE_SIZE=8192;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
		assertThat(Database.normalizeUrl("jdbc:h2:file:./x;FILE_LOCK=NO"))
			.isEqualTo("jdbc:h2:file:./x;FILE_LOCK=NO;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
		assertThat(Database.normalizeUrl("jdbc:h2:mem:"))
			.isEqualTo("jdbc:h2:mem:outbound;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		assertThat(Database.normalizeUrl(Database.DEFAULT_URL)).isEqualTo(
				"jdbc:h2:file:./data/outbound;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
		assertThat(Database.normalizeUrl("jdbc:postgresql://127.0.0.1/outbound?user=u"))
			.isEqualTo("jdbc:postgresql://127.0.0.1/outbound?user=u");
	}

	private static int autoServerPort(Path lockFile) throws IOException {
		Properties p = new Properties();
		try (var in = Files.newInputStream(lockFile)) {
			p.load(in);
		}
		String server = p.getProperty("server");
		assertThat(server).as("the lock file names the AUTO_SERVER address").isNotNull();
		return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
	}

	private static boolean connects(InetAddress address, int port) {
		try (Socket s = new Socket()) {
			s.connect(new InetSocketAddress(address, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static List<InetAddress> nonLoopbackAddresses() throws IOException {
		List<InetAddress> list = new ArrayList<>();
		for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (ni.isUp() && !ni.isLoopback()) {
				for (InetAddress a : Collections.list(ni.getInetAddresses())) {
					if (!a.isLinkLocalAddress()) {
						list.add(a);
					}
				}
			}
		}
		return list;
	}

}
