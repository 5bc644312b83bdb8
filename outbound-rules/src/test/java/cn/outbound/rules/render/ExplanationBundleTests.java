package cn.outbound.rules.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both languages are complete: every explanation key has a Chinese and an English text.
 */
class ExplanationBundleTests {

	@Test
	void bothBundlesHaveTheSameKeys() {
		assertThat(Explanations.keys("en")).isNotEmpty().containsExactlyInAnyOrderElementsOf(Explanations.keys("zh"));
	}

	@Test
	void placeholdersMatchAcrossLanguages() {
		for (String key : Explanations.keys("zh")) {
			assertThat(placeholders(Explanations.message(key, "en"))).as(key)
				.isEqualTo(placeholders(Explanations.message(key, "zh")));
		}
	}

	private static java.util.Set<String> placeholders(String template) {
		java.util.Set<String> out = new java.util.TreeSet<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d}").matcher(template);
		while (m.find()) {
			out.add(m.group());
		}
		return out;
	}

}
