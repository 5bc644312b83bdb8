package cn.outbound.app.assessment;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.app.ServerTests;
import cn.outbound.service.user.Role;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #11 items 10 and 12 over real HTTP: the history's CSV export parsed back equals the filtered history (and no cell
 * starts a formula); the national Provisions are listed with their counts and their pages; copy then compare.
 */
class HistoryAndPagesIntegrationTests extends ServerTests {

	@Test // #11 item 10
	void theCsvExportParsedBackEqualsTheFilteredHistory() {
		// its own processor id: ApiIntegrationTests counts the bank-tj assessments against those named 示例银行
		String evil = bankScenario().replace("示例银行（天津）股份有限公司", "=HYPERLINK(\\\"x\\\"),\\\"bank\\\"")
			.replace("bank-tj", "formula-bank");
		assertThat(post("/api/v1/assessments?title=" + "%2Bcmd", Role.ANALYST, evil).statusCode()).isEqualTo(201);
		assertThat(post("/api/v1/assessments", Role.ANALYST, example("hospital-emr")).statusCode()).isEqualTo(201);
		HttpResponse<String> csv = get("/api/v1/assessments/export?format=csv&outcome=SECURITY_ASSESSMENT", Role.VIEWER);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFFid,createdAt");
		List<List<String>> rows = parse(csv.body().substring(1));
		JsonNode list = json(get("/api/v1/assessments?outcome=SECURITY_ASSESSMENT&size=200", Role.VIEWER));
		assertThat(rows).hasSize(list.get("items").size() + 1);
		for (int i = 0; i < list.get("items").size(); i++) {
			JsonNode a = list.get("items").get(i);
			List<String> row = rows.get(i + 1);
			assertThat(row.get(0)).isEqualTo(a.get("id").asString());
			assertThat(row.get(9)).isEqualTo("SECURITY_ASSESSMENT");
			String name = a.get("processor").get("name").asString();
			assertThat(row.get(6)).isEqualTo(name.startsWith("=") ? "'" + name : name);
		}
		assertThat(rows.stream().skip(1).flatMap(List::stream)).noneMatch(c -> c.startsWith("=") || c.startsWith("+"));
		HttpResponse<String> jsonl = get("/api/v1/assessments/export?format=jsonl&outcome=SECURITY_ASSESSMENT", Role.VIEWER);
		assertThat(jsonl.body().lines().count()).isEqualTo(list.get("items").size());
		assertThat(get("/api/v1/assessments/export?format=xls", Role.VIEWER).statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/assessments/export", null).statusCode()).isEqualTo(401);
	}

	@Test // #11 item 12
	void theNationalProvisionsAreListedWithTheirCountsAndPages() {
		String zh = get("/list/cn-national/2024", null).body();
		assertThat(zh).doesNotContain("共 0 个数据项").contains("共 14 条").contains("id=\"art-7-2\"");
		assertThat(get("/list/cn-national/2024?lang=en", null).body()).contains("14 articles");
		assertThat(get("/", null).body()).contains("14 条");
		String art = get("/list/cn-national/2024/provisions/art-7-2", null).body();
		assertThat(art).contains("provision-text").contains("第七条");
		assertThat(get("/list/cn-national/2024/provisions/art-99", null).statusCode()).isEqualTo(404);
	}

	@Test // #11 item 10
	void aCopyIsADraftWithTheSameAnswersAndTwoResultsCompare() throws Exception {
		long a = json(post("/api/v1/assessments", Role.ANALYST, bankScenario())).get("id").asLong();
		long b = json(post("/api/v1/assessments", Role.ANALYST, bankScenario().replace("1200000", "900000"))).get("id").asLong();
		HttpClient client = signIn(Role.ANALYST);
		String page = browserGet(client, "/assessments/" + a).body();
		HttpResponse<String> copy = browserPost(client, "/assessments/" + a + "/copy",
				"_csrf=" + java.net.URLEncoder.encode(csrf(page), java.nio.charset.StandardCharsets.UTF_8));
		assertThat(copy.statusCode()).isEqualTo(302);
		String draft = browserGet(client, java.net.URI.create(copy.headers().firstValue("Location").orElseThrow()).getRawPath() + "?" + java.net.URI.create(copy.headers().firstValue("Location").orElseThrow()).getRawQuery()).body();
		assertThat(draft).contains("1200000").contains("name=\"copyOf\" value=\"" + a + "\"");
		String compare = browserGet(client, "/assessments/compare?left=" + a + "&right=" + b).body();
		assertThat(compare).contains("class=\"differs\" data-key=\"fact.20.affectedCustomers\"").contains("1,200,000").contains("900,000");
		assertThat(get("/assessments/compare?left=" + a + "&right=" + b, null).statusCode()).isIn(302, 401);
	}

	/** What a user typed in Chinese is marked lang="zh" on an English page only, and stays escaped. */
	@Test
	void userTypedChineseIsMarkedOnEnglishPages() {
		String scenario = bankScenario().replace("示例银行（天津）股份有限公司", "示例银行<b>天津</b>")
			.replace("bank-tj", "lang-bank");
		long a = json(post("/api/v1/assessments?title=%E8%B4%B7%E6%AC%BE%E6%95%B0%E6%8D%AE", Role.ANALYST, scenario))
			.get("id").asLong();
		HttpClient client = signIn(Role.VIEWER);
		String en = browserGet(client, "/assessments/" + a + "?lang=en").body();
		assertThat(en).contains("<span lang=\"zh\">示例银行&lt;b&gt;天津&lt;/b&gt;</span>")
			.contains("· <span lang=\"zh\">贷款数据</span></h1>")
			.doesNotContain("<b>天津</b>");
		String zh = browserGet(client, "/assessments/" + a + "?lang=zh").body();
		assertThat(zh).contains("示例银行&lt;b&gt;天津&lt;/b&gt;").doesNotContain("<span lang=\"zh\">示例银行");
		String history = browserGet(client, "/assessments?lang=en&processor=lang-bank").body();
		assertThat(history).contains("<strong><span lang=\"zh\">贷款数据</span></strong>");
		// Latin text is not marked
		long b = json(post("/api/v1/assessments?title=loans", Role.ANALYST, scenario.replace("示例银行<b>天津</b>", "Example Bank")))
			.get("id").asLong();
		assertThat(browserGet(client, "/assessments/" + b + "?lang=en").body()).contains("<td>Example Bank")
			.contains("· loans</h1>");
	}

	private static List<List<String>> parse(String csv) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char ch = csv.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (ch == '"') {
					quoted = false;
				}
				else {
					cell.append(ch);
				}
			}
			else if (ch == '"') {
				quoted = true;
			}
			else if (ch == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (ch == '\r') {
				// part of CRLF
			}
			else if (ch == '\n') {
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(ch);
			}
		}
		return rows;
	}

}
