package cn.outbound.app.filing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import cn.outbound.app.BrowserTests;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filing's life in a real browser (Debian chromium): from the stored assessment's result page to a filing, moved on
 * its page (a refused date told on the field), then the deadlines page in Chinese and English, soonest first, the
 * overdue one red and said in words. Screenshots go to target/screenshots/. Skipped only off CI without the browser.
 */
class FilingBrowserTests extends BrowserTests {




	@Override
	protected String windowSize() {
		return "1280,1600";
	}

	@Test
	void aContractIsFiledFromTheResultPageAndItsDeadlineListedOverdueInRed() throws Exception {
		LocalDate today = FilingApiIntegrationTests.TODAY;
		long late = json(post("/api/v1/assessments", Role.ANALYST,
				FilingApiIntegrationTests.contractScenario("browser-late"))).get("id").asLong();
		long soon = json(post("/api/v1/assessments", Role.ANALYST,
				FilingApiIntegrationTests.contractScenario("browser-soon"))).get("id").asLong();
		signIn(Role.ANALYST, "zh");

		// the late one: from the result page, a filing, moved to "contract in effect" 30 days ago
		this.driver.get(url("/assessments/" + late));
		click(By.cssSelector("#filing-link a"));
		click(By.cssSelector("#filing-create button"));
		waitFor(By.id("filing-state"));
		assertThat(this.driver.findElement(By.id("filing-state")).getAttribute("data-state")).isEqualTo("DRAFT");
		long lateFiling = Long.parseLong(this.driver.getCurrentUrl().replaceAll(".*/filings/", ""));
		new Select(this.driver.findElement(By.id("move-to"))).selectByValue("CONTRACT_EFFECTIVE");
		// the browser refuses a day after today itself (max); without that, the server refuses it too
		((JavascriptExecutor) this.driver).executeScript("arguments[0].removeAttribute('max')",
				this.driver.findElement(By.id("move-date")));
		setDate(today.plusDays(3));
		click(By.id("move-submit"));
		waitFor(By.id("filing-error"));
		assertThat(this.driver.findElement(By.id("filing-error")).getText()).contains("晚于今天");
		assertThat(this.driver.findElement(By.id("filing-error")).getAttribute("data-field")).isEqualTo("date");
		setDate(today.minusDays(30));
		click(By.id("move-submit"));
		new WebDriverWait(this.driver, Duration.ofSeconds(10)).until(ExpectedConditions
			.attributeToBe(By.id("filing-state"), "data-state", "CONTRACT_EFFECTIVE"));
		assertThat(this.driver.findElement(By.id("filing-timeline")).getText()).contains(today.minusDays(30).toString())
			.contains("标准合同已生效");
		screenshot("browser-filing-zh.png");

		// the other: in effect today, its deadline still ahead
		String soonFiling = json(post("/api/v1/filings", Role.ANALYST, "{\"assessment\": " + soon + "}")).get("id")
			.asString();
		post("/api/v1/filings/" + soonFiling + "/transitions", Role.ANALYST,
				"{\"to\": \"CONTRACT_EFFECTIVE\", \"date\": \"" + today + "\"}");

		click(By.id("nav-deadlines"));
		waitFor(By.id("deadlines"));
		WebElement overdue = row(lateFiling);
		WebElement ahead = row(Long.parseLong(soonFiling));
		assertThat(overdue.getAttribute("class")).contains("overdue");
		assertThat(overdue.getText()).contains("已逾期").contains("标准合同备案");
		assertThat(overdue.findElement(By.cssSelector("td")).getCssValue("color")).isEqualTo("rgba(176, 58, 46, 1)");
		assertThat(ahead.findElement(By.cssSelector("td")).getCssValue("color")).isNotEqualTo("rgba(176, 58, 46, 1)");
		assertThat(ahead.getAttribute("class")).doesNotContain("overdue");
		assertThat(ahead.getText()).contains("还有").doesNotContain("已逾期");
		List<WebElement> rows = this.driver.findElements(By.cssSelector("#deadlines tbody tr"));
		assertThat(rows.indexOf(overdue)).isLessThan(rows.indexOf(ahead));
		List<String> dates = rows.stream().map(r -> r.findElement(By.cssSelector("td")).getText().substring(0, 10)).toList();
		assertThat(dates).isSorted();
		screenshot("browser-deadlines-zh.png");

		this.driver.findElement(By.id("lang-en")).click();
		waitFor(By.id("deadlines"));
		assertThat(row(lateFiling).getText()).contains("OVERDUE by").contains("File the standard contract");
		assertThat(row(Long.parseLong(soonFiling)).getText()).contains("days left");
		assertThat(this.driver.findElement(By.id("deadlines-feed")).getAttribute("href")).endsWith("/deadlines.ics?lang=en");
		screenshot("browser-deadlines-en.png");
	}

	private WebElement row(long filing) {
		return this.driver.findElement(By.cssSelector("#deadlines tr[data-uid='filing-" + filing + "-scc-filing@outbound']"));
	}

	private void setDate(LocalDate date) {
		((JavascriptExecutor) this.driver).executeScript("arguments[0].value = arguments[1]",
				this.driver.findElement(By.id("move-date")), date.toString());
	}

}
