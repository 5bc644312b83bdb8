package cn.outbound.rules.scenario;

import cn.outbound.rules.Basis;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import cn.outbound.rules.pack.Fact;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Message;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.NodeReader;
import cn.outbound.rules.source.Problems;

/**
 * Reads and validates a scenario document (spec/scenario-v1.md) against the rule pack in force for it. Every problem
 * is reported with its JSON pointer, line and column and what is allowed; nothing is returned from invalid input.
 */
public final class ScenarioReader {

	/** Largest count accepted for a group (well above any population; keeps sums exact in a long). */
	public static final long MAX_COUNT = 1_000_000_000_000L;

	/**
	 * Most digits after the point in a numeric fact (a capacity in MW, a voltage in kV): more is a typing error, and
	 * a bound keeps every number short to echo.
	 */
	public static final int MAX_DECIMALS = 6;

	private static final List<String> TOP = List.of("schema", "jurisdiction", "date", "processor", "recipient", "data",
			"personalInformation", "priorThisYear", "flags");

	private static final List<String> FLAGS = List.of("stateSecrets", "coreData", "governmentData",
			"notifiedImportantData");

	private final RulePacks packs;

	public ScenarioReader(RulePacks packs) {
		this.packs = packs;
	}

	/**
	 * @param content JSON bytes (UTF-8)
	 * @param source the name cited in problems: a file name, {@code -} for standard input
	 * @throws InvalidInputException listing every problem
	 */
	public Scenario read(byte[] content, String source) {
		return read(NodeReader.readJson(content, source));
	}

	public Scenario read(Node rootNode) {
		Problems problems = new Problems();
		Fields f = new Fields(problems);
		Node.Obj root = f.object(rootNode, Fields.subject("subject.scenario"));
		if (root == null) {
			problems.throwIfAny();
		}
		f.onlyKeys(root, TOP, Fields.subject("subject.scenario"));
		String schema = f.string(root, "schema", true);
		if (schema != null && !Scenario.SCHEMA.equals(schema)) {
			f.problem(root.get("schema"), "unknown-schema", "value", schema, "allowed", Scenario.SCHEMA);
		}
		String jurisdiction = f.string(root, "jurisdiction", true);
		if (jurisdiction != null && !this.packs.ids().contains(jurisdiction)) {
			f.problem(root.get("jurisdiction"), "unknown-jurisdiction", "value", jurisdiction, "hint",
					Fields.hint(jurisdiction, this.packs.ids()), "allowed", List.copyOf(this.packs.ids()));
			jurisdiction = null;
		}
		LocalDate date = f.date(root, "date", true);
		RulePack pack = null;
		if (jurisdiction != null && date != null) {
			Optional<RulePack> inForce = this.packs.inForce(jurisdiction, date);
			if (inForce.isEmpty()) {
				f.problem(root.get("date"), "no-edition-in-force", "jurisdiction", jurisdiction, "date", date,
						"editions", editions(jurisdiction));
			}
			else {
				pack = inForce.get();
			}
		}
		Scenario.Processor processor = processor(f, root);
		Scenario.Recipient recipient = recipient(f, root);
		List<Scenario.DataEntry> data = data(f, root, pack, jurisdiction != null);
		List<Scenario.PiGroup> groups = personalInformation(f, root);
		Scenario.Counts prior = null;
		Node.Obj priorNode = f.object(root, "priorThisYear", false);
		if (priorNode != null) {
			f.onlyKeys(priorNode, List.of("individuals", "sensitiveIndividuals"), object("priorThisYear"));
			prior = new Scenario.Counts(count(f, priorNode, "individuals"), count(f, priorNode, "sensitiveIndividuals"));
		}
		Scenario.Flags flags = flags(f, root);
		problems.throwIfAny();
		return new Scenario(jurisdiction, date, processor, recipient, data, groups, prior, flags);
	}

	private static Scenario.Processor processor(Fields f, Node.Obj root) {
		Node.Obj obj = f.object(root, "processor", true);
		if (obj == null) {
			return null;
		}
		f.onlyKeys(obj, List.of("id", "name", "ciio"), object("processor"));
		String id = f.string(obj, "id", false);
		if (id != null) {
			String invisible = ProcessorIds.firstInvisible(id);
			String normal = ProcessorIds.normalize(id);
			if (invisible != null) {
				f.problem(obj.get("id"), "invisible-character", "field", "processor.id", "character", invisible);
			}
			else if (normal == null) {
				f.problem(obj.get("id"), "bad-length", "field", "processor.id", "min", 1, "max", ProcessorIds.MAX_LENGTH);
			}
			id = normal;
		}
		Boolean ciio = f.bool(obj, "ciio", true);
		return new Scenario.Processor(id, text(f, obj, "processor", "name", MAX_NAME), Boolean.TRUE.equals(ciio));
	}

	/** The longest name (processor, recipient), in characters. */
	public static final int MAX_NAME = 500;

	/** The longest description of a data entry, and a recipient's country. */
	public static final int MAX_DESCRIPTION = 2_000;

	public static final int MAX_COUNTRY = 100;

	/** The most entries of {@code data} and of {@code personalInformation}: a decision's size is bounded by them. */
	public static final int MAX_ENTRIES = 100;

	/** An optional string {@code key} of the object {@code owner} of at most {@code max} characters (code points). */
	private static String text(Fields f, Node.Obj obj, String owner, String key, int max) {
		String value = f.string(obj, key, false);
		if (value != null && value.codePointCount(0, value.length()) > max) {
			f.problem(obj.get(key), "too-long", "field", owner + "." + key, "max", max);
			return null;
		}
		return value;
	}

	/** An optional array of at most {@value #MAX_ENTRIES} elements; past that, a problem and the first ones only. */
	private static List<Node> entries(Fields f, Node.Obj root, String key) {
		List<Node> nodes = f.array(root, key, false);
		if (nodes != null && nodes.size() > MAX_ENTRIES) {
			f.problem(root.get(key), "too-many", "field", key, "max", MAX_ENTRIES, "actual", nodes.size());
			return nodes.subList(0, MAX_ENTRIES);
		}
		return nodes;
	}

	private static Scenario.Recipient recipient(Fields f, Node.Obj root) {
		Node.Obj obj = f.object(root, "recipient", false);
		if (obj == null) {
			return null;
		}
		f.onlyKeys(obj, List.of("name", "country"), object("recipient"));
		return new Scenario.Recipient(text(f, obj, "recipient", "name", MAX_NAME),
				text(f, obj, "recipient", "country", MAX_COUNTRY));
	}

	private List<Scenario.DataEntry> data(Fields f, Node.Obj root, RulePack pack, boolean jurisdictionKnown) {
		List<Node> nodes = entries(f, root, "data");
		List<Scenario.DataEntry> out = new ArrayList<>();
		if (nodes == null) {
			return out;
		}
		java.util.Map<Integer, Node> seen = new java.util.HashMap<>();
		for (Node n : nodes) {
			Node.Obj obj = f.object(n, Fields.subject("subject.data-entry"));
			if (obj == null) {
				continue;
			}
			f.onlyKeys(obj, List.of("item", "description", "facts"), Fields.subject("subject.data-entry"));
			Node itemNode = obj.get("item");
			Item item = null;
			Integer number = null;
			if (itemNode == null) {
				// cites the entry, not /item, as the questionnaire expects
				f.problem(obj, "required", "field", "item", "expected", Message.of("expected.item", "last", lastDeclarable(pack)));
			}
			else {
				Long v = f.whole(itemNode, Fields.field("item"), Long.MIN_VALUE + 1, Long.MAX_VALUE);
				if (v != null) {
					number = v.intValue();
					if (pack != null && pack.listItems()) {
						item = pack.item(number);
						if (item == null || item.personalInformation() || v > Integer.MAX_VALUE) {
							f.problem(itemNode, "unknown-item", "item", v, "pack", pack.id(), "edition", pack.edition(), "last",
									lastDeclarable(pack));
							item = null;
							number = null;
						}
					}
					else if (v < 1 || v > lastDeclarable(this.referenceList())) {
						f.problem(itemNode, "not-a-list-item", "item", v, "last", lastDeclarable(this.referenceList()));
						number = null;
					}
					if (number != null) {
						Node first = seen.putIfAbsent(number, itemNode);
						if (first != null) {
							f.problem(itemNode, "item-declared-twice", "item", number, "firstLine", first.location().line());
							number = null;
						}
					}
				}
			}
			String description = text(f, obj, "data[]", "description", MAX_DESCRIPTION);
			Map<String, Object> facts = facts(f, obj, pack, item);
			if (number != null && jurisdictionKnown) {
				out.add(new Scenario.DataEntry(number, description, facts));
			}
		}
		return List.copyOf(out);
	}

	/** The list pack whose fact vocabulary applies where the scenario's pack has no items (cn-national). */
	private RulePack referenceList() {
		for (List<RulePack> editions : this.packs.all()) {
			RulePack latest = editions.get(editions.size() - 1);
			if (latest.listItems()) {
				return latest;
			}
		}
		return null;
	}

	/** An object of the scenario named by its key: {@code flags}. */
	private static Message object(String key) {
		return Message.of("subject.object", "name", key);
	}

	/** The editions of a pack with the dates they are in force, for a date on which none is. */
	private List<Message> editions(String jurisdiction) {
		List<Message> out = new ArrayList<>();
		for (RulePack p : this.packs.editions(jurisdiction)) {
			out.add((p.inForceUntil() != null)
					? Message.of("edition.until", "edition", p.edition(), "from", p.inForceFrom(), "until", p.inForceUntil())
					: Message.of("edition.onward", "edition", p.edition(), "from", p.inForceFrom()));
		}
		return out;
	}

	private static int lastDeclarable(RulePack pack) {
		if (pack == null || !pack.listItems()) {
			return 43;
		}
		return pack.items().values().stream().filter(i -> !i.personalInformation()).mapToInt(Item::number).max().orElse(0);
	}

	private Map<String, Object> facts(Fields f, Node.Obj entry, RulePack pack, Item item) {
		Node.Obj obj = f.object(entry, "facts", false);
		if (obj == null) {
			return Map.of();
		}
		RulePack vocabulary = (pack != null && pack.listItems()) ? pack : referenceList();
		Map<String, Object> out = new LinkedHashMap<>();
		for (Node.Member m : obj.members().values()) {
			String name = m.key();
			Fact fact = (vocabulary != null) ? vocabulary.facts().get(name) : null;
			Node at = m.value();
			if (pack != null && pack.listItems() && item != null && !item.facts().contains(name)) {
				Set<Integer> itemsWithFact = new TreeSet<>();
				for (Item other : pack.items().values()) {
					if (other.facts().contains(name)) {
						itemsWithFact.add(other.number());
					}
				}
				Message where = itemsWithFact.isEmpty() ? Message.NONE
						: Message.of((itemsWithFact.size() > 1) ? "hint.fact-of-items" : "hint.fact-of-item", "fact", name,
								"items", List.copyOf(itemsWithFact));
				f.problems().add(at.pointer(), m.keyLocation(), "unknown-fact-for-item", "fact", name, "item", item.number(),
						"hint", Fields.hint(name, item.facts()), "where", where, "allowed", List.copyOf(item.facts()));
				continue;
			}
			if (fact == null) {
				if (item != null || vocabulary == null) {
					continue;
				}
				f.problems().add(at.pointer(), m.keyLocation(), "unknown-fact", "fact", name, "hint",
						Fields.hint(name, vocabulary.facts().keySet()), "allowed", List.copyOf(vocabulary.facts().keySet()));
				continue;
			}
			Object value = factValue(f, fact, at);
			if (value != null) {
				out.put(name, value);
			}
		}
		return Collections.unmodifiableMap(out);
	}

	private static Object factValue(Fields f, Fact fact, Node at) {
		Message what = Message.of("subject.fact", "name", fact.name());
		switch (fact.type()) {
			case BOOLEAN:
				if (at instanceof Node.Scalar s && s.kind() == Node.Kind.BOOLEAN) {
					return s.value();
				}
				f.problem(at, "not-boolean", "what", what, "actual", Fields.kind(at));
				return null;
			case INTEGER:
				return f.whole(at, what, 0, MAX_COUNT);
			case NUMBER:
				if (at instanceof Node.Scalar s && s.isNumber() && s.decimal().signum() >= 0
						&& s.decimal().compareTo(BigDecimal.valueOf(MAX_COUNT)) <= 0
						&& s.decimal().stripTrailingZeros().scale() <= MAX_DECIMALS) {
					BigDecimal v = s.decimal().stripTrailingZeros();
					return (v.scale() <= 0) ? (Object) v.longValueExact() : v;
				}
				boolean number = at instanceof Node.Scalar s && s.isNumber();
				String code = !number ? "not-a-number"
						: (((Node.Scalar) at).decimal().signum() < 0) ? "negative-number"
						: (((Node.Scalar) at).decimal().compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) ? "number-too-large"
						: "too-many-decimals";
				f.problem(at, code, "what", what, "unit",
						(fact.unit() != null) ? Message.of("hint.unit", "unit", fact.unit()) : Message.NONE, "actual",
						number ? Fields.shown(((Node.Scalar) at).decimal()) : Fields.kind(at), "max", MAX_COUNT, "decimals",
						MAX_DECIMALS);
				return null;
			case ENUM:
			default:
				Set<String> allowed = new LinkedHashSet<>(fact.values().keySet());
				if (at instanceof Node.Scalar s && s.kind() == Node.Kind.STRING && allowed.contains((String) s.value())) {
					return s.value();
				}
				if (at instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
					f.problem(at, "unknown-value", "what", what, "value", s.value(), "allowed", List.copyOf(allowed), "hint",
							Fields.hint((String) s.value(), allowed));
				}
				else {
					f.problem(at, "not-a-value", "what", what, "actual", Fields.kind(at), "allowed", List.copyOf(allowed));
				}
				return null;
		}
	}

	private static List<Scenario.PiGroup> personalInformation(Fields f, Node.Obj root) {
		List<Node> nodes = entries(f, root, "personalInformation");
		List<Scenario.PiGroup> out = new ArrayList<>();
		if (nodes == null) {
			return out;
		}
		for (Node n : nodes) {
			Node.Obj obj = f.object(n, Fields.subject("subject.pi-group"));
			if (obj == null) {
				continue;
			}
			f.onlyKeys(obj, List.of("individuals", "sensitiveIndividuals", "basis"), Fields.subject("subject.pi-group"));
			long individuals = count(f, obj, "individuals");
			long sensitive = count(f, obj, "sensitiveIndividuals");
			Basis basis = f.enumeration(obj, "basis", false, Basis.class);
			out.add(new Scenario.PiGroup(individuals, sensitive, (basis != null) ? basis : Basis.NONE));
		}
		return List.copyOf(out);
	}

	private static long count(Fields f, Node.Obj obj, String key) {
		Long v = f.whole(obj, key, false, 0, MAX_COUNT);
		return (v != null) ? v : 0;
	}

	private static Scenario.Flags flags(Fields f, Node.Obj root) {
		Node.Obj obj = f.object(root, "flags", false);
		if (obj == null) {
			return Scenario.Flags.NONE;
		}
		f.onlyKeys(obj, FLAGS, object("flags"));
		return new Scenario.Flags(Boolean.TRUE.equals(f.bool(obj, "stateSecrets", false)),
				Boolean.TRUE.equals(f.bool(obj, "coreData", false)), Boolean.TRUE.equals(f.bool(obj, "governmentData", false)),
				Boolean.TRUE.equals(f.bool(obj, "notifiedImportantData", false)));
	}

}
