package cn.outbound.app.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.outbound.rules.pack.Fact;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.source.TypedNumbers;

/**
 * The questionnaire's answers as form fields, and the scenario document they make. Field names: {@code jurisdiction},
 * {@code date}, {@code title}, {@code processor.id|name|ciio}, {@code recipient.name|country}, {@code item.N} (the
 * item is declared), {@code item.N.description}, {@code fact.N.NAME}, {@code pi.K.individuals|sensitiveIndividuals|basis},
 * {@code prior.individuals|sensitiveIndividuals}, {@code flag.NAME}. Each JSON pointer of the scenario maps back to
 * the field it came from, so that a problem shows next to its question.
 */
record ScenarioForm(Map<String, String> values) {

	static final int MAX_PI_GROUPS = 20;

	static ScenarioForm of(Map<String, String[]> parameters) {
		Map<String, String> values = new TreeMap<>();
		parameters.forEach((k, v) -> {
			if (v != null && v.length > 0 && !k.equals("_csrf") && !k.equals("action") && !k.equals("lang")
					&& k.length() < 100) {
				String s = v[v.length - 1];
				if (s != null && !s.isBlank()) {
					values.put(k, (s.length() > 1000) ? s.substring(0, 1000) : s.strip());
				}
			}
		});
		return new ScenarioForm(values);
	}

	String get(String key) {
		return this.values.get(key);
	}

	String get(String key, String fallback) {
		return this.values.getOrDefault(key, fallback);
	}

	boolean on(String key) {
		String v = this.values.get(key);
		return v != null && !"false".equals(v);
	}

	/** The number of personal-information group rows to show (at least one). */
	int piGroups() {
		int max = 0;
		for (String k : this.values.keySet()) {
			if (k.startsWith("pi.")) {
				String[] parts = k.split("\\.");
				try {
					max = Math.max(max, Integer.parseInt(parts[1]) + 1);
				}
				catch (NumberFormatException ex) {
					// not a group field
				}
			}
		}
		return Math.min(Math.max(max, 1), MAX_PI_GROUPS);
	}

	/**
	 * The scenario document and, for each JSON pointer in it, the form field it came from; the ticked items the pack
	 * in force cannot assess (another jurisdiction's list, or none), which the form must not drop in silence; the
	 * numeric fields whose text is not a number ({@link TypedNumbers}), and those written other than as plain
	 * digits with the number understood, to echo.
	 */
	record Built(Map<String, Object> scenario, Map<String, String> fields, List<Integer> dropped,
			Map<String, String> unreadable, Map<String, BigDecimal> understood) {

		/** Nothing to assess: no data item, no personal information, no special circumstance. */
		boolean empty() {
			return ((List<?>) this.scenario.get("data")).isEmpty()
					&& ((List<?>) this.scenario.get("personalInformation")).isEmpty()
					&& !((Map<?, ?>) this.scenario.get("flags")).containsValue(Boolean.TRUE);
		}

		/** The field a problem's pointer belongs to: the longest pointer prefix that names one. */
		String field(String pointer) {
			String p = pointer;
			while (p != null && !p.isEmpty()) {
				String f = this.fields.get(p);
				if (f != null) {
					return f;
				}
				int cut = p.lastIndexOf('/');
				p = (cut > 0) ? p.substring(0, cut) : null;
			}
			return null;
		}

	}

	Built build(RulePack pack) {
		Map<String, String> unreadable = new LinkedHashMap<>();
		Map<String, BigDecimal> understood = new LinkedHashMap<>();
		Map<String, Object> s = new LinkedHashMap<>();
		Map<String, String> fields = new LinkedHashMap<>();
		s.put("schema", Scenario.SCHEMA);
		s.put("jurisdiction", get("jurisdiction", pack.id()));
		fields.put("/jurisdiction", "jurisdiction");
		s.put("date", get("date", ""));
		fields.put("/date", "date");
		Map<String, Object> processor = new LinkedHashMap<>();
		put(processor, "id", get("processor.id"));
		put(processor, "name", get("processor.name"));
		processor.put("ciio", "true".equals(get("processor.ciio")));
		s.put("processor", processor);
		fields.put("/processor/id", "processor.id");
		fields.put("/processor/name", "processor.name");
		fields.put("/processor/ciio", "processor.ciio");
		if (get("recipient.name") != null || get("recipient.country") != null) {
			Map<String, Object> recipient = new LinkedHashMap<>();
			put(recipient, "name", get("recipient.name"));
			put(recipient, "country", get("recipient.country"));
			s.put("recipient", recipient);
		}
		List<Object> data = new ArrayList<>();
		if (pack.listItems()) {
			for (Item item : pack.items().values()) {
				if (item.personalInformation() || !on("item." + item.number())) {
					continue;
				}
				String at = "/data/" + data.size();
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("item", item.number());
				fields.put(at, "item." + item.number());
				put(entry, "description", get("item." + item.number() + ".description"));
				Map<String, Object> facts = new LinkedHashMap<>();
				for (String name : item.facts()) {
					String raw = get("fact." + item.number() + "." + name);
					if (raw == null) {
						continue;
					}
					String field = "fact." + item.number() + "." + name;
					facts.put(name, value(pack.facts().get(name), raw, field, unreadable, understood));
					fields.put(at + "/facts/" + name, "fact." + item.number() + "." + name);
				}
				if (!facts.isEmpty()) {
					entry.put("facts", facts);
				}
				data.add(entry);
			}
		}
		s.put("data", data);
		List<Object> groups = new ArrayList<>();
		for (int k = 0; k < piGroups(); k++) {
			String n = get("pi." + k + ".individuals");
			String sens = get("pi." + k + ".sensitiveIndividuals");
			if (n == null && sens == null) {
				continue;
			}
			String at = "/personalInformation/" + groups.size();
			Map<String, Object> g = new LinkedHashMap<>();
			g.put("individuals", count(n, "pi." + k + ".individuals", unreadable, understood));
			g.put("sensitiveIndividuals", count(sens, "pi." + k + ".sensitiveIndividuals", unreadable, understood));
			g.put("basis", get("pi." + k + ".basis", "NONE"));
			fields.put(at + "/individuals", "pi." + k + ".individuals");
			fields.put(at + "/sensitiveIndividuals", "pi." + k + ".sensitiveIndividuals");
			fields.put(at + "/basis", "pi." + k + ".basis");
			fields.put(at, "pi." + k + ".individuals");
			groups.add(g);
		}
		s.put("personalInformation", groups);
		if (get("prior.individuals") != null || get("prior.sensitiveIndividuals") != null) {
			Map<String, Object> prior = new LinkedHashMap<>();
			prior.put("individuals", count(get("prior.individuals"), "prior.individuals", unreadable, understood));
			prior.put("sensitiveIndividuals",
					count(get("prior.sensitiveIndividuals"), "prior.sensitiveIndividuals", unreadable, understood));
			s.put("priorThisYear", prior);
			fields.put("/priorThisYear/individuals", "prior.individuals");
			fields.put("/priorThisYear/sensitiveIndividuals", "prior.sensitiveIndividuals");
		}
		Map<String, Object> flags = new LinkedHashMap<>();
		for (String f : List.of("stateSecrets", "coreData", "governmentData", "notifiedImportantData")) {
			flags.put(f, on("flag." + f));
			fields.put("/flags/" + f, "flag." + f);
		}
		s.put("flags", flags);
		return new Built(s, fields, dropped(pack), unreadable, understood);
	}

	/**
	 * The ticked items ({@code item.N}) that the pack cannot assess: it has no list (a processor outside the zone),
	 * or no such item, or the item is one of personal information (asked in section 4).
	 */
	List<Integer> dropped(RulePack pack) {
		List<Integer> out = new ArrayList<>();
		for (String key : this.values.keySet()) {
			if (!key.matches("item\\.\\d{1,6}") || !on(key)) {
				continue;
			}
			int n = Integer.parseInt(key.substring(5));
			Item item = pack.listItems() ? pack.items().get(n) : null;
			if (item == null || item.personalInformation()) {
				out.add(n);
			}
		}
		out.sort(null);
		return out;
	}

	/** This form without the answers of the given items (their tick, description and facts). */
	ScenarioForm without(List<Integer> items) {
		Map<String, String> kept = new TreeMap<>();
		this.values.forEach((k, v) -> {
			for (int n : items) {
				if (k.equals("item." + n) || k.startsWith("item." + n + ".") || k.startsWith("fact." + n + ".")) {
					return;
				}
			}
			kept.put(k, v);
		});
		return new ScenarioForm(kept);
	}

	private static void put(Map<String, Object> m, String key, String value) {
		if (value != null) {
			m.put(key, value);
		}
	}

	/**
	 * A count as typed ({@link TypedNumbers}: {@code 120万}, {@code 1,200,000}, …): the number it reads as (a whole
	 * number as a long when it fits, else as a decimal, so that the reader's bounds speak of a number), or the text
	 * itself, noted as unreadable, for the reader to refuse.
	 */
	private static Object count(String raw, String field, Map<String, String> unreadable,
			Map<String, BigDecimal> understood) {
		if (raw == null) {
			return 0L;
		}
		var n = TypedNumbers.parse(raw);
		if (n.isEmpty()) {
			unreadable.put(field, raw);
			return raw;
		}
		BigDecimal v = n.get();
		if (TypedNumbers.needsEcho(raw, v)) {
			understood.put(field, v);
		}
		if (v.scale() == 0 && v.unscaledValue().bitLength() < 63) {
			return v.longValueExact();
		}
		return v;
	}

	private static Object value(Fact fact, String raw, String field, Map<String, String> unreadable,
			Map<String, BigDecimal> understood) {
		if (fact == null) {
			return raw;
		}
		return switch (fact.type()) {
			case BOOLEAN -> "true".equals(raw) ? Boolean.TRUE : "false".equals(raw) ? Boolean.FALSE : raw;
			case INTEGER, NUMBER -> count(raw, field, unreadable, understood);
			default -> raw;
		};
	}

}
