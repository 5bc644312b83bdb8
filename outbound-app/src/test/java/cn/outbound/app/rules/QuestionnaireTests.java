package cn.outbound.app.rules;

import java.util.List;

import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questionnaire comes from the rule pack: every declarable item, its facts, and the thresholds they meet.
 */
class QuestionnaireTests {

	private final RulePacks packs = RulePacks.builtIn();

	private final RulePack tianjin = this.packs.edition("tianjin-ftz", "2024").orElseThrow();

	@Test
	void asksAboutEveryDeclarableItemByCategory() {
		Questionnaire q = Questionnaire.of(this.packs, this.tianjin);
		List<Integer> numbers = q.categories().stream().flatMap(c -> c.items().stream()).map(Questionnaire.ItemQuestions::number).toList();
		assertThat(numbers).hasSize(43).doesNotContain(44, 45, 46);
		assertThat(q.categories()).hasSizeGreaterThanOrEqualTo(12);
		assertThat(q.bases()).extracting(b -> b.basis().name()).contains("NONE", "CONTRACT", "HR", "EMERGENCY", "FOREIGN_ORIGIN");
		assertThat(q.flags()).extracting(Questionnaire.FlagQuestion::name).containsExactly("stateSecrets", "coreData",
				"governmentData", "notifiedImportantData");
	}

	@Test
	void factsCarryTheirUnitsAndTheThresholdsTheyAreComparedWith() {
		Questionnaire.ItemQuestions bank = Questionnaire.item(this.tianjin, this.tianjin.item(20));
		Questionnaire.FactQuestion customers = bank.facts().stream().filter(f -> f.name().equals("affectedCustomers")).findFirst().orElseThrow();
		assertThat(customers.type()).isEqualTo("integer");
		assertThat(customers.role()).isEqualTo("threshold");
		assertThat(customers.thresholds()).hasSize(1);
		assertThat(customers.thresholds().get(0).en()).startsWith("≥ 1,000,000");
		assertThat(customers.thresholds().get(0).zh()).contains("100万");

		Questionnaire.ItemQuestions power = Questionnaire.item(this.tianjin, this.tianjin.item(14));
		Questionnaire.FactQuestion voltage = power.facts().stream().filter(f -> f.name().equals("voltageKV")).findFirst().orElseThrow();
		assertThat(voltage.thresholds().get(0).en()).startsWith("> 500");
		Questionnaire.FactQuestion facility = power.facts().stream().filter(f -> f.name().equals("facility")).findFirst().orElseThrow();
		assertThat(facility.values()).isNotEmpty();
	}

	@Test
	void exemptionFactsSayTheyStopTheItem() {
		Questionnaire.ItemQuestions item = Questionnaire.item(this.tianjin, this.tianjin.item(1));
		Questionnaire.FactQuestion general = item.facts().stream().filter(f -> f.name().equals("generalCommercialActivity")).findFirst().orElseThrow();
		assertThat(general.role()).isEqualTo("exemption");
		assertThat(general.thresholds()).anyMatch(t -> t.en().contains("not triggered"));
	}

	@Test
	void theNationalPackHasNoListItemsToAsk() {
		RulePack national = this.packs.edition("cn-national", "2024").orElseThrow();
		assertThat(Questionnaire.of(this.packs, national).categories()).isEmpty();
	}

}
