package cn.outbound.rules.engine;

import java.util.Optional;

import cn.outbound.rules.Fixtures;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.scenario.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the engine counts persons: several groups add up, exempt bases are kept apart or counted as the setting says,
 * prior counts come from the scenario or the ledger, and the state-secret and core-data flags are separate regimes.
 * Written to kill the mutants pitest found surviving in {@code Engine} (README, "Mutation testing").
 */
class EngineCountingTests {

	private static final Engine COUNT_EXEMPT = new Engine(Fixtures.PACKS, new EngineSettings(true));

	private static final String GROUPS = "\"personalInformation\":["
			+ "{\"individuals\":60000,\"sensitiveIndividuals\":0,\"basis\":\"NONE\"},"
			+ "{\"individuals\":30000,\"sensitiveIndividuals\":5,\"basis\":\"CONTRACT\"},"
			+ "{\"individuals\":20000,\"sensitiveIndividuals\":3,\"basis\":\"HR\"},"
			+ "{\"individuals\":0,\"sensitiveIndividuals\":0,\"basis\":\"EMERGENCY\"}]";

	@Test
	void exemptGroupsAreKeptApartByDefaultAndEachNamedOnce() {
		Decision d = Fixtures.decide(Fixtures.tianjin(GROUPS));
		assertThat(d.cumulative().individuals()).isEqualTo(60_000);
		assertThat(d.cumulative().sensitiveIndividuals()).isZero();
		assertThat(d.cumulative().exemptBasesCounted()).isFalse();
		assertThat(d.outcome()).isEqualTo(Mechanism.EXEMPT);
		// the two exempt groups with persons are named, the empty one is not
		assertThat(d.exemptions()).extracting(Decision.Exemption::rule).contains("art-5-1", "art-5-2")
			.doesNotContain("art-5-3");
	}

	@Test
	void exemptGroupsAddUpWhenCountedAndTheDecisionSaysSo() {
		Decision d = COUNT_EXEMPT.decide(Fixtures.scenario(Fixtures.tianjin(GROUPS)));
		assertThat(d.cumulative().individuals()).isEqualTo(110_000);
		assertThat(d.cumulative().sensitiveIndividuals()).isEqualTo(8);
		assertThat(d.cumulative().exemptBasesCounted()).isTrue();
		assertThat(d.outcome()).isEqualTo(Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION);
		assertThat(d.notes()).filteredOn(n -> n.key().equals("cumulative.exemptCounted"))
			.singleElement()
			.satisfies(n -> assertThat(n.args()).containsExactly(50_000L, 8L));
	}

	@Test
	void priorCountsFromTheLedgerAddToTheExport() {
		String json = Fixtures.tianjin("\"personalInformation\":[{\"individuals\":10000,\"sensitiveIndividuals\":2}]")
			.replace("\"ciio\":false", "\"id\":\"bank-tj\",\"ciio\":false");
		PriorCounts ledger = (id, date) -> "bank-tj".equals(id) ? Optional.of(new Scenario.Counts(95_000, 9_998))
				: Optional.empty();
		Decision d = Fixtures.ENGINE.decide(Fixtures.scenario(json), ledger);
		assertThat(d.cumulative().source()).isEqualTo(Decision.Cumulative.Source.LEDGER);
		assertThat(d.cumulative().individuals()).isEqualTo(105_000);
		assertThat(d.cumulative().sensitiveIndividuals()).isEqualTo(10_000);
		assertThat(d.outcome()).isEqualTo(Mechanism.SECURITY_ASSESSMENT);
		assertThat(d.notes()).extracting(Explanation::key).contains("cumulative.ledger");
		Decision none = Fixtures.ENGINE.decide(Fixtures.scenario(json), PriorCounts.NONE);
		assertThat(none.cumulative().source()).isEqualTo(Decision.Cumulative.Source.NONE);
		assertThat(none.cumulative().individuals()).isEqualTo(10_000);
		assertThat(none.notes()).extracting(Explanation::key).contains("cumulative.noLedger");
	}

	@Test
	void stateSecretsAndCoreDataAreSeparateRegimes() {
		for (String flag : new String[] { "stateSecrets", "coreData" }) {
			Decision d = Fixtures.decide(Fixtures.tianjin("\"flags\":{\"" + flag + "\":true}"));
			assertThat(d.outcome()).as(flag).isEqualTo(Mechanism.SEPARATE_REGIME);
			assertThat(d.findings()).as(flag).isNotEmpty();
		}
		assertThat(Fixtures.decide(Fixtures.tianjin("\"flags\":{\"stateSecrets\":false}")).outcome())
			.isEqualTo(Mechanism.EXEMPT);
	}

}
