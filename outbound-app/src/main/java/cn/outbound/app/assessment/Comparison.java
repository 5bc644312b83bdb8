package cn.outbound.app.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.outbound.service.assessment.Assessment;

/**
 * Two stored assessments side by side (#11 item 10): the outcome, the items and the rules that decided, then every
 * answer given in either, each marked when the two differ.
 */
public record Comparison(Assessment left, Assessment right, DecisionView leftDecision, DecisionView rightDecision,
		List<Row> rows, int differing) {

	/** One answer in both assessments ({@code null} where one did not give it). */
	public record Row(String key, String group, String question, String left, String right, boolean differs) {
	}

	public boolean outcomeDiffers() {
		return !this.leftDecision.outcome().equals(this.rightDecision.outcome());
	}

	public boolean itemsDiffer() {
		return !this.leftDecision.items().equals(this.rightDecision.items());
	}

	public static List<String> rules(DecisionView d) {
		List<String> out = new ArrayList<>();
		d.findings().forEach(f -> {
			if (f.rule() != null && !out.contains(f.rule())) {
				out.add(f.rule());
			}
		});
		return out;
	}

	/**
	 * The two side by side. A special-case flag one side does not mention is not set, as the decision takes it: the
	 * same as the other side's {@code no} (what a copy made in the form states outright), so not a difference.
	 */
	static Comparison of(Assessment left, AssessedView l, Assessment right, AssessedView r, String no) {
		Map<String, AssessedView.Answer> a = new LinkedHashMap<>();
		l.answers().forEach(x -> a.put(x.key(), x));
		Map<String, AssessedView.Answer> b = new LinkedHashMap<>();
		r.answers().forEach(x -> b.put(x.key(), x));
		List<Row> rows = new ArrayList<>();
		int differing = 0;
		for (AssessedView.Answer x : l.answers()) {
			AssessedView.Answer y = b.get(x.key());
			String rv = (y != null) ? y.value() : null;
			boolean differs = !Objects.equals(x.value(), rv) && !(y == null && unsetFlag(x, no));
			differing += differs ? 1 : 0;
			rows.add(new Row(x.key(), x.group(), x.question(), x.value(), rv, differs));
		}
		for (AssessedView.Answer y : r.answers()) {
			if (!a.containsKey(y.key())) {
				boolean differs = !unsetFlag(y, no);
				differing += differs ? 1 : 0;
				rows.add(new Row(y.key(), y.group(), y.question(), null, y.value(), differs));
			}
		}
		return new Comparison(left, right, DecisionView.of(left.decision()), DecisionView.of(right.decision()), rows,
				differing);
	}

	private static boolean unsetFlag(AssessedView.Answer answer, String no) {
		return answer.key().startsWith("flag.") && Objects.equals(answer.value(), no);
	}

}
