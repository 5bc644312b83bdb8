package cn.outbound.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.outbound.service.user.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #11 item 14: every page an administrator can reach fits a phone (360 and 390 CSS pixels) without horizontal
 * scrolling, in Chinese and English: {@code document.documentElement.scrollWidth <= window.innerWidth}. Screenshots
 * go to target/screenshots/phone-*.png.
 */
class PhoneWidthBrowserTests extends BrowserTests {


	private long assessment;

	private int width;

	@Override
	protected String windowSize() {
		return "800,1200";
	}

	@BeforeAll
	void storeAnAssessment() {
		var created = post("/api/v1/assessments?title=phone", Role.ANALYST, bankScenario());
		this.assessment = json(created).get("id").asLong();
	}


	private List<String> pages() {
		return List.of("/", "/list", "/list/tianjin-ftz/2024", "/list/tianjin-ftz/2024/items/20", "/assess",
				"/assessments", "/assessments/" + this.assessment, "/scan", "/ledger/bank-tj", "/admin/users",
				"/admin/audit", "/admin/packs", "/assessments/abc");
	}

	@ParameterizedTest
	@CsvSource({ "360, zh", "390, zh", "360, en", "390, en" })
	void everyPageFitsAPhone(int width, String lang) throws Exception {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", false));
		this.width = width;
		token(Role.ADMIN);
		this.driver.manage().deleteAllCookies();
		this.driver.get(url("/login?lang=" + lang));
		assertThat(overflow()).as("/login at %d px (%s)", width, lang).isEmpty();
		Chromium.signIn(this.driver, "admin", PASSWORD);
		List<String> wide = new ArrayList<>();
		for (String page : pages()) {
			this.driver.get(url(page));
			String o = overflow();
			if (!o.isEmpty()) {
				wide.add(page + ": " + o);
			}
			if (page.equals("/assess") || page.equals("/list/tianjin-ftz/2024") || page.startsWith("/assessments/")
					&& !page.endsWith("abc")) {
				screenshot("phone-" + width + "-" + lang + page.replace('/', '-') + ".png");
			}
		}
		assertThat(wide).as("pages wider than %d px (%s)", width, lang).isEmpty();
	}

	/** Empty when the page fits; else the page's width and its widest elements. */
	private String overflow() {
		Object r = this.driver.executeScript("""
				var w = Math.min(window.innerWidth, arguments[0]), s = document.documentElement.scrollWidth;
				if (s <= w) return '';
				var out = [];
				document.querySelectorAll('body *').forEach(function (e) {
				  var b = e.getBoundingClientRect();
				  if (b.right > w + 1 && out.length < 5) out.push(e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '') + ' ' + Math.round(b.right));
				});
				return s + ' > ' + w + ' ' + out.join(', ');
				""", this.width);
		return String.valueOf(r);
	}

}
