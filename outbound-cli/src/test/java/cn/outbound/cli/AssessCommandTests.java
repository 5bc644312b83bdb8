package cn.outbound.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outbound assess}: exit status, JSON and JSON lines, standard input, text in both languages.
 */
class AssessCommandTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void oneFilePrintsOneDecisionDocument() {
		CliRun run = CliRun.run("assess", CliRun.example("hospital-emr"));
		assertThat(run.exit()).isZero();
		assertThat(run.err()).isEmpty();
		JsonNode d = JSON.readTree(run.out());
		assertThat(d.get("outcome").asString()).isEqualTo("SECURITY_ASSESSMENT");
		assertThat(d.get("items").toString()).isEqualTo("[31,45]");
		assertThat(d.get("rulePack").get("edition").asString()).isEqualTo("2024");
		assertThat(d.get("rulePack").get("contentHash").asString()).startsWith("sha256:");
		assertThat(d.get("findings")).allSatisfy(f -> {
			assertThat(f.get("rule").asString()).isNotBlank();
			assertThat(f.get("because").get("zh").asString()).isNotBlank();
			assertThat(f.get("because").get("en").asString()).isNotBlank();
			assertThat(f.get("quote").get("zh").asString()).isNotBlank();
		});
		assertThat(d.get("obligations").toString()).contains("art-10");
	}

	@Test
	void severalFilesPrintOneJsonLineEachWithTheSource() {
		String a = CliRun.example("pi-below-100k");
		String b = CliRun.example("pi-over-1m");
		CliRun run = CliRun.run("assess", a, b);
		assertThat(run.exit()).isZero();
		String[] lines = run.out().strip().split("\n");
		assertThat(lines).hasSize(2);
		assertThat(JSON.readTree(lines[0]).get("source").asString()).isEqualTo(a);
		assertThat(JSON.readTree(lines[0]).get("outcome").asString()).isEqualTo("EXEMPT");
		assertThat(JSON.readTree(lines[1]).get("source").asString()).isEqualTo(b);
		assertThat(JSON.readTree(lines[1]).get("outcome").asString()).isEqualTo("SECURITY_ASSESSMENT");
	}

	@Test
	void invalidInputExitsTwoAndNamesTheField() {
		CliRun run = CliRun.run("assess", CliRun.example("invalid-negative-count"));
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("invalid-negative-count.json:")
			.contains("/personalInformation/0/individuals")
			.contains("whole number from 0");
	}

	@Test
	void problemsAreChineseWithLangZhAndEnglishWithoutLang() {
		CliRun zh = CliRun.run("assess", "--lang", "zh", CliRun.example("invalid-negative-count"));
		assertThat(zh.exit()).isEqualTo(2);
		assertThat(zh.err()).startsWith("错误：").contains("/personalInformation/0/individuals")
			.contains("“individuals”应为 0 至 1000000000000 之间的整数；-5 小于 0").doesNotContain("whole number");
		CliRun en = CliRun.run("assess", "--lang", "en", CliRun.example("invalid-negative-count"));
		assertThat(en.err()).startsWith("ERROR: ").contains("'individuals' must be a whole number from 0 to 1000000000000, not -5");
		CliRun none = CliRun.run("assess", CliRun.example("invalid-negative-count"));
		assertThat(none.err()).isEqualTo(en.err());
	}

	@Test
	void severalFilesGiveEachProblemItsCode() throws Exception {
		CliRun run = CliRun.run("assess", "--lang", "zh", CliRun.example("pi-below-100k"), CliRun.example("invalid-item-number"));
		JsonNode problem = JSON.readTree(run.out().strip().split("\n")[1]).get("problems").get(0);
		assertThat(problem.get("code").asString()).isEqualTo("unknown-item");
		assertThat(problem.get("message").asString()).startsWith("第 99 项不是 tianjin-ftz 2024 的数据项");
	}

	@Test
	void invalidAmongSeveralStillDecidesTheOthersAndExitsTwo() {
		CliRun run = CliRun.run("assess", CliRun.example("pi-below-100k"), CliRun.example("invalid-item-number"));
		assertThat(run.exit()).isEqualTo(2);
		String[] lines = run.out().strip().split("\n");
		assertThat(lines).hasSize(2);
		assertThat(JSON.readTree(lines[1]).get("error").asString()).isEqualTo("invalid scenario");
		assertThat(run.err()).contains("/data/0/item");
	}

	@Test
	void missingFileExitsOne() {
		CliRun run = CliRun.run("assess", "/no/such/scenario.json");
		assertThat(run.exit()).isEqualTo(1);
		assertThat(run.err()).contains("no such file").doesNotContain("Exception");
	}

	@Test
	void dashReadsStandardInput() throws Exception {
		InputStream saved = System.in;
		try {
			System.setIn(new ByteArrayInputStream(Files.readAllBytes(Path.of(CliRun.example("sensitive-few")))));
			CliRun run = CliRun.run("assess", "-");
			assertThat(run.exit()).isZero();
			assertThat(JSON.readTree(run.out()).get("outcome").asString()).isEqualTo("STANDARD_CONTRACT_OR_CERTIFICATION");
		}
		finally {
			System.setIn(saved);
		}
	}

	@Test
	void textInChineseAndEnglish() {
		CliRun zh = CliRun.run("assess", "--format", "text", "--lang", "zh", CliRun.example("cumulative-crosses-100k"));
		assertThat(zh.exit()).isZero();
		assertThat(zh.out()).contains("结论").contains("订立个人信息出境标准合同").contains("第46项").contains("110,000");
		CliRun en = CliRun.run("assess", "--format", "text", "--lang", "en", CliRun.example("cumulative-crosses-100k"));
		assertThat(en.out()).contains("Outcome").contains("standard contract").contains("Item 46").contains("110,000");
	}

	@Test
	void badOptionValueExitsTwo() {
		CliRun run = CliRun.run("assess", "--format", "pdf", CliRun.example("pi-below-100k"));
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("--format").contains("json, text");
	}

	@Test
	void aNewEditionInARulesDirectoryIsPickedByDate(@TempDir Path dir) throws Exception {
		Path edition = dir.resolve("tianjin-ftz-2099.yaml");
		try (InputStream in = getClass().getResourceAsStream("/rulepacks/tianjin-ftz-2024.yaml")) {
			String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
				.replaceFirst("edition: \"2024\"", "edition: \"2099\"")
				.replaceFirst("inForceFrom: 2024-05-08", "inForceFrom: 2099-01-01");
			Files.writeString(edition, yaml);
		}
		Path scenario = dir.resolve("s.json");
		Files.writeString(scenario, Files.readString(Path.of(CliRun.example("pi-below-100k"))).replace("2026-06-15", "2099-03-01"));
		CliRun run = CliRun.run("assess", "--rules-dir", dir.toString(), scenario.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(JSON.readTree(run.out()).get("rulePack").get("edition").asString()).isEqualTo("2099");
	}

	/** id → the deadline rules of each obligation of a decision's JSON. */
	private static java.util.Map<String, java.util.List<JsonNode>> deadlines(JsonNode decision) {
		java.util.Map<String, java.util.List<JsonNode>> out = new java.util.LinkedHashMap<>();
		for (JsonNode o : decision.get("obligations")) {
			java.util.List<JsonNode> rules = new java.util.ArrayList<>();
			if (o.has("deadlines")) {
				o.get("deadlines").forEach(rules::add);
			}
			out.put(o.get("id").asString(), rules);
		}
		return out;
	}

	@Test // #14 item 2
	void theObligationsCarryTheirDeadlineRulesAsTheFilingPlanStatesThem() {
		CliRun run = CliRun.run("assess", CliRun.example("pi-contract-range"));
		assertThat(run.exit()).isZero();
		var rules = deadlines(JSON.readTree(run.out()));
		assertThat(rules.get("scc-filing")).extracting(r -> r.get("id").asString()).containsExactly("scc-filing");
		assertThat(rules.get("scc-pia-retention")).extracting(r -> r.get("id").asString())
			.containsExactly("scc-pia-retention");
		assertThat(rules.get("pi-notice-consent-pia")).isEmpty();
		// the plan, with no date given, words each deadline and cites its article the same way
		CliRun plan = CliRun.run("filing", "plan", CliRun.example("pi-contract-range"), "--format", "json");
		assertThat(plan.exit()).isZero();
		java.util.Map<String, JsonNode> steps = new java.util.HashMap<>();
		JSON.readTree(plan.out()).get("steps").forEach(s -> steps.put(s.get("id").asString(), s));
		for (JsonNode rule : rules.values().stream().flatMap(java.util.List::stream).toList()) {
			JsonNode step = steps.get(rule.get("id").asString());
			assertThat(step).as(rule.get("id").asString()).isNotNull();
			assertThat(rule.get("period")).isEqualTo(step.get("period"));
			assertThat(rule.get("citation")).isEqualTo(step.get("citation"));
			assertThat(rule.get("explanation")).isEqualTo(step.get("explanation"));
			assertThat(rule.has("date")).isFalse();
		}
	}

	@Test // #14 item 2
	void theTextInBothLanguagesPrintsTheSameRulesAsTheJson() {
		JsonNode d = JSON.readTree(CliRun.run("assess", CliRun.example("pi-over-1m")).out());
		var rules = deadlines(d);
		assertThat(rules.get("sa-filing")).extracting(r -> r.get("id").asString())
			.containsExactly("sa-completeness", "sa-acceptance", "sa-assessment", "sa-re-evaluation");
		assertThat(rules.get("sa-extension")).extracting(r -> r.get("id").asString())
			.containsExactly("sa-extension", "sa-extension-completeness", "sa-extension-decision");
		String zh = CliRun.run("assess", "--format", "text", "--lang", "zh", CliRun.example("pi-over-1m")).out();
		String en = CliRun.run("assess", "--format", "text", "--lang", "en", CliRun.example("pi-over-1m")).out();
		int n = 0;
		for (JsonNode rule : rules.values().stream().flatMap(java.util.List::stream).toList()) {
			assertThat(zh).contains("· " + rule.get("summary").get("zh").asString());
			assertThat(en).contains("· " + rule.get("summary").get("en").asString());
			n++;
		}
		assertThat(n).isEqualTo(9);
		String exempt = CliRun.run("assess", "--format", "text", "--lang", "zh", CliRun.example("pi-below-100k")).out();
		assertThat(exempt).contains("义务").doesNotContain("办理期限").doesNotContain(" · ");
	}

}
