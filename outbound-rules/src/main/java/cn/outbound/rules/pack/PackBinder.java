package cn.outbound.rules.pack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Obligation.Deadline;
import cn.outbound.rules.pack.PackContext.Located;
import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.Node;

import static cn.outbound.rules.pack.PackContext.key;
import static cn.outbound.rules.pack.PackContext.keys;
import static cn.outbound.rules.pack.PackContext.s;

/**
 * Binds a located pack into a {@link RulePack}, part by part in the order of docs/rule-packs.md: the top level,
 * source, sections, categories, provisions, flags and obligations here; facts in {@link FactBinder}, items (and their
 * conditions) in {@link ItemBinder}, the personal-information rules in {@link PiRulesBinder}. A binder reports what a
 * part may not hold on its own (a wrong type, an unknown key or name, a bad format); each part is then handed with
 * its nodes to {@link PackChecks}, which checks it against the rest of the pack (duplicates, sequences, references).
 * <p>
 * The order of the calls is part of the output: problems at one {@code line:column} are reported in the order they
 * were found.
 */
final class PackBinder {

	private static final Set<String> TOP = keys("schema", "id", "edition", "inForceFrom", "inForceUntil", "basedOn",
			"listItems", "title", "issuer", "source", "sections", "categories", "facts", "provisions", "items", "flags",
			"personalInformation", "obligations");

	private static final Set<String> FLAGS = keys("stateSecrets", "coreData", "governmentData",
			"notifiedImportantData");

	private static final Set<String> WHEN = keys("PERSONAL_INFORMATION", "IMPORTANT_DATA", "SEPARATE_REGIME",
			"SECURITY_ASSESSMENT", "STANDARD_CONTRACT_OR_CERTIFICATION", "EXEMPT");

	private final PackContext c;

	private final Fields f;

	private final PackChecks checks;

	private final String hash;

	PackBinder(PackContext context, String hash) {
		this.c = context;
		this.f = context.f;
		this.checks = new PackChecks(context);
		this.hash = hash;
	}

	/** The pack, or {@code null} when the document is not an object; problems are in the context's {@link Fields}. */
	RulePack bind(Node rootNode) {
		Node.Obj root = this.f.object(rootNode, s("rule-pack"));
		if (root == null) {
			return null;
		}
		this.f.onlyKeys(root, TOP, s("rule-pack"));
		String schemaId = this.f.string(root, "schema", true);
		if (schemaId != null && !RulePackLoader.SCHEMA.equals(schemaId)) {
			this.f.problem(root.get("schema"), "unsupported-schema", "value", schemaId, "allowed", RulePackLoader.SCHEMA);
		}
		String id = this.f.string(root, "id", true);
		if (id != null && !id.matches("[a-z][a-z0-9-]*")) {
			this.f.problem(root.get("id"), "bad-pack-id", "value", id);
		}
		String edition = this.f.string(root, "edition", true);
		var from = this.f.date(root, "inForceFrom", true);
		var until = this.f.date(root, "inForceUntil", false);
		this.checks.period(root, from, until);
		String basedOn = this.f.string(root, "basedOn", false);
		Boolean listItems = this.f.bool(root, "listItems", false);
		Text title = this.c.text(root, "title", true);
		Text issuer = this.c.text(root, "issuer", false);
		RulePack.SourceInfo source = source(this.f.object(root, "source", false));
		List<Located<RulePack.Section>> sections = sections(this.f.array(root, "sections", false));
		this.checks.sections(sections);
		List<Located<RulePack.Category>> categories = categories(this.f.array(root, "categories", false));
		this.checks.categories(categories);
		Map<String, Fact> facts = new FactBinder(this.c).facts(this.f.object(root, "facts", false));
		List<Located<Provision>> provisionList = provisions(this.f.array(root, "provisions", false));
		this.checks.provisions(provisionList);
		Map<String, Provision> provisions = new LinkedHashMap<>();
		for (Provision p : Located.values(provisionList)) {
			if (p.id() != null) {
				provisions.putIfAbsent(p.id(), p);
			}
		}
		List<Located<Item>> itemList = new ItemBinder(this.c, facts)
			.items(this.f.array(root, "items", false), !sections.isEmpty());
		this.checks.items(itemList, Located.values(sections), Located.values(categories));
		TreeMap<Integer, Item> items = new TreeMap<>();
		for (Item item : Located.values(itemList)) {
			// number 0: none could be read (numbers start at 1)
			if (item.number() != 0) {
				items.putIfAbsent(item.number(), item);
			}
		}
		this.checks.listed(root, listItems, items);
		Map<String, FlagRule> flags = flags(this.f.object(root, "flags", false));
		PiRules pi = new PiRulesBinder(this.c, this.checks)
			.personalInformation(this.f.object(root, "personalInformation", true));
		List<Located<Obligation>> obligations = obligations(this.f.array(root, "obligations", false));
		this.checks.obligations(obligations);
		List<RulePack.Reference> references = this.c.references();
		this.checks.references(references, items, provisions, basedOn);
		return new RulePack(id, edition, from, until, basedOn, Boolean.TRUE.equals(listItems), title,
				(issuer != null) ? issuer : Text.EMPTY, source, Located.values(sections), Located.values(categories),
				facts, Collections.unmodifiableMap(provisions), Collections.unmodifiableSortedMap(items), flags, pi,
				Located.values(obligations), references, this.c.file, this.hash);
	}

	private RulePack.SourceInfo source(Node.Obj obj) {
		if (obj == null) {
			return new RulePack.SourceInfo(null, null, null);
		}
		this.f.onlyKeys(obj, keys("document", "url", "published"), key("source"));
		return new RulePack.SourceInfo(this.f.string(obj, "document", false), this.f.string(obj, "url", false),
				this.f.date(obj, "published", false));
	}

	private List<Located<RulePack.Section>> sections(List<Node> nodes) {
		List<Located<RulePack.Section>> out = new ArrayList<>();
		for (Node n : (nodes != null) ? nodes : List.<Node>of()) {
			Node.Obj obj = this.f.object(n, s("section"));
			if (obj == null) {
				continue;
			}
			this.f.onlyKeys(obj, keys("id", "title", "mechanism"), s("section"));
			String id = this.f.string(obj, "id", true);
			out.add(new Located<>(new RulePack.Section(id, this.c.text(obj, "title", true), this.c.mechanism(obj, "mechanism")),
					obj));
		}
		return out;
	}

	private List<Located<RulePack.Category>> categories(List<Node> nodes) {
		List<Located<RulePack.Category>> out = new ArrayList<>();
		for (Node n : (nodes != null) ? nodes : List.<Node>of()) {
			Node.Obj obj = this.f.object(n, s("category"));
			if (obj == null) {
				continue;
			}
			this.f.onlyKeys(obj, keys("number", "name"), s("category"));
			Long number = this.f.whole(obj, "number", true, 1, 999);
			out.add(new Located<>(new RulePack.Category((number != null) ? number.intValue() : 0,
					this.c.text(obj, "name", true)), obj));
		}
		return out;
	}

	private List<Located<Provision>> provisions(List<Node> nodes) {
		List<Located<Provision>> out = new ArrayList<>();
		for (Node n : (nodes != null) ? nodes : List.<Node>of()) {
			Node.Obj obj = this.f.object(n, s("provision"));
			if (obj == null) {
				continue;
			}
			this.f.onlyKeys(obj, keys("id", "title", "text", "document", "verbatim", "sourceLines"), s("provision"));
			String id = this.f.string(obj, "id", true);
			if (id != null && !id.matches("[a-z][a-z0-9-]*")) {
				this.f.problem(obj.get("id"), "bad-provision-id", "id", id);
			}
			if (id != null && id.matches("item-\\d+")) {
				this.f.problem(obj.get("id"), "provision-id-like-item");
			}
			out.add(new Located<>(new Provision(id, this.c.text(obj, "title", true), this.c.text(obj, "text", true),
					(obj.has("document")) ? this.c.text(obj, "document", false) : null,
					!Boolean.FALSE.equals(this.f.bool(obj, "verbatim", false)), this.c.lines(obj)), obj));
		}
		return out;
	}

	private Map<String, FlagRule> flags(Node.Obj obj) {
		Map<String, FlagRule> out = new LinkedHashMap<>();
		if (obj == null) {
			return out;
		}
		this.f.onlyKeys(obj, FLAGS, key("flags"));
		for (Node.Member m : obj.members().values()) {
			Node.Obj def = this.f.object(m.value(), s("flag", "name", m.key()));
			if (def == null || !FLAGS.contains(m.key())) {
				continue;
			}
			this.f.onlyKeys(def, keys("mechanism", "rule", "ciioRule"), s("flag-rule"));
			out.put(m.key(), new FlagRule(m.key(), this.c.mechanism(def, "mechanism"), this.c.rule(def, "rule", true),
					this.c.rule(def, "ciioRule", false)));
		}
		return Collections.unmodifiableMap(out);
	}

	private List<Located<Obligation>> obligations(List<Node> nodes) {
		List<Located<Obligation>> out = new ArrayList<>();
		for (Node n : (nodes != null) ? nodes : List.<Node>of()) {
			Node.Obj obj = this.f.object(n, s("obligation"));
			if (obj == null) {
				continue;
			}
			this.f.onlyKeys(obj, keys("id", "when", "rule", "text", "deadline"), s("obligation"));
			String id = this.f.string(obj, "id", true);
			String when = this.f.string(obj, "when", true);
			if (when != null && !WHEN.contains(when)) {
				this.f.problem(obj.get("when"), "unknown-name", "key", "when", "value", when, "allowed", List.copyOf(WHEN),
						"hint", Fields.hint(when, WHEN));
			}
			Deadline deadline = null;
			Node.Obj d = this.f.object(obj, "deadline", false);
			if (d != null) {
				this.f.onlyKeys(d, keys("amount", "unit", "relation", "event"), s("deadline"));
				Long amount = this.f.whole(d, "amount", true, 1, 10_000);
				deadline = new Deadline((amount != null) ? amount.intValue() : 0,
						this.f.enumeration(d, "unit", true, Deadline.Unit.class),
						this.f.enumeration(d, "relation", true, Deadline.Relation.class),
						d.has("event") ? this.c.text(d, "event", false) : null);
			}
			out.add(new Located<>(new Obligation(id, when, this.c.rule(obj, "rule", true), this.c.text(obj, "text", true),
					deadline), obj));
		}
		return out;
	}

}
