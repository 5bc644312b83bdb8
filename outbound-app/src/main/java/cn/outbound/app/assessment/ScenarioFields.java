package cn.outbound.app.assessment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scenario document as the questionnaire's form fields ({@link ScenarioForm}'s names): the way back from a scenario
 * made elsewhere (a scan's draft) to answers a person can read and change.
 */
public final class ScenarioFields {

	private ScenarioFields() {
	}

	public static Map<String, String> of(Map<String, Object> scenario) {
		Map<String, String> form = new TreeMap<>();
		put(form, "jurisdiction", scenario.get("jurisdiction"));
		put(form, "date", scenario.get("date"));
		if (scenario.get("processor") instanceof Map<?, ?> p) {
			put(form, "processor.id", p.get("id"));
			put(form, "processor.name", p.get("name"));
			put(form, "processor.ciio", p.get("ciio"));
		}
		if (scenario.get("recipient") instanceof Map<?, ?> r) {
			put(form, "recipient.name", r.get("name"));
			put(form, "recipient.country", r.get("country"));
		}
		if (scenario.get("data") instanceof List<?> data) {
			for (Object o : data) {
				if (o instanceof Map<?, ?> d && d.get("item") != null) {
					String n = String.valueOf(d.get("item"));
					form.put("item." + n, "on");
					put(form, "item." + n + ".description", d.get("description"));
					if (d.get("facts") instanceof Map<?, ?> facts) {
						facts.forEach((k, v) -> put(form, "fact." + n + "." + k, v));
					}
				}
			}
		}
		if (scenario.get("personalInformation") instanceof List<?> groups) {
			int k = 0;
			for (Object o : groups) {
				if (o instanceof Map<?, ?> g) {
					put(form, "pi." + k + ".individuals", g.get("individuals"));
					put(form, "pi." + k + ".sensitiveIndividuals", g.get("sensitiveIndividuals"));
					put(form, "pi." + k + ".basis", g.get("basis"));
					k++;
				}
			}
		}
		if (scenario.get("priorThisYear") instanceof Map<?, ?> prior) {
			put(form, "prior.individuals", prior.get("individuals"));
			put(form, "prior.sensitiveIndividuals", prior.get("sensitiveIndividuals"));
		}
		if (scenario.get("flags") instanceof Map<?, ?> flags) {
			flags.forEach((k, v) -> put(form, "flag." + k, v));
		}
		return form;
	}

	private static void put(Map<String, String> form, String key, Object value) {
		if (value != null) {
			form.put(key, String.valueOf(value));
		}
	}

}
