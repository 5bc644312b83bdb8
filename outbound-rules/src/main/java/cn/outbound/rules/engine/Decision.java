package cn.outbound.rules.engine;

import java.util.List;
import java.util.Map;

import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Citation;
import cn.outbound.rules.pack.Obligation;
import cn.outbound.rules.scenario.Scenario;

/**
 * What Outbound answers for a scenario: the outcome, the list items triggered, and every step with the rule behind
 * it. The CLI, the REST API, the web UI and the reports all render this one object.
 *
 * @param items the list items triggered, ascending
 * @param basedOn the pack whose articles the decision also cites, or {@code null}
 * @param cumulative persons counted toward the thresholds this year, including this export
 * @param headroom for a processor that is not a CIIO; {@code null} for a CIIO
 */
public record Decision(Scenario scenario, Mechanism outcome, List<Integer> items, PackRef rulePack, PackRef basedOn,
		Cumulative cumulative, List<Finding> findings, List<Exemption> exemptions, List<Due> obligations,
		Headroom headroom, List<Explanation> notes) {

	public static final String SCHEMA = "outbound/decision/v1";

	public record PackRef(String id, String edition, java.time.LocalDate inForceFrom, Text title, String contentHash) {
	}

	public enum Scope {

		/** A scenario flag (state secrets, core data, government data, important data). */
		FLAG,
		/** A declared data[] entry. */
		DATA_ITEM,
		/** A personal-information class or group. */
		PERSONAL_INFORMATION

	}

	/**
	 * @param source where the prior count came from: SCENARIO (priorThisYear), LEDGER, or NONE (zero)
	 * @param prior the prior count used
	 * @param exemptBasesCounted whether persons under exempt bases were counted (a deployment setting)
	 */
	public record Cumulative(long individuals, long sensitiveIndividuals, Source source, Scenario.Counts prior,
			boolean exemptBasesCounted) {

		public enum Source {

			SCENARIO, LEDGER, NONE

		}

	}

	/**
	 * A step that calls for a mechanism.
	 *
	 * @param dataIndex the data[] entry it is about, or {@code null}
	 * @param quote the list or article text it rests on (may be {@code null}: then the citation's text)
	 * @param facts the facts it compared
	 */
	public record Finding(Scope scope, String rule, Integer item, Mechanism mechanism, Citation citation, Text quote,
			Explanation because, Integer dataIndex, Map<String, Object> facts) {
	}

	/** A step that found no mechanism needed, and why. */
	public record Exemption(Scope scope, String rule, Integer item, Citation citation, Text quote, Explanation because,
			Integer dataIndex) {
	}

	/**
	 * An obligation that comes with the decision, with the rule it rests on.
	 *
	 * @param deadlines the deadline rules of the obligation (issue #14: the filing module's deadline file, added by
	 * whoever renders the decision for a person: the service's {@code Deciding} and the CLI's {@code assess}); empty
	 * when it has none or when none were added. The engine itself adds none.
	 */
	public record Due(Obligation obligation, Citation citation, List<DueDeadline> deadlines) {

		public Due {
			deadlines = List.copyOf(deadlines);
		}

		public Due(Obligation obligation, Citation citation) {
			this(obligation, citation, List.of());
		}

	}

	/**
	 * A deadline of an obligation as a rule, without a date (none is known when deciding; {@code outbound filing plan}
	 * and a filing's life date it). Its words come from the filing module's deadline file, so that the decision, the
	 * filing plan and a filing's open deadlines say the same.
	 *
	 * @param id the deadline's id ({@code sa-completeness}, {@code scc-filing}, …)
	 * @param title what is due
	 * @param marks what the date it yields marks
	 * @param period the rule in words, without dates: "自标准合同生效之日起10个工作日内"
	 * @param summary title, period and article in one sentence: what a person reads in every door
	 * @param unit {@code WORKING_DAYS}, {@code MONTHS} or {@code YEARS}
	 * @param direction {@code AFTER}, {@code BEFORE}, {@code AT_LEAST_BEFORE} or {@code FOR}
	 * @param anchorEvent the event a person tells that it is counted from ({@code submitted}), or {@code null}
	 * @param anchorStep the deadline it is counted from, or {@code null}
	 * @param anchorName what the anchor is called
	 */
	public record DueDeadline(String id, Text title, Text marks, Text period, Text summary, int amount, String unit,
			String direction, String anchorEvent, String anchorStep, Text anchorName, DueCitation citation,
			Text explanation) {
	}

	/**
	 * The article a deadline rests on.
	 *
	 * @param rule the provision of the rule pack ({@code art-9}), or {@code null} for an article no pack holds
	 * @param pack the rule pack and edition it was resolved in ({@code cn-national@2024}), or {@code null}
	 * @param text a quotation when {@code verbatim}, else a summary that says so
	 * @param source where in the repository's sources the fact was read
	 */
	public record DueCitation(String rule, String pack, Text title, Text document, Text text, boolean verbatim,
			String source) {
	}

	/**
	 * This decision with the deadline rules {@code of} gives for each obligation (an empty list for none); the
	 * decision is otherwise the same.
	 */
	public Decision withDeadlines(java.util.function.Function<Due, List<DueDeadline>> of) {
		List<Due> dues = this.obligations.stream().map(d -> new Due(d.obligation(), d.citation(), of.apply(d))).toList();
		return new Decision(this.scenario, this.outcome, this.items, this.rulePack, this.basedOn, this.cumulative,
				this.findings, this.exemptions, dues, this.headroom, this.notes);
	}

	public record Headroom(ClassHeadroom individuals, ClassHeadroom sensitiveIndividuals) {
	}

	/**
	 * @param band the mechanism the cumulative count falls under now
	 * @param nextAt the count at which the next mechanism applies, or {@code null} in the top band
	 * @param remaining how many more persons can be exported this year before the next mechanism applies
	 */
	public record ClassHeadroom(long cumulative, Mechanism band, String bandRule, Long nextAt, Mechanism nextMechanism,
			String nextRule, Citation nextCitation, Long remaining) {
	}

}
