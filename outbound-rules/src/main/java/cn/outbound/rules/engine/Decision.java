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

	/** An obligation that comes with the decision, with the rule it rests on. */
	public record Due(Obligation obligation, Citation citation) {
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
