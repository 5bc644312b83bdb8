package cn.outbound.scan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Fact;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.scenario.ScenarioReader;

/**
 * The one draft scenario a scan makes (spec/scenario-v1.md), for the CLI's {@code --emit-scenario} and the web app's
 * "carry into the questionnaire" alike: the draft jurisdiction and the as-of date, not a CIIO, one personal-information
 * group (basis NONE) with the counted persons, and each accepted suggestion declared as its item. The persons in one
 * file are not the institution's customers or persons: an item's threshold count facts (the pack's facts of role
 * threshold and integer type, never item numbers) are left for the user to answer, and the scan's figure for them is
 * only given as a {@link Hint} (a fact of persons with sensitive personal information: the scan's sensitive persons; a
 * fact of affected customers: its distinct persons).
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

	/**
	 * The scan's figure for a threshold count fact of a declared item, left unanswered in the draft: shown next to the
	 * question, never filled in.
	 * @param item the item's number
	 * @param fact the pack's fact name
	 * @param figure what the scan counted in this file
	 * @param note what the figure is and why the draft leaves the fact for the user, in Chinese and English
	 */
	public record Hint(int item, String fact, long figure, Text note) {
	}

	/**
	 * The hints for the items a draft scenario declares: for each threshold count fact of the item (read from the pack)
	 * the scan has a figure for.
	 * @param scenario a draft made by {@link #of}
	 */
	public static List<Hint> hints(ScanReport.Persons persons, Map<String, Object> scenario, RulePack pack) {
		List<Hint> hints = new ArrayList<>();
		if (pack == null || persons == null || persons.distinct() <= 0
				|| !(scenario.get("data") instanceof List<?> data)) {
			return hints;
		}
		for (Object o : data) {
			if (!(o instanceof Map<?, ?> d) || !(d.get("item") instanceof Number n)) {
				continue;
			}
			Item item = pack.item(n.intValue());
			if (item == null) {
				continue;
			}
			for (String name : item.facts()) {
				Fact fact = pack.facts().get(name);
				if (fact == null || fact.role() != Fact.FactRole.THRESHOLD || fact.type() != Fact.FactType.INTEGER) {
					continue;
				}
				if (SENSITIVE_PERSONS_FACT.equals(name)) {
					long k = persons.sensitiveIndividuals();
					hints.add(new Hint(item.number(), name, k, new Text(
							"本文件中有 " + k + " 人的敏感个人信息。这只是这一份文件的数字，不一定是数据涉及的全部人数：请按实际情况填写。",
							"This file holds sensitive personal information of " + k + " " + (k == 1 ? "person" : "persons")
									+ ". That is this one file's figure, not necessarily everyone the data concerns: "
									+ "enter the actual number.")));
				}
				else if (CUSTOMERS_FACT.equals(name)) {
					long k = persons.distinct();
					hints.add(new Hint(item.number(), name, k, new Text(
							"本文件中有 " + k + " 人（去重）。文件中的人不等于机构可能受威胁的客户数：请按机构的实际客户数填写。",
							"This file holds " + k + " " + (k == 1 ? "person" : "persons")
									+ " (deduplicated). Persons in a file are not the institution's customers whose "
									+ "security may be threatened: enter the institution's actual number of customers.")));
				}
			}
		}
		return hints;
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
