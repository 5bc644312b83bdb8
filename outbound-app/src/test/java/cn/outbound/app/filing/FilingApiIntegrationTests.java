package cn.outbound.app.filing;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import cn.outbound.app.ServerTests;
import cn.outbound.service.user.Role;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/filings}, {@code /api/v1/deadlines} and {@code /deadlines.ics} over a real server: roles, moves,
 * refusals as problem documents in zh and en, the audit entries, and the feed parsed back by ical4j.
 */
class FilingApiIntegrationTests extends ServerTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	/** A processor that sent 150,000 persons' non-sensitive PI this year: a standard contract. */
	static String contractScenario(String processor) {
		return """
				{"schema": "outbound/scenario/v1", "jurisdiction": "cn-national", "date": "2026-03-15",
				 "processor": {"id": "%s", "name": "示例科技有限公司", "ciio": false},
				 "personalInformation": [{"individuals": 150000, "sensitiveIndividuals": 0, "basis": "NONE"}]}
				""".formatted(processor);
	}

	long assessment(String scenario, String outcome) {
		HttpResponse<String> r = post("/api/v1/assessments", Role.ANALYST, scenario);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		assertThat(json(r).get("outcome").asString()).isEqualTo(outcome);
		return json(r).get("id").asLong();
	}

	@Test
	void aStandardContractIsFiledThroughTheApiAndEveryMoveIsAudited() {
		long a = assessment(contractScenario("api-sc"), "STANDARD_CONTRACT_OR_CERTIFICATION");
		HttpResponse<String> created = post("/api/v1/filings", Role.ANALYST, "{\"assessment\": " + a + "}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode f = json(created);
		long id = f.get("id").asLong();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/filings/" + id);
		assertThat(f.get("state").asString()).isEqualTo("DRAFT");
		assertThat(f.get("next")).extracting(JsonNode::asString).containsExactly("CONTRACT_EFFECTIVE", "WITHDRAWN");

		// a viewer reads but does not change
		assertThat(get("/api/v1/filings/" + id, Role.VIEWER).statusCode()).isEqualTo(200);
		assertThat(post("/api/v1/filings/" + id + "/transitions", Role.VIEWER,
				"{\"to\": \"CONTRACT_EFFECTIVE\", \"date\": \"" + TODAY + "\"}").statusCode()).isEqualTo(403);
		assertThat(get("/api/v1/filings/" + id, null).statusCode()).isEqualTo(401);

		// a refused move: 409, naming the state and the allowed ones, in the caller's language
		HttpResponse<String> refused = post("/api/v1/filings/" + id + "/transitions", Role.ANALYST,
				"{\"to\": \"FILED\", \"date\": \"" + TODAY + "\", \"number\": \"N-1\"}", "Accept-Language", "zh-CN");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				v -> assertThat(v).startsWith("application/problem+json"));
		assertThat(json(refused).get("detail").asString()).isEqualTo("申报 " + id + " 当前为 DRAFT（草稿），不能进入 FILED（已备案）；"
				+ "可进入的下一状态：CONTRACT_EFFECTIVE（标准合同已生效）、WITHDRAWN（已撤回）。");
		assertThat(json(refused).get("errors").get(0).get("field").asString()).isEqualTo("to");
		HttpResponse<String> future = post("/api/v1/filings/" + id + "/transitions", Role.ANALYST,
				"{\"to\": \"CONTRACT_EFFECTIVE\", \"date\": \"" + TODAY.plusDays(2) + "\"}");
		assertThat(future.statusCode()).isEqualTo(422);
		assertThat(json(future).get("detail").asString()).contains("is after today");
		assertThat(post("/api/v1/filings/" + id + "/transitions", Role.ANALYST,
				"{\"to\": \"SOMEWHERE\", \"date\": \"2026-01-01\"}").body()).contains("'SOMEWHERE' is not a state");
		assertThat(post("/api/v1/filings/" + id + "/transitions", Role.ANALYST,
				"{\"to\": \"CONTRACT_EFFECTIVE\", \"date\": \"2026-02-30\"}").body())
			.contains("date: '2026-02-30' is not a date");
		assertThat(post("/api/v1/filings/" + id + "/transitions", Role.ANALYST, "{\"to\": 1}").statusCode())
			.isEqualTo(422);
		assertThat(post("/api/v1/filings/" + id + "/transitions", Role.ANALYST, "{\"to\": \"x\", \"extra\": 1}").body())
			.contains("extra: unknown field");

		LocalDate effective = TODAY.minusDays(20);
		HttpResponse<String> moved = post("/api/v1/filings/" + id + "/transitions", Role.ANALYST,
				"{\"to\": \"CONTRACT_EFFECTIVE\", \"date\": \"" + effective + "\"}");
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
		JsonNode deadline = json(moved).get("deadlines").get(0);
		assertThat(deadline.get("id").asString()).isEqualTo("scc-filing");
		assertThat(deadline.get("uid").asString()).isEqualTo("filing-" + id + "-scc-filing@outbound");
		assertThat(deadline.get("citation").get("title").get("zh").asString()).contains("第七条");
		// 20 calendar days hold at least 10 working days: the 10-working-day filing period has passed
		assertThat(deadline.get("overdue").asBoolean()).isTrue();

		// listed across filings, and in the feed
		JsonNode all = json(get("/api/v1/deadlines", Role.VIEWER));
		assertThat(all.get("schema").asString()).isEqualTo("outbound/open-deadlines/v1");
		assertThat(all.get("deadlines").valueStream().map(d -> d.get("uid").asString()).toList())
			.contains("filing-" + id + "-scc-filing@outbound");

		HttpResponse<String> filed = post("/api/v1/filings/" + id + "/transitions", Role.ANALYST,
				"{\"to\": \"FILED\", \"date\": \"" + TODAY + "\", \"number\": \"沪备-0042\"}");
		assertThat(json(filed).get("state").asString()).isEqualTo("FILED");
		assertThat(json(filed).get("number").asString()).isEqualTo("沪备-0042");
		assertThat(json(filed).get("deadlines")).isEmpty();

		JsonNode audit = json(get("/api/v1/audit?action=FILING_TRANSITION&size=200", Role.ADMIN));
		assertThat(audit.get("items").valueStream().filter(e -> e.get("target").asString().equals("filing:" + id))
			.map(e -> e.get("details").asString()).toList())
			.containsExactly("from=CONTRACT_EFFECTIVE to=FILED date=" + TODAY + " number=沪备-0042",
					"from=DRAFT to=CONTRACT_EFFECTIVE date=" + effective);
		assertThat(json(get("/api/v1/audit?action=FILING_CREATE&size=200", Role.ADMIN)).get("items").valueStream()
			.anyMatch(e -> e.get("target").asString().equals("filing:" + id) && e.get("actor").asString().equals("analyst")))
			.isTrue();
	}

	@Test
	void creatingAFilingIsRefusedWithAReason() {
		assertThat(post("/api/v1/filings", Role.ANALYST, "{\"assessment\": 987654}").statusCode()).isEqualTo(404);
		assertThat(post("/api/v1/filings", Role.ANALYST, "{\"assessment\": \"x\"}").statusCode()).isEqualTo(422);
		assertThat(post("/api/v1/filings", Role.ANALYST, "not json").statusCode()).isEqualTo(400);
		assertThat(post("/api/v1/filings", Role.VIEWER, "{\"assessment\": 1}").statusCode()).isEqualTo(403);
		long a = assessment(contractScenario("api-twice"), "STANDARD_CONTRACT_OR_CERTIFICATION");
		assertThat(post("/api/v1/filings", Role.ANALYST, "{\"assessment\": " + a + "}").statusCode()).isEqualTo(201);
		HttpResponse<String> again = post("/api/v1/filings", Role.ANALYST, "{\"assessment\": " + a + "}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json(again).get("errors").get(0).get("code").asString()).isEqualTo("already-open");
		assertThat(json(get("/api/v1/filings?assessment=" + a, Role.VIEWER)).get("items")).hasSize(1);
		long draft = json(get("/api/v1/filings?assessment=" + a, Role.VIEWER)).get("items").get(0).get("id").asLong();
		assertThat(get("/api/v1/filings/" + draft + "/extension", Role.VIEWER).statusCode()).isEqualTo(409);
	}

	@Test
	void theFeedIsICalendarForABearerTokenOrASessionAndNobodyElse() throws Exception {
		long a = assessment(contractScenario("api-ics"), "STANDARD_CONTRACT_OR_CERTIFICATION");
		long id = json(post("/api/v1/filings", Role.ANALYST, "{\"assessment\": " + a + "}")).get("id").asLong();
		post("/api/v1/filings/" + id + "/transitions", Role.ANALYST,
				"{\"to\": \"CONTRACT_EFFECTIVE\", \"date\": \"" + TODAY + "\"}");
		HttpResponse<String> feed = get("/deadlines.ics", Role.VIEWER);
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(
				v -> assertThat(v).startsWith("text/calendar"));
		Calendar cal = new CalendarBuilder().build(new StringReader(feed.body()));
		List<VEvent> events = cal.getComponents("VEVENT");
		VEvent mine = events.stream()
			.filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().equals("filing-" + id + "-scc-filing@outbound"))
			.findFirst()
			.orElseThrow();
		assertThat(mine.getProperty(Property.DTSTART).orElseThrow().getParameter("VALUE").orElseThrow().getValue())
			.isEqualTo("DATE");
		assertThat(mine.getProperty(Property.SUMMARY).orElseThrow().getValue()).contains("标准合同备案");
		assertThat(get("/deadlines.ics?lang=en", Role.VIEWER).body()).contains("File the standard contract");
		assertThat(get("/deadlines.ics", null).statusCode()).isEqualTo(401);
		HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(url("/deadlines.ics")))
			.header("Authorization", "Bearer not-a-token")
			.GET()
			.build());
		assertThat(bad.statusCode()).isEqualTo(401);
	}


	@Test
	void theLedgerStatusTellsOfExportsBeyondAnApprovalAtEveryDoor() {
		long a = assessment(bankScenario().replace("bank-tj", "api-watch"), "SECURITY_ASSESSMENT");
		long id = json(post("/api/v1/filings", Role.ANALYST, "{\"assessment\": " + a + "}")).get("id").asLong();
		post("/api/v1/filings/" + id + "/transitions", Role.ANALYST, "{\"to\": \"SUBMITTED\", \"date\": \"" + TODAY + "\"}");
		post("/api/v1/filings/" + id + "/transitions", Role.ANALYST, "{\"to\": \"ACCEPTED\", \"date\": \"" + TODAY + "\"}");
		HttpResponse<String> approved = post("/api/v1/filings/" + id + "/transitions", Role.ANALYST,
				"{\"to\": \"APPROVED\", \"date\": \"" + TODAY + "\", \"scale\": {\"individuals\": 1, \"recipients\": [\"Acme GmbH\"]}}");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(json(approved).get("validUntil").asString()).isEqualTo(TODAY.plusYears(3).toString());
		assertThat(json(get("/api/v1/ledger/api-watch/status", Role.VIEWER)).get("notices")).isEmpty();

		// two synthetic, checksum-valid resident ID numbers sent to the approved recipient: one more than approved
		HttpResponse<String> recorded = post("/api/v1/ledger/api-watch/events?date=" + TODAY
				+ "&eventKey=e1&column=id&recipient=Acme%20GmbH", Role.ANALYST, "id\n11010519491231002X\n110105195012310010\n",
				"Content-Type", "text/csv");
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
		JsonNode notices = json(get("/api/v1/ledger/api-watch/status", Role.VIEWER)).get("notices");
		assertThat(notices).hasSize(1);
		assertThat(notices.get(0).get("code").asString()).isEqualTo("art-38-exceeded");
		assertThat(notices.get(0).get("filing").asLong()).isEqualTo(id);
		assertThat(notices.get(0).get("text").get("zh").asString()).contains("本年已提供 2 人，超出 1 人");
		// the extension form's growth figure, from the ledger: 2 persons against 1 approved
		JsonNode growth = json(get("/api/v1/filings/" + id + "/extension", Role.VIEWER));
		assertThat(growth.get("thisYear").get("individuals").asLong()).isEqualTo(2);
		assertThat(growth.get("growthPercent").get("individuals").asDouble()).isEqualTo(100.0);
		assertThat(growth.get("growthPercent").get("sensitiveIndividuals").isNull()).isTrue();

		// the page, with a session; and the feed with the same session
		java.net.http.HttpClient viewer = signIn(Role.VIEWER);
		HttpResponse<String> page = browserGet(viewer, "/ledger/api-watch");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"ledger-notices\"").contains("data-code=\"art-38-exceeded\"")
			.contains("超出 1 人");
		String filingPage = browserGet(viewer, "/filings/" + id).body();
		assertThat(filingPage).contains("id=\"filing-extension\"").contains("100.0 %");
		// the approved scale as the CLI says it (FilingLifeText), in the page's language
		assertThat(filingPage).contains("<td id=\"filing-scale\">一般个人信息 1 人，敏感个人信息 - 人；境外接收方：Acme GmbH</td>");
		HttpResponse<String> feed = browserGet(viewer, "/deadlines.ics");
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.body()).contains("UID:filing-" + id + "-sa-validity@outbound");
	}

}
