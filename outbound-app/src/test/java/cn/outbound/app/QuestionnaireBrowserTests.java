package cn.outbound.app;

import java.time.Duration;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static cn.outbound.app.Chromium.click;
import static cn.outbound.app.Chromium.screenshot;
import static cn.outbound.app.Chromium.type;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, items 1, 2 and 6 in a real browser, in Chinese and English: a change of location that would drop ticked
 * items is shown at once and refused until the person decides; an empty questionnaire is refused; counts typed as
 * people type them are understood and echoed, and problems name the question, never an internal field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionnaireBrowserTests extends ServerTests {

	private ChromeDriver driver;

	@BeforeAll
	void startBrowser() {
		this.driver = Chromium.start();
	}

	@AfterAll
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@ParameterizedTest // item 1
	@ValueSource(strings = { "zh", "en" })
	void changingTheLocationNeverDropsATickedItemInSilence(String lang) throws Exception {
		signIn(lang);
		this.driver.get(url("/assess"));
		setDate();
		click(this.driver, By.id("item-20"));
		type(this.driver, By.id("fact.20.affectedCustomers"), "1200000");
		// the location changes, the switch button is not pressed: the page follows at once
		new Select(this.driver.findElement(By.id("jurisdiction"))).selectByValue("cn-national");
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("dropped-items")));
		assertThat(this.driver.findElement(By.id("dropped-items")).getText())
			.contains("zh".equals(lang) ? "第20项" : "Item 20");
		screenshot(this.driver, "questionnaire-dropped-" + lang + ".png");
		// deciding now is refused and says why; nothing is stored
		click(this.driver, By.id("decide"));
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(this.driver.getCurrentUrl()).doesNotContain("/assessments/");
		assertThat(this.driver.findElement(By.id("form-errors")).getText())
			.contains("zh".equals(lang) ? "不会被评估" : "cannot be assessed");
		// switching back restores the answer as it was typed
		new Select(this.driver.findElement(By.id("jurisdiction"))).selectByValue("tianjin-ftz");
		wait(15).until(ExpectedConditions.invisibilityOfElementLocated(By.id("dropped-items")));
		assertThat(this.driver.findElement(By.id("item-20")).isSelected()).isTrue();
		assertThat(this.driver.findElement(By.id("fact.20.affectedCustomers")).getAttribute("value")).isEqualTo("1200000");
		// or the person removes them on purpose, and then may decide on what is left
		new Select(this.driver.findElement(By.id("jurisdiction"))).selectByValue("cn-national");
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("drop-items")));
		click(this.driver, By.id("drop-items"));
		wait(15).until(ExpectedConditions.invisibilityOfElementLocated(By.id("dropped-items")));
		type(this.driver, By.id("pi-0-individuals"), "150000");
		click(this.driver, By.id("decide"));
		wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
		assertThat(this.driver.findElement(By.id("outcome")).getAttribute("data-outcome")).isEqualTo("STANDARD_CONTRACT_OR_CERTIFICATION");
	}

	@ParameterizedTest // item 2
	@ValueSource(strings = { "zh", "en" })
	void anEmptyQuestionnaireIsRefusedAndNothingIsStored(String lang) throws Exception {
		signIn(lang);
		this.driver.get(url("/assess"));
		type(this.driver, By.id("processor-name"), "甲公司");
		click(this.driver, By.id("decide"));
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(this.driver.findElement(By.id("form-errors")).getText())
			.contains("zh".equals(lang) ? "没有可评估的内容" : "nothing to assess");
		assertThat(this.driver.getCurrentUrl()).doesNotContain("/assessments/");
		screenshot(this.driver, "questionnaire-empty-" + lang + ".png");
	}

	@ParameterizedTest // item 6
	@ValueSource(strings = { "zh", "en" })
	void countsAreTypedAsPeopleWriteThemAndProblemsNameTheQuestion(String lang) throws Exception {
		signIn(lang);
		this.driver.get(url("/assess"));
		setDate();
		click(this.driver, By.id("item-20"));
		type(this.driver, By.id("fact.20.affectedCustomers"), "120万");
		type(this.driver, By.id("pi-0-individuals"), "lots");
		type(this.driver, By.id("processor-name"), "x"); // a change: the live check runs
		wait(15).until(d -> d.findElement(By.id("live-check")).getText().contains("1,200,000"));
		String live = this.driver.findElement(By.id("live-check")).getText();
		assertThat(live).contains("120万").contains("1,200,000").doesNotContain("fact.").doesNotContain("pi.0");
		screenshot(this.driver, "questionnaire-typed-" + lang + ".png");
		click(this.driver, By.id("decide"));
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		String errors = this.driver.findElement(By.id("form-errors")).getText();
		assertThat(errors).contains("lots").contains("zh".equals(lang) ? "不是数字" : "is not a number")
			.doesNotContain("pi.0.individuals").doesNotContain("而不是字符串");
		type(this.driver, By.id("pi-0-individuals"), "150 000");
		click(this.driver, By.id("decide"));
		wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
		assertThat(this.driver.findElement(By.id("outcome")).getAttribute("data-outcome")).isEqualTo("SECURITY_ASSESSMENT");
	}

	@ParameterizedTest // item 3
	@ValueSource(strings = { "zh", "en" })
	void anEndedSessionKeepsTheAnswersAndReturnsToThemAfterSigningIn(String lang) throws Exception {
		signIn(lang);
		fillTheBank();
		this.driver.manage().deleteCookieNamed("JSESSIONID"); // the session ends while the person answers
		click(this.driver, By.id("decide"));
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("login-resume")));
		assertThat(this.driver.findElement(By.id("login-ended")).getText())
			.contains("zh".equals(lang) ? "会话已结束" : "session").doesNotContain("zh".equals(lang) ? "无权" : "permission");
		screenshot(this.driver, "questionnaire-session-ended-" + lang + ".png");
		this.driver.findElement(By.id("username")).sendKeys(Role.ANALYST.name().toLowerCase());
		this.driver.findElement(By.id("password")).sendKeys(PASSWORD);
		this.driver.findElement(By.id("login-submit")).click();
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("answers-resumed")));
		assertTheBankIsBack();
		assertThat(this.driver.getCurrentUrl()).contains("draft=");
		screenshot(this.driver, "questionnaire-resumed-" + lang + ".png");
	}

	@ParameterizedTest // item 3
	@ValueSource(strings = { "zh", "en" })
	void aMissingCsrfTokenKeepsTheAnswersAndSaysWhy(String lang) throws Exception {
		signIn(lang);
		fillTheBank();
		((JavascriptExecutor) this.driver).executeScript(
				"document.querySelectorAll('#assess-form input[name=_csrf]').forEach(function (e) { e.remove(); })");
		click(this.driver, By.id("decide"));
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("answers-resumed")));
		assertTheBankIsBack();
		assertThat(this.driver.getPageSource()).doesNotContain("zh".equals(lang) ? "无权执行" : "not allowed");
	}

	@ParameterizedTest // item 3
	@ValueSource(strings = { "zh", "en" })
	void switchingTheLanguageKeepsTheAnswers(String lang) throws Exception {
		signIn(lang);
		fillTheBank();
		String other = "zh".equals(lang) ? "en" : "zh";
		click(this.driver, By.id("lang-" + other));
		wait(15).until(d -> d.findElement(By.tagName("html")).getAttribute("lang").startsWith(other));
		assertTheBankIsBack();
		screenshot(this.driver, "questionnaire-language-" + other + ".png");
	}

	private void fillTheBank() {
		this.driver.get(url("/assess"));
		setDate();
		click(this.driver, By.id("item-20"));
		type(this.driver, By.id("fact.20.affectedCustomers"), "1200000");
		type(this.driver, By.id("pi-0-individuals"), "150000");
	}

	private void assertTheBankIsBack() {
		assertThat(this.driver.findElement(By.id("item-20")).isSelected()).isTrue();
		assertThat(this.driver.findElement(By.id("fact.20.affectedCustomers")).getAttribute("value")).isEqualTo("1200000");
		assertThat(this.driver.findElement(By.id("pi-0-individuals")).getAttribute("value")).isEqualTo("150000");
		assertThat(this.driver.findElement(By.id("date")).getAttribute("value")).isEqualTo("2026-03-15");
	}

	private void signIn(String lang) {
		token(Role.ANALYST);
		this.driver.manage().deleteAllCookies();
		this.driver.get(url("/login?lang=" + lang));
		this.driver.findElement(By.id("username")).sendKeys(Role.ANALYST.name().toLowerCase());
		this.driver.findElement(By.id("password")).sendKeys(PASSWORD);
		this.driver.findElement(By.id("login-submit")).click();
		wait(15).until(ExpectedConditions.urlContains("/assessments"));
	}

	private void setDate() {
		((JavascriptExecutor) this.driver).executeScript("arguments[0].value = '2026-03-15'",
				this.driver.findElement(By.id("date")));
	}

	private WebDriverWait wait(int seconds) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(seconds));
	}

}
