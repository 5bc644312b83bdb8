package cn.outbound.service.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import cn.outbound.filing.document.DraftInput;
import cn.outbound.filing.document.FilingDetails;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stored assessment's drafts are made from the decision as stored: decided again with the prior counts the stored
 * decision took from the ledger (not today's ledger), and refused when today's packs decide it otherwise.
 */
class AssessmentDraftsTests {

	private static final String SCENARIO = """
			{"schema":"outbound/scenario/v1","jurisdiction":"tianjin-ftz","date":"2026-06-15",
			 "processor":{"id":"clinic-tj","name":"示例诊所（天津）有限公司","ciio":false},
			 "personalInformation":[{"individuals":60000,"sensitiveIndividuals":0,"basis":"NONE"}]}
			""";

	/** Stored when the ledger held 50,000 persons: 110,000 in all, a standard contract. */
	private static Assessment stored(String outcome) {
		Engine engine = new Engine(RulePacks.builtIn(), new EngineSettings(false));
		Scenario s = new ScenarioReader(engine.packs()).read(SCENARIO.getBytes(), "s");
		Decision d = engine.decide(s, (p, date) -> Optional.of(new Scenario.Counts(50_000, 0)));
		assertThat(d.outcome().name()).isEqualTo("STANDARD_CONTRACT_OR_CERTIFICATION");
		return new Assessment(7, Instant.parse("2026-06-15T08:00:00Z"), "analyst", null, "clinic-tj", "示例诊所（天津）有限公司",
				"tianjin-ftz", LocalDate.of(2026, 6, 15), outcome, d.items(), d.rulePack().id(), d.rulePack().edition(),
				d.rulePack().contentHash(), SCENARIO, DecisionJson.compact(DecisionJson.toJson(d)));
	}

	@Test
	void theStoredLedgerCountsAreUsedNotTodays() {
		DraftInput in = AssessmentDrafts.input(stored("STANDARD_CONTRACT_OR_CERTIFICATION"), "default", RulePacks.builtIn(), null,
				FilingDetails.NONE, LocalDate.of(2026, 7, 1), "zh");
		// without the stored 50,000, 60,000 alone would be EXEMPT
		assertThat(in.decision().outcome().name()).isEqualTo("STANDARD_CONTRACT_OR_CERTIFICATION");
		assertThat(in.decision().cumulative().individuals()).isEqualTo(110_000);
		assertThat(in.decision().cumulative().source()).isEqualTo(Decision.Cumulative.Source.LEDGER);
		assertThat(in.ledger()).isNull();
	}

	@Test
	void aDecisionThatNoLongerHoldsIsRefused() {
		assertThatThrownBy(() -> AssessmentDrafts.decision(stored("SECURITY_ASSESSMENT"), RulePacks.builtIn()))
			.isInstanceOf(AssessmentDrafts.DecisionChangedException.class)
			.hasMessageContaining("assessment 7 was decided SECURITY_ASSESSMENT")
			.hasMessageContaining("assess the scenario again");
	}

}
