package cn.outbound.app.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.pack.Condition;
import cn.outbound.rules.pack.Fact;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.PiRules;
import cn.outbound.rules.pack.Provision;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.service.decision.RuleBook;

/**
 * Rule packs as JSON for {@code /api/v1/rule-packs}.
 */
final class RulePackJson {

	private RulePackJson() {
	}

	static Map<String, Object> summary(RulePack p, RuleBook book) {
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("id", p.id());
		n.put("edition", p.edition());
		n.put("inForceFrom", p.inForceFrom().toString());
		n.put("inForceUntil", (p.inForceUntil() != null) ? p.inForceUntil().toString() : null);
		n.put("inForceToday", book.current(p.id()).map(c -> c.edition().equals(p.edition())).orElse(false));
		n.put("title", DecisionJson.text(p.title()));
		n.put("issuer", DecisionJson.text(p.issuer()));
		n.put("basedOn", p.basedOn());
		n.put("listItems", p.listItems());
		n.put("itemCount", p.items().size());
		n.put("contentHash", p.contentHash());
		return n;
	}

	static Map<String, Object> full(RulePack p, RuleBook book) {
		Map<String, Object> n = summary(p, book);
		if (p.source() != null) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("document", p.source().document());
			s.put("url", p.source().url());
			s.put("published", (p.source().published() != null) ? p.source().published().toString() : null);
			n.put("source", s);
		}
		List<Object> sections = new ArrayList<>();
		p.sections().forEach(s -> sections.add(map("id", s.id(), "title", DecisionJson.text(s.title()), "mechanism",
				s.mechanism().name())));
		n.put("sections", sections);
		List<Object> categories = new ArrayList<>();
		p.categories().forEach(c -> categories.add(map("number", c.number(), "name", DecisionJson.text(c.name()))));
		n.put("categories", categories);
		Map<String, Object> facts = new LinkedHashMap<>();
		p.facts().forEach((k, f) -> facts.put(k, fact(f)));
		n.put("facts", facts);
		List<Object> items = new ArrayList<>();
		p.items().values().forEach(i -> items.add(item(i)));
		n.put("items", items);
		List<Object> provisions = new ArrayList<>();
		for (Provision pr : p.provisions().values()) {
			provisions.add(map("id", pr.id(), "title", DecisionJson.text(pr.title()), "text", DecisionJson.text(pr.text()),
					"verbatim", pr.verbatim()));
		}
		n.put("provisions", provisions);
		n.put("personalInformation", pi(p.personalInformation()));
		return n;
	}

	static Map<String, Object> item(Item i) {
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("number", i.number());
		n.put("rule", i.ruleId());
		n.put("category", i.category());
		n.put("section", i.section());
		n.put("mechanism", i.mechanism().name());
		n.put("name", DecisionJson.text(i.name()));
		n.put("description", DecisionJson.text(i.description()));
		n.put("examples", (i.examples() != null) ? DecisionJson.text(i.examples()) : null);
		if (i.remark() != null) {
			n.put("remark", map("text", DecisionJson.text(i.remark().text()), "sharedWith",
					new ArrayList<Object>(i.remark().sharedWith())));
		}
		n.put("personalInformation", i.personalInformation());
		n.put("facts", new ArrayList<Object>(i.facts()));
		List<Object> exempt = new ArrayList<>();
		i.exemptWhen().forEach(c -> exempt.add(condition(c)));
		n.put("exemptWhen", exempt);
		n.put("triggerWhen", (i.triggerWhen() != null) ? condition(i.triggerWhen()) : null);
		return n;
	}

	static Object condition(Condition c) {
		if (c instanceof Condition.All all) {
			List<Object> list = new ArrayList<>();
			all.conditions().forEach(x -> list.add(condition(x)));
			return map("all", list);
		}
		if (c instanceof Condition.Any any) {
			List<Object> list = new ArrayList<>();
			any.conditions().forEach(x -> list.add(condition(x)));
			return map("any", list);
		}
		if (c instanceof Condition.Not not) {
			return map("not", condition(not.condition()));
		}
		Condition.Compare cmp = (Condition.Compare) c;
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("fact", cmp.fact());
		Object v = cmp.value();
		n.put(cmp.op().key(), (v instanceof List<?> l) ? new ArrayList<Object>(l) : (v instanceof BigDecimal bd) ? bd : v);
		if (cmp.quote() != null) {
			n.put("quote", DecisionJson.text(cmp.quote()));
		}
		return n;
	}

	private static Map<String, Object> fact(Fact f) {
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("type", f.type().name().toLowerCase());
		n.put("role", f.role().name().toLowerCase());
		if (f.unit() != null) {
			n.put("unit", DecisionJson.text(f.unit()));
		}
		n.put("label", DecisionJson.text(f.label()));
		if (f.question() != null) {
			n.put("question", DecisionJson.text(f.question()));
		}
		if (f.values() != null && !f.values().isEmpty()) {
			Map<String, Object> values = new LinkedHashMap<>();
			f.values().forEach((k, t) -> values.put(k, DecisionJson.text(t)));
			n.put("values", values);
		}
		return n;
	}

	private static Map<String, Object> pi(PiRules pi) {
		if (pi == null) {
			return null;
		}
		Map<String, Object> n = new LinkedHashMap<>();
		Map<String, Object> bases = new LinkedHashMap<>();
		pi.exemptBases().forEach((b, e) -> bases.put(b.name(), map("rule", e.rule())));
		n.put("exemptBases", bases);
		n.put("ciio", map("rule", pi.ciio().rule(), "mechanism", pi.ciio().mechanism().name()));
		n.put("individuals", bands(pi.individuals()));
		n.put("sensitiveIndividuals", bands(pi.sensitiveIndividuals()));
		return n;
	}

	private static List<Object> bands(List<PiRules.Band> bands) {
		List<Object> out = new ArrayList<>();
		for (PiRules.Band b : bands) {
			Map<String, Object> n = new LinkedHashMap<>();
			n.put("atLeast", b.atLeast());
			n.put("below", b.below());
			n.put("mechanism", b.mechanism().name());
			n.put("rule", b.rule());
			out.add(n);
		}
		return out;
	}

	static Map<String, Object> map(Object... kv) {
		Map<String, Object> n = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			n.put((String) kv[i], kv[i + 1]);
		}
		return n;
	}

}
