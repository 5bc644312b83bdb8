package cn.outbound.filing.calendar;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both languages are complete: every text of the module in Chinese and English, with the same arguments.
 */
class FilingTextTests {

	@Test
	void bothBundlesHaveTheSameKeys() {
		assertThat(FilingText.keys("zh")).containsExactlyInAnyOrderElementsOf(FilingText.keys("en"));
	}

	@Test
	void eachTextUsesTheSameArgumentsInBothLanguages() {
		for (String key : FilingText.keys("en")) {
			assertThat(placeholders(FilingText.template(key, "zh"))).as(key)
				.isEqualTo(placeholders(FilingText.template(key, "en")));
			assertThat(FilingText.template(key, "zh")).as(key).isNotBlank();
			assertThat(FilingText.template(key, "en")).as(key).isNotBlank();
		}
	}

	@Test
	void theChineseTextIsChinese() {
		for (String key : FilingText.keys("zh")) {
			String zh = FilingText.template(key, "zh");
			if (!key.startsWith("unit.") && !key.equals("anchor.dated") && !key.equals("calendar.list-line")) {
				assertThat(zh).as(key).containsPattern("[\\u4e00-\\u9fff]|^\\{|：");
			}
		}
	}

	@Test
	void anUnknownCodeIsAnError() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> FilingText.of("no.such.code"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static Set<String> placeholders(String template) {
		return cn.outbound.rules.source.ProblemMessages.placeholders(template);
	}

}
