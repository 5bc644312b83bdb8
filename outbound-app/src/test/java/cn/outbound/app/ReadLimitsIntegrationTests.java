package cn.outbound.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #9, part 2: a table over one of the readers' limits ({@code cn.outbound.tables.ReadLimits}) is refused with a
 * 413 problem naming the limit, fast, by the scan upload and the ledger upload alike, and the server goes on
 * answering; a ZIP bomb workbook is a 422. Before the limits, a CSV whose header was ten million {@code a,} filled the
 * heap and {@code /health} stopped answering. All data here is synthetic.
 */
class ReadLimitsIntegrationTests extends ServerTests {

	@TempDir
	Path dir;

	private HttpResponse<String> scan(byte[] body, String fileName) {
		return send(HttpRequest.newBuilder(URI.create(url("/api/v1/scans?fileName=" + fileName)))
			.header("Authorization", "Bearer " + token(Role.ANALYST))
			.header("Content-Type", "application/octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static void assertLimit(HttpResponse<String> r, String field, String limit, long allowed) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = json(r);
		assertThat(problem.get("type").asString()).isEqualTo("urn:outbound:problem:read-limit-exceeded");
		JsonNode error = problem.get("errors").get(0);
		assertThat(error.get("parameter").asString()).isEqualTo(field);
		assertThat(error.get("limit").asString()).isEqualTo(limit);
		assertThat(error.get("allowed").asLong()).isEqualTo(allowed);
		assertThat(problem.get("detail").asString()).contains("limit " + limit + " (at most " + allowed);
		assertThat(r.body()).doesNotContain("Exception").doesNotContain("at cn.");
	}

	private void assertHealthy() {
		long start = System.nanoTime();
		HttpResponse<String> health = get("/health", null);
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(json(health).get("status").asString()).isEqualTo("UP");
		assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds for /health").isLessThan(2_000);
	}

	@Test // #9: 'a,a,a,…' over the header filled the heap; now refused at the column limit
	void aHeaderOfAHundredThousandColumnsIsRefusedFastAndTheServerGoesOn() {
		byte[] wide = bytes("a,".repeat(999_999) + "a\n1\n");
		long start = System.nanoTime();
		HttpResponse<String> r = scan(wide, "wide.csv");
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertLimit(r, "body", "columns", 4096);
		assertThat(millis).as("milliseconds to refuse").isLessThan(10_000);
		assertHealthy();
		// a second one, at once, as another user would
		assertLimit(scan(bytes("x,".repeat(100_000) + "x\n"), "wide2.csv"), "body", "columns", 4096);
		assertHealthy();
	}

	@Test // #9: exactly at the column limit the table is scanned
	void aTableOf4096ColumnsIsScanned() {
		StringBuilder sb = new StringBuilder();
		for (int row = 0; row < 3; row++) {
			for (int c = 0; c < 4096; c++) {
				sb.append(c > 0 ? "," : "").append(row == 0 ? "c" + c : Integer.toString(row * c));
			}
			sb.append('\n');
		}
		HttpResponse<String> r = scan(bytes(sb.toString()), "at-limit.csv");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		assertThat(json(r).get("columns").size()).isEqualTo(4096);
	}

	@Test // #9
	void aLongHeaderAHugeCellAndADeepJsonLineAreRefusedNamingTheLimit() {
		String longName = "n".repeat(400_000);
		assertLimit(scan(bytes(longName + "," + longName + "," + longName + "\n1,2,3\n"), "header.csv"), "body",
				"header-bytes", 1 << 20);
		assertLimit(scan(bytes("id,note\n1," + "x".repeat((1 << 20) + 1) + "\n"), "cell.csv"), "body", "cell-bytes",
				1 << 20);
		assertLimit(scan(bytes("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}\n"), "deep.jsonl"), "body",
				"json-depth", 64);
		assertLimit(scan(bytes("{\"a\":\"" + "x".repeat((1 << 20) + 1) + "\"}\n"), "value.jsonl"), "body", "cell-bytes",
				1 << 20);
		// UTF-16 text is read by the character reader: the same limits
		assertLimit(scan(("\uFEFF" + "a,".repeat(5000) + "a\n").getBytes(StandardCharsets.UTF_16LE), "wide16.csv"),
				"body", "columns", 4096);
		assertHealthy();
	}

	@Test // #9: the page says which limit, in the user's language
	void thePageNamesTheLimitInTheUsersLanguage() {
		HttpClient analyst = signIn(Role.ANALYST);
		String form = browserGet(analyst, "/scan").body();
		HttpResponse<String> zh = browserUpload(analyst, "/scan", csrf(form),
				new MultipartBody().file("file", "wide.csv", bytes("a,".repeat(5000) + "a\n")));
		assertThat(zh.statusCode()).isEqualTo(413);
		assertThat(zh.body()).contains("该数据表超过 4,096 列，超出本服务器的读取上限（columns）。");
		String english = browserGet(analyst, "/scan?lang=en").body();
		HttpResponse<String> en = browserUpload(analyst, "/scan", csrf(english),
				new MultipartBody().file("file", "wide.csv", bytes("a,".repeat(5000) + "a\n")));
		assertThat(en.statusCode()).isEqualTo(413);
		assertThat(en.body()).contains("The table has more than 4,096 columns, the most this server reads");
	}

	@Test // #9: a ZIP bomb workbook was a 500
	void aZipBombWorkbookIs422() throws IOException {
		byte[] bomb = Files.readAllBytes(cn.outbound.testing.Workbooks.zipBomb(this.dir, "bomb.xlsx", 50 << 20));
		assertThat(bomb.length).isLessThan(1 << 20);
		long start = System.nanoTime();
		HttpResponse<String> r = scan(bomb, "bomb.xlsx");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
		JsonNode problem = json(r);
		assertThat(problem.get("type").asString()).isEqualTo("urn:outbound:problem:unreadable-table");
		assertThat(problem.get("detail").asString()).contains("bomb.xlsx cannot be read").contains("ZIP bomb");
		assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(10_000);
		assertHealthy();
	}

	@Test // #9: the ledger upload reads with the same limits
	void theLedgerUploadIsRefusedNamingTheLimit() {
		String q = "date=2026-03-15&eventKey=wide&column=id_number";
		HttpResponse<String> wide = post("/api/v1/ledger/limits-a/events?" + q, Role.ANALYST,
				"id_number," + "a,".repeat(100_000) + "a\n11010519491231002X\n", "Content-Type", "text/csv");
		assertLimit(wide, "body", "columns", 4096);
		HttpResponse<String> cell = post("/api/v1/ledger/limits-a/events?" + q, Role.ANALYST,
				"id_number\n" + "1".repeat((1 << 20) + 1) + "\n", "Content-Type", "text/csv");
		assertLimit(cell, "body", "cell-bytes", 1 << 20);
		HttpResponse<String> binary = post("/api/v1/ledger/limits-a/events?" + q, Role.ANALYST, "\u0000\u0001\u0002",
				"Content-Type", "text/csv");
		assertThat(binary.statusCode()).as(binary.body()).isEqualTo(422);
		assertThat(json(binary).get("type").asString()).isEqualTo("urn:outbound:problem:unreadable-table");
		assertThat(json(get("/api/v1/ledger/limits-a/status?year=2026", Role.VIEWER)).get("events").asLong()).isZero();
		assertHealthy();
	}

}
