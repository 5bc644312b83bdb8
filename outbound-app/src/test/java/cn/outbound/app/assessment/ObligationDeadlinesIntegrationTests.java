package cn.outbound.app.assessment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.app.ServerTests;
import cn.outbound.service.user.Role;
import cn.outbound.testing.Documents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The deadline rules of a decision's obligations (issue #14 item 2) over real HTTP: the decision API's JSON, the
 * stored decision, the result page in both languages and the decision's PDF show the same rules, taken from the one
 * decision JSON; an exempt decision shows none.
 */
class ObligationDeadlinesIntegrationTests extends ServerTests {

	/** id → summary {zh, en} of every deadline rule of the decision's obligations, in order. */
	private static List<JsonNode> rules(JsonNode decision) {
		List<JsonNode> out = new ArrayList<>();
		for (JsonNode o : decision.get("obligations")) {
			if (o.has("deadlines")) {
				o.get("deadlines").forEach(out::add);
			}
		}
		return out;
	}

	private static List<String> ids(JsonNode decision, String obligation) {
		List<String> out = new ArrayList<>();
		for (JsonNode o : decision.get("obligations")) {
			if (o.get("id").asString().equals(obligation) && o.has("deadlines")) {
				o.get("deadlines").forEach(r -> out.add(r.get("id").asString()));
			}
		}
		return out;
	}

	/** The page's text as a reader sees it: jte escapes quotes and ampersands. */
	private static String unescaped(String html) {
		return html.replace("&#39;", "'").replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&");
	}

	@Test
	void theDecisionApiGivesAStandardContractsFilingAndRetentionDeadlines() {
		HttpResponse<String> r = post("/api/v1/decisions", Role.ANALYST, example("pi-contract-range"));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode d = json(r);
		assertThat(ids(d, "scc-filing")).containsExactly("scc-filing");
		assertThat(ids(d, "scc-pia-retention")).containsExactly("scc-pia-retention");
		JsonNode filing = rules(d).get(0);
		assertThat(filing.get("amount").asInt()).isEqualTo(10);
		assertThat(filing.get("unit").asString()).isEqualTo("WORKING_DAYS");
		assertThat(filing.get("summary").get("zh").asString()).contains("10个工作日内").contains("《个人信息出境标准合同办法》第七条");
		assertThat(filing.get("summary").get("en").asString()).contains("within 10 working days");
		assertThat(filing.get("citation").get("rule").asString()).isEqualTo("scc-art-7");
		assertThat(filing.has("date")).isFalse();
	}

	@Test
	void aStoredSecurityAssessmentShowsTheSameRulesInItsJsonPageAndPdf() throws Exception {
		HttpResponse<String> created = post("/api/v1/assessments?title=deadlines", Role.ANALYST, bankScenario());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created).get("id").asLong();
		JsonNode stored = json(get("/api/v1/assessments/" + id + "/decision", Role.VIEWER));
		assertThat(stored.get("outcome").asString()).isEqualTo("SECURITY_ASSESSMENT");
		assertThat(ids(stored, "sa-self-assessment")).containsExactly("sa-self-assessment");
		assertThat(ids(stored, "sa-filing")).containsExactly("sa-completeness", "sa-acceptance", "sa-assessment",
				"sa-re-evaluation");
		assertThat(ids(stored, "sa-validity")).containsExactly("sa-validity");
		assertThat(ids(stored, "sa-extension")).containsExactly("sa-extension", "sa-extension-completeness",
				"sa-extension-decision");
		assertThat(ids(stored, "pi-notice-consent-pia")).isEmpty();
		// the decision API answers the same rules as the stored decision
		JsonNode fresh = json(post("/api/v1/decisions", Role.ANALYST, bankScenario()));
		assertThat(rules(fresh).toString()).isEqualTo(rules(stored).toString());

		HttpClient client = signIn(Role.VIEWER);
		String zh = unescaped(browserGet(client, "/assessments/" + id).body());
		String en = unescaped(browserGet(client, "/assessments/" + id + "?lang=en").body());
		assertThat(zh).contains("办理期限（规则，不含日期");
		assertThat(en).contains("Filing deadlines (the rules, without dates");
		List<JsonNode> rules = rules(stored);
		assertThat(rules).hasSize(9);
		for (JsonNode rule : rules) {
			assertThat(zh).contains(rule.get("summary").get("zh").asString());
			assertThat(en).contains(rule.get("summary").get("en").asString());
		}

		assumeTrue(Documents.has("pdftotext"), "poppler-utils not installed");
		HttpResponse<byte[]> pdf = this.http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/assessments/" + id + "/pdf?lang=zh")))
			.header("Authorization", "Bearer " + token(Role.VIEWER)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		if (pdf.statusCode() == 503) {
			assumeTrue(false, "no CJK font on this machine");
		}
		assertThat(pdf.statusCode()).isEqualTo(200);
		Path file = Path.of("target", "decision-deadlines-zh.pdf");
		Files.createDirectories(file.getParent());
		Files.write(file, pdf.body());
		String text = Documents.pdfText(file).replaceAll("\\s", "");
		for (JsonNode rule : rules) {
			assertThat(text).contains(("· " + rule.get("summary").get("zh").asString()).replaceAll("\\s", ""));
		}
	}

	@Test
	void anExemptDecisionShowsNoDeadlineRules() {
		HttpResponse<String> created = post("/api/v1/assessments", Role.ANALYST, example("pi-below-100k"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json(created).get("id").asLong();
		JsonNode stored = json(get("/api/v1/assessments/" + id + "/decision", Role.VIEWER));
		assertThat(stored.get("outcome").asString()).isEqualTo("EXEMPT");
		assertThat(stored.get("obligations")).isNotEmpty();
		assertThat(rules(stored)).isEmpty();
		String page = browserGet(signIn(Role.VIEWER), "/assessments/" + id).body();
		assertThat(page).contains("id=\"obligations\"").doesNotContain("deadline-rules").doesNotContain("办理期限");
	}

}
