package cn.outbound.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.source.InvalidInputException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every example of spec/scenario-v1.md is a golden test: {@code NAME.json} decided must match
 * {@code NAME.expected.json} ({@code outcome}, and {@code items} where given), or be rejected ({@code {"exit": 2}}).
 */
class SpecExamplesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Path examples() {
		return Fixtures.examples();
	}

	@Test
	void examplesArePresent() throws IOException {
		assertThat(cases()).as("spec examples under " + examples()).hasSizeGreaterThanOrEqualTo(21);
	}

	@TestFactory
	Stream<DynamicTest> everySpecExampleDecidesAsExpected() throws IOException {
		return cases().stream().map(scenarioFile -> DynamicTest.dynamicTest(scenarioFile.getFileName().toString(), () -> {
			String name = scenarioFile.getFileName().toString().replace(".json", "");
			JsonNode expected = JSON.readTree(Files.readAllBytes(scenarioFile.resolveSibling(name + ".expected.json")));
			byte[] content = Files.readAllBytes(scenarioFile);
			if (expected.has("exit")) {
				assertThat(expected.get("exit").asInt()).isEqualTo(2);
				assertThatThrownBy(() -> Fixtures.READER.read(content, scenarioFile.toString()))
					.isInstanceOf(InvalidInputException.class)
					.satisfies(ex -> assertThat(((InvalidInputException) ex).problems()).allSatisfy(p -> {
						assertThat(p.pointer()).startsWith("/");
						assertThat(p.location().line()).isPositive();
					}));
				return;
			}
			Scenario scenario = Fixtures.READER.read(content, scenarioFile.toString());
			Decision decision = Fixtures.ENGINE.decide(scenario);
			JsonNode actual = JSON.readTree(DecisionJson.compact(DecisionJson.toJson(decision)));
			assertThat(actual.get("outcome").asString()).isEqualTo(expected.get("outcome").asString());
			if (expected.has("items")) {
				List<Integer> items = new ArrayList<>();
				expected.get("items").forEach(n -> items.add(n.asInt()));
				assertThat(decision.items()).containsExactlyElementsOf(items);
			}
			assertThat(actual.get("schema").asString()).isEqualTo("outbound/decision/v1");
			assertThat(actual.get("rulePack").get("id").asString()).isEqualTo(scenario.jurisdiction());
		}));
	}

	private static List<Path> cases() throws IOException {
		try (Stream<Path> files = Files.list(examples())) {
			return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
				.sorted()
				.toList();
		}
	}

}
