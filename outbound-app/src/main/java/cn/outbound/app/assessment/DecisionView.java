package cn.outbound.app.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Obligation;
import cn.outbound.rules.render.DecisionText;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored decision (its JSON, exactly as it was made) shaped for the result page: the outcome, each finding and
 * exemption with the text it rests on, the obligations with their deadlines, and the headroom bars.
 */
public record DecisionView(String outcome, Text outcomeLabel, List<Integer> items, Text packTitle, String packId,
		String packEdition, String packFrom, String packHash, long cumulativeIndividuals,
		long cumulativeSensitive, String priorSource, List<Step> findings, List<Step> exemptions, List<Duty> obligations,
		List<Bar> headroom, List<Text> notes) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public record Step(String rule, Integer item, String mechanism, Text mechanismLabel, Text title, Text quote,
			Text because, Text document) {
	}

	/**
	 * @param deadlines the sentence of each deadline rule the decision carries for the obligation (its
	 * {@code deadlines[].summary}), none for a decision stored before they were added
	 */
	public record Duty(String id, String rule, Text text, Text deadline, Text source, List<Text> deadlines) {
	}

	/**
	 * Persons exported this year against the next threshold, which comes from the decision ({@code nextAt}).
	 *
	 * @param percent how full the bar is, 0-100
	 */
	public record Bar(String cls, long cumulative, String band, Text bandLabel, Long nextAt, String nextMechanism,
			Text nextLabel, String nextRule, Long remaining, int percent) {

		public boolean top() {
			return this.nextAt == null;
		}

	}

	@SuppressWarnings("unchecked")
	public static DecisionView of(String json) {
		Map<String, Object> d = JSON.readValue(json, Map.class);
		Map<String, Object> pack = map(d.get("rulePack"));
		Map<String, Object> cumulative = map(d.get("cumulative"));
		List<Bar> bars = new ArrayList<>();
		Map<String, Object> headroom = map(d.get("headroom"));
		if (headroom != null) {
			for (String cls : List.of("individuals", "sensitiveIndividuals")) {
				Map<String, Object> h = map(headroom.get(cls));
				if (h == null) {
					continue;
				}
				long c = num(h.get("cumulative"));
				Long next = (h.get("nextAt") != null) ? num(h.get("nextAt")) : null;
				int percent = (next == null) ? 100 : (int) Math.min(100, Math.round(100.0 * c / next));
				String band = (String) h.get("band");
				String nextMechanism = (String) h.get("nextMechanism");
				bars.add(new Bar(cls, c, band, label(band), next, nextMechanism, label(nextMechanism),
						(String) h.get("nextRule"), (h.get("remaining") != null) ? num(h.get("remaining")) : null, percent));
			}
		}
		List<Duty> duties = new ArrayList<>();
		for (Object o : list(d.get("obligations"))) {
			Map<String, Object> n = map(o);
			Map<String, Object> dl = map(n.get("deadline"));
			Text deadline = null;
			if (dl != null) {
				Obligation.Deadline deadlineRecord = new Obligation.Deadline(((Number) dl.get("amount")).intValue(),
						Obligation.Deadline.Unit.valueOf((String) dl.get("unit")),
						Obligation.Deadline.Relation.valueOf((String) dl.get("relation")), text(dl.get("event")));
				deadline = new Text(DecisionText.deadline(deadlineRecord, "zh"), DecisionText.deadline(deadlineRecord, "en"));
			}
			Map<String, Object> source = map(n.get("source"));
			List<Text> rules = new ArrayList<>();
			list(n.get("deadlines")).forEach(r -> rules.add(text(map(r).get("summary"))));
			duties.add(new Duty((String) n.get("id"), (String) n.get("rule"), text(n.get("text")), deadline,
					(source != null) ? text(source.get("title")) : null, rules));
		}
		List<Text> notes = new ArrayList<>();
		list(d.get("notes")).forEach(n -> notes.add(text(n)));
		List<Integer> items = new ArrayList<>();
		list(d.get("items")).forEach(i -> items.add(((Number) i).intValue()));
		String outcome = (String) d.get("outcome");
		return new DecisionView(outcome, label(outcome), items, text(pack.get("title")), (String) pack.get("id"),
				(String) pack.get("edition"), (String) pack.get("inForceFrom"), (String) pack.get("contentHash"),
				num(cumulative.get("individuals")), num(cumulative.get("sensitiveIndividuals")),
				(String) cumulative.get("priorSource"), steps(d.get("findings")), steps(d.get("exemptions")), duties, bars,
				notes);
	}

	private static List<Step> steps(Object value) {
		List<Step> out = new ArrayList<>();
		for (Object o : list(value)) {
			Map<String, Object> n = map(o);
			String mechanism = (String) n.get("mechanism");
			Map<String, Object> source = map(n.get("source"));
			out.add(new Step((String) n.get("rule"), (n.get("item") != null) ? ((Number) n.get("item")).intValue() : null,
					mechanism, (mechanism != null) ? label(mechanism) : null, text(n.get("title")), text(n.get("quote")),
					text(n.get("because")), (source != null) ? text(source.get("document")) : null));
		}
		return out;
	}

	static Text label(String mechanism) {
		if (mechanism == null) {
			return null;
		}
		try {
			return Mechanism.valueOf(mechanism).label();
		}
		catch (IllegalArgumentException ex) {
			return new Text(mechanism, mechanism);
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

	static Text text(Object o) {
		Map<String, Object> m = map(o);
		if (m == null) {
			return null;
		}
		return new Text(String.valueOf(m.getOrDefault("zh", "")), String.valueOf(m.getOrDefault("en", "")));
	}

}
