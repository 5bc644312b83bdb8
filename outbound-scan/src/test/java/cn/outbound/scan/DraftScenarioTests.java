package cn.outbound.scan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** #10 item 3: one draft scenario, its facts read from the pack's items. */
class DraftScenarioTests {

	private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

	private static final ScanReport.Persons PERSONS = new ScanReport.Persons(List.of("id"), 40, 2, 40, 7, 0, "column");

	private static ScanReport.SuggestedItem suggestion(int item) {
		return new ScanReport.SuggestedItem(item, new Text("可能", "may"), "high", Reports.SUGGESTED, List.of());
	}

	@Test // #11 item 4: persons in a file are not the institution's customers
	void noDeclarableItemGetsACountFactOnlyAHintOfTheScansFigure() {
		RulePack pack = DraftScenario.pack(RulePacks.builtIn(), DAY);
		int hinted = 0;
		for (Item item : pack.items().values()) {
			if (item.personalInformation()) {
				continue;
			}
			Map<String, Object> s = DraftScenario.of(PERSONS, List.of(suggestion(item.number())), DAY, pack,
					x -> x.because().en());
			Map<?, ?> entry = (Map<?, ?>) ((List<?>) s.get("data")).get(0);
			assertThat(entry.get("facts")).as("item %d", item.number()).isNull();
			List<DraftScenario.Hint> hints = DraftScenario.hints(PERSONS, s, pack);
			if (item.facts().contains("sensitivePiIndividuals")) {
				assertThat(hints).as("item %d", item.number())
					.anySatisfy(h -> assertThat(h.fact() + "=" + h.figure()).isEqualTo("sensitivePiIndividuals=7"));
				hinted++;
			}
			if (item.facts().contains("affectedCustomers")) {
				assertThat(hints).as("item %d", item.number())
					.anySatisfy(h -> assertThat(h.fact() + "=" + h.figure()).isEqualTo("affectedCustomers=40"));
				assertThat(hints).filteredOn(h -> h.fact().equals("affectedCustomers"))
					.allSatisfy(h -> assertThat(h.note().zh()).contains("40").contains("实际客户数"));
				hinted++;
			}
			if (!item.facts().contains("sensitivePiIndividuals") && !item.facts().contains("affectedCustomers")) {
				assertThat(hints).as("item %d", item.number()).isEmpty();
			}
		}
		assertThat(hinted).as("items 19, 20, 21, 22, 28, 29, 31 have such facts").isGreaterThanOrEqualTo(7);
	}

	@Test // #11 item 4
	void theHintSaysOnePersonInTheSingular() {
		RulePack pack = DraftScenario.pack(RulePacks.builtIn(), DAY);
		ScanReport.Persons one = new ScanReport.Persons(List.of("id"), 1, 0, 1, 0, 0, "column");
		Map<String, Object> s = DraftScenario.of(one, List.of(suggestion(20)), DAY, pack, x -> "");
		assertThat(DraftScenario.hints(one, s, pack)).singleElement()
			.satisfies(h -> assertThat(h.note().en()).contains("1 person (deduplicated)"));
	}

	@Test // #10
	void theDraftIsOnePiGroupAndNoDataUnlessAccepted() {
		Map<String, Object> s = DraftScenario.of(PERSONS, List.of(), DAY, DraftScenario.pack(RulePacks.builtIn(), DAY),
				x -> "");
		assertThat(s.get("jurisdiction")).isEqualTo(ScanReport.DRAFT_JURISDICTION);
		assertThat(s.get("date")).isEqualTo("2026-06-15");
		assertThat((List<?>) s.get("data")).isEmpty();
		assertThat(s.get("personalInformation"))
			.isEqualTo(List.of(Map.of("individuals", 40L, "sensitiveIndividuals", 7L, "basis", "NONE")));
		// a personal-information item of the list is never declared as data
		Map<String, Object> pi = DraftScenario.of(PERSONS, List.of(suggestion(45)), DAY,
				DraftScenario.pack(RulePacks.builtIn(), DAY), x -> "");
		assertThat((List<?>) pi.get("data")).isEmpty();
	}


	@Test // #9: a draft is always assessable
	void aLongDescriptionIsCutToWhatTheScenarioReaderAccepts() {
		RulePack pack = DraftScenario.pack(RulePacks.builtIn(), DAY);
		Map<String, Object> s = DraftScenario.of(PERSONS, List.of(suggestion(1)), DAY, pack, x -> "列".repeat(5_000));
		String description = (String) ((Map<?, ?>) ((List<?>) s.get("data")).get(0)).get("description");
		assertThat(description.codePointCount(0, description.length()))
			.isEqualTo(cn.outbound.rules.scenario.ScenarioReader.MAX_DESCRIPTION);
		String json = new tools.jackson.databind.json.JsonMapper().writeValueAsString(s);
		assertThat(new cn.outbound.rules.scenario.ScenarioReader(RulePacks.builtIn())
			.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "draft.json")
			.data()).hasSize(1);
	}

}
