package cn.outbound.rules.pack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;
import cn.outbound.rules.pack.PackContext.Located;
import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.Node;

import static cn.outbound.rules.pack.PackContext.keys;
import static cn.outbound.rules.pack.PackContext.s;

/**
 * Binds the list's {@code items:}, each as the official table reads (number, category, section, name, description,
 * examples, remark, source lines, mechanism) with the facts a scenario may give for it, their notes, and its
 * conditions ({@link ConditionBinder}). Fact names must be declared; every item is returned with its node, duplicates
 * too, for {@link PackChecks#items} (numbering, categories, sections).
 */
final class ItemBinder {

	private final PackContext c;

	private final Fields f;

	private final Map<String, Fact> facts;

	private final ConditionBinder conditions;

	ItemBinder(PackContext context, Map<String, Fact> facts) {
		this.c = context;
		this.f = context.f;
		this.facts = facts;
		this.conditions = new ConditionBinder(context, facts);
	}

	/**
	 * @param sectionRequired whether the pack has sections (then every item names one)
	 */
	List<Located<Item>> items(List<Node> nodes, boolean sectionRequired) {
		List<Located<Item>> out = new ArrayList<>();
		for (Node n : (nodes != null) ? nodes : List.<Node>of()) {
			Node.Obj obj = this.f.object(n, s("item"));
			if (obj == null) {
				continue;
			}
			this.f.onlyKeys(obj, keys("number", "category", "section", "name", "description", "examples", "remark",
					"sourceLines", "mechanism", "personalInformation", "facts", "exemptWhen", "triggerWhen",
					"factNotes"), s("item"));
			Long number = this.f.whole(obj, "number", true, 1, 9999);
			Long category = this.f.whole(obj, "category", true, 1, 999);
			String section = this.f.string(obj, "section", sectionRequired);
			Mechanism mechanism = this.c.mechanism(obj, "mechanism");
			boolean pi = Boolean.TRUE.equals(this.f.bool(obj, "personalInformation", false));
			List<String> itemFacts = itemFacts(obj);
			List<Condition> exemptWhen = new ArrayList<>();
			List<Node> exemptNodes = this.f.array(obj, "exemptWhen", false);
			if (exemptNodes != null) {
				for (Node e : exemptNodes) {
					Condition condition = this.conditions.condition(e, itemFacts);
					if (condition != null) {
						exemptWhen.add(condition);
					}
				}
			}
			Condition trigger = obj.has("triggerWhen") ? this.conditions.condition(obj.get("triggerWhen"), itemFacts)
					: null;
			Map<String, Text> notes = factNotes(obj, itemFacts);
			Item item = new Item((number != null) ? number.intValue() : 0, (category != null) ? category.intValue() : 0,
					section, this.c.text(obj, "name", true), this.c.text(obj, "description", true),
					obj.has("examples") ? this.c.text(obj, "examples", false) : null, remark(obj), this.c.lines(obj),
					mechanism, pi, itemFacts, List.copyOf(exemptWhen), trigger, notes);
			out.add(new Located<>(item, obj));
		}
		return out;
	}

	/** The facts an item lists: declared, each once. */
	private List<String> itemFacts(Node.Obj obj) {
		List<Node> nodes = this.f.array(obj, "facts", false);
		List<String> out = new ArrayList<>();
		for (Node n : (nodes != null) ? nodes : List.<Node>of()) {
			String name = this.f.string(n, s("fact-name"));
			if (name == null) {
				continue;
			}
			if (!this.facts.containsKey(name)) {
				this.f.problem(n, "undeclared-fact", "name", name, "hint", Fields.hint(name, this.facts.keySet()));
			}
			else if (out.contains(name)) {
				this.f.problem(n, "duplicate-fact", "name", name);
			}
			else {
				out.add(name);
			}
		}
		return List.copyOf(out);
	}

	/** Notes on the item's own facts. */
	private Map<String, Text> factNotes(Node.Obj obj, List<String> itemFacts) {
		Map<String, Text> notes = new LinkedHashMap<>();
		Node.Obj notesNode = this.f.object(obj, "factNotes", false);
		if (notesNode != null) {
			for (Node.Member m : notesNode.members().values()) {
				if (!itemFacts.contains(m.key())) {
					this.f.problem(m.value(), "note-for-unknown-fact", "name", m.key());
				}
				Node.Obj t = this.f.object(m.value(), s("note"));
				if (t != null) {
					notes.put(m.key(), this.c.text(t, keys("zh", "en")));
				}
			}
		}
		return Collections.unmodifiableMap(notes);
	}

	private Item.Remark remark(Node.Obj obj) {
		Node.Obj r = this.f.object(obj, "remark", false);
		if (r == null) {
			return null;
		}
		Text t = this.c.text(r, keys("zh", "en", "sharedWith"));
		List<Integer> shared = new ArrayList<>();
		List<Node> nodes = this.f.array(r, "sharedWith", false);
		for (Node n : (nodes != null) ? nodes : List.<Node>of()) {
			Long v = this.f.whole(n, s("item-number"), 1, 9999);
			if (v != null) {
				shared.add(v.intValue());
			}
		}
		return new Item.Remark(t, List.copyOf(shared));
	}

}
