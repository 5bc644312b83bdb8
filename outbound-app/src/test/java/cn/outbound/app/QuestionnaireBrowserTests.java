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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, items 1, 2 and 6 in a real browser, in Chinese and English: a change of location that would drop ticked
 * items is shown at once and refused until the person decides; an empty questionnaire is refused; counts typed as
 * people type them are understood and echoed, and problems name the question, never an internal field.
 */
class QuestionnaireBrowserTests extends BrowserTests {




	@ParameterizedTest // item 1
	@ValueSource(strings = { "zh", "en" })
	void changingTheLocationNeverDropsATickedItemInSilence(String lang) throws Exception {
		signIn(Role.ANALYST, lang);
		this.driver.get(url("/assess"));
		setDate();
		click(By.id("item-20"));
		type(By.id("fact.20.affectedCustomers"), "1200000");
		// the location changes, the switch button is not pressed: the page follows at once
		new Select(this.driver.findElement(By.id("jurisdiction"))).selectByValue("cn-national");
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("dropped-items")));
		assertThat(this.driver.findElement(By.id("dropped-items")).getText())
			.contains("zh".equals(lang) ? "第20项" : "Item 20");
		screenshot("questionnaire-dropped-" + lang + ".png");
		// deciding now is refused and says why; nothing is stored
		click(By.id("decide"));
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
		click(By.id("drop-items"));
		wait(15).until(ExpectedConditions.invisibilityOfElementLocated(By.id("dropped-items")));
		type(By.id("pi-0-individuals"), "150000");
		click(By.id("decide"));
		wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
		assertThat(this.driver.findElement(By.id("outcome")).getAttribute("data-outcome")).isEqualTo("STANDARD_CONTRACT_OR_CERTIFICATION");
	}

	@ParameterizedTest // item 2
	@ValueSource(strings = { "zh", "en" })
	void anEmptyQuestionnaireIsRefusedAndNothingIsStored(String lang) throws Exception {
		signIn(Role.ANALYST, lang);
		this.driver.get(url("/assess"));
		type(By.id("processor-name"), "甲公司");
		click(By.id("decide"));
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		assertThat(this.driver.findElement(By.id("form-errors")).getText())
			.contains("zh".equals(lang) ? "没有可评估的内容" : "nothing to assess");
		assertThat(this.driver.getCurrentUrl()).doesNotContain("/assessments/");
		screenshot("questionnaire-empty-" + lang + ".png");
	}

	@ParameterizedTest // item 6
	@ValueSource(strings = { "zh", "en" })
	void countsAreTypedAsPeopleWriteThemAndProblemsNameTheQuestion(String lang) throws Exception {
		signIn(Role.ANALYST, lang);
		this.driver.get(url("/assess"));
		setDate();
		click(By.id("item-20"));
		type(By.id("fact.20.affectedCustomers"), "120万");
		type(By.id("pi-0-individuals"), "lots");
		type(By.id("processor-name"), "x"); // a change: the live check runs
		wait(15).until(d -> d.findElement(By.id("live-check")).getText().contains("1,200,000"));
		String live = this.driver.findElement(By.id("live-check")).getText();
		assertThat(live).contains("120万").contains("1,200,000").doesNotContain("fact.").doesNotContain("pi.0");
		screenshot("questionnaire-typed-" + lang + ".png");
		click(By.id("decide"));
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
		String errors = this.driver.findElement(By.id("form-errors")).getText();
		assertThat(errors).contains("lots").contains("zh".equals(lang) ? "不是数字" : "is not a number")
			.doesNotContain("pi.0.individuals").doesNotContain("而不是字符串");
		type(By.id("pi-0-individuals"), "150 000");
		click(By.id("decide"));
		wait(20).until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
		assertThat(this.driver.findElement(By.id("outcome")).getAttribute("data-outcome")).isEqualTo("SECURITY_ASSESSMENT");
	}

	@ParameterizedTest // item 3
	@ValueSource(strings = { "zh", "en" })
	void anEndedSessionKeepsTheAnswersAndReturnsToThemAfterSigningIn(String lang) throws Exception {
		signIn(Role.ANALYST, lang);
		fillTheBank();
		this.driver.manage().deleteCookieNamed("JSESSIONID"); // the session ends while the person answers
		click(By.id("decide"));
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("login-resume")));
		assertThat(this.driver.findElement(By.id("login-ended")).getText())
			.contains("zh".equals(lang) ? "会话已结束" : "session").doesNotContain("zh".equals(lang) ? "无权" : "permission");
		screenshot("questionnaire-session-ended-" + lang + ".png");
		this.driver.findElement(By.id("username")).sendKeys(Role.ANALYST.name().toLowerCase());
		this.driver.findElement(By.id("password")).sendKeys(PASSWORD);
		this.driver.findElement(By.id("login-submit")).click();
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("answers-resumed")));
		assertTheBankIsBack();
		assertThat(this.driver.getCurrentUrl()).contains("draft=");
		screenshot("questionnaire-resumed-" + lang + ".png");
	}

	@ParameterizedTest // item 3
	@ValueSource(strings = { "zh", "en" })
	void aMissingCsrfTokenKeepsTheAnswersAndSaysWhy(String lang) throws Exception {
		signIn(Role.ANALYST, lang);
		fillTheBank();
		((JavascriptExecutor) this.driver).executeScript(
				"document.querySelectorAll('#assess-form input[name=_csrf]').forEach(function (e) { e.remove(); })");
		click(By.id("decide"));
		wait(15).until(ExpectedConditions.presenceOfElementLocated(By.id("answers-resumed")));
		assertTheBankIsBack();
		assertThat(this.driver.getPageSource()).doesNotContain("zh".equals(lang) ? "无权执行" : "not allowed");
	}

	@ParameterizedTest // item 3
	@ValueSource(strings = { "zh", "en" })
	void switchingTheLanguageKeepsTheAnswers(String lang) throws Exception {
		signIn(Role.ANALYST, lang);
		fillTheBank();
		String other = "zh".equals(lang) ? "en" : "zh";
		click(By.id("lang-" + other));
		wait(15).until(d -> d.findElement(By.tagName("html")).getAttribute("lang").startsWith(other));
		assertTheBankIsBack();
		screenshot("questionnaire-language-" + other + ".png");
	}

	private void fillTheBank() {
		this.driver.get(url("/assess"));
		setDate();
		click(By.id("item-20"));
		type(By.id("fact.20.affectedCustomers"), "1200000");
		type(By.id("pi-0-individuals"), "150000");
	}

	private void assertTheBankIsBack() {
		assertThat(this.driver.findElement(By.id("item-20")).isSelected()).isTrue();
		assertThat(this.driver.findElement(By.id("fact.20.affectedCustomers")).getAttribute("value")).isEqualTo("1200000");
		assertThat(this.driver.findElement(By.id("pi-0-individuals")).getAttribute("value")).isEqualTo("150000");
		assertThat(this.driver.findElement(By.id("date")).getAttribute("value")).isEqualTo("2026-03-15");
	}

	private void setDate() {
		((JavascriptExecutor) this.driver).executeScript("arguments[0].value = '2026-03-15'",
				this.driver.findElement(By.id("date")));
	}

}
