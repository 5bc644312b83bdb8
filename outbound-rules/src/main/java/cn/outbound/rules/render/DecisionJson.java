package cn.outbound.rules.render;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.Text;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Explanation;
import cn.outbound.rules.pack.Citation;
import cn.outbound.rules.pack.Obligation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The decision as JSON (spec/scenario-v1.md "Decision"): {@code schema}, {@code outcome}, {@code items},
 * {@code rulePack}, {@code cumulative}, {@code findings}, {@code exemptions}, {@code obligations}, and Outbound's own
 * {@code headroom} and {@code notes}. Every explanation is given in both languages. An obligation carries its
 * {@code deadlines} (the deadline rules, without dates) when they were added to the decision
 * ({@link Decision#withDeadlines}).
 */
public final class DecisionJson {

	/** Obligations and citations are immutable and recur in every decision: built and written once. */
	private static final Map<Same, Json.Cached> OBLIGATIONS = new ConcurrentHashMap<>();

	private static final Map<Same, Json.Cached> SOURCES = new ConcurrentHashMap<>();

	/** Above this many entries a cache starts again (rule books replaced by newly published editions). */
	private static final int CACHE_MAX = 4096;

	/**
	 * A cache key by identity: obligations and citations are the rule book's own immutable objects, so the same
	 * objects write the same JSON. (Their record hash codes walk every field, texts included, on each lookup.)
	 */
	private record Same(Object first, Object second, Object third) {

		@Override
		public boolean equals(Object o) {
			return o instanceof Same s && s.first == this.first && s.second == this.second && s.third == this.third;
		}

		@Override
		public int hashCode() {
			return 31 * (31 * System.identityHashCode(this.first) + System.identityHashCode(this.second))
					+ System.identityHashCode(this.third);
		}

	}

	private static Json.Cached cached(Map<Same, Json.Cached> cache, Same key,
			java.util.function.Supplier<Json.Cached> make) {
		Json.Cached c = cache.get(key);
		if (c == null) {
			if (cache.size() >= CACHE_MAX) {
				cache.clear();
			}
			c = make.get();
			cache.put(key, c);
		}
		return c;
	}

	private DecisionJson() {
	}

	public static String pretty(Map<String, Object> tree) {
		return Json.pretty(tree);
	}

	public static String compact(Map<String, Object> tree) {
		return Json.compact(tree);
	}

	/** The compact document as UTF-8 bytes, as a server sends it. */
	public static byte[] compactUtf8(Map<String, Object> tree) {
		return Json.compactUtf8(tree);
	}

	/** An insertion-ordered JSON object with chainable puts. */
	public static final class Obj extends LinkedHashMap<String, Object> {

		public Obj put(String key, Object value) {
			super.put(key, value);
			return this;
		}

		public Obj putObject(String key) {
			Obj child = new Obj();
			super.put(key, child);
			return child;
		}

		public List<Object> putArray(String key) {
			List<Object> child = new ArrayList<>();
			super.put(key, child);
			return child;
		}

		public void set(String key, Object value) {
			super.put(key, value);
		}

	}

	public static Obj toJson(Decision d) {
		Obj root = new Obj();
		root.put("schema", Decision.SCHEMA);
		root.put("outcome", d.outcome().name());
		root.set("outcomeLabel", text(d.outcome().label()));
		root.put("items", new ArrayList<Object>(d.items()));
		root.set("rulePack", pack(d.rulePack()));
		if (d.basedOn() != null) {
			((Obj) root.get("rulePack")).put("basedOn", pack(d.basedOn()));
		}
		Obj cumulative = root.putObject("cumulative");
		cumulative.put("individuals", d.cumulative().individuals());
		cumulative.put("sensitiveIndividuals", d.cumulative().sensitiveIndividuals());
		cumulative.put("priorSource", d.cumulative().source().name());
		Obj prior = cumulative.putObject("prior");
		prior.put("individuals", d.cumulative().prior().individuals());
		prior.put("sensitiveIndividuals", d.cumulative().prior().sensitiveIndividuals());
		cumulative.put("exemptBasesCounted", d.cumulative().exemptBasesCounted());
		List<Object> findings = root.putArray("findings");
		for (Decision.Finding f : d.findings()) {
			Obj n = new Obj();
			findings.add(n);
			n.put("scope", f.scope().name());
			n.put("rule", f.rule());
			if (f.item() != null) {
				n.put("item", f.item());
			}
			n.put("mechanism", f.mechanism().name());
			if (f.dataIndex() != null) {
				n.put("data", f.dataIndex());
			}
			cite(n, f.citation(), f.quote());
			n.set("because", text(Explanations.render(f.because())));
			if (!f.facts().isEmpty()) {
				n.set("facts", facts(f.facts()));
			}
		}
		List<Object> exemptions = root.putArray("exemptions");
		for (Decision.Exemption e : d.exemptions()) {
			Obj n = new Obj();
			exemptions.add(n);
			n.put("scope", e.scope().name());
			n.put("rule", e.rule());
			if (e.item() != null) {
				n.put("item", e.item());
			}
			if (e.dataIndex() != null) {
				n.put("data", e.dataIndex());
			}
			cite(n, e.citation(), e.quote());
			n.set("because", text(Explanations.render(e.because())));
		}
		List<Object> obligations = root.putArray("obligations");
		for (Decision.Due due : d.obligations()) {
			obligations.add(cached(OBLIGATIONS, new Same(due.obligation(), due.citation(), due.deadlines()), () -> obligation(due)));
		}
		if (d.headroom() != null) {
			Obj h = root.putObject("headroom");
			h.set("individuals", headroom(d.headroom().individuals()));
			h.set("sensitiveIndividuals", headroom(d.headroom().sensitiveIndividuals()));
		}
		List<Object> notes = root.putArray("notes");
		for (Explanation note : d.notes()) {
			notes.add(text(Explanations.render(note)));
		}
		return root;
	}

	private static Json.Cached obligation(Decision.Due due) {
		Obligation o = due.obligation();
		Obj n = new Obj();
		n.put("id", o.id());
		n.put("rule", o.rule());
		n.put("when", o.when());
		n.set("text", text(o.text()));
		if (o.deadline() != null) {
			Obj dl = n.putObject("deadline");
			dl.put("amount", o.deadline().amount());
			dl.put("unit", o.deadline().unit().name());
			dl.put("relation", o.deadline().relation().name());
			if (o.deadline().event() != null) {
				dl.set("event", text(o.deadline().event()));
			}
		}
		n.set("source", source(due.citation()));
		if (!due.deadlines().isEmpty()) {
			List<Object> rules = n.putArray("deadlines");
			due.deadlines().forEach(r -> rules.add(deadline(r)));
		}
		return new Json.Cached(n);
	}

	/** A deadline rule of an obligation (no date): the fields a filing plan's step has, without its dates. */
	private static Obj deadline(Decision.DueDeadline r) {
		Obj n = new Obj();
		n.put("id", r.id());
		n.set("title", text(r.title()));
		n.set("marks", text(r.marks()));
		n.set("summary", text(r.summary()));
		Obj anchor = n.putObject("anchor");
		if (r.anchorEvent() != null) {
			anchor.put("event", r.anchorEvent());
		}
		else {
			anchor.put("step", r.anchorStep());
		}
		anchor.set("name", text(r.anchorName()));
		n.put("amount", r.amount());
		n.put("unit", r.unit());
		n.put("direction", r.direction());
		n.set("period", text(r.period()));
		n.set("citation", deadlineCitation(r.citation()));
		n.set("explanation", text(r.explanation()));
		return n;
	}

	/** A deadline's article as JSON: one form for a decision's obligations, a filing plan and a filing's deadlines. */
	public static Obj deadlineCitation(Decision.DueCitation c) {
		Obj cite = new Obj();
		if (c.rule() != null) {
			cite.put("rule", c.rule());
			cite.put("pack", c.pack());
		}
		cite.set("title", text(c.title()));
		cite.set("document", text(c.document()));
		cite.set("text", text(c.text()));
		cite.put("verbatim", c.verbatim());
		cite.put("source", c.source());
		return cite;
	}

	private static Obj pack(Decision.PackRef ref) {
		Obj n = new Obj();
		n.put("id", ref.id());
		n.put("edition", ref.edition());
		n.put("inForceFrom", ref.inForceFrom().toString());
		n.set("title", text(ref.title()));
		n.put("contentHash", ref.contentHash());
		return n;
	}

	private static void cite(Obj n, Citation citation, Text quote) {
		if (citation == null) {
			return;
		}
		n.set("title", text(citation.fullTitle()));
		n.set("quote", text((quote != null) ? quote : citation.text()));
		n.set("source", cached(SOURCES, new Same(citation, null, null), () -> source(citation)));
	}

	private static Json.Cached source(Citation c) {
		Obj s = new Obj();
		s.put("pack", c.pack());
		s.put("edition", c.edition());
		s.set("document", text(c.document()));
		s.set("title", text(c.fullTitle()));
		s.put("verbatim", c.verbatim());
		return new Json.Cached(s);
	}

	private static Obj headroom(Decision.ClassHeadroom h) {
		Obj n = new Obj();
		n.put("cumulative", h.cumulative());
		n.put("band", h.band().name());
		if (h.bandRule() != null) {
			n.put("bandRule", h.bandRule());
		}
		if (h.nextAt() != null) {
			n.put("nextAt", h.nextAt());
			n.put("nextMechanism", h.nextMechanism().name());
			n.put("nextRule", h.nextRule());
			n.put("remaining", h.remaining());
		}
		return n;
	}

	private static Obj facts(Map<String, Object> facts) {
		Obj n = new Obj();
		facts.forEach((k, v) -> {
			if (v instanceof Boolean b) {
				n.put(k, b);
			}
			else if (v instanceof Long l) {
				n.put(k, l);
			}
			else if (v instanceof BigDecimal bd) {
				n.put(k, bd);
			}
			else {
				n.put(k, String.valueOf(v));
			}
		});
		return n;
	}

	public static Obj text(Text t) {
		Obj n = new Obj();
		n.put("zh", t.zh());
		n.put("en", t.en());
		return n;
	}

}
