package cn.outbound.filing.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.NodeReader;

/**
 * The filing documents as data: the resources {@code documents/common.yaml} (choices, sectors, the sentences Outbound
 * writes) and one file per mechanism ({@code documents/security-assessment.yaml},
 * {@code documents/standard-contract.yaml}: the documents' headings, fields and outlines and the materials checklist,
 * each citing ../shared/docs/filing.md). Loaded once; every key a file names is checked against what
 * {@link Drafts} knows how to fill, so a typing error in the data fails at load (and in the tests), never in a draft.
 */
final class DraftData {

	static final String COMMON = "documents/common.yaml";

	static final Map<Mechanism, String> FILES = Map.of(Mechanism.SECURITY_ASSESSMENT,
			"documents/security-assessment.yaml", Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION,
			"documents/standard-contract.yaml");

	record Common(Map<String, Map<String, Text>> choices, List<String> sectors, Map<String, Text> phrases) {
	}

	record Spec(Mechanism mechanism, List<DocSpec> documents, Materials materials) {
	}

	record DocSpec(String id, Text title, String source, List<Part> parts) {
	}

	/**
	 * @param level 1 for a top part, 2 below it, or as the file says
	 * @param role whose {@code person.*} fields these are (legalRepresentative, securityLead, agent)
	 */
	record Part(Text heading, int level, String role, List<Field> fields, List<Content> content, TableSpec table,
			List<Part> parts) {
	}

	/** @param value the key of the value Outbound fills, or {@code null}: always left to the company */
	record Field(Text label, String value, Text hint, int width) {
	}

	record TableSpec(String source, List<Field> columns) {
	}

	/** Exactly one of the four is set. */
	record Content(String known, Text blank, Text text, Text paste) {
	}

	record Materials(Text title, Text source, Text note, List<Material> items) {
	}

	/** @param document the id of the draft that is this material, or {@code null} when the company provides it */
	record Material(Text name, String document, Text note) {
	}

	private static volatile Common common;

	private static final Map<Mechanism, Spec> SPECS = new java.util.concurrent.ConcurrentHashMap<>();

	private DraftData() {
	}

	static Common common() {
		Common c = common;
		if (c == null) {
			Node.Obj root = obj(read(COMMON), COMMON);
			Map<String, Map<String, Text>> choices = new LinkedHashMap<>();
			obj(root.get("choices"), COMMON).members().forEach((name, m) -> {
				Map<String, Text> labels = new LinkedHashMap<>();
				obj(m.value(), COMMON).members().forEach((k, v) -> labels.put(k, text(v.value(), COMMON)));
				choices.put(name, labels);
			});
			List<String> sectors = ((Node.Arr) root.get("sectors")).elements().stream().map(n -> str(n, COMMON)).toList();
			Map<String, Text> phrases = new LinkedHashMap<>();
			obj(root.get("phrases"), COMMON).members().forEach((k, v) -> phrases.put(k, text(v.value(), COMMON)));
			common = c = new Common(choices, sectors, phrases);
		}
		return c;
	}

	static Spec spec(Mechanism mechanism) {
		return SPECS.computeIfAbsent(mechanism, m -> {
			String file = FILES.get(m);
			if (file == null) {
				throw new IllegalArgumentException("no filing documents for " + m);
			}
			Node.Obj root = obj(read(file), file);
			only(root, file, "mechanism", "documents", "materials");
			Mechanism declared = Mechanism.valueOf(str(root.get("mechanism"), file));
			if (declared != m) {
				throw bad(root, file, "mechanism " + declared + " in the file of " + m);
			}
			List<DocSpec> docs = new ArrayList<>();
			for (Node d : ((Node.Arr) root.get("documents")).elements()) {
				Node.Obj o = obj(d, file);
				only(o, file, "id", "title", "source", "parts");
				docs.add(new DocSpec(str(o.get("id"), file), text(o.get("title"), file), str(o.get("source"), file),
						parts(o.get("parts"), file, 1)));
			}
			Node.Obj mo = obj(root.get("materials"), file);
			only(mo, file, "title", "source", "note", "items");
			List<Material> items = new ArrayList<>();
			Set<String> ids = new java.util.HashSet<>();
			docs.forEach(d -> ids.add(d.id()));
			for (Node n : ((Node.Arr) mo.get("items")).elements()) {
				Node.Obj io = obj(n, file);
				only(io, file, "name", "document", "note");
				String doc = io.has("document") ? str(io.get("document"), file) : null;
				if (doc != null && !ids.contains(doc)) {
					throw bad(io, file, "material names document '" + doc + "', which the file does not define");
				}
				items.add(new Material(text(io.get("name"), file), doc,
						io.has("note") ? text(io.get("note"), file) : null));
			}
			return new Spec(m, List.copyOf(docs), new Materials(text(mo.get("title"), file), text(mo.get("source"), file),
					text(mo.get("note"), file), List.copyOf(items)));
		});
	}

	private static List<Part> parts(Node node, String file, int level) {
		if (node == null) {
			return List.of();
		}
		List<Part> out = new ArrayList<>();
		for (Node n : ((Node.Arr) node).elements()) {
			Node.Obj o = obj(n, file);
			only(o, file, "heading", "level", "role", "fields", "content", "table", "parts");
			int lvl = o.has("level") ? ((Number) ((Node.Scalar) o.get("level")).value()).intValue() : level;
			List<Field> fields = new ArrayList<>();
			if (o.has("fields")) {
				for (Node f : ((Node.Arr) o.get("fields")).elements()) {
					fields.add(field(f, file));
				}
			}
			List<Content> content = new ArrayList<>();
			if (o.has("content")) {
				for (Node c : ((Node.Arr) o.get("content")).elements()) {
					Node.Obj co = obj(c, file);
					only(co, file, "known", "blank", "text", "paste");
					if (co.members().size() != 1) {
						throw bad(co, file, "a content entry has exactly one of known, blank, text, paste");
					}
					String known = co.has("known") ? str(co.get("known"), file) : null;
					if (known != null && !Drafts.KNOWN.contains(known)) {
						throw bad(co, file, "unknown 'known: " + known + "'; known: " + Drafts.KNOWN);
					}
					content.add(new Content(known, co.has("blank") ? text(co.get("blank"), file) : null,
							co.has("text") ? text(co.get("text"), file) : null,
							co.has("paste") ? text(co.get("paste"), file) : null));
				}
			}
			TableSpec table = null;
			if (o.has("table")) {
				Node.Obj t = obj(o.get("table"), file);
				only(t, file, "source", "columns");
				String source = str(t.get("source"), file);
				if (!Drafts.TABLES.contains(source)) {
					throw bad(t, file, "unknown table source '" + source + "'; known: " + Drafts.TABLES);
				}
				List<Field> columns = new ArrayList<>();
				for (Node f : ((Node.Arr) t.get("columns")).elements()) {
					columns.add(field(f, file));
				}
				table = new TableSpec(source, List.copyOf(columns));
			}
			String role = o.has("role") ? str(o.get("role"), file) : null;
			if (role != null && !Drafts.ROLES.contains(role)) {
				throw bad(o, file, "unknown role '" + role + "'; known: " + Drafts.ROLES);
			}
			for (Field f : fields) {
				if (f.value() != null && !Drafts.values().contains(f.value())) {
					throw bad(o, file, "unknown value '" + f.value() + "'; known: " + Drafts.values());
				}
				if (f.value() != null && f.value().startsWith("person.") && role == null) {
					throw bad(o, file, "'" + f.value() + "' in a part without a role");
				}
			}
			out.add(new Part(o.has("heading") ? text(o.get("heading"), file) : null, lvl, role, List.copyOf(fields),
					List.copyOf(content), table, parts(o.get("parts"), file, lvl + 1)));
		}
		return List.copyOf(out);
	}

	private static Field field(Node n, String file) {
		Node.Obj o = obj(n, file);
		only(o, file, "label", "value", "hint", "width");
		int width = o.has("width") ? ((Number) ((Node.Scalar) o.get("width")).value()).intValue() : 1;
		return new Field(text(o.get("label"), file), o.has("value") ? str(o.get("value"), file) : null,
				o.has("hint") ? text(o.get("hint"), file) : null, width);
	}

	private static Node read(String resource) {
		try (InputStream in = DraftData.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing built-in resource " + resource);
			}
			return NodeReader.readYaml(in.readAllBytes(), resource);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Node.Obj obj(Node n, String file) {
		if (n instanceof Node.Obj o) {
			return o;
		}
		throw bad(n, file, "expected an object");
	}

	private static String str(Node n, String file) {
		if (n instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
			return (String) s.value();
		}
		throw bad(n, file, "expected a string");
	}

	private static Text text(Node n, String file) {
		Node.Obj o = obj(n, file);
		only(o, file, "zh", "en");
		return new Text(str(o.get("zh"), file), str(o.get("en"), file));
	}

	private static void only(Node.Obj o, String file, String... keys) {
		List<String> allowed = List.of(keys);
		for (String k : o.members().keySet()) {
			if (!allowed.contains(k)) {
				throw bad(o, file, "unknown key '" + k + "'; allowed: " + allowed);
			}
		}
	}

	private static IllegalStateException bad(Node at, String file, String what) {
		String where = (at == null) ? file : at.location() + ": " + at.pointer();
		return new IllegalStateException("built-in filing document data " + where + ": " + what);
	}

}
