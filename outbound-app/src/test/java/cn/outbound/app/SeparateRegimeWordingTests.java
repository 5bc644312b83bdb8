package cn.outbound.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14 item 7: the separate regime (state secrets, core data, government data) is worded to fit every
 * jurisdiction. The questionnaire's help for those flags and the home page's explanation of the outcome are shown
 * whatever the processor's location, so they name the laws that govern such data and mention the free trade zone's
 * negative list only as what it is there, never as the reason under the national provisions. (The decision's own
 * wording per jurisdiction is LegalReviewTests' in outbound-rules.)
 */
class SeparateRegimeWordingTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "outcome.explain.SEPARATE_REGIME", "flag.stateSecrets.help", "flag.coreData.help",
			"flag.governmentData.help" })
	void theTextFitsTheNationalProvisionsAndTheZone(String key) throws IOException {
		String zh = load("messages/messages.properties").getProperty(key);
		String en = load("messages/messages_en.properties").getProperty(key);
		assertThat(zh).contains("法律").doesNotStartWith("不纳入").contains("（在自贸试验区内也不纳入负面清单管理）");
		assertThat(zh.replace("（在自贸试验区内也不纳入负面清单管理）", "")).doesNotContain("负面清单");
		assertThat(en).containsIgnoringCase("laws").contains("(in a free trade zone");
		assertThat(en.substring(0, en.indexOf("(in a free trade zone"))).doesNotContain("negative list");
	}

	private static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = SeparateRegimeWordingTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

}
