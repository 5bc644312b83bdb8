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
import cn.outbound.service.assessment.Reviews;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.decision.Deciding;
import cn.outbound.service.decision.RuleBooks;
import cn.outbound.service.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outbound assessments approve|return} (#11 item 9): the command line refuses what the page and the API
 * refuse, because all three ask the service's {@link Reviews}.
 */
class AssessmentsCommandTests {

	@TempDir
	Path dir;

	String url;

	long id;

	@BeforeEach
	void database() throws Exception {
		this.url = "jdbc:h2:file:" + this.dir.resolve("outbound") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		System.setProperty("outbound.db.url", this.url);
		try (Services services = Services.open(DatabaseSettings.of(this.url))) {
			services.users().add("ana", Role.ANALYST, "correct-horse-battery", "tests", null);
			services.users().add("bob", Role.ANALYST, "correct-horse-battery", "tests", null);
			services.users().add("vera", Role.VIEWER, "correct-horse-battery", "tests", null);
			Deciding deciding = new Deciding(new RuleBooks(RulePacks.loadBuiltIn(), List.of(), new EngineSettings(false)),
					PriorCounts.NONE);
			byte[] scenario = Files.readString(Path.of(CliRun.example("hospital-emr"))).getBytes(StandardCharsets.UTF_8);
			this.id = new Assessments(deciding, new AssessmentStore(services.dataSource(), services.writes()))
				.create(cn.outbound.service.org.Scope.commandLine("ana", "default"), scenario, "emr", null, null)
				.assessment()
				.id();
		}
	}

	@AfterEach
	void reset() {
		System.clearProperty("outbound.db.url");
	}

	@Test // #11
	void theCreatorAndAViewerAreRefusedAnotherAnalystApproves() throws Exception {
		CliRun own = CliRun.run("assessments", "approve", String.valueOf(this.id), "--as", "ana");
		assertThat(own.exit()).isEqualTo(Outbound.INVALID);
		assertThat(own.err()).contains("creator");
		CliRun viewer = CliRun.run("assessments", "approve", String.valueOf(this.id), "--as", "vera");
		assertThat(viewer.exit()).isEqualTo(Outbound.INVALID);
		assertThat(viewer.err()).contains("ADMIN or an ANALYST");
		CliRun bare = CliRun.run("assessments", "return", String.valueOf(this.id), "--as", "bob");
		assertThat(bare.exit()).isEqualTo(Outbound.INVALID);
		assertThat(bare.err()).contains("comment");
		CliRun returned = CliRun.run("assessments", "return", String.valueOf(this.id), "--as", "bob", "--comment",
				"请核对敏感个人信息人数");
		assertThat(returned.exit()).as(returned.err()).isZero();
		CliRun ok = CliRun.run("assessments", "approve", String.valueOf(this.id), "--as", "bob");
		assertThat(ok.exit()).as(ok.err()).isZero();
		assertThat(ok.out()).contains("approved by bob");
		assertThat(CliRun.run("assessments", "approve", "999", "--as", "bob").exit()).isEqualTo(Outbound.FAILED);
		try (Services services = Services.open(DatabaseSettings.of(this.url))) {
			var reviews = new Reviews(services.dataSource(), services.writes(), services.users()).of("default", this.id);
			assertThat(reviews).extracting(r -> r.verdict().name()).containsExactly("RETURNED", "APPROVED");
			assertThat(services.auditLog().page(0, 5, "ASSESSMENT_APPROVED")).singleElement().satisfies(e -> {
				assertThat(e.actor()).isEqualTo("bob");
				assertThat(e.remote()).startsWith("cli@");
			});
		}
	}

}
