package cn.outbound.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.ledger.db.Database;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server, the CLI and the ledger share the embedded H2 file under {@code ./data}: whichever opens it first, the
 * others can sign in (H2 knows only the user that created the file), also on a file an earlier version created under
 * the empty user name without a password, which is given the generated password (#9).
 */
class SharedEmbeddedDatabaseTests {

	private static String url(Path dir) {
		return "jdbc:h2:file:" + dir.resolve("outbound").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
	}

	@Test
	void theLedgerFirstThenTheServer(@TempDir Path dir) throws Exception {
		Database.open(url(dir), null, null).close();
		assertServerOpens(url(dir));
		Database.open(url(dir), null, null).close();
	}

	@Test
	void theServerFirstThenTheLedger(@TempDir Path dir) throws Exception {
		assertServerOpens(url(dir));
		Database.open(url(dir), null, null).close();
		assertServerOpens(url(dir));
	}

	@Test // #9
	void aFileCreatedUnderTheEmptyUserNameStillOpensAndGetsAPassword(@TempDir Path dir) throws Exception {
		Database.normalizeUrl(url(dir)); // as every entry point does before H2 starts: binds it to loopback
		try (Connection c = DriverManager.getConnection(url(dir), "", "")) {
			assertThat(c.isValid(1)).isTrue();
		}
		Database.open(url(dir), null, null).close();
		assertServerOpens(url(dir));
		for (String user : new String[] { "", "sa" }) {
			assertThatThrownBy(() -> DriverManager.getConnection(url(dir), user, "").close())
				.isInstanceOf(SQLException.class);
		}
	}

	private static void assertServerOpens(String url) throws Exception {
		try (HikariDataSource ds = DatabaseSettings.of(url).open(2)) {
			DatabaseSettings.of(url).migrate(ds);
			try (Connection c = ds.getConnection()) {
				assertThat(c.isValid(1)).isTrue();
			}
		}
	}

}
