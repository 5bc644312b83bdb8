package cn.outbound.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import cn.outbound.app.ledger.LedgerApiIntegrationTests;
import cn.outbound.app.web.BeijingTime;
import cn.outbound.service.user.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #11 items 8, 9, 10, 12 and 13 as a compliance officer uses them, in Chinese and English: the result shows all that
 * was assessed (Beijing time, links to the cited text); its PDF downloads, and a second user returns it with a
 * comment and then approves it, which the history and the audit show; a copy with one answer changed is compared side
 * by side; the history exports as CSV and JSON Lines with its filters; the national Provisions are read in the list
 * browser and citations link to them; the ledger is in the menu, takes an upload and feeds a result's prior counts.
 * Screenshots go to target/screenshots/record-*.png.
 */
class DecisionRecordBrowserTests extends BrowserTests {

	private static final String REVIEWER = "reviewer";

	@ParameterizedTest // items 8 and 9
	@ValueSource(strings = { "zh", "en" })
	void theResultShowsAllThatWasAssessedAndASecondUserSignsItOff(String lang) throws Exception {
		boolean zh = "zh".equals(lang);
		signIn(Role.ANALYST, lang);
		open("/assess");
		type(By.id("processor-name"), "示例银行（天津）股份有限公司");
		type(By.id("processor-id"), "record-bank-" + lang);
		type(By.name("recipient.name"), "Example Holdings Ltd");
		type(By.name("recipient.country"), "SG");
		setValue(By.id("date"), "2026-03-15");
		click(By.id("item-20"));
		type(By.name("item.20.description"), "个人贷款台账");
		type(By.id("fact.20.affectedCustomers"), "1,200,000");
		type(By.id("pi-0-individuals"), "150000");
		type(By.id("prior-individuals"), "2000");
		click(By.id("decide"));
		waitFor(By.id("outcome"));
		long id = Long.parseLong(this.driver.getCurrentUrl().replaceAll(".*/assessments/(\\d+).*", "$1"));
		JsonNode stored = json(get("/api/v1/assessments/" + id, Role.VIEWER));

		// item 8: everything assessed, with its question; Beijing time; the pack's edition and hash; strictest applies
		assertThat(text(By.id("outcome"))).contains(zh ? "申报数据出境安全评估" : "Data-export security assessment");
		assertThat(text(By.id("meta"))).contains("示例银行（天津）股份有限公司").contains("record-bank-" + lang);
		String answers = text(By.id("answers"));
		assertThat(answers).contains("Example Holdings Ltd").contains("SG").contains("个人贷款台账").contains("1,200,000")
			.contains("150,000").doesNotContain("fact.20").doesNotContain("affectedCustomers");
		assertThat(text(By.id("prior"))).contains("2,000").contains(zh ? "由评估填写" : "given in the assessment");
		Instant created = Instant.parse(stored.get("createdAt").asString());
		assertThat(text(By.id("decided-by"))).contains("analyst").contains(BeijingTime.format(created))
			.contains(zh ? "北京时间" : "Beijing time");
		assertThat(text(By.id("pack-hash"))).isEqualTo(stored.get("rulePack").get("contentHash").asString());
		assertThat(text(By.id("strictest"))).isNotBlank();
		assertThat(text(By.id("review-own"))).isNotBlank(); // the creator may not approve
		screenshot("record-result-" + lang + ".png");

		// the cited item opens its text
		click(By.cssSelector("#items a[data-item='20']"));
		wait(15).until(ExpectedConditions.urlContains("/items/20"));
		assertThat(text(By.tagName("h1"))).contains(zh ? "第20项" : "Item 20");
		this.driver.navigate().back();
		waitFor(By.id("outcome"));

		// item 9: the PDF downloads
		Path pdfs = downloadsTo("record-pdf-" + lang);
		click(By.id("pdf-link"));
		Path pdf = downloaded(pdfs);
		byte[] bytes = Files.readAllBytes(pdf);
		assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		if (cn.outbound.testing.Documents.has("pdftotext")) {
			assertThat(cn.outbound.testing.Documents.pdfText(pdf).replaceAll("\\s", "")).contains("示例银行（天津）股份有限公司")
				.contains("sha256:");
		}

		// roles decide who may sign off: a viewer reads the result but is not offered the form
		signIn(Role.VIEWER, lang);
		open("/assessments/" + id);
		assertThat(text(By.id("review-role"))).isNotBlank();
		assertThat(this.driver.findElements(By.id("review-form"))).isEmpty();

		// a second user returns it with a comment, then approves it
		reviewer();
		signIn(REVIEWER, lang);
		open("/assessments/" + id);
		type(By.id("review-comment"), "请核对客户数 / check the customer count");
		click(By.id("review-return"));
		// the page reloads: wait for the new one (an element of the old one goes stale)
		wait(15).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> d.findElement(By.id("review-status")).getText().contains(zh ? "已退回" : "Returned"));
		assertThat(text(By.id("review-history"))).contains(REVIEWER).contains("请核对客户数");
		type(By.id("review-comment"), "已核对 / checked");
		click(By.id("review-approve"));
		wait(15).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> d.findElement(By.id("review-status")).getText().contains(zh ? "已批准" : "Approved"));
		assertThat(text(By.id("review-status"))).contains(REVIEWER).contains(zh ? "北京时间" : "Beijing time");
		assertThat(this.driver.findElements(By.id("review-form"))).isEmpty();
		screenshot("record-approved-" + lang + ".png");

		// the history says who approved it, and the audit holds both reviews
		open("/assessments?processor=record-bank-" + lang);
		WebElement review = this.driver.findElement(By.xpath("//table[@id='history']//tr[td/a[text()='" + id + "']]/td[last()]"));
		assertThat(review.getAttribute("data-review")).isEqualTo("APPROVED");
		assertThat(review.getText()).contains(REVIEWER);
		signIn(Role.ADMIN, lang);
		open("/admin/audit");
		String audit = text(By.tagName("main"));
		assertThat(audit).contains("ASSESSMENT_RETURNED").contains("ASSESSMENT_APPROVED").contains("assessment:" + id);
	}

	@ParameterizedTest // item 10
	@ValueSource(strings = { "zh", "en" })
	void aCopyWithOneAnswerChangedIsComparedSideBySide(String lang) throws Exception {
		long first = json(post("/api/v1/assessments?title=what-if", Role.ANALYST, bankScenario())).get("id").asLong();
		signIn(Role.ANALYST, lang);
		open("/assessments/" + first);
		click(By.id("copy-button"));
		waitFor(By.id("assess-form"));
		assertThat(this.driver.findElement(By.id("fact.20.affectedCustomers")).getAttribute("value")).isEqualTo("1200000");
		assertThat(this.driver.findElement(By.id("item-20")).isSelected()).isTrue();
		type(By.id("fact.20.affectedCustomers"), "800000");
		click(By.id("decide"));
		// the copy is decided and stored, and shown beside its original at once
		waitFor(By.id("compare-results"));
		assertThat(this.driver.getCurrentUrl()).contains("left=" + first);
		assertThat(this.driver.findElement(By.id("compare-outcome")).getAttribute("class")).contains("differs");
		assertThat(text(By.id("compare-outcome"))).contains("zh".equals(lang) ? "申报数据出境安全评估" : "Data-export security assessment")
			.contains("zh".equals(lang) ? "标准合同" : "standard contract");
		WebElement changed = this.driver.findElement(By.cssSelector("#compare-answers tr.differs[data-key*='affectedCustomers']"));
		assertThat(changed.getText()).contains("1,200,000").contains("800,000");
		// only the answer changed differs (an unticked special case is "no" on both sides)
		assertThat(this.driver.findElements(By.cssSelector("#compare-answers tr.differs"))).hasSize(1);
		assertThat(text(By.id("compare-summary"))).contains("1");
		// the copy is a stored assessment of its own, and any two can be compared from a result page
		click(By.cssSelector("#compare-results thead th:nth-child(3) a"));
		waitFor(By.id("outcome"));
		long second = Long.parseLong(this.driver.getCurrentUrl().replaceAll(".*/assessments/(\\d+).*", "$1"));
		assertThat(second).isNotEqualTo(first);
		type(By.id("compare-right"), String.valueOf(first));
		click(By.cssSelector("#compare-form button"));
		waitFor(By.id("compare-results"));
		assertThat(this.driver.findElements(By.cssSelector("#compare-answers tr.differs"))).hasSize(1);
		screenshot("record-compare-" + lang + ".png");
	}

	@ParameterizedTest // item 10
	@ValueSource(strings = { "zh", "en" })
	void theHistoryExportsAsCsvAndJsonLinesWithItsFilters(String lang) throws Exception {
		String processor = "export-" + lang;
		String bank = bankScenario().replace("\"bank-tj\", \"name\": \"示例银行（天津）股份有限公司\"",
				"\"" + processor + "\", \"name\": \"" + processor + "\"");
		post("/api/v1/assessments?title=export-a", Role.ANALYST, bank);
		post("/api/v1/assessments?title=export-b", Role.ANALYST, bank);
		post("/api/v1/assessments?title=export-c", Role.ANALYST, bank.replace("1200000", "800000"));
		signIn(Role.ANALYST, lang);
		open("/assessments");
		new Select(this.driver.findElement(By.id("filter-outcome"))).selectByValue("SECURITY_ASSESSMENT");
		type(By.name("processor"), processor);
		click(By.cssSelector("form.filters button[type=submit]"));
		wait(15).until(ExpectedConditions.urlContains("outcome=SECURITY_ASSESSMENT"));
		assertThat(this.driver.findElements(By.cssSelector("#history tbody tr"))).hasSize(2);
		screenshot("record-history-" + lang + ".png");

		Path dir = downloadsTo("record-export-csv-" + lang);
		click(By.id("export-csv"));
		List<String> csv = Files.readAllLines(downloaded(dir), StandardCharsets.UTF_8);
		assertThat(csv).hasSize(3); // header and the two security assessments
		assertThat(String.join("\n", csv)).contains("export-a").contains("export-b").doesNotContain("export-c");
		dir = downloadsTo("record-export-jsonl-" + lang);
		click(By.id("export-jsonl"));
		List<String> jsonl = Files.readAllLines(downloaded(dir), StandardCharsets.UTF_8);
		assertThat(jsonl).hasSize(2).allSatisfy(line -> {
			JsonNode row = JSON.readTree(line);
			assertThat(row.toString()).contains("SECURITY_ASSESSMENT").contains(processor);
		});
	}

	@ParameterizedTest // item 12
	@ValueSource(strings = { "zh", "en" })
	void theNationalProvisionsAreReadInTheAppAndCitationsLinkToThem(String lang) throws Exception {
		String national = bankScenario().replace("\"tianjin-ftz\"", "\"cn-national\"")
			.replace("[{\"item\": 20, \"description\": \"loan ledger\", \"facts\": {\"affectedCustomers\": 1200000}}]", "[]");
		long id = json(post("/api/v1/assessments?title=national", Role.ANALYST, national)).get("id").asLong();
		signIn(Role.ANALYST, lang);
		open("/list/cn-national/2024");
		assertThat(this.driver.findElements(By.cssSelector("#provisions tr.article"))).hasSizeGreaterThan(5);
		assertThat(text(By.id("match-count"))).containsPattern("[1-9]");
		screenshot("record-provisions-" + lang + ".png");

		open("/assessments/" + id);
		WebElement citation = this.driver.findElement(By.cssSelector("a.rule-link[href*='/provisions/art-']"));
		String article = citation.getAttribute("href").replaceAll(".*/provisions/", "");
		click(By.cssSelector("a.rule-link[href*='/provisions/art-']"));
		waitFor(By.id("provision"));
		assertThat(this.driver.findElement(By.id("provision")).getAttribute("data-provision")).isEqualTo(article);
		assertThat(text(By.id("provision-text"))).isNotBlank();
		if (!"zh".equals(lang)) {
			assertThat(this.driver.findElement(By.cssSelector("[lang='zh']")).getText()).isNotBlank();
		}
		screenshot("record-provision-" + lang + ".png");
	}

	@ParameterizedTest // item 13
	@ValueSource(strings = { "zh", "en" })
	void theLedgerIsInTheMenuTakesAnUploadAndFeedsAResultsPriorCounts(String lang) throws Exception {
		String processor = "ledger-record-" + lang;
		Path csv = Path.of("target", "ledger-record-" + lang + ".csv").toAbsolutePath();
		Files.writeString(csv, LedgerApiIntegrationTests.csv(0, 120), StandardCharsets.UTF_8);
		signIn(Role.ANALYST, lang);
		click(By.id("nav-ledger"));
		type(By.id("ledger-processor"), processor);
		click(By.id("ledger-open"));
		waitFor(By.id("ledger-upload"));
		setValue(By.id("upload-date"), "2026-02-10");
		type(By.id("upload-key"), "loans-feb");
		type(By.id("upload-column"), "id_number");
		type(By.id("upload-recipient"), "Example Holdings Ltd");
		this.driver.findElement(By.id("upload-file")).sendKeys(csv.toString());
		click(By.id("upload-submit"));
		waitFor(By.id("upload-outcome"));
		assertThat(this.driver.findElement(By.id("upload-outcome")).getAttribute("class")).isEqualTo("notice");
		String events = text(By.id("ledger-events"));
		assertThat(events).contains("2026-02-10").contains("loans-feb").contains("120").contains("Example Holdings Ltd")
			.contains("analyst");
		screenshot("record-ledger-" + lang + ".png");

		String scenario = bankScenario().replace("\"bank-tj\"", "\"" + processor + "\"");
		long id = json(post("/api/v1/assessments?title=ledger", Role.ANALYST, scenario)).get("id").asLong();
		open("/assessments/" + id);
		assertThat(text(By.id("prior"))).contains("120").contains("zh".equals(lang) ? "台账" : "ledger");
		click(By.id("prior-ledger-link"));
		waitFor(By.id("ledger-events"));
		assertThat(this.driver.getCurrentUrl()).contains("/ledger/" + processor);
	}

	/** A second analyst, not the one who creates the assessments. */
	private void reviewer() throws SQLException {
		if (this.users.find(REVIEWER).isEmpty()) {
			this.users.add(REVIEWER, Role.ANALYST, PASSWORD, "tests", "127.0.0.1");
		}
	}

}
