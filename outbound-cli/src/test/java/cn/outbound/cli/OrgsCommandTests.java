package cn.outbound.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.service.Services;
import cn.outbound.service.assessment.AssessmentStore;
import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.decision.Deciding;
import cn.outbound.service.decision.RuleBooks;
import cn.outbound.service.org.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outbound orgs}, {@code users add --org} and {@code outbound reports} against a database of their own
 * (issue #13): the same rules as the pages and the API, errors naming the option.
 */
class OrgsCommandTests {

	@TempDir
	Path dir;

	@BeforeEach
	void database() {
		System.setProperty("outbound.db.url", "jdbc:h2:file:" + this.dir.resolve("outbound")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
	}

	@AfterEach
	void reset() {
		System.clearProperty("outbound.db.url");
	}

	@Test
	void organisationsUsersAndReportsFromTheCommandLine() throws Exception {
		CliRun add = CliRun.run("orgs", "add", "acme", "--name", "Acme 有限公司");
		assertThat(add.exit()).as(add.err()).isZero();
		assertThat(CliRun.run("orgs", "add", "acme", "--name", "again").err()).contains("already exists");
		CliRun bad = CliRun.run("orgs", "add", "Not An Id", "--name", "x");
		assertThat(bad.exit()).isEqualTo(2);
		assertThat(bad.err()).startsWith("error: org:");
		assertThat(CliRun.run("orgs", "list").out()).contains("acme").contains("default").contains("ZONE");

		CliRun user = CliRun.run("users", "add", "ana", "--role", "ANALYST", "--org", "acme");
		assertThat(user.exit()).as(user.err()).isZero();
		assertThat(user.out()).contains("in organisation acme");
		CliRun regulator = CliRun.run("users", "add", "zoe", "--role", "REGULATOR");
		assertThat(regulator.out()).contains("in organisation zone");
		CliRun wrong = CliRun.run("users", "add", "rex", "--role", "REGULATOR", "--org", "acme");
		assertThat(wrong.exit()).isEqualTo(2);
		assertThat(wrong.err()).contains("role:");
		assertThat(CliRun.run("users", "list", "--org", "acme").out()).contains("ana").doesNotContain("zoe");

		long id;
		try (Services services = Db.open()) {
			Assessments assessments = new Assessments(
					new Deciding(new RuleBooks(RulePacks.loadBuiltIn(), List.of(), new EngineSettings(false)),
							PriorCounts.NONE),
					new AssessmentStore(services.dataSource(), services.writes()));
			byte[] scenario = Files.readString(Path.of(CliRun.example("hospital-emr"))).getBytes(StandardCharsets.UTF_8);
			id = assessments.create(Scope.commandLine("ana", "acme"), scenario, "emr", null, null).assessment().id();
		}
		// another organisation's assessment is not found
		CliRun elsewhere = CliRun.run("reports", "add", "--assessment", String.valueOf(id));
		assertThat(elsewhere.exit()).isEqualTo(1);
		assertThat(elsewhere.err()).contains("No assessment " + id);
		CliRun reported = CliRun.run("reports", "add", "--assessment", String.valueOf(id), "--org", "acme");
		assertThat(reported.exit()).as(reported.err()).isZero();
		assertThat(CliRun.run("reports", "list", "--zone").out()).contains("acme").contains("ASSESSMENT");
		assertThat(CliRun.run("reports", "list").out()).doesNotContain("acme");
		String reportId = reported.out().replaceAll("(?s).*report (\\d+).*", "$1");
		assertThat(CliRun.run("reports", "withdraw", reportId, "--org", "acme").exit()).isZero();
		assertThat(CliRun.run("reports", "list", "--zone").out()).doesNotContain("acme");
		assertThat(CliRun.run("reports", "list", "--org", "acme").out()).contains("withdrawn");
		assertThat(CliRun.run("reports", "list", "--org", "nowhere").err()).contains("--org: no organisation");
	}

}
