package cn.outbound.rules.render;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.Text;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Explanation;
import cn.outbound.rules.pack.Citation;
import cn.outbound.rules.pack.Obligation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.SerializationFeature;

/**
 * The decision as JSON (spec/scenario-v1.md "Decision"): {@code schema}, {@code outcome}, {@code items},
 * {@code rulePack}, {@code cumulative}, {@code findings}, {@code exemptions}, {@code obligations}, and Outbound's own
 * {@code headroom} and {@code notes}. Every explanation is given in both languages.
 */
public final class DecisionJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final JsonMapper COMPACT = JsonMapper.builder().build();

	private DecisionJson() {
	}

	public static String pretty(ObjectNode node) {
		return PRETTY.writeValueAsString(node);
	}

	public static String compact(ObjectNode node) {
		return COMPACT.writeValueAsString(node);
	}

	public static ObjectNode toJson(Decision d) {
		ObjectNode root = NODES.objectNode();
		root.put("schema", Decision.SCHEMA);
		root.put("outcome", d.outcome().name());
		root.set("outcomeLabel", text(d.outcome().label()));
		ArrayNode items = root.putArray("items");
		d.items().forEach(items::add);
		root.set("rulePack", pack(d.rulePack()));
		if (d.basedOn() != null) {
			((ObjectNode) root.get("rulePack")).set("basedOn", pack(d.basedOn()));
		}
		ObjectNode cumulative = root.putObject("cumulative");
		cumulative.put("individuals", d.cumulative().individuals());
		cumulative.put("sensitiveIndividuals", d.cumulative().sensitiveIndividuals());
		cumulative.put("priorSource", d.cumulative().source().name());
		ObjectNode prior = cumulative.putObject("prior");
		prior.put("individuals", d.cumulative().prior().individuals());
		prior.put("sensitiveIndividuals", d.cumulative().prior().sensitiveIndividuals());
		cumulative.put("exemptBasesCounted", d.cumulative().exemptBasesCounted());
		ArrayNode findings = root.putArray("findings");
		for (Decision.Finding f : d.findings()) {
			ObjectNode n = findings.addObject();
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
		ArrayNode exemptions = root.putArray("exemptions");
		for (Decision.Exemption e : d.exemptions()) {
			ObjectNode n = exemptions.addObject();
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
		ArrayNode obligations = root.putArray("obligations");
		for (Decision.Due due : d.obligations()) {
			Obligation o = due.obligation();
			ObjectNode n = obligations.addObject();
			n.put("id", o.id());
			n.put("rule", o.rule());
			n.put("when", o.when());
			n.set("text", text(o.text()));
			if (o.deadline() != null) {
				ObjectNode dl = n.putObject("deadline");
				dl.put("amount", o.deadline().amount());
				dl.put("unit", o.deadline().unit().name());
				dl.put("relation", o.deadline().relation().name());
				if (o.deadline().event() != null) {
					dl.set("event", text(o.deadline().event()));
				}
			}
			n.set("source", source(due.citation()));
		}
		if (d.headroom() != null) {
			ObjectNode h = root.putObject("headroom");
			h.set("individuals", headroom(d.headroom().individuals()));
			h.set("sensitiveIndividuals", headroom(d.headroom().sensitiveIndividuals()));
		}
		ArrayNode notes = root.putArray("notes");
		for (Explanation note : d.notes()) {
			notes.add(text(Explanations.render(note)));
		}
		return root;
	}

	private static ObjectNode pack(Decision.PackRef ref) {
		ObjectNode n = NODES.objectNode();
		n.put("id", ref.id());
		n.put("edition", ref.edition());
		n.put("inForceFrom", ref.inForceFrom().toString());
		n.set("title", text(ref.title()));
		n.put("contentHash", ref.contentHash());
		return n;
	}

	private static void cite(ObjectNode n, Citation citation, Text quote) {
		if (citation == null) {
			return;
		}
		n.set("title", text(citation.title()));
		n.set("quote", text((quote != null) ? quote : citation.text()));
		n.set("source", source(citation));
	}

	private static ObjectNode source(Citation c) {
		ObjectNode s = NODES.objectNode();
		s.put("pack", c.pack());
		s.put("edition", c.edition());
		s.set("document", text(c.document()));
		s.set("title", text(c.title()));
		s.put("verbatim", c.verbatim());
		return s;
	}

	private static ObjectNode headroom(Decision.ClassHeadroom h) {
		ObjectNode n = NODES.objectNode();
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

	private static ObjectNode facts(Map<String, Object> facts) {
		ObjectNode n = NODES.objectNode();
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

	public static ObjectNode text(Text t) {
		ObjectNode n = NODES.objectNode();
		n.put("zh", t.zh());
		n.put("en", t.en());
		return n;
	}

	static List<String> langs() {
		return List.of("zh", "en");
	}

}
