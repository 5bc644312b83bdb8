package cn.outbound.rules.render;

import cn.outbound.rules.Text;
import cn.outbound.rules.engine.Explanation;
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

	@Test // #11 item 11: "1 persons" nowhere
	void aCountOfOneTakesTheSingular() {
		Explanation one = Explanation.of("pi.band.EXEMPT", new Text("个人信息", "Personal information"), 1L, 0L, 1L,
				100_000L, 1_000_000L);
		assertThat(Explanations.render(one, "en")).startsWith("Personal information: 1 person cumulatively since")
			.contains("(prior 0, this export 1)");
		Explanation two = Explanation.of("pi.band.EXEMPT", new Text("个人信息", "Personal information"), 2L, 1L, 1L,
				100_000L, 1_000_000L);
		assertThat(Explanations.render(two, "en")).startsWith("Personal information: 2 persons cumulatively since");
		assertThat(Explanations.render(Explanation.of("text.cumulative.line", 1L, 1_200_000L), "en"))
			.isEqualTo("1 person's personal information (excluding sensitive); 1,200,000 persons' sensitive personal "
					+ "information");
		assertThat(Explanations.render(Explanation.of("cumulative.uncarriedClass", "x", 1L, "y", "z"), "en"))
			.contains("but 1 person has been provided abroad");
		assertThat(Explanations.render(Explanation.of("cumulative.uncarriedClass", "x", 2_000_000L, "y", "z"), "en"))
			.contains("but 2,000,000 persons have been provided abroad");
		for (String key : Explanations.keys("en")) {
			assertThat(Explanations.message(key, "en")).as(key).doesNotContainPattern("\\{\\d} persons");
		}
	}

	private static java.util.Set<String> placeholders(String template) {
		java.util.Set<String> out = new java.util.TreeSet<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d)[}|]").matcher(template);
		while (m.find()) {
			out.add("{" + m.group(1) + "}");
		}
		return out;
	}

}
