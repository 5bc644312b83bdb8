package cn.outbound.filing.deadline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.Text;
import cn.outbound.rules.engine.Decision;

/**
 * Adds to each obligation of a decision the deadline rules of {@link Deadlines#forObligation(String)}: their period
 * in words, the article and the explanation, without dates (none is known when deciding). Every door that shows a
 * decision to a person adds them through here (the service's {@code Deciding} for the API, the questionnaire and the
 * result page; the CLI's {@code assess}), so each says the same as the filing plan and a filing's open deadlines.
 * <p>
 * An obligation gets the rules only when its rule pack is the one the deadline file names ({@code cn-national},
 * which a provincial pack's decision cites for its obligations): an obligation of another pack with the same id is
 * left as it is.
 */
public final class ObligationDeadlines {

	private static volatile ObligationDeadlines builtIn;

	private final String pack;

	/** By obligation id, built once: the same list objects let the decision's JSON cache each obligation. */
	private final Map<String, List<Decision.DueDeadline>> byObligation = new LinkedHashMap<>();

	public ObligationDeadlines(Deadlines deadlines) {
		this.pack = deadlines.pack();
		for (DeadlineRule rule : deadlines.all()) {
			if (rule.obligation() != null) {
				this.byObligation.computeIfAbsent(rule.obligation(), k -> new ArrayList<>())
					.add(due(deadlines, rule));
			}
		}
		this.byObligation.replaceAll((k, v) -> List.copyOf(v));
	}

	/** Over the built-in deadlines ({@link Deadlines#builtIn()}). */
	public static ObligationDeadlines builtIn() {
		ObligationDeadlines o = builtIn;
		if (o == null) {
			synchronized (ObligationDeadlines.class) {
				o = builtIn;
				if (o == null) {
					o = new ObligationDeadlines(Deadlines.builtIn());
					builtIn = o;
				}
			}
		}
		return o;
	}

	/** The decision with each obligation's deadline rules; the rest of it unchanged. */
	public Decision addTo(Decision decision) {
		return decision.withDeadlines(this::of);
	}

	/** The deadline rules of one obligation of a decision, in the deadline file's order; empty for none. */
	public List<Decision.DueDeadline> of(Decision.Due due) {
		if (due.citation() == null || !this.pack.equals(due.citation().pack())) {
			return List.of();
		}
		return this.byObligation.getOrDefault(due.obligation().id(), List.of());
	}

	private static Decision.DueDeadline due(Deadlines deadlines, DeadlineRule r) {
		Text anchorName = deadlines.anchorName(r);
		Text summary = new Text(deadlines.describe(r, "zh"), deadlines.describe(r, "en"));
		return new Decision.DueDeadline(r.id(), r.title(), r.marks(), r.period(anchorName), summary, r.amount(),
				r.unit().name(), r.direction().name(), r.anchor().event(), r.anchor().step(), anchorName,
				r.citation().toDue(), r.explanation());
	}

}
