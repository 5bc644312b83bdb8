package cn.outbound.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import cn.outbound.service.audit.Writes;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.user.Users;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outbound users} and {@code outbound audit} against a database of their own (outbound.db.url).
 */
class UsersCommandTests {

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

	@Test // #3
	void addCreatesTheFirstAdminAndPrintsATokenAsTheLastLine() throws Exception {
		CliRun run = CliRun.run("users", "add", "root", "--role", "ADMIN");
		assertThat(run.exit()).as(run.err()).isZero();
		String[] lines = run.out().strip().split("\n");
		String token = lines[lines.length - 1].strip();
		assertThat(token).startsWith("obt_");
		assertThat(run.out()).contains("Password");
		assertThat(run.err()).isEmpty();
		try (HikariDataSource ds = DatabaseSettings.of(this.url).open(1); Writes writes = new Writes(ds)) {
			assertThat(new Users(ds, writes).byToken(token)).map(a -> a.role().name()).hasValue("ADMIN");
		}
		assertThat(CliRun.run("users", "list").out()).contains("root").contains("ADMIN");
		CliRun second = CliRun.run("users", "token", "root");
		assertThat(second.out().strip().lines().reduce((a, b) -> b).orElseThrow()).startsWith("obt_").isNotEqualTo(token);
	}

	@Test // #11 item 16: the least role unless one is given
	void aNewUserWithoutARoleIsAViewer() {
		CliRun run = CliRun.run("users", "add", "newcomer");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("with role VIEWER");
		assertThat(CliRun.run("users", "list").out()).containsPattern("newcomer\\s+VIEWER");
	}

	@Test
	void refusesABadRoleATakenNameAndAnUnknownUser() {
		assertThat(CliRun.run("users", "add", "x", "--role", "BOSS").exit()).isEqualTo(Outbound.INVALID);
		assertThat(CliRun.run("users", "add", "dup", "--role", "VIEWER").exit()).isZero();
		CliRun again = CliRun.run("users", "add", "dup", "--role", "VIEWER");
		assertThat(again.exit()).isEqualTo(Outbound.INVALID);
		assertThat(again.err()).contains("already exists");
		assertThat(CliRun.run("users", "revoke", "nobody").exit()).isEqualTo(Outbound.INVALID);
		assertThat(CliRun.run("users", "add", "bad name", "--role", "VIEWER").exit()).isEqualTo(Outbound.INVALID);
	}

	@Test // #3
	void auditVerifyDetectsTampering() throws Exception {
		CliRun.run("users", "add", "a1", "--role", "ANALYST");
		CliRun.run("users", "role", "a1", "VIEWER");
		CliRun ok = CliRun.run("audit", "verify");
		assertThat(ok.exit()).isZero();
		assertThat(ok.out()).contains("intact").contains("3 entries");
		assertThat(CliRun.run("audit", "list").out()).contains("USER_CREATED").contains("ROLE_SET").contains("cli:");
		try (HikariDataSource ds = DatabaseSettings.of(this.url).open(1); Connection c = ds.getConnection();
				Statement s = c.createStatement()) {
			s.executeUpdate("update audit_event set details = 'role=ADMIN' where action = 'ROLE_SET'");
		}
		CliRun tampered = CliRun.run("audit", "verify");
		assertThat(tampered.exit()).isEqualTo(AuditCommand.TAMPERED);
		assertThat(tampered.out()).contains("TAMPERED").contains("entry 3");
	}

	@Test
	void serveRefusesABadPort() {
		CliRun run = CliRun.run("serve", "--port", "70000");
		assertThat(run.exit()).isEqualTo(Outbound.INVALID);
		assertThat(CliRun.run("serve", "--help").out()).contains("--port");
	}

}
