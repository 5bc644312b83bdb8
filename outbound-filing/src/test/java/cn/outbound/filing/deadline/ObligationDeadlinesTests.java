package cn.outbound.filing.deadline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.pack.Citation;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.rules.render.DecisionText;
import cn.outbound.rules.scenario.ScenarioReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline rules a decision's obligations carry (issue #14 item 2), over the spec's examples decided by the real
 * engine: which obligation gets which deadlines, their words in both languages and their articles, in the JSON and
 * the text of the decision; and that they are the deadline file's (the filing plan says the same).
 */
class ObligationDeadlinesTests {

	private static final Path REPO = Path.of(System.getProperty("outbound.repo", ".."));

	private static final Engine ENGINE = new Engine(RulePacks.builtIn(), new EngineSettings(false));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Decision decide(String example) throws IOException {
		Path file = REPO.resolve("spec/examples/" + example + ".json");
		Decision bare = ENGINE.decide(new ScenarioReader(ENGINE.packs()).read(Files.readAllBytes(file), file.toString()),
				PriorCounts.NONE);
		return ObligationDeadlines.builtIn().addTo(bare);
	}

	private static Map<String, List<String>> idsByObligation(Decision d) {
		Map<String, List<String>> out = new java.util.LinkedHashMap<>();
		d.obligations().forEach(due -> out.put(due.obligation().id(),
				due.deadlines().stream().map(Decision.DueDeadline::id).toList()));
		return out;
	}

	@Test
	void aSecurityAssessmentCarriesEveryDeadlineOfTheMechanismUnderItsObligation() throws IOException {
		// cn-national (pi-over-1m) and a provincial pack that cites cn-national's obligations (hospital-emr)
		for (String example : List.of("pi-over-1m", "hospital-emr")) {
			Decision d = decide(example);
			assertThat(d.outcome().name()).isEqualTo("SECURITY_ASSESSMENT");
			assertThat(idsByObligation(d)).as(example)
				.containsEntry("pi-notice-consent-pia", List.of())
				.containsEntry("sa-self-assessment", List.of("sa-self-assessment"))
				.containsEntry("sa-filing", List.of("sa-completeness", "sa-acceptance", "sa-assessment", "sa-re-evaluation"))
				.containsEntry("sa-validity", List.of("sa-validity"))
				.containsEntry("sa-extension", List.of("sa-extension", "sa-extension-completeness", "sa-extension-decision"));
			// every deadline of the mechanism in the file is on some obligation, none twice
			List<String> all = d.obligations().stream().flatMap(o -> o.deadlines().stream()).map(Decision.DueDeadline::id).toList();
			assertThat(all).containsExactlyElementsOf(Deadlines.builtIn()
				.forMechanism(cn.outbound.rules.Mechanism.SECURITY_ASSESSMENT)
				.stream()
				.map(DeadlineRule::id)
				.toList());
		}
	}

	@Test
	void aStandardContractCarriesTheFilingAndTheRetentionOfTheImpactAssessment() throws IOException {
		Decision d = decide("pi-contract-range");
		assertThat(d.outcome().name()).isEqualTo("STANDARD_CONTRACT_OR_CERTIFICATION");
		assertThat(idsByObligation(d)).containsEntry("scc-filing", List.of("scc-filing"))
			.containsEntry("scc-pia-retention", List.of("scc-pia-retention"))
			.containsEntry("scc-before-export", List.of())
			.containsEntry("cert-validity", List.of("cert-validity", "cert-renewal"));
		Decision.DueDeadline filing = d.obligations().stream()
			.filter(o -> o.obligation().id().equals("scc-filing"))
			.findFirst()
			.orElseThrow()
			.deadlines()
			.get(0);
		assertThat(filing.amount()).isEqualTo(10);
		assertThat(filing.unit()).isEqualTo("WORKING_DAYS");
		assertThat(filing.direction()).isEqualTo("AFTER");
		assertThat(filing.anchorEvent()).isEqualTo("contract-effective");
		assertThat(filing.period().zh()).isEqualTo("自标准合同生效之日起10个工作日内");
		assertThat(filing.summary().zh()).startsWith("标准合同备案").contains("10个工作日内").endsWith("第七条）");
		assertThat(filing.summary().en()).contains("within 10 working days from the day the standard contract takes effect")
			.contains("Article 7");
		assertThat(filing.citation().rule()).isEqualTo("scc-art-7");
		assertThat(filing.citation().pack()).isEqualTo("cn-national@2024");
		// the words are the deadline file's: what the filing plan says
		assertThat(filing.summary().zh()).isEqualTo(Deadlines.builtIn().describe(Deadlines.builtIn().rule("scc-filing"), "zh"));
	}

	@Test
	void anExemptDecisionCarriesNone() throws IOException {
		Decision d = decide("pi-below-100k");
		assertThat(d.outcome().name()).isEqualTo("EXEMPT");
		assertThat(d.obligations()).isNotEmpty().allSatisfy(o -> assertThat(o.deadlines()).isEmpty());
		JsonNode json = JSON.readTree(DecisionJson.compact(DecisionJson.toJson(d)));
		json.get("obligations").forEach(o -> assertThat(o.has("deadlines")).isFalse());
		assertThat(DecisionText.render(d, "zh")).doesNotContain("办理期限");
	}

	@Test
	void anObligationOfAnotherPackWithTheSameIdGetsNone() throws IOException {
		Decision d = decide("pi-contract-range");
		Decision.Due scc = d.obligations().stream()
			.filter(o -> o.obligation().id().equals("scc-filing"))
			.findFirst()
			.orElseThrow();
		Citation c = scc.citation();
		Decision.Due other = new Decision.Due(scc.obligation(), new Citation(c.rule(), "my-pack", c.edition(), c.item(),
				c.title(), c.text(), c.document(), c.verbatim()));
		assertThat(ObligationDeadlines.builtIn().of(other)).isEmpty();
		assertThat(ObligationDeadlines.builtIn().of(scc)).hasSize(1);
	}

	@Test
	void theJsonAndTheTextOfTheDecisionShowThemInBothLanguages() throws IOException {
		Decision d = decide("pi-over-1m");
		JsonNode json = JSON.readTree(DecisionJson.compact(DecisionJson.toJson(d)));
		JsonNode extension = null;
		for (JsonNode o : json.get("obligations")) {
			if (o.get("id").asString().equals("sa-extension")) {
				extension = o;
			}
		}
		assertThat(extension).isNotNull();
		// the pack's own deadline stays as it was
		assertThat(extension.get("deadline").get("amount").asInt()).isEqualTo(60);
		JsonNode window = extension.get("deadlines").get(0);
		assertThat(window.get("id").asString()).isEqualTo("sa-extension");
		assertThat(window.get("amount").asInt()).isEqualTo(60);
		assertThat(window.get("unit").asString()).isEqualTo("WORKING_DAYS");
		assertThat(window.get("direction").asString()).isEqualTo("BEFORE");
		assertThat(window.get("anchor").get("step").asString()).isEqualTo("sa-validity");
		assertThat(window.get("period").get("zh").asString()).contains("60个工作日");
		assertThat(window.get("period").get("en").asString()).contains("60 working days");
		assertThat(window.get("citation").get("rule").asString()).isEqualTo("art-9");
		assertThat(window.get("citation").get("title").get("zh").asString()).contains("第九条");
		assertThat(window.get("citation").get("verbatim").asBoolean()).isTrue();
		assertThat(window.get("explanation").get("en").asString()).isNotBlank();
		assertThat(window.has("date")).isFalse();
		// the 2nd and 3rd: 5 then 20 working days
		assertThat(extension.get("deadlines").get(2).get("amount").asInt()).isEqualTo(20);

		String zh = DecisionText.render(d, "zh");
		String en = DecisionText.render(d, "en");
		for (Decision.Due due : d.obligations()) {
			for (Decision.DueDeadline r : due.deadlines()) {
				assertThat(zh).contains(r.summary().zh());
				assertThat(en).contains(r.summary().en());
			}
		}
		assertThat(zh).contains("办理期限（规则，不含日期").contains("数据出境安全评估办法");
		assertThat(en).contains("Filing deadlines (the rules, without dates").contains("Article 12");
	}

}
