package cn.outbound.scan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.scenario.ScenarioReader;

/**
 * The one draft scenario a scan makes (spec/scenario-v1.md), for the CLI's {@code --emit-scenario} and the web app's
 * "carry into the questionnaire" alike: the draft jurisdiction and the as-of date, not a CIIO, one personal-information
 * group (basis NONE) with the counted persons, and each accepted suggestion declared as its item. Which facts an item
 * gets a figure for is read from the pack (the item's own facts), never from item numbers: a fact of persons with
 * sensitive personal information takes the scan's sensitive persons, a fact of affected customers its distinct persons.
 */
public final class DraftScenario {

	/** The facts a scan has a figure for, by the pack's fact names. */
	static final String SENSITIVE_PERSONS_FACT = "sensitivePiIndividuals";

	static final String CUSTOMERS_FACT = "affectedCustomers";

	private DraftScenario() {
	}

	/**
	 * @param persons the scan's persons
	 * @param accepted the suggestions to declare (others are left out)
	 * @param date the scenario's date
	 * @param pack the draft jurisdiction's edition in force on {@code date}, or {@code null} (no facts are filled)
	 * @param description a data entry's description for an accepted suggestion
	 */
	public static Map<String, Object> of(ScanReport.Persons persons, List<ScanReport.SuggestedItem> accepted,
			LocalDate date, RulePack pack, Function<ScanReport.SuggestedItem, String> description) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("schema", "outbound/scenario/v1");
		s.put("jurisdiction", ScanReport.DRAFT_JURISDICTION);
		s.put("date", date.toString());
		s.put("processor", Map.of("ciio", false));
		List<Map<String, Object>> data = new ArrayList<>();
		for (ScanReport.SuggestedItem suggestion : accepted) {
			Item item = (pack != null) ? pack.item(suggestion.item()) : null;
			if (pack != null && (item == null || item.personalInformation())) {
				continue;
			}
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("item", suggestion.item());
			String because = description.apply(suggestion);
			if (because != null && !because.isBlank()) {
				// within what the scenario reader accepts, so that the draft is always assessable
				d.put("description", cut(because, ScenarioReader.MAX_DESCRIPTION));
			}
			if (item != null && persons.distinct() > 0) {
				if (item.facts().contains(SENSITIVE_PERSONS_FACT)) {
					d.put("facts", Map.of(SENSITIVE_PERSONS_FACT, persons.sensitiveIndividuals()));
				}
				else if (item.facts().contains(CUSTOMERS_FACT)) {
					d.put("facts", Map.of(CUSTOMERS_FACT, persons.distinct()));
				}
			}
			data.add(d);
		}
		s.put("data", data);
		List<Map<String, Object>> pi = new ArrayList<>();
		if (persons.distinct() > 0) {
			Map<String, Object> group = new LinkedHashMap<>();
			group.put("individuals", persons.individuals());
			group.put("sensitiveIndividuals", persons.sensitiveIndividuals());
			group.put("basis", "NONE");
			pi.add(group);
		}
		s.put("personalInformation", pi);
		return s;
	}

	private static String cut(String text, int max) {
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
	}

	/** The draft jurisdiction's edition in force on {@code date} among {@code packs}, or {@code null}. */
	public static RulePack pack(RulePacks packs, LocalDate date) {
		return packs.inForce(ScanReport.DRAFT_JURISDICTION, date).orElse(null);
	}

}
