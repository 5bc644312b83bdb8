package cn.outbound.app.assessment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import cn.outbound.app.ServerTests;
import cn.outbound.service.user.Role;
import cn.outbound.testing.Documents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Sign-off and the decision's PDF over real HTTP (#11 item 9): the creator is refused at the API and at the page, a
 * VIEWER is refused, a return needs a comment, another user approves, and nothing follows an approval. The PDF is read
 * back with poppler (not by the code that wrote it): Chinese text, the CJK font embedded, and in the footer the pack
 * hash and the SHA-256 of the stored decision, which this test computes itself from {@code /decision}.
 */
class SignOffIntegrationTests extends ServerTests {

	private long create(Role role) {
		HttpResponse<String> r = post("/api/v1/assessments?title=loans", role, bankScenario());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return json(r).get("id").asLong();
	}

	@Test // #11
	void theCreatorAndAViewerCannotApproveAnotherUserCan() {
		long id = create(Role.ANALYST);
		String path = "/api/v1/assessments/" + id + "/review";
		HttpResponse<String> own = post(path, Role.ANALYST, "{\"verdict\": \"APPROVED\"}");
		assertThat(own.statusCode()).isEqualTo(403);
		assertThat(own.body()).contains("review-forbidden").contains("OWN_ASSESSMENT");
		assertThat(post(path, Role.VIEWER, "{\"verdict\": \"APPROVED\"}").statusCode()).isEqualTo(403);
		HttpResponse<String> bare = post(path, Role.ADMIN, "{\"verdict\": \"RETURNED\"}");
		assertThat(bare.statusCode()).isEqualTo(400);
		assertThat(bare.body()).contains("comment");
		assertThat(post(path, Role.ADMIN, "{\"verdict\": \"MAYBE\"}").statusCode()).isEqualTo(400);
		assertThat(post(path, Role.ADMIN, "{\"verdict\": \"APPROVED\", \"who\": 1}").statusCode()).isEqualTo(400);
		HttpResponse<String> returned = post(path, Role.ADMIN, "{\"verdict\": \"RETURNED\", \"comment\": \"请核对客户数\"}");
		assertThat(returned.statusCode()).as(returned.body()).isEqualTo(201);
		assertThat(json(returned).get("status").asString()).isEqualTo("RETURNED");
		HttpResponse<String> approved = post(path, Role.ADMIN, "{\"verdict\": \"APPROVED\", \"comment\": \"已核对\"}");
		assertThat(approved.statusCode()).isEqualTo(201);
		assertThat(json(approved).get("status").asString()).isEqualTo("APPROVED");
		assertThat(post(path, Role.ADMIN, "{\"verdict\": \"RETURNED\", \"comment\": \"x\"}").statusCode()).isEqualTo(409);
		HttpResponse<String> history = get(path, Role.VIEWER);
		assertThat(history.statusCode()).isEqualTo(200);
		assertThat(json(history).get("reviews")).hasSize(2);
		assertThat(json(history).get("reviews").get(1).get("reviewer").asString()).isEqualTo("admin");
		assertThat(post("/api/v1/assessments/999999/review", Role.ADMIN, "{\"verdict\": \"APPROVED\"}").statusCode())
			.isEqualTo(404);
	}

	@Test // #11: the page's form asks the same service, so the creator is refused there too
	void theCreatorIsRefusedAtThePage() {
		long id = create(Role.ANALYST);
		HttpClient client = signIn(Role.ANALYST);
		String page = browserGet(client, "/assessments/" + id).body();
		assertThat(page).contains("id=\"review-own\"").doesNotContain("id=\"review-form\"");
		HttpResponse<String> r = browserPost(client, "/assessments/" + id + "/review",
				"verdict=APPROVED&_csrf=" + java.net.URLEncoder.encode(csrf(page), StandardCharsets.UTF_8));
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElseThrow()).contains("refused=OWN_ASSESSMENT");
		assertThat(browserGet(client, "/assessments/" + id + "?refused=OWN_ASSESSMENT").body())
			.contains("评估人不能复核自己创建的评估");
		assertThat(get("/api/v1/assessments/" + id + "/review", Role.VIEWER).body()).contains("\"status\":\"PENDING\"");
	}

	@Test // #11
	void thePdfHasChineseTextAnEmbeddedCjkFontAndBothHashesInItsFooter() throws Exception {
		assumeTrue(Documents.has("pdftotext") && Documents.has("pdffonts"), "poppler-utils not installed");
		long id = create(Role.ANALYST);
		assertThat(post("/api/v1/assessments/" + id + "/review", Role.ADMIN, "{\"verdict\": \"APPROVED\"}").statusCode())
			.isEqualTo(201);
		HttpResponse<String> decision = get("/api/v1/assessments/" + id + "/decision", Role.VIEWER);
		String expected = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(decision.body().getBytes(StandardCharsets.UTF_8)));
		String packHash = json(get("/api/v1/assessments/" + id, Role.VIEWER)).get("rulePack").get("contentHash").asString();
		for (String lang : new String[] { "zh", "en" }) {
			HttpResponse<byte[]> r = this.http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/assessments/" + id + "/pdf?lang=" + lang)))
				.header("Authorization", "Bearer " + token(Role.VIEWER)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(r.statusCode()).isEqualTo(200);
			assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
			Path pdf = Path.of("target", "decision-" + lang + ".pdf");
			Files.createDirectories(pdf.getParent());
			Files.write(pdf, r.body());
			String text = Documents.pdfText(pdf);
			// table cells wrap: compare without line breaks
			assertThat(text.replaceAll("\\s", "")).contains("示例银行（天津）股份有限公司");
			assertThat(text).contains("sha256:" + expected).contains(packHash);
			assertThat(text).containsPattern("—\\s*1\\s*—");
			if ("zh".equals(lang)) {
				assertThat(text.replaceAll("\\s", "")).contains("申报数据出境安全评估").contains("1,200,000").contains("已批准").contains("北京时间");
			}
			else {
				assertThat(text).contains("Data-export security assessment").contains("Approved").contains("Beijing time");
			}
			String fonts = Documents.pdfFonts(pdf);
			assertThat(fonts).containsIgnoringCase("WenQuanYi");
			assertThat(fonts.lines().skip(2)).isNotEmpty()
				.allSatisfy(line -> assertThat(line).contains("Identity-H").containsPattern(" yes +yes +yes"));
		}
		Documents.firstPagePng(Path.of("target", "decision-zh.pdf"), Path.of("target", "decision-zh-page1.png"));
	}

}
