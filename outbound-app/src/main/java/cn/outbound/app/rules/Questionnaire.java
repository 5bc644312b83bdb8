package cn.outbound.app.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Fact;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.PiRules;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.Basis;

/**
 * The questionnaire, generated from a rule pack: every declarable item by category, each with its facts as
 * questions (type, unit, allowed values, and the thresholds they are compared against); the personal-information
 * bases with the rule that exempts them; the flags with the rule they call on. Nothing here is written per item.
 */
public record Questionnaire(RulePack pack, List<CategoryQuestions> categories, List<BasisOption> bases,
		List<FlagQuestion> flags) {

	public record CategoryQuestions(int number, Text title, List<ItemQuestions> items) {
	}

	public record ItemQuestions(int number, Text name, Text description, Text examples, Text remark,
			Mechanism mechanism, List<FactQuestion> facts) {

		/** Chinese and English text, for search. */
		public String searchText() {
			StringBuilder sb = new StringBuilder().append(this.number).append(' ');
			for (Text t : List.of(this.name, this.description, (this.examples != null) ? this.examples : Text.EMPTY)) {
				sb.append(t.zh()).append(' ').append(t.en()).append(' ');
			}
			return sb.toString().toLowerCase();
		}

	}

	/**
	 * @param type boolean, integer, number or enum
	 * @param role exemption, threshold or qualifies
	 */
	public record FactQuestion(String name, String type, String role, Text label, Text question, Text unit,
			List<Option> values, List<Text> thresholds, Text note) {

		public boolean numeric() {
			return "integer".equals(this.type) || "number".equals(this.type);
		}

	}

	public record Option(String value, Text label) {
	}

	/** @param rule the rule that exempts it, or {@code null} for NONE; {@code quote} its text */
	public record BasisOption(Basis basis, String rule, Text ruleTitle, Text quote) {
	}

	public record FlagQuestion(String name, Mechanism mechanism, String rule, Text ruleTitle, Text quote) {
	}

	public static Questionnaire of(RulePacks packs, RulePack pack) {
		List<CategoryQuestions> categories = new ArrayList<>();
		if (pack.listItems()) {
			for (RulePack.Category cat : pack.categories()) {
				List<ItemQuestions> items = new ArrayList<>();
				for (Item item : pack.items().values()) {
					if (item.category() == cat.number() && !item.personalInformation()) {
						items.add(item(pack, item));
					}
				}
				if (!items.isEmpty()) {
					categories.add(new CategoryQuestions(cat.number(), cat.numbered(), items));
				}
			}
		}
		List<BasisOption> bases = new ArrayList<>();
		bases.add(new BasisOption(Basis.NONE, null, null, null));
		PiRules pi = pack.personalInformation();
		for (Map.Entry<Basis, PiRules.ExemptBasis> e : pi.exemptBases().entrySet()) {
			var c = packs.cite(pack, e.getValue().rule());
			bases.add(new BasisOption(e.getKey(), e.getValue().rule(), c.title(),
					(e.getValue().quote() != null) ? e.getValue().quote() : c.text()));
		}
		List<FlagQuestion> flags = new ArrayList<>();
		for (String name : List.of("stateSecrets", "coreData", "governmentData", "notifiedImportantData")) {
			var rule = pack.flags().get(name);
			if (rule != null) {
				var c = packs.cite(pack, rule.rule());
				flags.add(new FlagQuestion(name, rule.mechanism(), rule.rule(), c.title(), c.text()));
			}
			else {
				flags.add(new FlagQuestion(name, null, null, null, null));
			}
		}
		return new Questionnaire(pack, categories, bases, flags);
	}

	static ItemQuestions item(RulePack pack, Item item) {
		List<FactQuestion> facts = new ArrayList<>();
		for (String name : item.facts()) {
			Fact f = pack.facts().get(name);
			List<Option> values = new ArrayList<>();
			if (f.values() != null) {
				f.values().forEach((k, v) -> values.add(new Option(k, v)));
			}
			Text note = (item.factNotes() != null) ? item.factNotes().get(name) : null;
			facts.add(new FactQuestion(name, f.type().name().toLowerCase(), f.role().name().toLowerCase(), f.label(),
					(f.question() != null) ? f.question() : f.label(), f.unit(), values, Thresholds.of(pack, item, name),
					note));
		}
		return new ItemQuestions(item.number(), item.name(), item.description(), item.examples(),
				(item.remark() != null) ? item.remark().text() : null, item.mechanism(), facts);
	}

}
