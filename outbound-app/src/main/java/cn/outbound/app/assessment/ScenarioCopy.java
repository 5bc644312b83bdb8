package cn.outbound.app.assessment;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * A stored scenario as the questionnaire's fields (the inverse of {@link ScenarioForm#build}), so that a stored
 * assessment can be copied into a new draft, changed and decided again (#11 item 10). The copy remembers its source
 * in {@code copyOf}, and the new result is then compared with it.
 */
final class ScenarioCopy {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ScenarioCopy() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, String> formValues(String scenarioJson, long copyOf, String title) {
		Map<String, Object> s = JSON.readValue(scenarioJson, Map.class);
		Map<String, String> v = new TreeMap<>();
		put(v, "jurisdiction", s.get("jurisdiction"));
		put(v, "date", s.get("date"));
		put(v, "title", title);
		Map<String, Object> p = (Map<String, Object>) s.get("processor");
		if (p != null) {
			put(v, "processor.id", p.get("id"));
			put(v, "processor.name", p.get("name"));
			v.put("processor.ciio", Boolean.TRUE.equals(p.get("ciio")) ? "true" : "false");
		}
		Map<String, Object> r = (Map<String, Object>) s.get("recipient");
		if (r != null) {
			put(v, "recipient.name", r.get("name"));
			put(v, "recipient.country", r.get("country"));
		}
		for (Object o : (List<Object>) s.getOrDefault("data", List.of())) {
			Map<String, Object> e = (Map<String, Object>) o;
			Object n = e.get("item");
			v.put("item." + n, "on");
			put(v, "item." + n + ".description", e.get("description"));
			Map<String, Object> facts = (Map<String, Object>) e.get("facts");
			if (facts != null) {
				facts.forEach((name, value) -> put(v, "fact." + n + "." + name, value));
			}
		}
		List<Object> groups = (List<Object>) s.getOrDefault("personalInformation", List.of());
		for (int k = 0; k < groups.size(); k++) {
			Map<String, Object> g = (Map<String, Object>) groups.get(k);
			put(v, "pi." + k + ".individuals", g.get("individuals"));
			put(v, "pi." + k + ".sensitiveIndividuals", g.get("sensitiveIndividuals"));
			put(v, "pi." + k + ".basis", (g.get("basis") != null) ? g.get("basis") : "NONE");
		}
		Map<String, Object> prior = (Map<String, Object>) s.get("priorThisYear");
		if (prior != null) {
			put(v, "prior.individuals", prior.get("individuals"));
			put(v, "prior.sensitiveIndividuals", prior.get("sensitiveIndividuals"));
		}
		Map<String, Object> flags = (Map<String, Object>) s.get("flags");
		if (flags != null) {
			flags.forEach((name, value) -> {
				if (Boolean.TRUE.equals(value)) {
					v.put("flag." + name, "on");
				}
			});
		}
		v.put("copyOf", String.valueOf(copyOf));
		return v;
	}

	private static void put(Map<String, String> v, String key, Object value) {
		if (value != null && !String.valueOf(value).isBlank()) {
			String s = (value instanceof Double || value instanceof java.math.BigDecimal)
					? new java.math.BigDecimal(String.valueOf(value)).stripTrailingZeros().toPlainString() : String.valueOf(value);
			v.put(key, s);
		}
	}

}
