package cn.outbound.rules.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Problem;
import cn.outbound.rules.source.ProblemMessages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each way a pack can be broken is rejected, with every problem at its file:line:column; a broken pack never loads.
 */
class RulePackLoaderTests {

	static String minimal() {
		try (InputStream in = RulePackLoaderTests.class.getResourceAsStream("/packs/minimal.yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static RulePack load(String yaml) {
		return RulePackLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "test-zone-2024.yaml");
	}

	static List<String> problems(String yaml) {
		try {
			load(yaml);
		}
		catch (InvalidInputException ex) {
			return ex.problems().stream().map(Problem::render).toList();
		}
		throw new AssertionError("the pack loaded although it is broken");
	}

	static int lineOf(String yaml, String fragment) {
		int at = yaml.indexOf(fragment);
		assertThat(at).as("fragment %s", fragment).isNotNegative();
		return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
	}

	static String replace(String yaml, String from, String to) {
		assertThat(yaml).contains(from);
		return yaml.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
	}

	@Test
	void problemsOfAPackHaveCodesAndReadInChinese() {
		String yaml = replace(replace(replace(minimal(), "  - number: 3", "  - number: 4"),
				"facts: [affectedCustomers, publiclyReleased", "facts: [affectedCustomer, publiclyReleased"),
				"mechanism: SECURITY_ASSESSMENT", "mechanism: MAYBE");
		List<Problem> problems;
		try {
			load(yaml);
			throw new AssertionError("the pack loaded although it is broken");
		}
		catch (InvalidInputException ex) {
			problems = ex.problems();
		}
		assertThat(problems).extracting(Problem::code).contains("item-out-of-sequence", "undeclared-fact");
		assertThat(problems).allSatisfy(p -> {
			assertThat(ProblemMessages.keys("zh")).contains(p.code());
			assertThat(p.message("zh")).as(p.render()).containsPattern("\\p{IsHan}").isNotEqualTo(p.message());
		});
		assertThat(problems).anySatisfy(p -> assertThat(p.message("zh")).isEqualTo("第 4 项顺序有误：应为第 3 项（条目按 1、2、3……连续编号）"));
	}

	@Test
	void minimalPackLoads() {
		RulePack pack = load(minimal());
		assertThat(pack.id()).isEqualTo("test-zone");
		assertThat(pack.items()).hasSize(3);
		assertThat(pack.contentHash()).startsWith("sha256:").hasSize(71);
		assertThat(pack.item(1).triggerWhen()).isInstanceOf(Condition.Compare.class);
	}

	@Test
	void duplicateItemIsRejectedWhereItStands() {
		String yaml = replace(minimal(), "  - number: 2", "  - number: 1");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p)
			.startsWith("ERROR: test-zone-2024.yaml:" + lineOf(yaml, "  - number: 1\n    category: 1\n    section: SA\n    name: {zh: 电力") + ":")
			.contains("duplicate item 1"));
	}

	@Test
	void missingItemIsReportedAsAGap() {
		String yaml = replace(minimal(), "  - number: 3", "  - number: 4");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p).contains("item 4 out of sequence: expected item 3"));
	}

	@Test
	void unknownFactIsRejectedWithASuggestion() {
		String yaml = replace(minimal(), "facts: [affectedCustomers, publiclyReleased", "facts: [affectedCustomer, publiclyReleased");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p)
			.contains(":" + lineOf(yaml, "facts: [affectedCustomer,") + ":")
			.contains("unknown fact 'affectedCustomer' (did you mean 'affectedCustomers'?)"));
	}

	@Test
	void thresholdOfTheWrongTypeIsRejected() {
		String yaml = replace(minimal(), "atLeast: 1000000\n", "atLeast: \"many\"\n");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p)
			.contains(":" + lineOf(yaml, "atLeast: \"many\"") + ":")
			.contains("/items/0/triggerWhen/atLeast"));
	}

	@Test
	void fractionalThresholdOnAnIntegerFactIsRejected() {
		String yaml = replace(minimal(), "atLeast: 1000000\n", "atLeast: 1000000.5\n");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p).contains("must be a whole number"));
	}

	@Test
	void mechanismOutsideTheAllowedSetIsRejected() {
		String yaml = replace(minimal(), "    mechanism: SECURITY_ASSESSMENT\n    facts: [facility", "    mechanism: MAYBE\n    facts: [facility");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p)
			.contains(":" + lineOf(yaml, "mechanism: MAYBE") + ":")
			.contains("/items/1/mechanism")
			.contains("SECURITY_ASSESSMENT"));
	}

	@Test
	void enumValueThatDoesNotExistIsRejected() {
		String yaml = replace(minimal(), "in: [SUBSTATION]", "in: [SUBSTATOIN]");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p)
			.contains("'SUBSTATOIN' is not a value of fact 'facility'")
			.contains("did you mean 'SUBSTATION'"));
	}

	@Test
	void unknownKeyIsRejectedWithASuggestion() {
		String yaml = replace(minimal(), "    triggerWhen: {fact: facility", "    triggerWhne: {fact: facility");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p)
			.contains(":" + lineOf(yaml, "triggerWhne") + ":5:")
			.contains("unknown field 'triggerWhne'")
			.contains("did you mean 'triggerWhen'"));
	}

	@Test
	void factUsedInAConditionMustBeAFactOfTheItem() {
		String yaml = replace(minimal(), "facts: [facility, qualifies]", "facts: [qualifies]");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p).contains("fact 'facility' is used in a condition but not listed"));
	}

	@Test
	void bandsMustBeContiguous() {
		String yaml = replace(minimal(), "{atLeast: 100000, below: 1000000", "{atLeast: 90000, below: 1000000");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p)
			.contains(":" + lineOf(yaml, "{atLeast: 90000") + ":")
			.contains("bands must be contiguous from 0: this band starts at 90000"));
	}

	@Test
	void bandsMayNotWeaken() {
		String yaml = replace(minimal(), "{atLeast: 1000000, mechanism: SECURITY_ASSESSMENT, rule: item-3}",
				"{atLeast: 1000000, mechanism: EXEMPT, rule: item-3}");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p).contains("a band may not weaken"));
	}

	@Test
	void ruleReferenceMustResolve() {
		String yaml = replace(minimal(), "stateSecrets: {mechanism: SEPARATE_REGIME, rule: art-1}",
				"stateSecrets: {mechanism: SEPARATE_REGIME, rule: art-9}");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p)
			.contains(":" + lineOf(yaml, "rule: art-9") + ":")
			.contains("rule 'art-9' is not a provision of this pack"));
	}

	@Test
	void bothLanguagesAreRequired() {
		String yaml = replace(minimal(), "name: {zh: 电力, en: Power}", "name: {zh: 电力}");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p).contains("/items/1/name").contains("en"));
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		String yaml = replace(replace(replace(minimal(), "in: [SUBSTATION]", "in: [SUBSTATOIN]"), "  - number: 3", "  - number: 4"),
				"rule: art-1}\npersonal", "rule: art-7}\npersonal");
		assertThat(problems(yaml)).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void yamlSyntaxErrorsCarryTheirLocation() {
		String yaml = replace(minimal(), "title: {zh: 测试清单, en: Test list}", "title: {zh: 测试清单, en: Test list");
		assertThatThrownBy(() -> load(yaml)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("test-zone-2024.yaml:")
			.hasMessageContaining("malformed document");
	}

	@Test
	void editionMustBeAString() {
		String yaml = replace(minimal(), "edition: \"2024\"", "edition: 2024");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p).contains(":3:").contains("/edition"));
	}

	@Test
	void missingExemptBasisIsRejected() {
		String yaml = replace(minimal(), "    HR: {rule: art-2}\n", "");
		assertThat(problems(yaml)).anySatisfy(p -> assertThat(p).contains("exemptBases lacks HR"));
	}

	@Test
	void overlappingEditionsAreRejectedTogether() {
		RulePack a = load(replace(minimal(), "inForceFrom: 2024-01-01", "inForceFrom: 2024-01-01\ninForceUntil: 2025-06-30"));
		RulePack b = RulePackLoader.load(replace(replace(minimal(), "edition: \"2024\"", "edition: \"2025\""), "inForceFrom: 2024-01-01",
				"inForceFrom: 2025-01-01").getBytes(StandardCharsets.UTF_8), "test-zone-2025.yaml");
		assertThatThrownBy(() -> RulePacks.of(List.of(a, b))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("test-zone-2025.yaml")
			.hasMessageContaining("still in force until 2025-06-30");
	}

}
