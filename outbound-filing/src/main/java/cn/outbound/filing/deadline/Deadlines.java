package cn.outbound.filing.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.outbound.filing.calendar.CalendarLoader;
import cn.outbound.filing.calendar.DataProblem;
import cn.outbound.filing.calendar.InvalidDataException;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Citation;
import cn.outbound.rules.pack.Obligation;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Message;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.NodeReader;
import cn.outbound.rules.source.Problems;
import cn.outbound.rules.source.SourceLocation;

/**
 * The deadlines of each mechanism, as data ({@code deadlines/deadlines.yaml}, format in docs/filing-calendar.md):
 * the one place a filing plan, a filing's open deadlines and a decision's obligations ({@link ObligationDeadlines})
 * ask what is due when.
 * <p>
 * For a decision's obligations: {@link #forMechanism(Mechanism)} gives a mechanism's deadlines in order,
 * {@link #forObligation(String)} those of one obligation of the rule pack ({@code sa-extension}, {@code scc-filing},
 * …), and {@link #describe(DeadlineRule, String)} one in a sentence, e.g. "标准合同备案（选择订立标准合同的）：标准合同生效之日后10个工作日内
 * （《个人信息出境标准合同办法》第七条）". Dates come from {@link FilingPlan}.
 */
public final class Deadlines {

	public static final String SCHEMA = "outbound/deadlines/v1";

	/** The built-in deadline file on the class path. */
	public static final String BUILT_IN = "deadlines/deadlines.yaml";

	public static final int MAX_DEADLINES = 100;

	public static final int MAX_AMOUNT = 1_000;

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

	private static final List<String> TOP = List.of("schema", "pack", "source", "events", "deadlines", "notes");

	private static final List<String> EVENT = List.of("id", "name");

	private static final List<String> DEADLINE = List.of("id", "mechanism", "obligation", "title", "marks", "anchor",
			"amount", "unit", "direction", "citation", "explanation");

	private static final List<String> ANCHOR = List.of("event", "step");

	private static final List<String> CITATION = List.of("rule", "document", "article", "text", "verbatim", "source");

	private static final List<String> NOTE = List.of("mechanism", "text");

	private static volatile Deadlines builtIn;

	private final String file;

	private final String pack;

	private final Map<String, Event> events;

	private final Map<String, DeadlineRule> rules;

	private final List<Note> notes;

	/** What a plan says besides its dates for a mechanism. */
	public record Note(Mechanism mechanism, Text text) {
	}

	private Deadlines(String file, String pack, Map<String, Event> events, Map<String, DeadlineRule> rules,
			List<Note> notes) {
		this.file = file;
		this.pack = pack;
		this.events = Map.copyOf(events);
		this.rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
		this.notes = List.copyOf(notes);
	}

	/** The built-in deadlines, their citations resolved in the built-in rule packs. */
	public static Deadlines builtIn() {
		Deadlines d = builtIn;
		if (d == null) {
			synchronized (Deadlines.class) {
				d = builtIn;
				if (d == null) {
					d = builtIn(RulePacks.builtIn());
					builtIn = d;
				}
			}
		}
		return d;
	}

	/** The built-in deadlines, their citations resolved in {@code packs}. */
	public static Deadlines builtIn(RulePacks packs) {
		try (InputStream in = Deadlines.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
			if (in == null) {
				throw new IllegalStateException("missing built-in resource " + BUILT_IN);
			}
			return load(in.readAllBytes(), BUILT_IN, packs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param content the YAML bytes
	 * @param file the name to cite in problems
	 * @param packs where {@code rule:} and {@code obligation:} are resolved
	 * @throws InvalidDataException listing every problem found
	 */
	public static Deadlines load(byte[] content, String file, RulePacks packs) {
		if (content.length > CalendarLoader.MAX_BYTES) {
			throw new InvalidDataException(List.of(DataProblem.of("", new SourceLocation(file, 0, 0),
					"data.file-too-large", "size", content.length, "max", CalendarLoader.MAX_BYTES)));
		}
		Node root;
		try {
			root = NodeReader.readYaml(content, file);
		}
		catch (InvalidInputException ex) {
			throw new InvalidDataException(ex.problems().stream().map(DataProblem::of).toList());
		}
		Problems general = new Problems();
		List<DataProblem> own = new ArrayList<>();
		Deadlines out = new Binder(new Fields(general), own, file, packs).bind(root);
		List<DataProblem> all = new ArrayList<>(own);
		general.list().forEach(p -> all.add(DataProblem.of(p)));
		InvalidDataException.throwIfAny(all);
		return out;
	}

	public String file() {
		return this.file;
	}

	/** The rule pack whose obligations and provisions the deadlines name ({@code cn-national}). */
	public String pack() {
		return this.pack;
	}

	/** Every deadline, in the file's order (an anchor step comes before the deadlines counted from it). */
	public Collection<DeadlineRule> all() {
		return this.rules.values();
	}

	public DeadlineRule rule(String id) {
		return this.rules.get(id);
	}

	/** A mechanism's deadlines in order; none for EXEMPT and SEPARATE_REGIME. */
	public List<DeadlineRule> forMechanism(Mechanism mechanism) {
		return this.rules.values().stream().filter(r -> r.mechanism() == mechanism).toList();
	}

	/** Each deadline of a mechanism in a sentence, in {@code zh} or {@code en}. */
	public List<String> forMechanism(Mechanism mechanism, String lang) {
		return forMechanism(mechanism).stream().map(r -> describe(r, lang)).toList();
	}

	/** The deadlines of one obligation of the rule pack ({@code sa-extension}, {@code scc-filing}, …). */
	public List<DeadlineRule> forObligation(String obligation) {
		return this.rules.values().stream().filter(r -> obligation.equals(r.obligation())).toList();
	}

	/** The events a person tells, by id. */
	public Map<String, Event> events() {
		return this.events;
	}

	public List<Text> notes(Mechanism mechanism) {
		return this.notes.stream().filter(n -> n.mechanism() == mechanism).map(Note::text).toList();
	}

	/** What an anchor is called: the event's name, or what the earlier deadline's date marks. */
	public Text anchorName(DeadlineRule rule) {
		return rule.anchor().isEvent() ? this.events.get(rule.anchor().event()).name()
				: this.rules.get(rule.anchor().step()).marks();
	}

	/** "title：period（article）" in {@code zh} or {@code en}. */
	public String describe(DeadlineRule rule, String lang) {
		return cn.outbound.filing.calendar.FilingText.in(lang, "rule.sentence", "title", rule.title(), "period",
				rule.period(anchorName(rule)), "citation", rule.citation().title());
	}

	private static final class Binder {

		private final Fields f;

		private final List<DataProblem> problems;

		private final String file;

		private final RulePacks packs;

		private RulePack pack;

		private final Map<String, Event> events = new LinkedHashMap<>();

		private final Map<String, DeadlineRule> rules = new LinkedHashMap<>();

		Binder(Fields f, List<DataProblem> problems, String file, RulePacks packs) {
			this.f = f;
			this.problems = problems;
			this.file = file;
			this.packs = packs;
		}

		Deadlines bind(Node root) {
			Message what = CalendarLoader.subject("期限文件", "a deadline file");
			Node.Obj top = this.f.object(root, what);
			if (top == null) {
				return null;
			}
			this.f.onlyKeys(top, TOP, what);
			String schema = this.f.string(top, "schema", true);
			if (schema != null && !SCHEMA.equals(schema)) {
				own(top.get("schema"), "data.schema", "value", schema, "allowed", SCHEMA);
			}
			String packId = this.f.string(top, "pack", true);
			if (packId != null) {
				List<RulePack> editions = this.packs.editions(packId);
				if (editions.isEmpty()) {
					own(top.get("pack"), "deadline.unknown-pack", "value", packId, "allowed", this.packs.ids(), "hint",
							Fields.hint(packId, this.packs.ids()));
				}
				else {
					this.pack = editions.get(editions.size() - 1);
				}
			}
			String source = this.f.string(top, "source", true);
			List<Node> eventNodes = this.f.array(top, "events", true);
			if (eventNodes != null) {
				eventNodes.forEach(this::event);
			}
			List<Node> deadlineNodes = this.f.array(top, "deadlines", true);
			if (deadlineNodes != null) {
				if (deadlineNodes.size() > MAX_DEADLINES) {
					this.f.problem(top.get("deadlines"), "too-many", "field", "deadlines", "max", MAX_DEADLINES, "actual",
							deadlineNodes.size());
				}
				else {
					deadlineNodes.forEach(this::deadline);
				}
			}
			List<Note> notes = new ArrayList<>();
			List<Node> noteNodes = this.f.array(top, "notes", false);
			if (noteNodes != null) {
				for (Node n : noteNodes) {
					Node.Obj obj = this.f.object(n, CalendarLoader.subject("说明", "a note"));
					if (obj == null) {
						continue;
					}
					this.f.onlyKeys(obj, NOTE, CalendarLoader.subject("说明", "a note"));
					Mechanism m = this.f.enumeration(obj, "mechanism", true, Mechanism.class);
					Text text = CalendarLoader.text(this.f, obj, "text", true);
					if (m != null && text != null) {
						notes.add(new Note(m, text));
					}
				}
			}
			if (source == null) {
				return null;
			}
			return new Deadlines(this.file, packId, this.events, this.rules, notes);
		}

		private void event(Node node) {
			Message what = CalendarLoader.subject("事件", "an event");
			Node.Obj obj = this.f.object(node, what);
			if (obj == null) {
				return;
			}
			this.f.onlyKeys(obj, EVENT, what);
			String id = id(obj);
			Text name = CalendarLoader.text(this.f, obj, "name", true);
			if (id != null && (this.events.containsKey(id))) {
				own(obj.get("id"), "deadline.duplicate-id", "id", id);
			}
			else if (id != null && name != null) {
				this.events.put(id, new Event(id, name));
			}
		}

		private void deadline(Node node) {
			Message what = CalendarLoader.subject("期限", "a deadline");
			Node.Obj obj = this.f.object(node, what);
			if (obj == null) {
				return;
			}
			this.f.onlyKeys(obj, DEADLINE, what);
			String id = id(obj);
			if (id != null && this.rules.containsKey(id)) {
				own(obj.get("id"), "deadline.duplicate-id", "id", id);
				id = null;
			}
			Mechanism mechanism = this.f.enumeration(obj, "mechanism", true, Mechanism.class);
			String obligation = this.f.string(obj, "obligation", false);
			if (obligation != null && this.pack != null) {
				List<String> ids = this.pack.obligations().stream().map(Obligation::id).toList();
				if (!ids.contains(obligation)) {
					own(obj.get("obligation"), "deadline.unknown-obligation", "value", obligation, "pack", this.pack.key(),
							"allowed", ids, "hint", Fields.hint(obligation, ids));
					obligation = null;
				}
			}
			Text title = CalendarLoader.text(this.f, obj, "title", true);
			Text marks = CalendarLoader.text(this.f, obj, "marks", true);
			DeadlineRule.Anchor anchor = anchor(this.f.object(obj, "anchor", true), mechanism);
			Long amount = this.f.whole(obj, "amount", true, 1, MAX_AMOUNT);
			DeadlineRule.Unit unit = this.f.enumeration(obj, "unit", true, DeadlineRule.Unit.class);
			DeadlineRule.Direction direction = this.f.enumeration(obj, "direction", true, DeadlineRule.Direction.class);
			DeadlineCitation citation = citation(this.f.object(obj, "citation", true));
			Text explanation = CalendarLoader.text(this.f, obj, "explanation", true);
			if (id != null && mechanism != null && title != null && marks != null && anchor != null && amount != null
					&& unit != null && direction != null && citation != null && explanation != null) {
				this.rules.put(id, new DeadlineRule(id, mechanism, obligation, title, marks, anchor, amount.intValue(), unit,
						direction, citation, explanation));
			}
		}

		private DeadlineRule.Anchor anchor(Node.Obj obj, Mechanism mechanism) {
			if (obj == null) {
				return null;
			}
			this.f.onlyKeys(obj, ANCHOR, CalendarLoader.subject("起算点", "an anchor"));
			String event = this.f.string(obj, "event", false);
			String step = this.f.string(obj, "step", false);
			if ((event == null) == (step == null)) {
				own(obj, "deadline.anchor-one-of");
				return null;
			}
			if (event != null) {
				if (!this.events.containsKey(event)) {
					own(obj.get("event"), "deadline.unknown-event", "value", event, "allowed", this.events.keySet(), "hint",
							Fields.hint(event, this.events.keySet()));
					return null;
				}
				return new DeadlineRule.Anchor(event, null);
			}
			DeadlineRule earlier = this.rules.get(step);
			if (earlier == null) {
				own(obj.get("step"), "deadline.unknown-step", "value", step, "allowed", this.rules.keySet(), "hint",
						Fields.hint(step, this.rules.keySet()));
				return null;
			}
			if (mechanism != null && earlier.mechanism() != mechanism) {
				own(obj.get("step"), "deadline.step-other-mechanism", "value", step, "mechanism", earlier.mechanism().name());
				return null;
			}
			return new DeadlineRule.Anchor(null, step);
		}

		private DeadlineCitation citation(Node.Obj obj) {
			if (obj == null) {
				return null;
			}
			this.f.onlyKeys(obj, CITATION, CalendarLoader.subject("出处", "a citation"));
			if (obj.has("rule")) {
				String rule = this.f.string(obj, "rule", true);
				String source = this.f.string(obj, "source", true);
				if (obj.members().keySet().stream().anyMatch(k -> !k.equals("rule") && !k.equals("source"))) {
					own(obj, "deadline.citation-one-of");
					return null;
				}
				if (rule == null || source == null || this.pack == null) {
					return null;
				}
				Map<String, Citation> citable = this.packs.citable(this.pack);
				Citation c = citable.get(rule);
				if (c == null) {
					List<String> provisions = citable.keySet().stream().filter(k -> !k.startsWith("item-")).sorted().toList();
					own(obj.get("rule"), "deadline.unknown-rule", "value", rule, "pack", this.pack.key(), "hint",
							Fields.hint(rule, provisions));
					return null;
				}
				return new DeadlineCitation(rule, c.pack() + "@" + c.edition(), c.document(), title(c), c.text(),
						c.verbatim(), source.strip());
			}
			Text document = CalendarLoader.text(this.f, obj, "document", true);
			Text article = CalendarLoader.text(this.f, obj, "article", true);
			Text text = CalendarLoader.text(this.f, obj, "text", true);
			Boolean verbatim = this.f.bool(obj, "verbatim", true);
			String source = this.f.string(obj, "source", true);
			if (document == null || article == null || text == null || verbatim == null || source == null) {
				return null;
			}
			Text title = new Text(document.zh() + article.zh(), document.en() + ", " + article.en());
			return new DeadlineCitation(null, null, document, title, text, verbatim, source.strip());
		}

		/**
		 * The article with its instrument, once: "《促进和规范数据跨境流动规定》第九条", and "个人信息出境标准合同第二条第（八）项" (whose
		 * title already names its document).
		 */
		private static Text title(Citation c) {
			String zh = c.title().zh();
			String document = c.document().zh();
			String core = document.contains("（") ? document.substring(0, document.indexOf('（')) : document;
			if (!zh.startsWith("《") && !zh.contains(core)) {
				zh = document + zh;
			}
			return new Text(zh, c.fullTitle().en());
		}

		private String id(Node.Obj obj) {
			String id = this.f.string(obj, "id", true);
			if (id != null && !ID.matcher(id).matches()) {
				own(obj.get("id"), "deadline.bad-id", "id", id);
				return null;
			}
			return id;
		}

		private void own(Node at, String code, Object... namesAndValues) {
			this.problems.add(DataProblem.of(at.pointer(), at.location(), code, namesAndValues));
		}

	}

}
