package cn.outbound.app.zone;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import cn.outbound.app.ServerTests;
import cn.outbound.service.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regulator's draft in a real browser (Debian chromium): a mistake typed into the edition's YAML is located at
 * draft.yaml:line:col while typing (htmx posts the draft after a pause), mended, and the draft's impact analysed.
 * Screenshot: target/zone-editions.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZoneEditionBrowserTests extends ServerTests {

	private ChromeDriver driver;

	@BeforeAll
	void startBrowser() {
		this.driver = cn.outbound.app.Chromium.start("1280,1600");
	}

	@AfterAll
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	private void wait(By by) {
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	/** Puts a text into the editor at once (80 KB typed key by key would take minutes), then types one key. */
	private void edit(String yaml) {
		var area = this.driver.findElement(By.id("edition-yaml"));
		((JavascriptExecutor) this.driver).executeScript("arguments[0].value = arguments[1]", area, yaml);
		area.sendKeys(Keys.END, " ");
	}

	@Test
	void aMistakeIsLocatedWhileTypingAndTheMendedDraftAnalysed() throws Exception {
		token(Role.REGULATOR);
		this.driver.manage().deleteAllCookies();
		this.driver.get(url("/login?lang=en"));
		this.driver.findElement(By.id("username")).sendKeys("regulator");
		this.driver.findElement(By.id("password")).sendKeys(PASSWORD);
		this.driver.findElement(By.id("login-submit")).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/zone"));
		this.driver.get(url("/zone/editions"));
		// the edition in force as it stands is no new edition: its check says so
		wait(By.id("edition-problems"));
		String draft = EditionImpactIntegrationTests.draft();

		edit(draft.replaceFirst("mechanism: SECURITY_ASSESSMENT", "mechanism: MAYBE"));
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).until(ExpectedConditions
			.textMatches(By.id("edition-problems"), java.util.regex.Pattern.compile("draft\\.yaml:\\d+:\\d+")));

		edit(draft);
		wait(By.id("edition-valid"));
		assertThat(this.driver.findElement(By.id("edition-valid")).getText()).contains(EditionImpactIntegrationTests.EDITION);
		assertThat(this.driver.findElement(By.id("threshold-20")).getText()).contains("500,000");

		((JavascriptExecutor) this.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
				this.driver.findElement(By.id("edition-analyse")));
		this.driver.findElement(By.id("edition-analyse")).click();
		wait(By.id("impact-summary"));
		assertThat(this.driver.findElement(By.id("diff-item-20")).getText()).contains("500,000");
		Path target = Path.of("target", "zone-editions.png");
		Files.createDirectories(target.getParent());
		File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

}
