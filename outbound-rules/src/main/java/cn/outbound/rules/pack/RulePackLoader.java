package cn.outbound.rules.pack;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Condition.Compare;
import cn.outbound.rules.pack.Condition.Op;
import cn.outbound.rules.pack.Fact.FactRole;
import cn.outbound.rules.pack.Fact.FactType;
import cn.outbound.rules.pack.Obligation.Deadline;
import cn.outbound.rules.pack.PiRules.Band;
import cn.outbound.rules.Basis;
import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Message;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.NodeReader;
import cn.outbound.rules.source.Problem;
import cn.outbound.rules.source.Problems;
import cn.outbound.rules.source.SourceLocation;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.i18n.DefaultMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads one rule-pack file: checks it against {@code rule-pack.schema.json}, then binds it and runs the semantic checks
 * of docs/rule-packs.md. Every problem is reported, each with {@code file:line:column}; a pack with any problem is
 * never returned.
 */
public final class RulePackLoader {

	public static final String SCHEMA = "outbound/rule-pack/v1";

	private static final Set<String> TOP = keys("schema", "id", "edition", "inForceFrom", "inForceUntil", "basedOn",
			"listItems", "title", "issuer", "source", "sections", "categories", "facts", "provisions", "items", "flags",
			"personalInformation", "obligations");

	private static final Set<String> FLAGS = keys("stateSecrets", "coreData", "governmentData",
			"notifiedImportantData");

	private static final Set<String> WHEN = keys("PERSONAL_INFORMATION", "IMPORTANT_DATA", "SEPARATE_REGIME",
			"SECURITY_ASSESSMENT", "STANDARD_CONTRACT_OR_CERTIFICATION", "EXEMPT");

	private static volatile Schema schema;

	/** Names in the order written, so that "allowed: ..." and "did you mean" read the same on every run. */
	private static Set<String> keys(String... names) {
		return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
	}

	/** Built once, and only when a YAML pack is checked (the CLI's compiled packs never need it). */
	private static final class Yaml {

		static final YAMLMapper MAPPER = YAMLMapper.builder().build();

	}

	private RulePackLoader() {
	}

	/**
	 * @param content the YAML bytes
	 * @param file the name to cite in problems
	 * @throws InvalidInputException listing every problem found
	 */
	public static RulePack load(byte[] content, String file) {
		Node root = NodeReader.readYaml(content, file);
		List<Problem> schemaProblems = checkSchema(content, root);
		return bind(root, file, sha256(content), schemaProblems);
	}

	/**
	 * Loads a built-in pack that {@link PackCompiler} checked at build time and stored as JSON: the schema check is not
	 * repeated (the semantic checks are), and the pack keeps the content hash of its YAML source.
	 */
	static RulePack loadCompiled(byte[] json, String file, String yamlHash) {
		return bind(NodeReader.readJson(json, file), file, yamlHash, List.of());
	}

	private static RulePack bind(Node root, String file, String hash, List<Problem> schemaProblems) {
		Problems problems = new Problems();
		RulePack pack = new Binder(new Fields(problems), file, hash).bind(root);
		List<Problem> all = merge(schemaProblems, problems.list());
		if (!all.isEmpty()) {
			Problems out = new Problems();
			all.forEach(out::add);
			out.throwIfAny();
		}
		return pack;
	}

	/** Schema problems first; a binding problem at or below a pointer the schema already reported is dropped. */
	private static List<Problem> merge(List<Problem> schemaProblems, List<Problem> bindingProblems) {
		List<Problem> all = new ArrayList<>(schemaProblems);
		for (Problem p : bindingProblems) {
			boolean covered = schemaProblems.stream()
				.anyMatch(s -> p.pointer().equals(s.pointer()) || p.pointer().startsWith(s.pointer() + "/"));
			if (!covered) {
				all.add(p);
			}
		}
		return all;
	}

	private static List<Problem> checkSchema(byte[] content, Node root) {
		JsonNode tree = Yaml.MAPPER.readTree(content);
		List<Problem> out = new ArrayList<>();
		for (com.networknt.schema.Error error : schema().validate(tree)) {
			String pointer = pointer(error.getInstanceLocation());
			String property = error.getProperty();
			Node at = find(root, pointer);
			String target = pointer;
			if ("required".equals(error.getKeyword()) && property != null) {
				target = pointer + "/" + property;
			}
			Text detail = new Text(schemaMessage(error, Locale.SIMPLIFIED_CHINESE), schemaMessage(error, Locale.ENGLISH));
			JsonNode value = error.getInstanceNode();
			SourceLocation location = (at != null) ? at.location() : root.location();
			if (value != null && value.isValueNode() && !"required".equals(error.getKeyword())) {
				out.add(new Problem(target, location, "schema-value", "value", value.toString(), "detail", detail));
			}
			else {
				out.add(new Problem(target, location, "schema", "detail", detail));
			}
		}
		return out;
	}

	/** The validator's message in a language (its own bundles), without the instance location it starts with. */
	private static String schemaMessage(com.networknt.schema.Error error, Locale locale) {
		String message = error.getMessage();
		if (!Locale.ENGLISH.equals(locale) && error.getMessageKey() != null && !error.isCustomMessage()) {
			message = DefaultMessageSource.getInstance().getMessage(error.getMessageKey(), message, locale,
					error.getArguments());
		}
		// networknt prefixes the message with the instance location; the problem already carries it
		int colon = message.indexOf(": ");
		if (message.startsWith("$") || message.startsWith("/")) {
			message = (colon > 0) ? message.substring(colon + 2) : message;
		}
		return message;
	}

	private static String pointer(com.networknt.schema.path.NodePath path) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < path.getNameCount(); i++) {
			Object element = path.getElement(i);
			sb.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
		}
		return sb.toString();
	}

	/** The located node at a JSON pointer, or the deepest existing ancestor. */
	public static Node find(Node root, String pointer) {
		if (pointer.isEmpty()) {
			return root;
		}
		Node current = root;
		for (String raw : pointer.substring(1).split("/")) {
			String key = raw.replace("~1", "/").replace("~0", "~");
			if (current instanceof Node.Obj obj && obj.get(key) != null) {
				current = obj.get(key);
			}
			else if (current instanceof Node.Arr arr && key.matches("\\d+") && Integer.parseInt(key) < arr.elements().size()) {
				current = arr.elements().get(Integer.parseInt(key));
			}
			else {
				return current;
			}
		}
		return current;
	}

	private static Schema schema() {
		Schema s = schema;
		if (s == null) {
			try (InputStream in = RulePackLoader.class.getResourceAsStream("/rulepacks/rule-pack.schema.json")) {
				s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
			}
			catch (IOException ex) {
				throw new IllegalStateException("rule-pack.schema.json missing from the classpath", ex);
			}
			schema = s;
		}
		return s;
	}

	static String sha256(byte[] content) {
		try {
			return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Binds the located tree into records, reporting what is wrong as it goes. */
	private static final class Binder {

		private final Fields f;

		private final String file;

		private final String hash;

		private final List<RulePack.Reference> references = new ArrayList<>();

		private Map<String, Fact> facts = Map.of();

		/** A subject of a message, e.g. {@code s("section")} for "a section". */
		private static Message s(String name, Object... namesAndValues) {
			return Message.of("subject." + name, namesAndValues);
		}

		/** An object named by its key: {@code flags}. */
		private static Message key(String name) {
			return Message.of("subject.object", "name", name);
		}

		Binder(Fields fields, String file, String hash) {
			this.f = fields;
			this.file = file;
			this.hash = hash;
		}

		RulePack bind(Node rootNode) {
			Node.Obj root = this.f.object(rootNode, s("rule-pack"));
			if (root == null) {
				return null;
			}
			this.f.onlyKeys(root, TOP, s("rule-pack"));
			String schemaId = this.f.string(root, "schema", true);
			if (schemaId != null && !SCHEMA.equals(schemaId)) {
				this.f.problem(root.get("schema"), "unsupported-schema", "value", schemaId, "allowed", SCHEMA);
			}
			String id = this.f.string(root, "id", true);
			if (id != null && !id.matches("[a-z][a-z0-9-]*")) {
				this.f.problem(root.get("id"), "bad-pack-id", "value", id);
			}
			String edition = this.f.string(root, "edition", true);
			var from = this.f.date(root, "inForceFrom", true);
			var until = this.f.date(root, "inForceUntil", false);
			if (from != null && until != null && until.isBefore(from)) {
				this.f.problem(root.get("inForceUntil"), "until-before-from", "until", until, "from", from);
			}
			String basedOn = this.f.string(root, "basedOn", false);
			Boolean listItems = this.f.bool(root, "listItems", false);
			Text title = text(root, "title", true);
			Text issuer = text(root, "issuer", false);
			RulePack.SourceInfo source = source(this.f.object(root, "source", false));
			List<RulePack.Section> sections = sections(this.f.array(root, "sections", false));
			List<RulePack.Category> categories = categories(this.f.array(root, "categories", false));
			this.facts = facts(this.f.object(root, "facts", false));
			Map<String, Provision> provisions = provisions(this.f.array(root, "provisions", false));
			TreeMap<Integer, Item> items = items(this.f.array(root, "items", false), sections, categories);
			if (Boolean.TRUE.equals(listItems) && items.isEmpty()) {
				this.f.problem(root, "list-without-items");
			}
			Map<String, FlagRule> flags = flags(this.f.object(root, "flags", false));
			PiRules pi = personalInformation(this.f.object(root, "personalInformation", true));
			List<Obligation> obligations = obligations(this.f.array(root, "obligations", false));
			checkLocalReferences(items, provisions, basedOn);
			return new RulePack(id, edition, from, until, basedOn, Boolean.TRUE.equals(listItems), title,
					(issuer != null) ? issuer : Text.EMPTY, source, sections, categories, this.facts, provisions,
					Collections.unmodifiableSortedMap(items), flags, pi, obligations, List.copyOf(this.references),
					this.file, this.hash);
		}

		private Text text(Node.Obj parent, String key, boolean required) {
			Node.Obj obj = this.f.object(parent, key, required);
			return (obj != null) ? text(obj, keys("zh", "en")) : null;
		}

		private Text text(Node.Obj obj, Set<String> allowed) {
			this.f.onlyKeys(obj, allowed, s("bilingual-text"));
			String zh = this.f.string(obj, "zh", true);
			String en = this.f.string(obj, "en", true);
			if (zh != null && zh.isBlank()) {
				this.f.problem(obj.get("zh"), "empty-zh");
			}
			if (en != null && en.isBlank()) {
				this.f.problem(obj.get("en"), "empty-en");
			}
			return new Text((zh != null) ? zh.strip() : "", (en != null) ? en.strip() : "");
		}

		private RulePack.SourceInfo source(Node.Obj obj) {
			if (obj == null) {
				return new RulePack.SourceInfo(null, null, null);
			}
			this.f.onlyKeys(obj, keys("document", "url", "published"), key("source"));
			return new RulePack.SourceInfo(this.f.string(obj, "document", false), this.f.string(obj, "url", false),
					this.f.date(obj, "published", false));
		}

		private List<RulePack.Section> sections(List<Node> nodes) {
			List<RulePack.Section> out = new ArrayList<>();
			Set<String> seen = new LinkedHashSet<>();
			for (Node n : (nodes != null) ? nodes : List.<Node>of()) {
				Node.Obj obj = this.f.object(n, s("section"));
				if (obj == null) {
					continue;
				}
				this.f.onlyKeys(obj, keys("id", "title", "mechanism"), s("section"));
				String id = this.f.string(obj, "id", true);
				if (id != null && !seen.add(id)) {
					this.f.problem(obj.get("id"), "duplicate-section", "id", id);
				}
				out.add(new RulePack.Section(id, text(obj, "title", true), mechanism(obj, "mechanism")));
			}
			return List.copyOf(out);
		}

		private List<RulePack.Category> categories(List<Node> nodes) {
			List<RulePack.Category> out = new ArrayList<>();
			for (Node n : (nodes != null) ? nodes : List.<Node>of()) {
				Node.Obj obj = this.f.object(n, s("category"));
				if (obj == null) {
					continue;
				}
				this.f.onlyKeys(obj, keys("number", "name"), s("category"));
				Long number = this.f.whole(obj, "number", true, 1, 999);
				if (number != null && number != out.size() + 1) {
					this.f.problem(obj.get("number"), "category-out-of-order", "number", number, "expected", out.size() + 1);
				}
				out.add(new RulePack.Category((number != null) ? number.intValue() : 0, text(obj, "name", true)));
			}
			return List.copyOf(out);
		}

		private Map<String, Fact> facts(Node.Obj obj) {
			Map<String, Fact> out = new LinkedHashMap<>();
			if (obj == null) {
				return out;
			}
			for (Node.Member m : obj.members().values()) {
				Node.Obj def = this.f.object(m.value(), Message.of("subject.fact", "name", m.key()));
				if (def == null) {
					continue;
				}
				if (!m.key().matches("[a-z][A-Za-z0-9]*")) {
					this.f.problem(def, "bad-fact-name", "name", m.key());
				}
				this.f.onlyKeys(def, keys("type", "role", "unit", "label", "question", "values"), s("fact-definition"));
				FactType type = lowerEnum(def, "type", FactType.class);
				FactRole role = lowerEnum(def, "role", FactRole.class);
				Map<String, Text> values = new LinkedHashMap<>();
				Node.Obj valuesNode = this.f.object(def, "values", false);
				if (valuesNode != null) {
					for (Node.Member v : valuesNode.members().values()) {
						Node.Obj t = this.f.object(v.value(), s("value-label", "name", v.key()));
						if (t != null) {
							values.put(v.key(), text(t, keys("zh", "en")));
						}
					}
				}
				if (type == FactType.ENUM && values.isEmpty()) {
					this.f.problem(def, "enum-without-values", "name", m.key());
				}
				if (type != null && type != FactType.ENUM && valuesNode != null) {
					this.f.problem(valuesNode, "values-not-enum", "name", m.key(), "type", type.name().toLowerCase());
				}
				if (role == FactRole.EXEMPTION && type != null && type != FactType.BOOLEAN) {
					this.f.problem(def.get("type"), "exemption-not-boolean");
				}
				out.put(m.key(), new Fact(m.key(), type, role, unit(def), text(def, "label", true),
						text(def, "question", true), Collections.unmodifiableMap(values)));
			}
			return Collections.unmodifiableMap(out);
		}

		/** A unit: a symbol such as {@code MW} (the same in both languages) or {zh: 人, en: persons}. */
		private Text unit(Node.Obj def) {
			Node node = def.get("unit");
			if (node == null) {
				return null;
			}
			if (node instanceof Node.Obj obj) {
				return text(obj, keys("zh", "en"));
			}
			String symbol = this.f.string(node, Fields.field("unit"));
			return (symbol != null) ? new Text(symbol, symbol) : null;
		}

		private <E extends Enum<E>> E lowerEnum(Node.Obj obj, String key, Class<E> type) {
			String v = this.f.string(obj, key, true);
			if (v == null) {
				return null;
			}
			for (E e : type.getEnumConstants()) {
				if (e.name().equalsIgnoreCase(v)) {
					return e;
				}
			}
			List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase()).toList();
			this.f.problem(obj.get(key), "unknown-name", "key", key, "value", v, "allowed", allowed, "hint",
					Fields.hint(v, allowed));
			return null;
		}

		private Map<String, Provision> provisions(List<Node> nodes) {
			Map<String, Provision> out = new LinkedHashMap<>();
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
				Provision p = new Provision(id, text(obj, "title", true), text(obj, "text", true),
						(obj.has("document")) ? text(obj, "document", false) : null,
						!Boolean.FALSE.equals(this.f.bool(obj, "verbatim", false)), lines(obj));
				if (id != null && out.putIfAbsent(id, p) != null) {
					this.f.problem(obj.get("id"), "duplicate-provision", "id", id);
				}
			}
			return Collections.unmodifiableMap(out);
		}

		private int[] lines(Node.Obj obj) {
			List<Node> nodes = this.f.array(obj, "sourceLines", false);
			if (nodes == null) {
				return null;
			}
			if (nodes.size() != 2) {
				this.f.problem(obj.get("sourceLines"), "bad-source-lines");
				return null;
			}
			Long a = this.f.whole(nodes.get(0), s("first-source-line"), 1, 1_000_000);
			Long b = this.f.whole(nodes.get(1), s("last-source-line"), 1, 1_000_000);
			if (a == null || b == null) {
				return null;
			}
			if (b < a) {
				this.f.problem(obj.get("sourceLines"), "source-lines-reversed", "first", a, "last", b);
			}
			return new int[] { a.intValue(), b.intValue() };
		}

		private TreeMap<Integer, Item> items(List<Node> nodes, List<RulePack.Section> sections,
				List<RulePack.Category> categories) {
			TreeMap<Integer, Item> out = new TreeMap<>();
			Set<String> sectionIds = new LinkedHashSet<>();
			sections.forEach(s -> sectionIds.add(s.id()));
			int expected = 1;
			for (Node n : (nodes != null) ? nodes : List.<Node>of()) {
				Node.Obj obj = this.f.object(n, s("item"));
				if (obj == null) {
					continue;
				}
				this.f.onlyKeys(obj, keys("number", "category", "section", "name", "description", "examples", "remark",
						"sourceLines", "mechanism", "personalInformation", "facts", "exemptWhen", "triggerWhen",
						"factNotes"), s("item"));
				Long number = this.f.whole(obj, "number", true, 1, 9999);
				if (number != null) {
					if (out.containsKey(number.intValue())) {
						this.f.problem(obj.get("number"), "duplicate-item", "number", number);
					}
					else if (number != expected) {
						this.f.problem(obj.get("number"), "item-out-of-sequence", "number", number, "expected", expected);
					}
					expected = number.intValue() + 1;
				}
				Long category = this.f.whole(obj, "category", true, 1, 999);
				if (category != null && !categories.isEmpty() && category > categories.size()) {
					this.f.problem(obj.get("category"), "unknown-category", "category", category, "last", categories.size());
				}
				String section = this.f.string(obj, "section", !sections.isEmpty());
				if (section != null && !sectionIds.contains(section)) {
					this.f.problem(obj.get("section"), "unknown-section", "section", section, "allowed",
							List.copyOf(sectionIds), "hint", Fields.hint(section, sectionIds));
				}
				Mechanism mechanism = mechanism(obj, "mechanism");
				boolean pi = Boolean.TRUE.equals(this.f.bool(obj, "personalInformation", false));
				List<String> itemFacts = itemFacts(obj);
				if (pi && !itemFacts.isEmpty()) {
					this.f.problem(obj.get("facts"), "pi-item-with-facts");
				}
				List<Condition> exemptWhen = new ArrayList<>();
				List<Node> exemptNodes = this.f.array(obj, "exemptWhen", false);
				if (exemptNodes != null) {
					for (Node e : exemptNodes) {
						Condition c = condition(e, itemFacts);
						if (c != null) {
							exemptWhen.add(c);
						}
					}
				}
				Condition trigger = obj.has("triggerWhen") ? condition(obj.get("triggerWhen"), itemFacts) : null;
				Map<String, Text> notes = new LinkedHashMap<>();
				Node.Obj notesNode = this.f.object(obj, "factNotes", false);
				if (notesNode != null) {
					for (Node.Member m : notesNode.members().values()) {
						if (!itemFacts.contains(m.key())) {
							this.f.problem(m.value(), "note-for-unknown-fact", "name", m.key());
						}
						Node.Obj t = this.f.object(m.value(), s("note"));
						if (t != null) {
							notes.put(m.key(), text(t, keys("zh", "en")));
						}
					}
				}
				Item item = new Item((number != null) ? number.intValue() : 0, (category != null) ? category.intValue() : 0,
						section, text(obj, "name", true), text(obj, "description", true),
						obj.has("examples") ? text(obj, "examples", false) : null, remark(obj), lines(obj), mechanism, pi,
						itemFacts, List.copyOf(exemptWhen), trigger, Collections.unmodifiableMap(notes));
				if (number != null && !out.containsKey(number.intValue())) {
					out.put(number.intValue(), item);
				}
			}
			return out;
		}

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

		private Item.Remark remark(Node.Obj obj) {
			Node.Obj r = this.f.object(obj, "remark", false);
			if (r == null) {
				return null;
			}
			Text t = text(r, keys("zh", "en", "sharedWith"));
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

		private Condition condition(Node node, List<String> itemFacts) {
			Node.Obj obj = this.f.object(node, s("condition"));
			if (obj == null) {
				return null;
			}
			if (obj.has("all") || obj.has("any")) {
				String key = obj.has("all") ? "all" : "any";
				this.f.onlyKeys(obj, keys(key), s("condition-of", "name", key));
				List<Condition> parts = new ArrayList<>();
				for (Node n : this.f.array(obj, key, true)) {
					Condition c = condition(n, itemFacts);
					if (c != null) {
						parts.add(c);
					}
				}
				return key.equals("all") ? new Condition.All(List.copyOf(parts)) : new Condition.Any(List.copyOf(parts));
			}
			if (obj.has("not")) {
				this.f.onlyKeys(obj, keys("not"), s("not-condition"));
				Condition inner = condition(obj.get("not"), itemFacts);
				return (inner != null) ? new Condition.Not(inner) : null;
			}
			Set<String> ops = new LinkedHashSet<>();
			for (Op op : Op.values()) {
				ops.add(op.key());
			}
			Set<String> allowed = new LinkedHashSet<>(ops);
			allowed.add("fact");
			allowed.add("quote");
			this.f.onlyKeys(obj, allowed, s("comparison"));
			String factName = this.f.string(obj, "fact", true);
			Op op = null;
			for (Op candidate : Op.values()) {
				if (obj.has(candidate.key())) {
					if (op != null) {
						this.f.problem(obj.get(candidate.key()), "two-operators", "first", op.key(), "second", candidate.key());
					}
					op = candidate;
				}
			}
			if (op == null) {
				this.f.problem(obj, "no-operator", "ops", List.copyOf(ops));
				return null;
			}
			Text quote = obj.has("quote") ? text(obj, "quote", false) : null;
			if (factName == null) {
				return null;
			}
			Fact fact = this.facts.get(factName);
			if (fact == null) {
				this.f.problem(obj.get("fact"), "unknown-condition-fact", "fact", factName, "hint",
						Fields.hint(factName, this.facts.keySet()));
				return null;
			}
			if (!itemFacts.contains(factName)) {
				this.f.problem(obj.get("fact"), "condition-fact-not-listed", "fact", factName);
			}
			Node valueNode = obj.get(op.key());
			Object value = comparisonValue(fact, op, valueNode);
			return (value != null) ? new Compare(factName, op, value, quote) : null;
		}

		private Object comparisonValue(Fact fact, Op op, Node node) {
			if (fact.type() == null) {
				return null;
			}
			if (op.numeric()) {
				if (fact.type() != FactType.INTEGER && fact.type() != FactType.NUMBER) {
					this.f.problem(node, "numeric-op-on-non-number", "op", op.key(), "fact", fact.name(), "type",
							fact.type().name().toLowerCase());
					return null;
				}
				if (node instanceof Node.Scalar s && s.isNumber()) {
					BigDecimal v = s.decimal();
					if (fact.type() == FactType.INTEGER && v.stripTrailingZeros().scale() > 0) {
						this.f.problem(node, "threshold-not-whole", "fact", fact.name(), "actual", v.toPlainString());
						return null;
					}
					return v;
				}
				this.f.problem(node, "threshold-not-number", "op", op.key(), "actual", Fields.kind(node));
				return null;
			}
			if (op == Op.IN) {
				if (fact.type() != FactType.ENUM) {
					this.f.problem(node, "in-on-non-enum", "fact", fact.name(), "type", fact.type().name().toLowerCase());
					return null;
				}
				List<String> values = new ArrayList<>();
				if (node instanceof Node.Arr arr) {
					for (Node e : arr.elements()) {
						String v = enumValue(fact, e);
						if (v != null) {
							values.add(v);
						}
					}
					return List.copyOf(values);
				}
				this.f.problem(node, "in-not-array", "fact", fact.name());
				return null;
			}
			// EQUALS
			return switch (fact.type()) {
				case BOOLEAN -> {
					if (node instanceof Node.Scalar s && s.kind() == Node.Kind.BOOLEAN) {
						yield s.value();
					}
					this.f.problem(node, "equals-not-boolean", "fact", fact.name(), "actual", Fields.kind(node));
					yield null;
				}
				case ENUM -> enumValue(fact, node);
				case INTEGER, NUMBER -> {
					if (node instanceof Node.Scalar s && s.isNumber()) {
						yield s.decimal();
					}
					this.f.problem(node, "equals-not-number", "fact", fact.name(), "actual", Fields.kind(node));
					yield null;
				}
			};
		}

		private String enumValue(Fact fact, Node node) {
			if (node instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
				String v = (String) s.value();
				if (fact.values().containsKey(v)) {
					return v;
				}
				this.f.problem(node, "not-a-fact-value", "value", v, "fact", fact.name(), "allowed",
						List.copyOf(fact.values().keySet()), "hint", Fields.hint(v, fact.values().keySet()));
				return null;
			}
			this.f.problem(node, "fact-value-not-string", "fact", fact.name(), "actual", Fields.kind(node));
			return null;
		}

		private Mechanism mechanism(Node.Obj obj, String key) {
			return this.f.enumeration(obj, key, true, Mechanism.class);
		}

		private String rule(Node.Obj obj, String key, boolean required) {
			String id = this.f.string(obj, key, required);
			if (id != null) {
				this.references.add(new RulePack.Reference(id, Node.child(obj.pointer(), key), obj.get(key).location()));
			}
			return id;
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
				out.put(m.key(), new FlagRule(m.key(), mechanism(def, "mechanism"), rule(def, "rule", true),
						rule(def, "ciioRule", false)));
			}
			return Collections.unmodifiableMap(out);
		}

		private PiRules personalInformation(Node.Obj obj) {
			if (obj == null) {
				return null;
			}
			this.f.onlyKeys(obj, keys("exemptBases", "ciio", "bands"), key("personalInformation"));
			Map<Basis, PiRules.ExemptBasis> bases = new LinkedHashMap<>();
			Node.Obj basesNode = this.f.object(obj, "exemptBases", false);
			if (basesNode != null) {
				for (Node.Member m : basesNode.members().values()) {
					Basis basis = this.f.enumeration(new Node.Scalar(Node.child(basesNode.pointer(), m.key()), m.keyLocation(),
							Node.Kind.STRING, m.key()), key("basis"), Basis.class);
					if (basis == Basis.NONE) {
						this.f.problem(m.value(), "none-exempt");
						continue;
					}
					Node.Obj def = this.f.object(m.value(), s("basis", "name", m.key()));
					if (basis == null || def == null) {
						continue;
					}
					this.f.onlyKeys(def, keys("rule", "quote", "inForceFrom"), s("exempt-basis"));
					bases.put(basis, new PiRules.ExemptBasis(basis, rule(def, "rule", true),
							def.has("quote") ? text(def, "quote", false) : null,
							def.has("inForceFrom") ? this.f.date(def, "inForceFrom", false) : null));
				}
			}
			for (Basis basis : Basis.values()) {
				if (basis != Basis.NONE && !bases.containsKey(basis) && basesNode != null) {
					this.f.problem(basesNode, "missing-exempt-basis", "basis", basis);
				}
			}
			if (basesNode == null) {
				this.f.problem(obj, "missing-exempt-bases");
			}
			Node.Obj ciioNode = this.f.object(obj, "ciio", true);
			PiRules.CiioRule ciio = null;
			if (ciioNode != null) {
				this.f.onlyKeys(ciioNode, keys("rule", "mechanism", "quote"), s("ciio-rule"));
				ciio = new PiRules.CiioRule(rule(ciioNode, "rule", true), mechanism(ciioNode, "mechanism"),
						ciioNode.has("quote") ? text(ciioNode, "quote", false) : null);
			}
			Node.Obj bandsNode = this.f.object(obj, "bands", true);
			List<Band> individuals = List.of();
			List<Band> sensitive = List.of();
			if (bandsNode != null) {
				this.f.onlyKeys(bandsNode, keys("individuals", "sensitiveIndividuals"), key("bands"));
				individuals = bands(bandsNode, "individuals");
				sensitive = bands(bandsNode, "sensitiveIndividuals");
			}
			return new PiRules(Collections.unmodifiableMap(bases), ciio, individuals, sensitive);
		}

		private List<Band> bands(Node.Obj parent, String key) {
			List<Node> nodes = this.f.array(parent, key, true);
			List<Band> out = new ArrayList<>();
			if (nodes == null) {
				return out;
			}
			long next = 0;
			Mechanism previous = null;
			boolean open = false;
			for (Node n : nodes) {
				Node.Obj b = this.f.object(n, s("band"));
				if (b == null) {
					continue;
				}
				this.f.onlyKeys(b, keys("atLeast", "below", "mechanism", "rule", "quote"), s("band"));
				if (open) {
					this.f.problem(b, "band-after-open-band");
				}
				Long atLeast = this.f.whole(b, "atLeast", true, 0, Long.MAX_VALUE);
				Long below = this.f.whole(b, "below", false, 1, Long.MAX_VALUE);
				Mechanism m = mechanism(b, "mechanism");
				String rule = rule(b, "rule", m != null && m != Mechanism.EXEMPT);
				if (atLeast != null && atLeast != next) {
					this.f.problem(b.get("atLeast"), "bands-not-contiguous", "atLeast", atLeast, "next", next);
				}
				if (atLeast != null && below != null && below <= atLeast) {
					this.f.problem(b.get("below"), "below-not-above-at-least", "below", below, "atLeast", atLeast);
				}
				if (m != null && previous != null && previous.strongerThan(m)) {
					this.f.problem(b.get("mechanism"), "band-weakens", "mechanism", m, "previous", previous);
				}
				if (below == null) {
					open = true;
				}
				else {
					next = below;
				}
				previous = (m != null) ? m : previous;
				out.add(new Band((atLeast != null) ? atLeast : 0, below, m, rule,
						b.has("quote") ? text(b, "quote", false) : null));
			}
			if (!open && !out.isEmpty()) {
				this.f.problem(parent.get(key), "last-band-closed");
			}
			return List.copyOf(out);
		}

		private List<Obligation> obligations(List<Node> nodes) {
			List<Obligation> out = new ArrayList<>();
			Set<String> ids = new LinkedHashSet<>();
			for (Node n : (nodes != null) ? nodes : List.<Node>of()) {
				Node.Obj obj = this.f.object(n, s("obligation"));
				if (obj == null) {
					continue;
				}
				this.f.onlyKeys(obj, keys("id", "when", "rule", "text", "deadline"), s("obligation"));
				String id = this.f.string(obj, "id", true);
				if (id != null && !ids.add(id)) {
					this.f.problem(obj.get("id"), "duplicate-obligation", "id", id);
				}
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
							d.has("event") ? text(d, "event", false) : null);
				}
				out.add(new Obligation(id, when, rule(obj, "rule", true), text(obj, "text", true), deadline));
			}
			return List.copyOf(out);
		}

		/** References to items and local provisions are checked here; art-* ids may resolve in the basedOn pack. */
		private void checkLocalReferences(Map<Integer, Item> items, Map<String, Provision> provisions, String basedOn) {
			for (RulePack.Reference ref : this.references) {
				String id = ref.ruleId();
				if (id.matches("item-\\d+")) {
					if (!items.containsKey(Integer.parseInt(id.substring(5)))) {
						this.f.problems().add(ref.pointer(), ref.location(), "rule-item-missing", "rule", id);
					}
				}
				else if (!provisions.containsKey(id) && basedOn == null) {
					Set<String> known = new LinkedHashSet<>(provisions.keySet());
					this.f.problems().add(ref.pointer(), ref.location(), "unknown-rule", "rule", id, "hint",
							Fields.hint(id, known));
				}
			}
			for (Item item : items.values()) {
				if (item.remark() != null) {
					for (int other : item.remark().sharedWith()) {
						if (!items.containsKey(other)) {
							this.f.problems().add("", new SourceLocation(this.file, 0, 0), "shared-with-missing-item", "item",
									item.number(), "other", other);
						}
					}
				}
			}
		}

	}

}
