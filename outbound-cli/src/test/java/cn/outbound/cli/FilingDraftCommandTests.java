package cn.outbound.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.service.Services;
import cn.outbound.service.assessment.AssessmentStore;
import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.decision.Deciding;
import cn.outbound.service.decision.RuleBooks;
import cn.outbound.testing.Documents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outbound filing draft}: the documents of the decision's mechanism from a scenario or a stored assessment,
 * with or without the details file; bad details and EXEMPT decisions write nothing.
 */
class FilingDraftCommandTests {

	@TempDir
	Path dir;

	@BeforeEach
	void environment() {
		Map<String, String> env = new HashMap<>();
		env.put("OUTBOUND_DB_URL", "jdbc:h2:file:" + this.dir.resolve("data/outbound").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
		env.put("OUTBOUND_LEDGER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
		LedgerCommand.environment = env;
	}

	@AfterEach
	void reset() {
		LedgerCommand.environment = null;
	}

	static String details() {
		return CliRun.repo().resolve("docs/examples/filing-details.json").toString();
	}

	private static List<String> names(Path out) throws Exception {
		try (Stream<Path> s = Files.list(out)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void aSecurityAssessmentScenarioGetsItsFormReportAndChecklist() throws Exception {
		Path out = this.dir.resolve("sa");
		CliRun run = CliRun.run("filing", "draft", CliRun.example("hospital-emr"), "--details", details(), "--out",
				out.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("申报材料草稿：申报数据出境安全评估（SECURITY_ASSESSMENT）→ ")
			.contains("01-数据出境安全评估申报表.docx / .pdf  （5 处【待填写】）")
			.contains("文件数：6");
		assertThat(names(out)).containsExactly("01-数据出境安全评估申报表.docx", "01-数据出境安全评估申报表.pdf",
				"02-数据出境风险自评估报告.docx", "02-数据出境风险自评估报告.pdf", "03-数据出境安全评估申报材料清单.docx",
				"03-数据出境安全评估申报材料清单.pdf");
		String form = Documents.docxText(Files.readAllBytes(out.resolve("01-数据出境安全评估申报表.docx")));
		assertThat(form).contains("单位性质\t企业", "统一社会信用代码\t91350100M000100Y43", "敏感个人信息 250,000 人");
	}

	@Test
	void withoutDetailsEveryCompanyFieldIsMarked() throws Exception {
		Path out = this.dir.resolve("sc");
		CliRun run = CliRun.run("filing", "draft", CliRun.example("pi-contract-range"), "--out", out.toString(), "--lang",
				"en");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("Filing drafts: Personal-information standard contract or certification");
		assertThat(names(out)).hasSize(8);
		String details = Documents.docxText(Files.readAllBytes(out.resolve(
				names(out).stream().filter(n -> n.startsWith("02-") && n.endsWith(".docx")).findFirst().orElseThrow())));
		assertThat(details).contains("How the data leave\t【待填写 / to complete: How the data leave】")
			.contains("Sectors\t【待填写 / to complete: Sectors】");
	}

	@Test
	void badDetailsAreLocatedInTheUsersLanguageAndNothingIsWritten() throws Exception {
		Path bad = Files.writeString(this.dir.resolve("bad.json"),
				"{\"format\": \"outbound/filing-details/v1\",\n \"exportMethod\": \"EMAIL\",\n \"sectors\": [\"卫生\"]}",
				StandardCharsets.UTF_8);
		Path out = this.dir.resolve("never");
		CliRun run = CliRun.run("filing", "draft", CliRun.example("hospital-emr"), "--details", bad.toString(), "--out",
				out.toString());
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("错误：" + bad + ":2:18: /exportMethod: “exportMethod”为“EMAIL”")
			.contains("未写入任何文件");
		assertThat(out).doesNotExist();
		CliRun en = CliRun.run("filing", "draft", CliRun.example("hospital-emr"), "--details", bad.toString(), "--out",
				out.toString(), "--lang", "en");
		assertThat(en.err()).contains("ERROR: " + bad + ":2:18: /exportMethod: 'exportMethod' is 'EMAIL'; allowed:");
		assertThat(out).doesNotExist();
	}

	@Test
	void anExemptDecisionNeedsNoFilingUnlessForced() throws Exception {
		Path out = this.dir.resolve("exempt");
		CliRun run = CliRun.run("filing", "draft", CliRun.example("pi-below-100k"), "--out", out.toString());
		assertThat(run.exit()).isZero();
		assertThat(run.out()).startsWith("无需申报或备案：判定结果为免予申报安全评估、订立标准合同、通过认证（EXEMPT）");
		assertThat(out).doesNotExist();
		CliRun forced = CliRun.run("filing", "draft", CliRun.example("pi-below-100k"), "--out", out.toString(), "--force");
		assertThat(forced.exit()).as(forced.err()).isZero();
		assertThat(names(out)).hasSize(14);
	}

	@Test
	void aNonEmptyOutputDirectoryIsRefused() throws Exception {
		Path out = Files.createDirectories(this.dir.resolve("full"));
		Files.writeString(out.resolve("mine.txt"), "keep");
		CliRun run = CliRun.run("filing", "draft", CliRun.example("hospital-emr"), "--out", out.toString());
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.err()).contains("目录不为空");
		assertThat(names(out)).containsExactly("mine.txt");
	}

	@Test
	void aStoredAssessmentIsDraftedWithItsProcessorsLedgerHistory() throws Exception {
		Path ids = this.dir.resolve("ids.csv");
		StringBuilder csv = new StringBuilder("patient\n");
		for (int i = 0; i < 1200; i++) {
			csv.append("P-").append(i).append('\n');
		}
		Files.writeString(ids, csv);
		CliRun recorded = CliRun.run("ledger", "record", "--processor", "clinic-tj", "--date", "2026-03-01", "--basis",
				"NONE", "--ids", ids.toString(), "--column", "patient", "--kind", "opaque", "--event-key", "march-export");
		assertThat(recorded.exit()).as(recorded.err()).isZero();
		long id;
		try (Services services = Db.open()) {
			Assessments assessments = new Assessments(
					new Deciding(new RuleBooks(RulePacks.loadBuiltIn(), List.of(), new EngineSettings(false)),
							PriorCounts.NONE),
					new AssessmentStore(services.dataSource(), services.writes()));
			id = assessments.create(cn.outbound.service.org.Scope.commandLine("analyst", "default"), ("{\"schema\":\"outbound/scenario/v1\",\"jurisdiction\":\"tianjin-ftz\",\"date\":\"2026-06-15\","
					+ "\"processor\":{\"id\":\"clinic-tj\",\"name\":\"示例诊所（天津）有限公司\",\"ciio\":false},"
					+ "\"personalInformation\":[{\"individuals\":0,\"sensitiveIndividuals\":20000,\"basis\":\"NONE\"}]}")
				.getBytes(StandardCharsets.UTF_8), "clinic", null, null).assessment().id();
		}
		Path out = this.dir.resolve("stored");
		CliRun run = CliRun.run("filing", "draft", "--assessment", String.valueOf(id), "--out", out.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		String report = Documents.docxText(Files.readAllBytes(out.resolve("02-数据出境风险自评估报告.docx")));
		assertThat(report).contains("示例诊所（天津）有限公司", "Outbound 台账记载的本年出境记录（处理者 clinic-tj，截至 2026-06-15）",
				"事件 march-export，1,200 人", "敏感个人信息 20,000 人");
		CliRun missing = CliRun.run("filing", "draft", "--assessment", "999999", "--out", this.dir.resolve("x").toString());
		assertThat(missing.exit()).isEqualTo(2);
		assertThat(missing.err()).contains("--assessment 999999：没有该评估记录");
	}

}
