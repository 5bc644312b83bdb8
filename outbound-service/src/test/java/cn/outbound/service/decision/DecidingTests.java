package cn.outbound.service.decision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.pack.RulePacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one way the server decides, against the spec's examples and their expected answers (an oracle written apart
 * from the engine): every valid example decides as expected, every invalid one is refused with its problems and
 * nothing decided.
 */
class DecidingTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Deciding deciding = new Deciding(
			new RuleBooks(RulePacks.loadBuiltIn(), List.of(), new EngineSettings(false)), PriorCounts.NONE);

	static Path examples() {
		String repo = System.getProperty("outbound.repo");
		return Path.of((repo != null) ? repo : "..").toAbsolutePath().normalize().resolve("spec/examples");
	}

	static Stream<String> examplesOfTheSpec() throws IOException {
		try (Stream<Path> files = Files.list(examples())) {
			return files.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith(".json") && !n.endsWith(".expected.json"))
				.map(n -> n.substring(0, n.length() - ".json".length()))
				.sorted()
				.toList()
				.stream();
		}
	}

	@ParameterizedTest // #10
	@MethodSource("examplesOfTheSpec")
	void decidesEveryExampleAsTheSpecExpects(String name) throws IOException {
		byte[] scenario = Files.readAllBytes(examples().resolve(name + ".json"));
		JsonNode expected = JSON.readTree(examples().resolve(name + ".expected.json").toFile());
		if (expected.has("exit")) {
			assertThat(expected.get("exit").asInt()).isEqualTo(2);
			assertThatThrownBy(() -> this.deciding.decide(scenario, "default")).isInstanceOfSatisfying(RejectedRequest.class,
					r -> {
						assertThat(r.reason()).isEqualTo(RejectedRequest.Reason.INVALID_SCENARIO);
						assertThat(r.problems()).isNotEmpty();
						assertThat(r.getMessage()).contains("nothing was decided").contains(r.problems().get(0).pointer());
					});
			return;
		}
		Decision d = this.deciding.decide(scenario, "default");
		assertThat(d.outcome().name()).isEqualTo(expected.get("outcome").asString());
		if (expected.has("items")) {
			List<Integer> items = new ArrayList<>();
			expected.get("items").forEach(n -> items.add(n.asInt()));
			assertThat(d.items()).isEqualTo(items);
		}
	}

	@Test // #10
	void malformedJsonIsRefusedWithItsPlace() {
		assertThatThrownBy(() -> this.deciding.decide("{\"schema\": ".getBytes(), "default"))
			.isInstanceOfSatisfying(RejectedRequest.class, r -> {
				assertThat(r.reason()).isEqualTo(RejectedRequest.Reason.MALFORMED_JSON);
				assertThat(r.getMessage()).startsWith("The request body is not well-formed JSON: ");
				assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.location().line()).isEqualTo(1));
			});
	}

	@Test // #10: one problem or many, counted in the message
	void anInvalidScenarioCountsItsProblems() {
		String two = "{\"schema\":\"outbound/scenario/v1\",\"jurisdiction\":\"tianjin-ftz\",\"date\":\"2026-03-15\","
				+ "\"processor\":{\"ciio\":false},\"personalInformation\":[{\"individuals\":-5,\"sensitiveIndividuals\":-1}]}";
		assertThatThrownBy(() -> this.deciding.decide(two.getBytes(), "default")).isInstanceOfSatisfying(RejectedRequest.class,
				r -> assertThat(r.getMessage()).startsWith(r.problems().size() + " problems in the scenario"));
		assertThat(this.deciding.book().packs().ids()).contains("tianjin-ftz", "cn-national");
	}

}
