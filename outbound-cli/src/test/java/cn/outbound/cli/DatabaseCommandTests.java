package cn.outbound.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.ledger.db.Database;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI on any H2 URL a user gives, and a broken database told in one line without SQL (#9).
 */
class DatabaseCommandTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@TempDir
	Path dir;

	@AfterEach
	void reset() {
		LedgerCommand.environment = null;
		System.clearProperty("outbound.db.url");
	}

	private Path ids() throws Exception {
		Path file = this.dir.resolve("ids.csv");
		Files.write(file, List.of("id", "11010519491231002X", "120101201501010021"), StandardCharsets.UTF_8);
		return file;
	}

	private CliRun record(Path ids) {
		return CliRun.run("ledger", "record", "--processor", "plain", "--date", "2026-03-15", "--event-key", "b1",
				"--ids", ids.toString(), "--column", "id");
	}

	private static CliRun status() {
		return CliRun.run("ledger", "status", "--processor", "plain", "--year", "2026");
	}

	@Test // #9
	void ledgerRecordAndStatusWorkOnAPlainH2FileUrl() throws Exception {
		LedgerCommand.environment = Map.of("OUTBOUND_DB_URL", "jdbc:h2:file:" + this.dir.resolve("plain/db"));
		Path ids = ids();
		CliRun r = record(ids);
		assertThat(r.exit()).as(r.err()).isZero();
		CliRun s = status();
		assertThat(s.exit()).as(s.err()).isZero();
		assertThat(s.out()).contains("Counted persons:   2 non-sensitive");
	}

	@Test // #9
	void ledgerRecordAndStatusWorkOnAPlainH2MemUrl() throws Exception {
		LedgerCommand.environment = Map.of("OUTBOUND_DB_URL", "jdbc:h2:mem:", "OUTBOUND_LEDGER_KEY", KEY);
		CliRun r = record(ids());
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(r.out()).contains("2 persons");
	}

	@Test // #9
	void aBrokenLedgerIsOneLineWithoutSql() throws Exception {
		String url = "jdbc:h2:file:" + this.dir.resolve("data/db");
		LedgerCommand.environment = Map.of("OUTBOUND_DB_URL", url, "OUTBOUND_LEDGER_KEY", KEY);
		assertThat(record(ids()).exit()).isZero();
		try (Database db = Database.open(url, null, null); Connection c = db.connection();
				Statement s = c.createStatement()) {
			s.execute("drop table ledger_tally");
		}
		CliRun s = status();
		assertThat(s.exit()).isEqualTo(Outbound.FAILED);
		assertThat(s.out()).isEmpty();
		assertOneLineWithoutSql(s.err(), "ledger_tally");
	}

	@Test // #9
	void aBrokenUserTableIsOneLineWithoutSql() throws Exception {
		String url = "jdbc:h2:file:" + this.dir.resolve("data/outbound");
		System.setProperty("outbound.db.url", url);
		assertThat(CliRun.run("users", "add", "root", "--role", "ADMIN").exit()).isZero();
		try (HikariDataSource ds = DatabaseSettings.of(url).open(1); Connection c = ds.getConnection();
				Statement s = c.createStatement()) {
			s.execute("drop table app_user cascade");
		}
		CliRun list = CliRun.run("users", "list");
		assertThat(list.exit()).isEqualTo(Outbound.FAILED);
		assertOneLineWithoutSql(list.err(), "app_user");
	}

	private static void assertOneLineWithoutSql(String err, String table) {
		assertThat(err.strip()).doesNotContain("\n").startsWith("error: ").contains("database error").contains("SQLSTATE");
		assertThat(err).doesNotContainIgnoringCase("select")
			.doesNotContainIgnoringCase(table)
			.doesNotContainIgnoringCase("SQL statement")
			.doesNotContain("\tat ")
			.doesNotContain("Exception");
	}

}
