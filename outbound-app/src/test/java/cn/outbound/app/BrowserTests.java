package cn.outbound.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser test: one Debian chromium per class (started before the first test, quit after the last) against the
 * shared server, and what a person does with it (sign in, type, click, wait, save a screenshot under
 * target/screenshots/). The acts themselves are {@link Chromium}'s, the one copy every browser test uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTests extends ServerTests {

	protected ChromeDriver driver;

	/** The window, "width,height"; 1280 × 2000 unless a class says otherwise. */
	protected String windowSize() {
		return "1280,2000";
	}

	@BeforeAll
	void startBrowser() {
		this.driver = Chromium.start(windowSize());
	}

	@AfterAll
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	/** Signs in on the login form as the test user of {@code role} (created on first use), in {@code lang}. */
	protected void signIn(Role role, String lang) {
		token(role);
		signIn(role.name().toLowerCase(), lang);
	}

	/** Signs in on the login form as {@code user} (password {@link #PASSWORD}), in {@code lang}. */
	protected void signIn(String user, String lang) {
		this.driver.manage().deleteAllCookies();
		this.driver.get(url("/login?lang=" + lang));
		Chromium.signIn(this.driver, user, PASSWORD);
	}

	protected void open(String path) {
		this.driver.get(url(path));
	}

	protected void type(By by, String text) {
		Chromium.type(this.driver, by, text);
	}

	protected void click(By by) {
		Chromium.click(this.driver, by);
	}

	/** Sets a field's value as a date picker would (chromium's date input takes no typed ISO date). */
	protected void setValue(By by, String value) {
		((JavascriptExecutor) this.driver).executeScript("arguments[0].value = arguments[1]", this.driver.findElement(by),
				value);
	}

	protected WebElement waitFor(By by) {
		return wait(20).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	protected WebDriverWait wait(int seconds) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(seconds));
	}

	protected String text(By by) {
		return this.driver.findElement(by).getText();
	}

	protected void screenshot(String name) throws Exception {
		Chromium.screenshot(this.driver, name);
	}

	/** Downloads go to {@code dir} (emptied first), without asking. */
	protected Path downloadsTo(String dir) throws Exception {
		Path d = Path.of("target", dir).toAbsolutePath();
		if (Files.isDirectory(d)) {
			try (var files = Files.list(d)) {
				for (Path f : files.toList()) {
					Files.delete(f);
				}
			}
		}
		Files.createDirectories(d);
		this.driver.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", d.toString(), "eventsEnabled", true));
		return d;
	}

	/** The one finished download in {@code dir}, waited for. */
	protected Path downloaded(Path dir) {
		return wait(30).until(d -> {
			try (var files = Files.list(dir)) {
				return files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).findFirst().orElse(null);
			}
			catch (java.io.IOException ex) {
				return null;
			}
		});
	}

}
