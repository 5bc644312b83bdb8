package cn.outbound.rules.pack;

import java.time.LocalDate;
import java.util.List;

/**
 * The cumulative personal-information thresholds in force: the bands of non-sensitive and sensitive persons of the
 * edition that decides a jurisdiction's exports on a date. {@link RulePacks#thresholds(String, LocalDate)} is the one
 * answer to "which thresholds apply", asked by the engine, the ledger's status, headroom and alerts, and what-if, at
 * every door; a new edition that moves a band moves them all.
 *
 * @param packId the pack, e.g. {@code tianjin-ftz}
 * @param edition its edition
 * @param inForceFrom the first day the edition decides
 * @param individuals the bands of persons whose non-sensitive PI is exported, ascending
 * @param sensitiveIndividuals the bands of persons whose sensitive PI is exported, ascending
 */
public record PiThresholds(String packId, String edition, LocalDate inForceFrom, List<PiRules.Band> individuals,
		List<PiRules.Band> sensitiveIndividuals) {

	public PiThresholds {
		individuals = List.copyOf(individuals);
		sensitiveIndividuals = List.copyOf(sensitiveIndividuals);
	}

	/** The thresholds a pack applies, or {@code null} when it has no personal-information rules. */
	public static PiThresholds of(RulePack pack) {
		PiRules pi = pack.personalInformation();
		if (pi == null) {
			return null;
		}
		return new PiThresholds(pack.id(), pack.edition(), pack.inForceFrom(),
				(pi.individuals() != null) ? pi.individuals() : List.of(),
				(pi.sensitiveIndividuals() != null) ? pi.sensitiveIndividuals() : List.of());
	}

	/** For display: {@code tianjin-ftz 2024}. */
	public String source() {
		return this.packId + " " + this.edition;
	}

}
