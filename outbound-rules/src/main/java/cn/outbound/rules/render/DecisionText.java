package cn.outbound.rules.render;

import cn.outbound.rules.Text;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Explanation;
import cn.outbound.rules.pack.Obligation;

/**
 * The decision as text for a person, in Chinese ({@code zh}) or English ({@code en}).
 */
public final class DecisionText {

	private DecisionText() {
	}

	public static String render(Decision d, String lang) {
		StringBuilder out = new StringBuilder();
		line(out, m("text.outcome", lang) + sep(lang) + d.outcome().label().in(lang) + " (" + d.outcome().name() + ")");
		line(out, m("text.items", lang) + sep(lang) + (d.items().isEmpty() ? m("text.none", lang)
				: String.join(", ", d.items().stream().map(String::valueOf).toList())));
		String pack = f("text.edition", lang, d.rulePack().title().in(lang), d.rulePack().edition(),
				d.rulePack().inForceFrom().toString());
		if (d.basedOn() != null) {
			pack += ("zh".equals(lang) ? "；" : "; ") + m("text.basedOn", lang) + " " + f("text.edition", lang, d.basedOn().title().in(lang),
					d.basedOn().edition(), d.basedOn().inForceFrom().toString());
		}
		line(out, m("text.rulePack", lang) + sep(lang) + pack);
		line(out, "  " + d.rulePack().id() + " " + d.rulePack().contentHash());
		line(out, m("text.cumulative", lang) + sep(lang) + f("text.cumulative.line", lang, d.cumulative().individuals(),
				d.cumulative().sensitiveIndividuals()));
		line(out, m("text.priorSource", lang) + sep(lang) + m("text.priorSource." + d.cumulative().source(), lang));
		if (!d.findings().isEmpty()) {
			out.append('\n');
			line(out, m("text.findings", lang) + ("zh".equals(lang) ? "：" : ":"));
			int i = 1;
			for (Decision.Finding f : d.findings()) {
				line(out, " " + (i++) + ". [" + f.citation().fullTitle().in(lang) + "] " + f.mechanism().label().in(lang));
				line(out, "    " + m("text.because", lang) + sep(lang) + Explanations.render(f.because(), lang));
				Text quote = (f.quote() != null) ? f.quote() : f.citation().text();
				line(out, "    " + m("text.quote", lang) + sep(lang) + quoted(quote, lang));
			}
		}
		if (!d.exemptions().isEmpty()) {
			out.append('\n');
			line(out, m("text.exemptions", lang) + ("zh".equals(lang) ? "：" : ":"));
			int i = 1;
			for (Decision.Exemption e : d.exemptions()) {
				String title = (e.citation() != null) ? "[" + e.citation().fullTitle().in(lang) + "] " : "";
				line(out, " " + (i++) + ". " + title + Explanations.render(e.because(), lang));
				Text quote = (e.quote() != null) ? e.quote() : (e.citation() != null) ? e.citation().text() : null;
				if (quote != null) {
					line(out, "    " + m("text.quote", lang) + sep(lang) + quoted(quote, lang));
				}
			}
		}
		if (!d.obligations().isEmpty()) {
			out.append('\n');
			line(out, m("text.obligations", lang) + ("zh".equals(lang) ? "：" : ":"));
			for (Decision.Due due : d.obligations()) {
				Obligation o = due.obligation();
				line(out, " - " + o.text().in(lang) + " [" + due.citation().fullTitle().in(lang) + "]");
				if (o.deadline() != null) {
					line(out, "   " + m("text.deadline", lang) + sep(lang) + deadline(o.deadline(), lang));
				}
				if (!due.deadlines().isEmpty()) {
					line(out, "   " + m("text.deadlineRules", lang) + ("zh".equals(lang) ? "：" : ":"));
					for (Decision.DueDeadline r : due.deadlines()) {
						line(out, "     · " + r.summary().in(lang));
					}
				}
			}
		}
		if (d.headroom() != null) {
			out.append('\n');
			line(out, m("text.headroom", lang) + ("zh".equals(lang) ? "：" : ":"));
			headroom(out, "class.individuals", d.headroom().individuals(), lang);
			headroom(out, "class.sensitiveIndividuals", d.headroom().sensitiveIndividuals(), lang);
		}
		if (!d.notes().isEmpty()) {
			out.append('\n');
			line(out, m("text.notes", lang) + ("zh".equals(lang) ? "：" : ":"));
			for (Explanation note : d.notes()) {
				line(out, " - " + Explanations.render(note, lang));
			}
		}
		return out.toString();
	}

	public static String deadline(Obligation.Deadline d, String lang) {
		String event = (d.event() != null) ? d.event().in(lang) : "";
		return f("deadline." + d.relation().name(), lang, String.valueOf(d.amount()), m("unit." + d.unit().name(), lang),
				event);
	}

	private static void headroom(StringBuilder out, String classKey, Decision.ClassHeadroom h, String lang) {
		if (h.nextAt() == null) {
			line(out, " - " + f("text.headroom.top", lang, Explanation.of(classKey), h.cumulative(), h.band().label().in(lang)));
		}
		else if (h.nextAt().longValue() <= 1) {
			// any person of this class calls for the next mechanism: "0 more can be exported" would read as a ban
			line(out, " - " + f("text.headroom.any", lang, Explanation.of(classKey), h.nextMechanism().label().in(lang),
					(h.nextCitation() != null) ? h.nextCitation().fullTitle().in(lang) : h.nextRule()));
		}
		else {
			line(out, " - " + f("text.headroom.line", lang, Explanation.of(classKey), h.cumulative(), Math.max(0, h.remaining()),
					h.nextAt(), h.nextMechanism().label().in(lang),
					(h.nextCitation() != null) ? h.nextCitation().fullTitle().in(lang) : h.nextRule()));
		}
	}

	private static String quoted(Text quote, String lang) {
		return "zh".equals(lang) ? "“" + quote.zh() + "”" : "“" + quote.en() + "” (“" + quote.zh() + "”)";
	}

	private static String sep(String lang) {
		return "zh".equals(lang) ? "：" : ": ";
	}

	private static String m(String key, String lang) {
		return Explanations.message(key, lang);
	}

	private static String f(String key, String lang, Object... args) {
		return Explanations.render(new Explanation(key, java.util.Arrays.asList(args)), lang);
	}

	private static void line(StringBuilder out, String s) {
		out.append(s).append('\n');
	}

}
