package cn.outbound.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.outbound.service.db.DatabaseSettings;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outbound audit verify --head HASH} against a database of its own: a head kept elsewhere reveals the last
 * entry deleted and the chain's head moved back, which the chain alone cannot see.
 */
class AuditCommandTests {

	private static final Pattern HEAD = Pattern.compile("head ([0-9a-f]{64})");

	@TempDir
	Path dir;

	String url;

	@BeforeEach
	void database() {
		this.url = "jdbc:h2:file:" + this.dir.resolve("outbound") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		System.setProperty("outbound.db.url", this.url);
	}

	@AfterEach
	void reset() {
		System.clearProperty("outbound.db.url");
	}

	@Test // #9
	void verifyWithAKeptHeadExits3AfterTheLastEntryIsDeletedAndTheHeadMovedBack() throws Exception {
		assertThat(CliRun.run("users", "add", "a1", "--role", "ANALYST").exit()).isZero();
		assertThat(CliRun.run("users", "role", "a1", "VIEWER").exit()).isZero();
		CliRun first = CliRun.run("audit", "verify");
		assertThat(first.exit()).isZero();
		assertThat(first.out()).contains("3 entries");
		String kept = head(first.out());

		CliRun reached = CliRun.run("audit", "verify", "--head", kept);
		assertThat(reached.exit()).as(reached.out() + reached.err()).isZero();
		assertThat(reached.out()).contains("Kept head " + kept + " is entry 3").contains("still reaches it");

		try (HikariDataSource ds = DatabaseSettings.of(this.url).open(1); Connection c = ds.getConnection();
				Statement s = c.createStatement()) {
			// the attacker: drop the last entry, move the head back to the one before it
			String previous;
			try (var rs = s.executeQuery("select hash from audit_event where seq = 2")) {
				rs.next();
				previous = rs.getString(1);
			}
			s.executeUpdate("delete from audit_event where seq = 3");
			try (PreparedStatement ps = c.prepareStatement("update audit_head set seq = 2, hash = ? where id = 1")) {
				ps.setString(1, previous);
				ps.executeUpdate();
			}
		}

		// the chain alone cannot see it: the documented limitation
		CliRun plain = CliRun.run("audit", "verify");
		assertThat(plain.exit()).isZero();
		assertThat(plain.out()).contains("intact").contains("2 entries");
		String current = head(plain.out());

		CliRun missing = CliRun.run("audit", "verify", "--head", kept);
		assertThat(missing.exit()).as(missing.out() + missing.err()).isEqualTo(AuditCommand.TAMPERED);
		assertThat(missing.out()).contains("TAMPERED").contains("kept head " + kept).contains("not in the chain");

		CliRun now = CliRun.run("audit", "verify", "--head", current.toUpperCase());
		assertThat(now.exit()).isZero();
		assertThat(now.out()).contains("is entry 2");
	}

	@Test // #9
	void aMalformedHeadExits2NamingTheOptionAndTheFormat() {
		assertThat(CliRun.run("users", "add", "a1", "--role", "ANALYST").exit()).isZero();
		for (String bad : new String[] { "abc", "g".repeat(64), "a".repeat(63), "" }) {
			CliRun run = CliRun.run("audit", "verify", "--head", bad);
			assertThat(run.exit()).as(bad).isEqualTo(Outbound.INVALID);
			assertThat(run.err()).contains("--head").contains("64 hexadecimal digits");
			assertThat(run.out()).isEmpty();
		}
		assertThat(CliRun.run("audit", "verify", "--help").out()).contains("--head");
	}

	private static String head(String out) {
		Matcher m = HEAD.matcher(out);
		assertThat(m.find()).as(out).isTrue();
		return m.group(1);
	}

}
