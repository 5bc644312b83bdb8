package cn.outbound.app.filingdraft;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.outbound.app.ServerTests;
import cn.outbound.service.user.Role;
import cn.outbound.testing.Documents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result page's "Draft filing documents" button: over real HTTP, a viewer downloads the ZIP of the assessment's
 * drafts, and every entry opens (the DOCX with POI, the PDF as a PDF); an exempt assessment has no button and no ZIP;
 * without a sign-in there is nothing.
 */
class FilingDraftIntegrationTests extends ServerTests {

	private long create(String scenario) {
		HttpResponse<String> r = post("/api/v1/assessments", Role.ANALYST, scenario, "Content-Type", "application/json");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return json(r).get("id").asLong();
	}

	private HttpResponse<byte[]> download(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void aViewerDownloadsTheDraftsFromTheResultPageAndEveryEntryOpens() throws Exception {
		long id = create(bankScenario());
		HttpClient viewer = signIn(Role.VIEWER);
		HttpResponse<String> page = browserGet(viewer, "/assessments/" + id + "?lang=zh");
		assertThat(page.body()).contains("href=\"/assessments/" + id + "/filing-documents.zip\"")
			.contains("生成申报材料");
		assertThat(browserGet(viewer, "/assessments/" + id + "?lang=en").body()).contains("Draft filing documents");

		HttpResponse<byte[]> zip = download(viewer, "/assessments/" + id + "/filing-documents.zip?lang=zh");
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			ZipEntry e;
			while ((e = in.getNextEntry()) != null) {
				names.add(e.getName());
				byte[] content = in.readAllBytes();
				if (e.getName().endsWith(".docx")) {
					String text = Documents.docxText(content);
					assertThat(text).as(e.getName()).contains("【待填写");
					if (e.getName().startsWith("01-")) {
						assertThat(text).contains("单位名称\t示例银行（天津）股份有限公司", "一、数据处理者情况", "六、数据出境场景");
					}
				}
				else {
					assertThat(new String(content, 0, 5)).isEqualTo("%PDF-");
				}
			}
		}
		assertThat(names).containsExactly("01-数据出境安全评估申报表.docx", "01-数据出境安全评估申报表.pdf",
				"02-数据出境风险自评估报告.docx", "02-数据出境风险自评估报告.pdf", "03-数据出境安全评估申报材料清单.docx",
				"03-数据出境安全评估申报材料清单.pdf");

		// the page in English gives English drafts
		HttpResponse<byte[]> en = download(viewer, "/assessments/" + id + "/filing-documents.zip?lang=en");
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(en.body()))) {
			assertThat(in.getNextEntry().getName()).isEqualTo("01-Data-export-security-assessment--application-form.docx");
		}
	}

	@Test
	void anExemptAssessmentHasNoButtonAndNoDocuments() throws Exception {
		long id = create(example("pi-below-100k"));
		HttpClient viewer = signIn(Role.VIEWER);
		assertThat(browserGet(viewer, "/assessments/" + id).body()).doesNotContain("filing-documents.zip");
		HttpResponse<byte[]> zip = download(viewer, "/assessments/" + id + "/filing-documents.zip?lang=en");
		assertThat(zip.statusCode()).isEqualTo(409);
		assertThat(new String(zip.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("needs no filing");
	}

	@Test
	void noSignInNoDocumentsAndAnUnknownAssessmentIsNotFound() throws Exception {
		long id = create(bankScenario());
		HttpResponse<byte[]> anonymous = download(browser(), "/assessments/" + id + "/filing-documents.zip");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(download(signIn(Role.VIEWER), "/assessments/987654321/filing-documents.zip").statusCode())
			.isEqualTo(404);
	}

}
