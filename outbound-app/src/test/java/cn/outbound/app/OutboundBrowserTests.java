package cn.outbound.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end in a real browser (Debian chromium and chromium-driver): sign in, answer the questionnaire for a bank
 * exporting loan data of 1,200,000 customers plus 150,000 persons' personal information, and see a security
 * assessment citing items 20 and 46, in Chinese and in English. Screenshots go to target/screenshots/. Skipped only off CI
 * when the browser is not installed; in CI (CI=true) a missing browser fails.
 */
class OutboundBrowserTests extends BrowserTests {




	@Test // #3
	void aBankExportingLoanDataNeedsASecurityAssessmentInChinese() throws Exception {
		assess("zh");
		WebElement outcome = this.driver.findElement(By.id("outcome"));
		assertThat(outcome.getAttribute("data-outcome")).isEqualTo("SECURITY_ASSESSMENT");
		assertThat(outcome.getText()).contains("申报数据出境安全评估").contains("第20项").contains("第46项");
		assertThat(this.driver.findElement(By.id("findings")).getText()).contains("银行").contains("100万");
		assertThat(this.driver.findElement(By.id("headroom-individuals")).getText()).contains("150,000").contains("1,000,000");
		screenshot("browser-result-zh.png");
	}

	@Test // #3
	void aBankExportingLoanDataNeedsASecurityAssessmentInEnglish() throws Exception {
		assess("en");
		WebElement outcome = this.driver.findElement(By.id("outcome"));
		assertThat(outcome.getAttribute("data-outcome")).isEqualTo("SECURITY_ASSESSMENT");
		assertThat(outcome.getText()).contains("Data-export security assessment").contains("Item 20").contains("Item 46");
		assertThat(this.driver.findElement(By.id("findings")).getText()).contains("Banking");
		assertThat(this.driver.findElement(By.id("obligations")).getText()).isNotBlank();
		screenshot("browser-result-en.png");
		this.driver.findElement(By.id("lang-zh")).click();
		assertThat(this.driver.findElement(By.id("outcome")).getText()).contains("申报数据出境安全评估");
	}

	@Test
	void theListBrowserSearchesWithoutSigningIn() throws Exception {
		this.driver.manage().deleteAllCookies();
		this.driver.get(url("/list?lang=en"));
		WebElement search = this.driver.findElement(By.id("list-search"));
		search.sendKeys("banking");
		new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.until(d -> d.findElements(By.cssSelector("#rows tr[id^=item-]")).size() < 10);
		assertThat(this.driver.findElement(By.id("rows")).getText()).contains("Banking");
		screenshot("browser-list-en.png");
	}

	@Test // #5
	void anAnalystScansACsvAndCarriesTheDraftIntoTheQuestionnaire() throws Exception {
		Path csv = Path.of("target", "browser-loans.csv").toAbsolutePath();
		Files.writeString(csv, new ScanIntegrationTests.Customers().csv());
		signIn(Role.ANALYST, "zh");
		this.driver.get(url("/scan"));
		type(By.id("scan-description"), "个人贷款台账");
		((JavascriptExecutor) this.driver).executeScript("arguments[0].value = '2026-06-30'",
				this.driver.findElement(By.id("scan-as-of")));
		this.driver.findElement(By.id("scan-file")).sendKeys(csv.toString());
		screenshot("browser-scan-form-zh.png");
		click(By.id("scan-submit"));
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("scan-persons")));
		assertThat(this.driver.findElement(By.id("persons-distinct")).getText()).isEqualTo("250");
		assertThat(this.driver.findElement(By.id("persons-minors")).getText()).isEqualTo("20");
		assertThat(this.driver.findElement(By.id("scan-columns")).getText()).contains("居民身份证号码").contains("*");
		screenshot("browser-scan-report-zh.png");
		click(By.id("suggest-20"));
		click(By.id("carry-draft"));
		new WebDriverWait(this.driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("draft-saved")));
		assertThat(this.driver.findElement(By.id("pi-0-individuals")).getAttribute("value")).isEqualTo("230");
		assertThat(this.driver.findElement(By.id("item-20")).isSelected()).isTrue();
		// #11 item 4: the file's 250 persons are a hint, not the institution's customer count
		assertThat(this.driver.findElement(By.id("fact.20.affectedCustomers")).getAttribute("value")).isEmpty();
		assertThat(this.driver.findElement(By.id("hint-fact.20.affectedCustomers")).getAttribute("textContent"))
			.contains("250").contains("实际客户数");
		screenshot("browser-scan-draft-zh.png");
	}

	@Test // #3
	void anAdminPreviewsANewRulePackEdition() throws Exception {
		Path yaml = Path.of("target", "tianjin-ftz-2025-browser.yaml").toAbsolutePath();
		try (var in = getClass().getResourceAsStream("/editions/tianjin-ftz-2025-test.yaml")) {
			Files.writeString(yaml, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
				.replace("edition: \"2025-test\"", "edition: \"2025-browser\""));
		}
		signIn(Role.ADMIN, "en");
		this.driver.get(url("/admin/packs"));
		this.driver.findElement(By.id("pack-file")).sendKeys(yaml.toString());
		click(By.id("pack-check-submit"));
		new WebDriverWait(this.driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("pack-preview")));
		assertThat(this.driver.findElement(By.id("diff-item-20")).getText()).contains("500,000").contains("1,000,000");
		assertThat(this.driver.findElement(By.id("publish-confirm")).getText()).contains("2025-browser");
		screenshot("browser-packs-preview-en.png");
	}

	private void assess(String lang) throws Exception {
		signIn(Role.ANALYST, lang);
		this.driver.get(url("/assess"));
		type(By.id("processor-name"), "zh".equals(lang) ? "示例银行（天津）股份有限公司" : "Example Bank (Tianjin)");
		WebElement date = this.driver.findElement(By.id("date"));
		((JavascriptExecutor) this.driver).executeScript("arguments[0].value = '2026-03-15'", date);
		this.driver.findElement(By.id("item-search")).sendKeys("zh".equals(lang) ? "银行" : "banking");
		click(By.id("item-20"));
		WebElement customers = this.driver.findElement(By.id("fact.20.affectedCustomers"));
		new WebDriverWait(this.driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(customers));
		type(By.id("fact.20.affectedCustomers"), "1200000");
		type(By.id("pi-0-individuals"), "150000");
		screenshot("browser-questionnaire-" + lang + ".png");
		click(By.id("decide"));
		new WebDriverWait(this.driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
	}

}
