package cn.outbound.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's chromium, headless, for the browser tests: skipped off CI when it is not installed; in CI (CI=true) a
 * missing browser fails. The acts every browser test shares (sign in, type, click, screenshot) are here, once;
 * {@link BrowserTests} runs one browser per test class with them. Screenshots go to target/screenshots/.
 */
public final class Chromium {

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String DRIVER = "/usr/bin/chromedriver";

	private Chromium() {
	}

	/** The browser with a desktop window of 1280 × 2000. */
	public static ChromeDriver start() {
		return start("1280,2000");
	}

	/** The browser with a window of {@code size} ("width,height"), Chinese first. */
	public static ChromeDriver start(String size) {
		boolean installed = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
		if (!installed) {
			assertThat("true".equals(System.getenv("CI"))).as("CI must have chromium and chromium-driver (.ci/run installs them)")
				.isFalse();
			Assumptions.assumeTrue(false, "chromium or chromedriver not installed");
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=" + size, "--lang=zh-CN");
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/** Fills the login form on the current page and waits for the page after it (the history). */
	public static void signIn(ChromeDriver driver, String user, String password) {
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login-submit")).click();
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/assessments"));
	}

	/** Scrolls the element into view, clears it and types as a person would. */
	public static void type(ChromeDriver driver, By by, String text) {
		WebElement e = driver.findElement(by);
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
		e.clear();
		e.sendKeys(text);
	}

	/** Scrolls the element into view and clicks it. */
	public static void click(ChromeDriver driver, By by) {
		// a live check (htmx) still in flight may re-render the form under the click: let it land first
		new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
			.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
				.executeScript("return document.querySelector('.htmx-request') === null")));
		WebElement e = driver.findElement(by);
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
		e.click();
	}

	/** Saves what the window shows as target/screenshots/{@code name}. */
	public static void screenshot(ChromeDriver driver, String name) throws Exception {
		Path target = Path.of("target", "screenshots", name);
		Files.createDirectories(target.getParent());
		File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

}
