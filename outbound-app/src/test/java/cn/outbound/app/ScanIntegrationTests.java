package cn.outbound.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.outbound.service.user.Role;
import cn.outbound.pii.ResidentIdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scanning a dataset in the server (#5): {@code POST /api/v1/scans} and the {@code /scan} page, on a generated
 * table of 250 synthetic persons (checksum-valid resident ID numbers, 20 of them children, and mobile numbers;
 * synthetic, not real persons) written in 300 rows. The tests run with {@code outbound.scan.max-upload=2MB} and
 * uploads under {@code target/scan-uploads} (see ServerTests), which must be empty after every request.
 */
class ScanIntegrationTests extends ServerTests {

	private static final Path UPLOADS = Path.of("target", "scan-uploads");

	/** 250 distinct persons in 300 rows (the first 50 again), 20 born in 2015: minors on 2026-06-30. */
	static final class Customers {

		final List<String> ids = new ArrayList<>();

		final List<String> phones = new ArrayList<>();

		Customers() {
			Random random = new Random(20260630);
			for (int i = 0; i < 250; i++) {
				int year = (i < 20) ? 2015 : 1960 + random.nextInt(40);
				String first17 = String.format("110105%04d%02d%02d%03d", year, 1 + random.nextInt(12),
						1 + random.nextInt(28), i);
				this.ids.add(first17 + ResidentIdNumber.checkDigit(first17));
				this.phones.add(String.format("138%08d", 10_000_000 + i * 7919));
			}
		}

		String csv() {
			StringBuilder sb = new StringBuilder("客户编号,身份证号,手机号,积分,备注\n");
			for (int row = 0; row < 300; row++) {
				int i = row % 250;
				sb.append("C").append(100000 + row).append(',').append(this.ids.get(i)).append(',')
					.append(this.phones.get(i)).append(',').append(1000 + row * 13).append(",按期还款\n");
			}
			return sb.toString();
		}

	}

	@AfterEach
	void noUploadIsLeftBehind() throws IOException {
		if (Files.isDirectory(UPLOADS)) {
			try (Stream<Path> left = Files.list(UPLOADS)) {
				assertThat(left.toList()).as("temporary uploads left behind").isEmpty();
			}
		}
	}

	private HttpResponse<String> scan(Role role, byte[] body, String query) {
		return send(HttpRequest.newBuilder(URI.create(url("/api/v1/scans" + query)))
			.header("Authorization", "Bearer " + token(role))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
	}

	@Test // #5
	void aCsvOfIdsAndPhonesIsScannedWithExactPersonCounts() {
		Customers customers = new Customers();
		HttpResponse<String> r = scan(Role.ANALYST, customers.csv().getBytes(StandardCharsets.UTF_8),
				"?fileName=loans.csv&asOf=2026-06-30&description=" + enc("个人贷款台账"));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		JsonNode report = json(r);
		assertThat(report.get("schema").asString()).isEqualTo("outbound/scan/v1");
		assertThat(report.get("source").asString()).isEqualTo("loans.csv");
		assertThat(report.get("rows").asLong()).isEqualTo(300);
		assertThat(report.get("persons").get("distinct").asLong()).isEqualTo(250);
		assertThat(report.get("persons").get("minors").asLong()).isEqualTo(20);
		assertThat(report.get("persons").get("identifierColumns").toString()).contains("身份证号");
		assertThat(column(report, "身份证号").get("types").toString()).contains("CN_RESIDENT_ID");
		assertThat(column(report, "手机号").get("types").toString()).contains("CN_MOBILE");
		assertThat(column(report, "积分").get("types").size()).isZero();
		assertThat(report.get("suggestedItems").toString()).contains("\"item\":20");
		assertThat(report.get("scenario").get("personalInformation").get(0).get("individuals").asLong()).isEqualTo(230);
		// never a raw identifier
		for (int i = 0; i < 250; i++) {
			assertThat(r.body()).doesNotContain(customers.ids.get(i)).doesNotContain(customers.phones.get(i));
		}
		assertThat(json(get("/api/v1/audit?action=DATASET_SCANNED", Role.ADMIN)).toString()).contains("scan:loans.csv")
			.contains("persons=250");
	}

	@Test // #5
	void aGbkFileAndAMultipartUploadGiveTheSameReport() {
		Customers customers = new Customers();
		byte[] gbk = customers.csv().getBytes(Charset.forName("GBK"));
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/api/v1/scans")))
			.header("Authorization", "Bearer " + token(Role.ANALYST))
			.header("Content-Type", MultipartBody.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(new MultipartBody().field("asOf", "2026-06-30")
				.field("standard", "GB_T_35273")
				.file("file", "客户.csv", gbk)
				.bytes()))
			.build());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		JsonNode report = json(r);
		assertThat(report.get("source").asString()).isEqualTo("客户.csv");
		assertThat(report.get("details").get("format").asString()).contains("GB18030");
		assertThat(column(report, "身份证号").get("types").toString()).contains("CN_RESIDENT_ID");
		assertThat(report.get("persons").get("distinct").asLong()).isEqualTo(250);
		// under GB/T 35273 an ID number is sensitive: every person counts as sensitive
		assertThat(report.get("persons").get("sensitiveIndividuals").asLong()).isEqualTo(250);
		assertThat(report.get("details").get("standard").asString()).isEqualTo("GB_T_35273");
	}

	@Test // #5
	void anOversizeUploadIs413AndNothingIsKept() {
		byte[] big = new byte[2 * 1024 * 1024 + 300 * 1024];
		byte[] line = "11010519491231002X,13812345678\n".getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < big.length; i++) {
			big[i] = line[i % line.length];
		}
		HttpResponse<String> raw = scan(Role.ANALYST, big, "?fileName=big.csv");
		assertThat(raw.statusCode()).isEqualTo(413);
		assertThat(json(raw).get("type").asString()).isEqualTo("urn:outbound:problem:payload-too-large");
		assertThat(json(raw).get("detail").asString()).contains("2 MB");

		// a chunked body declares no length: cut off while it streams
		HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create(url("/api/v1/scans?fileName=big.csv")))
			.header("Authorization", "Bearer " + token(Role.ANALYST))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
			.build());
		assertThat(chunked.statusCode()).isEqualTo(413);

		HttpClient analyst = signIn(Role.ANALYST);
		String token = csrf(browserGet(analyst, "/scan").body());
		HttpResponse<String> page = browserUpload(analyst, "/scan", token, new MultipartBody().file("file", "big.csv", big));
		assertThat(page.statusCode()).isEqualTo(413);
		assertThat(page.body()).contains("id=\"scan-error\"").contains("2 MB").contains("未保存任何内容");
	}

	@Test // #5
	void whatIsNotATableIsRefusedNamingTheField() throws IOException {
		byte[] binary = new byte[4096];
		new Random(1).nextBytes(binary);
		binary[10] = 0;
		HttpResponse<String> r = scan(Role.ANALYST, binary, "?fileName=photo.csv");
		assertThat(r.statusCode()).isEqualTo(422);
		JsonNode problem = json(r);
		assertThat(problem.get("type").asString()).isEqualTo("urn:outbound:problem:unreadable-table");
		assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo("body");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains("photo.csv").contains("not text");
		assertThat(r.body()).doesNotContain("Exception").doesNotContain("at cn.");

		HttpResponse<String> empty = scan(Role.ANALYST, new byte[0], "?fileName=empty.csv");
		assertThat(empty.statusCode()).isEqualTo(422);
		assertThat(json(empty).get("errors").get(0).get("parameter").asString()).isEqualTo("body");

		HttpResponse<String> noFile = send(HttpRequest.newBuilder(URI.create(url("/api/v1/scans")))
			.header("Authorization", "Bearer " + token(Role.ANALYST))
			.header("Content-Type", MultipartBody.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(new MultipartBody().field("asOf", "2026-06-30").bytes()))
			.build());
		assertThat(noFile.statusCode()).isEqualTo(400);
		assertThat(json(noFile).get("errors").get(0).get("parameter").asString()).isEqualTo("file");

		HttpResponse<String> badDate = scan(Role.ANALYST, new Customers().csv().getBytes(StandardCharsets.UTF_8),
				"?fileName=x.csv&asOf=30.06.2026");
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(json(badDate).get("errors").get(0).get("parameter").asString()).isEqualTo("asOf");

		HttpResponse<String> badColumn = scan(Role.ANALYST, new Customers().csv().getBytes(StandardCharsets.UTF_8),
				"?fileName=x.csv&idColumn=nope");
		assertThat(badColumn.statusCode()).isEqualTo(422);
		assertThat(json(badColumn).get("errors").get(0).get("parameter").asString()).isEqualTo("idColumn");

		HttpResponse<String> xls = scan(Role.ANALYST, new byte[] { 1, 2, 3 }, "?fileName=old.xls");
		assertThat(xls.statusCode()).isEqualTo(422);
		assertThat(json(xls).get("detail").asString()).contains(".xlsx");
	}

	@Test // #5
	void jsonLinesAndXlsxWorkbooksAreScanned() throws IOException {
		Customers customers = new Customers();
		HttpResponse<String> r = scan(Role.ANALYST, xlsx(customers), "?format=xlsx&asOf=2026-06-30");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		assertThat(json(r).get("persons").get("distinct").asLong()).isEqualTo(250);
		assertThat(json(r).get("details").get("format").asString()).contains("Excel");
		// a workbook sent without a name or format is recognised by its ZIP signature
		assertThat(json(scan(Role.ANALYST, xlsx(customers), "")).get("persons").get("distinct").asLong()).isEqualTo(250);

		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < 250; i++) {
			lines.append("{\"身份证号\": \"").append(customers.ids.get(i)).append("\", \"手机号\": \"")
				.append(customers.phones.get(i)).append("\"}\n");
		}
		HttpResponse<String> jsonl = scan(Role.ANALYST, lines.toString().getBytes(StandardCharsets.UTF_8),
				"?format=jsonl&asOf=2026-06-30");
		assertThat(jsonl.statusCode()).as(jsonl.body()).isEqualTo(200);
		assertThat(json(jsonl).get("persons").get("distinct").asLong()).isEqualTo(250);
		assertThat(json(jsonl).get("source").asString()).isEqualTo("upload.jsonl");
	}

	@Test
	void viewersMayNotScan() {
		assertThat(scan(Role.VIEWER, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "?fileName=x.csv").statusCode())
			.isEqualTo(403);
		HttpClient viewer = signIn(Role.VIEWER);
		assertThat(browserGet(viewer, "/scan").statusCode()).isEqualTo(403);
		assertThat(browserGet(viewer, "/assessments").body()).doesNotContain("href=\"/scan\"");
	}

	@Test // #11 item 5: an account balance is financial account information, sensitive
	void aBalanceColumnIsFlaggedSensitiveOnThePage() {
		Customers customers = new Customers();
		StringBuilder csv = new StringBuilder("身份证号,账户余额\n");
		for (int i = 20; i < 60; i++) {
			csv.append(customers.ids.get(i)).append(',').append(String.format("%,d.%02d", 1000 + i * 37, i)).append('\n');
		}
		HttpClient analyst = signIn(Role.ANALYST);
		String form = browserGet(analyst, "/scan").body();
		HttpResponse<String> uploaded = browserUpload(analyst, "/scan", csrf(form),
				new MultipartBody().field("asOf", "2026-06-30").field("standard", "PIPL")
					.file("file", "balances.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		String reportPath = location(uploaded);
		String zh = browserGet(analyst, reportPath).body();
		assertThat(zh).contains("id=\"persons-sensitive\" data-value=\"40\"")
			.contains("data-type=\"FINANCIAL_ACCOUNT\">金融账户及财产信息<")
			.contains("列名含“余额”，前 20 个值中 20 个为金额或数值")
			.doesNotContain("未发现敏感个人信息");
		assertThat(browserGet(analyst, reportPath + "?lang=en").body())
			.contains("data-type=\"FINANCIAL_ACCOUNT\">financial account and property information<")
			.contains("20 of the first 20 values are amounts");
		assertThat(json(browserGet(analyst, reportPath + "/report.json")).get("columns").get(1).get("sensitive")
			.asBoolean()).isTrue();
	}

	@Test // #5
	void thePageShowsTheReportAndCarriesTheDraftIntoTheQuestionnaire() {
		Customers customers = new Customers();
		HttpClient analyst = signIn(Role.ANALYST);
		String form = browserGet(analyst, "/scan").body();
		assertThat(form).contains("id=\"scan-form\"").contains("enctype=\"multipart/form-data\"").contains("2 MB");
		HttpResponse<String> uploaded = browserUpload(analyst, "/scan", csrf(form),
				new MultipartBody().field("description", "个人贷款台账").field("asOf", "2026-06-30")
					.field("standard", "PIPL")
					.file("file", "loans.csv", customers.csv().getBytes(StandardCharsets.UTF_8)));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
		String reportPath = location(uploaded);
		assertThat(reportPath).matches("/scan/[0-9a-f]{32}");

		String page = browserGet(analyst, reportPath).body();
		assertThat(page).contains("id=\"persons-distinct\" data-value=\"250\"")
			.contains("id=\"persons-individuals\" data-value=\"230\"")
			.contains("id=\"persons-sensitive\" data-value=\"20\"")
			.contains("id=\"persons-minors\" data-value=\"20\"")
			.contains("居民身份证号码").contains("手机号码").contains("data-item=\"20\"").contains("建议，待确认")
			.contains("id=\"download-json\"");
		// #11 item 5: minors are sensitive even when no column is; the format in the page's language; Parquet accepted
		assertThat(page).doesNotContain("未发现敏感个人信息").contains("20 名不满十四周岁的未成年人")
			.contains("id=\"scan-format\">分隔符文本，UTF-8，分隔符为“,”<");
		assertThat(form).contains(".parquet").contains("Parquet）");
		assertThat(browserGet(analyst, reportPath + "?lang=en").body()).contains("20 persons are minors under 14")
			.doesNotContain("No sensitive personal information found")
			.contains("id=\"scan-format\">delimited text, UTF-8, delimiter");
		for (int i = 0; i < 250; i++) {
			assertThat(page).doesNotContain(customers.ids.get(i)).doesNotContain(customers.phones.get(i));
		}
		assertThat(browserGet(analyst, reportPath + "?lang=en").body()).contains("resident ID number")
			.contains("suggestion, to confirm");

		HttpResponse<String> json = browserGet(analyst, reportPath + "/report.json");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
			.contains("loans.scan.json");
		assertThat(json(json).get("persons").get("distinct").asLong()).isEqualTo(250);
		// another user cannot read it
		assertThat(browserGet(signIn(Role.ADMIN), reportPath).statusCode()).isEqualTo(404);

		// carried from the English page (the language is remembered): the draft is named in English
		HttpResponse<String> carried = browserPost(analyst, reportPath + "/draft",
				"_csrf=" + enc(csrf(page)) + "&item=20");
		assertThat(carried.statusCode()).isEqualTo(302);
		assertThat(location(carried)).matches("/assess\\?draft=\\d+&saved");
		String questionnaire = browserGet(analyst, location(carried) + "&lang=zh").body();
		assertThat(questionnaire).contains("id=\"draft-saved\"")
			.containsPattern("name=\"pi\\.0\\.individuals\"[^>]*value=\"230\"")
			.containsPattern("name=\"pi\\.0\\.sensitiveIndividuals\"[^>]*value=\"20\"")
			.containsPattern("id=\"item-20\"[^>]*checked")
			// #11 item 4: the customers are the user's to answer, the file's 250 persons only a hint
			.containsPattern("name=\"fact\\.20\\.affectedCustomers\"[^>]*value=\"\"")
			.containsPattern("id=\"hint-fact\\.20\\.affectedCustomers\"[^>]*>.*250")
			.contains("value=\"2026-06-30\"").contains("value=\"Scan: loans.csv\"");
		assertThat(json(get("/api/v1/audit?action=DRAFT_SAVED", Role.ADMIN)).get("total").asLong()).isPositive();
	}

	private static JsonNode column(JsonNode report, String name) {
		for (JsonNode c : report.get("columns")) {
			if (c.get("name").asString().equals(name)) {
				return c;
			}
		}
		throw new AssertionError("no column " + name + " in " + report.get("columns"));
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/** The customers as a minimal .xlsx workbook (inline strings, one sheet). */
	static byte[] xlsx(Customers customers) throws IOException {
		StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
		row(sheet, 1, "身份证号", "手机号");
		for (int i = 0; i < 250; i++) {
			row(sheet, i + 2, customers.ids.get(i), customers.phones.get(i));
		}
		sheet.append("</sheetData></worksheet>");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
					+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
					+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
					+ "</Types>");
			entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
					+ "</Relationships>");
			entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
					+ "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
			entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
					+ "</Relationships>");
			entry(zip, "xl/worksheets/sheet1.xml", sheet.toString());
		}
		return bytes.toByteArray();
	}

	private static void row(StringBuilder sheet, int n, String a, String b) {
		sheet.append("<row r=\"").append(n).append("\"><c r=\"A").append(n).append("\" t=\"inlineStr\"><is><t>").append(a)
			.append("</t></is></c><c r=\"B").append(n).append("\" t=\"inlineStr\"><is><t>").append(b)
			.append("</t></is></c></row>");
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
