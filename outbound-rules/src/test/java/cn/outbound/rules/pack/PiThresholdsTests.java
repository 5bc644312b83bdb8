package cn.outbound.rules.pack;

import java.time.LocalDate;

import cn.outbound.rules.Fixtures;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** #10: one answer to which thresholds apply, and the engine decides by it. */
class PiThresholdsTests {

	private static final RulePacks WITH_2027 = RulePacks.builtInAnd(Fixtures.repo()
		.resolve("outbound-rules/src/test/resources/editions"));

	@Test // #10
	void theThresholdsAreThoseOfTheEditionInForce() {
		PiThresholds y2026 = WITH_2027.thresholds("tianjin-ftz", LocalDate.of(2026, 12, 31)).orElseThrow();
		assertThat(y2026.source()).isEqualTo("tianjin-ftz 2025-test");
		assertThat(y2026.individuals()).extracting(PiRules.Band::atLeast).containsExactly(0L, 100_000L, 1_000_000L);
		PiThresholds y2027 = WITH_2027.thresholds("tianjin-ftz", LocalDate.of(2027, 1, 1)).orElseThrow();
		assertThat(y2027.source()).isEqualTo("tianjin-ftz 2027-bands-test");
		assertThat(y2027.individuals()).extracting(PiRules.Band::atLeast).containsExactly(0L, 50_000L, 500_000L);
		assertThat(y2027.sensitiveIndividuals()).extracting(PiRules.Band::atLeast).containsExactly(0L, 1L, 10_000L);
		assertThat(RulePacks.builtIn().thresholds("tianjin-ftz", LocalDate.of(2024, 5, 7))).isEmpty();
		assertThat(RulePacks.builtIn().thresholds("shanghai", LocalDate.of(2026, 1, 1))).isEmpty();
	}

	@Test // #10
	void theEngineDecidesByTheSameThresholdsBothSidesOfTheDate() {
		Engine engine = new Engine(WITH_2027);
		ScenarioReader reader = new ScenarioReader(WITH_2027);
		String pi = "\"personalInformation\":[{\"individuals\":60000}]";
		Decision before = engine.decide(reader.read(Fixtures.tianjin(pi).getBytes(), "s.json"));
		assertThat(before.outcome().name()).isEqualTo("EXEMPT");
		Decision after = engine.decide(reader.read(Fixtures.tianjin(pi).replace("2026-06-15", "2027-01-01").getBytes(),
				"s.json"));
		assertThat(after.outcome().name()).isEqualTo("STANDARD_CONTRACT_OR_CERTIFICATION");
		assertThat(after.items()).containsExactly(46);
		Decision edge = engine.decide(reader.read(Fixtures.tianjin("\"personalInformation\":[{\"individuals\":49999}]")
			.replace("2026-06-15", "2027-01-01").getBytes(), "s.json"));
		assertThat(edge.outcome().name()).isEqualTo("EXEMPT");
	}

}
