package cn.outbound.app.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.outbound.app.rules.RuleLinks;
import cn.outbound.app.web.BeijingTime;
import cn.outbound.app.web.Messages;
import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Fact;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.service.assessment.Assessment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything an assessment assessed, in one language, for the result page, its print and its PDF (#11 item 8): every
 * answer given, each under its question's label as the pack (or the questionnaire) words it; the prior counts and
 * where they came from; who decided and when in Beijing time. Read from the scenario and the decision as stored, with
 * the edition of the pack that decided (so an answer keeps the label it was given under).
 *
 * @param answers the answers in the questionnaire's order, grouped by {@link Answer#group()}
 * @param priorSource {@code SCENARIO}, {@code LEDGER} or {@code NONE}
 * @param decidedAt Beijing time, without its label
 */
public record AssessedView(List<Answer> answers, long priorIndividuals, long priorSensitive, String priorSource,
		String decidedAt, String ledgerHref) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * One answer.
	 * @param group the part of the questionnaire it belongs to (translated)
	 * @param href the page of the rule the answer is about (a list item), or {@code null}
	 * @param key a stable name for comparisons: {@code processor.name}, {@code fact.20.affectedCustomers}, …
	 */
	public record Answer(String key, String group, String question, String value, String href) {
	}

	@SuppressWarnings("unchecked")
	public static AssessedView of(Assessment a, RulePacks packs, Messages t) {
		Map<String, Object> s = JSON.readValue(a.scenario(), Map.class);
		Map<String, Object> d = JSON.readValue(a.decision(), Map.class);
		RulePack pack = (packs != null) ? packs.edition(a.packId(), a.packEdition()).orElse(null) : null;
		List<Answer> out = new ArrayList<>();
		String export = t.get("assess.s1");
		out.add(new Answer("jurisdiction", export, t.get("assess.jurisdiction"),
				t.get("jurisdiction." + s.get("jurisdiction")), null));
		out.add(new Answer("date", export, t.get("assess.date"), String.valueOf(s.get("date")), null));
		String processor = t.get("assess.s2");
		Map<String, Object> p = map(s.get("processor"));
		if (p != null) {
			add(out, "processor.name", processor, t.get("assess.processor.name"), p.get("name"));
			add(out, "processor.id", processor, t.get("assess.processor.id"), p.get("id"));
			out.add(new Answer("processor.ciio", processor, t.get("assess.ciio"),
					Boolean.TRUE.equals(p.get("ciio")) ? t.get("assess.ciio.yes") : t.get("assess.ciio.no"), null));
		}
		Map<String, Object> r = map(s.get("recipient"));
		if (r != null) {
			add(out, "recipient.name", processor, t.get("assess.recipient.name"), r.get("name"));
			add(out, "recipient.country", processor, t.get("assess.recipient.country"), r.get("country"));
		}
		for (Object o : list(s.get("data"))) {
			Map<String, Object> e = map(o);
			int n = ((Number) e.get("item")).intValue();
			Item item = (pack != null) ? pack.item(n) : null;
			String group = t.get("item.title", n) + ((item != null) ? " " + t.text(item.name()) : "");
			String href = (pack != null) ? RuleLinks.item(pack.id(), pack.edition(), n) : null;
			out.add(new Answer("item." + n, group, t.get("result.answer.declared"), t.get("assess.yes"), href));
			add(out, "item." + n + ".description", group, t.get("assess.item.description"), e.get("description"));
			Map<String, Object> facts = map(e.get("facts"));
			if (facts != null) {
				facts.forEach((name, value) -> {
					Fact f = (pack != null) ? pack.facts().get(name) : null;
					out.add(new Answer("fact." + n + "." + name, group, (f != null) ? t.text(f.label()) : name,
							value(f, value, t), href));
				});
			}
		}
		List<Object> groups = list(s.get("personalInformation"));
		for (int i = 0; i < groups.size(); i++) {
			Map<String, Object> g = map(groups.get(i));
			String group = t.get("result.answer.piGroup", i + 1);
			out.add(new Answer("pi." + i + ".individuals", group, t.get("assess.pi.individuals"),
					t.number(num(g.get("individuals"))), null));
			out.add(new Answer("pi." + i + ".sensitiveIndividuals", group, t.get("assess.pi.sensitive"),
					t.number(num(g.get("sensitiveIndividuals"))), null));
			String basis = (g.get("basis") != null) ? String.valueOf(g.get("basis")) : "NONE";
			out.add(new Answer("pi." + i + ".basis", group, t.get("assess.pi.basis"), t.get("basis." + basis), null));
		}
		Map<String, Object> prior = map(s.get("priorThisYear"));
		if (prior != null) {
			String group = t.get("assess.s5");
			out.add(new Answer("prior.individuals", group, t.get("assess.prior.individuals"),
					t.number(num(prior.get("individuals"))), null));
			out.add(new Answer("prior.sensitiveIndividuals", group, t.get("assess.prior.sensitive"),
					t.number(num(prior.get("sensitiveIndividuals"))), null));
		}
		Map<String, Object> flags = map(s.get("flags"));
		if (flags != null) {
			String group = t.get("assess.s6");
			flags.forEach((name, value) -> out.add(new Answer("flag." + name, group, t.get("flag." + name),
					Boolean.TRUE.equals(value) ? t.get("assess.yes") : t.get("assess.no"), null)));
		}
		Map<String, Object> cumulative = map(d.get("cumulative"));
		Map<String, Object> priorUsed = (cumulative != null) ? map(cumulative.get("prior")) : null;
		String source = (cumulative != null && cumulative.get("priorSource") != null)
				? String.valueOf(cumulative.get("priorSource")) : "NONE";
		String ledger = ("LEDGER".equals(source) && a.processorId() != null)
				? "/ledger/" + a.processorId() + "?year=" + a.exportDate().getYear() : null;
		return new AssessedView(out, (priorUsed != null) ? num(priorUsed.get("individuals")) : 0,
				(priorUsed != null) ? num(priorUsed.get("sensitiveIndividuals")) : 0, source,
				BeijingTime.format(a.createdAt()), ledger);
	}

	private static String value(Fact f, Object value, Messages t) {
		if (value instanceof Boolean b) {
			return b ? t.get("assess.yes") : t.get("assess.no");
		}
		if (f != null && f.values() != null && value != null && f.values().get(String.valueOf(value)) != null) {
			return t.text(f.values().get(String.valueOf(value)));
		}
		if (value instanceof Number n) {
			String number = t.number((n instanceof BigDecimal || n instanceof Double) ? n : n.longValue());
			Text unit = (f != null) ? f.unit() : null;
			return (unit != null) ? number + " " + t.text(unit) : number;
		}
		return String.valueOf(value);
	}

	private static void add(List<Answer> out, String key, String group, String question, Object value) {
		if (value != null && !String.valueOf(value).isBlank()) {
			out.add(new Answer(key, group, question, String.valueOf(value), null));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object o) {
		return (o instanceof Map<?, ?> m) ? (Map<String, Object>) m : null;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object o) {
		return (o instanceof List<?> l) ? (List<Object>) l : List.of();
	}

	private static long num(Object o) {
		return (o instanceof Number n) ? n.longValue() : 0;
	}

}
