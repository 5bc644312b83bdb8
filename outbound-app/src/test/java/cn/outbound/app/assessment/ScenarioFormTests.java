package cn.outbound.app.assessment;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.render.Json;
import cn.outbound.rules.scenario.ScenarioReader;
import cn.outbound.rules.source.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Questionnaire answers become a scenario, and each problem in it points back to its question.
 */
class ScenarioFormTests {

	private final RulePacks packs = RulePacks.builtIn();

	private final RulePack tianjin = this.packs.edition("tianjin-ftz", "2024").orElseThrow();

	private static ScenarioForm form(String... kv) {
		Map<String, String[]> p = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			p.put(kv[i], new String[] { kv[i + 1] });
		}
		return ScenarioForm.of(p);
	}

	@Test
	void theBankAnswersMakeTheSpecScenario() {
		ScenarioForm f = form("jurisdiction", "tianjin-ftz", "date", "2026-03-15", "processor.ciio", "false",
				"item.20", "on", "fact.20.affectedCustomers", "1,200,000", "pi.0.individuals", "150000", "pi.0.basis", "NONE",
				"_csrf", "secret");
		ScenarioForm.Built built = f.build(this.tianjin);
		var scenario = new ScenarioReader(this.packs).read(Json.compact(built.scenario()).getBytes(StandardCharsets.UTF_8), "form");
		var decision = new Engine(this.packs).decide(scenario);
		assertThat(decision.outcome().name()).isEqualTo("SECURITY_ASSESSMENT");
		assertThat(decision.items()).containsExactly(20, 46);
		assertThat(Json.compact(built.scenario())).doesNotContain("secret");
	}

	@Test
	void problemsPointBackToTheirQuestions() {
		ScenarioForm f = form("date", "2026-03-15", "item.20", "on", "fact.20.affectedCustomers", "-1", "pi.0.individuals", "lots");
		ScenarioForm.Built built = f.build(this.tianjin);
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
				() -> new ScenarioReader(this.packs).read(Json.compact(built.scenario()).getBytes(StandardCharsets.UTF_8), "form"));
		assertThat(ex.problems()).extracting(p -> built.field(p.pointer()))
			.contains("fact.20.affectedCustomers", "pi.0.individuals");
	}

	@Test
	void emptyGroupsAndUntickedItemsAreLeftOut() {
		ScenarioForm f = form("date", "2026-03-15", "fact.21.affectedCustomers", "5", "pi.2.basis", "NONE");
		Map<String, Object> s = f.build(this.tianjin).scenario();
		assertThat((Iterable<?>) s.get("data")).isEmpty();
		assertThat((Iterable<?>) s.get("personalInformation")).isEmpty();
		assertThat(f.piGroups()).isEqualTo(3);
	}

	@Test // #11 item 1
	void itemsTheNationalRulesCannotAssessAreNamedNotDropped() {
		RulePack national = this.packs.edition("cn-national", "2024").orElseThrow();
		ScenarioForm f = form("jurisdiction", "cn-national", "date", "2026-03-15", "item.20", "on",
				"fact.20.affectedCustomers", "1200000", "item.20.description", "贷款", "pi.0.individuals", "5");
		assertThat(f.build(national).dropped()).containsExactly(20);
		assertThat(f.build(this.tianjin).dropped()).isEmpty();
		assertThat(f.without(f.dropped(national)).values()).containsOnlyKeys("jurisdiction", "date", "pi.0.individuals");
		// an item the edition does not have is named as well
		assertThat(form("date", "2026-03-15", "item.99", "on").build(this.tianjin).dropped()).containsExactly(99);
	}

	@Test // #11 item 2
	void aQuestionnaireWithNothingAnsweredIsEmpty() {
		assertThat(form("date", "2026-03-15", "processor.name", "甲公司").build(this.tianjin).empty()).isTrue();
		assertThat(form("date", "2026-03-15", "pi.0.individuals", "1").build(this.tianjin).empty()).isFalse();
		assertThat(form("date", "2026-03-15", "flag.coreData", "on").build(this.tianjin).empty()).isFalse();
		assertThat(form("date", "2026-03-15", "item.20", "on").build(this.tianjin).empty()).isFalse();
	}

	@Test // #11 item 6
	void countsAreReadAsPeopleTypeThemAndEchoed() {
		ScenarioForm.Built built = form("date", "2026-03-15", "item.20", "on", "fact.20.affectedCustomers", "120万",
				"pi.0.individuals", "1 200 000", "pi.0.sensitiveIndividuals", "lots", "prior.individuals", "150000")
			.build(this.tianjin);
		assertThat(Json.compact(built.scenario())).contains("\"affectedCustomers\":1200000")
			.contains("\"individuals\":1200000");
		assertThat(built.understood()).containsOnlyKeys("fact.20.affectedCustomers", "pi.0.individuals");
		assertThat(built.unreadable()).containsExactly(Map.entry("pi.0.sensitiveIndividuals", "lots"));
	}

	@Test // #11 item 6: a 20-digit count is a number that is too large, not "a string"
	void aHugeCountIsRefusedAsTooLarge() {
		ScenarioForm.Built built = form("date", "2026-03-15", "pi.0.individuals", "12345678901234567890").build(this.tianjin);
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
				() -> new ScenarioReader(this.packs).read(Json.compact(built.scenario()).getBytes(StandardCharsets.UTF_8), "form"));
		assertThat(ex.problems()).extracting(p -> p.code()).containsExactly("above-maximum");
	}

}
