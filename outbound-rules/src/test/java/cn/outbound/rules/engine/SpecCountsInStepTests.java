package cn.outbound.rules.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import cn.outbound.rules.Fixtures;
import cn.outbound.rules.scenario.ScenarioReader;
import cn.outbound.rules.source.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #14 item 7, last bullet: the repository's copy of the spec (spec/scenario-v1.md; SharedCopiesTests keeps it
 * the same as ../shared) states the count limit of 10¹² and reads the item 45/46 bands per class, and the reader and
 * the engine do what it states, on both sides of each line.
 */
class SpecCountsInStepTests {

	private static String spec() throws IOException {
		return Files.readString(Fixtures.repo().resolve("spec/scenario-v1.md"), StandardCharsets.UTF_8);
	}

	@Test
	void theSpecStatesTheReadersCountLimit() throws IOException {
		assertThat(ScenarioReader.MAX_COUNT).isEqualTo(1_000_000_000_000L);
		assertThat(spec()).contains("Counts are whole numbers from 0 to 1,000,000,000,000 (10¹²");
	}

	@Test
	void aCountAtTheLimitIsReadAndOneAboveIsRefusedNamingTheField() {
		Decision d = Fixtures.decide(Fixtures.tianjin(Fixtures.pi(1_000_000_000_000L, 0)));
		assertThat(d.cumulative().individuals()).isEqualTo(1_000_000_000_000L);
		assertThatThrownBy(() -> Fixtures.scenario(Fixtures.tianjin(Fixtures.pi(1_000_000_000_001L, 0))))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).singleElement()
				.satisfies(p -> assertThat(p.pointer()).isEqualTo("/personalInformation/0/individuals")));
	}

	@Test
	void theSpecReadsItem46PerClass() throws IOException {
		assertThat(spec()).contains("item 46 reads per class")
			.contains("an export carrying both classes can trigger\n  45 and 46 together");
	}

	@ParameterizedTest(name = "{0} persons, {1} sensitive: items {2}")
	@CsvSource(delimiter = '|', value = {
			// each class in its own band: both items, the outcome the stronger
			"150000|20000|45,46|SECURITY_ASSESSMENT", "1500000|5000|45,46|SECURITY_ASSESSMENT",
			"1000000|1|45,46|SECURITY_ASSESSMENT", "100000|10000|45,46|SECURITY_ASSESSMENT",
			// both in the same band: one item
			"999999|9999|46|STANDARD_CONTRACT_OR_CERTIFICATION", "100000|1|46|STANDARD_CONTRACT_OR_CERTIFICATION",
			"1000000|10000|45|SECURITY_ASSESSMENT",
			// one class below both lines
			"99999|9999|46|STANDARD_CONTRACT_OR_CERTIFICATION", "99999|10000|45|SECURITY_ASSESSMENT",
			"99999|0|-|EXEMPT" })
	void eachClassIsBandedOnItsOwn(long individuals, long sensitive, String items, String outcome) {
		Decision d = Fixtures.decide(Fixtures.tianjin(Fixtures.pi(individuals, sensitive)));
		List<Integer> expected = items.equals("-") ? List.of()
				: java.util.Arrays.stream(items.split(",")).map(Integer::valueOf).toList();
		assertThat(d.items()).isEqualTo(expected);
		assertThat(d.outcome().name()).isEqualTo(outcome);
	}

}
