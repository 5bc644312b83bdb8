package cn.outbound.rules.pack;

import java.util.List;
import java.util.Map;

import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;
import cn.outbound.rules.Basis;

/**
 * The personal-information rules of a pack: exempt bases, the CIIO rule, and the cumulative threshold bands of a
 * processor that is not a CIIO, per class.
 */
public record PiRules(Map<Basis, ExemptBasis> exemptBases, CiioRule ciio, List<Band> individuals,
		List<Band> sensitiveIndividuals) {

	/**
	 * @param inForceFrom the first day the basis exempts, or {@code null} for the pack's whole life (a basis from a
	 * later instrument, such as STATUTORY_DUTY from 2025-01-01)
	 */
	public record ExemptBasis(Basis basis, String rule, Text quote, java.time.LocalDate inForceFrom) {

		/** Whether the basis exempts on {@code date}. */
		public boolean inForceOn(java.time.LocalDate date) {
			return this.inForceFrom == null || !date.isBefore(this.inForceFrom);
		}

	}

	public record CiioRule(String rule, Mechanism mechanism, Text quote) {
	}

	/**
	 * Counts in [atLeast, below) call for the mechanism. {@code below} is {@code null} for the top band. "以上"
	 * includes the number; "不满" excludes it.
	 */
	public record Band(long atLeast, Long below, Mechanism mechanism, String rule, Text quote) {

		public boolean contains(long count) {
			return count >= this.atLeast && (this.below == null || count < this.below);
		}

	}

	public static Band bandFor(List<Band> bands, long count) {
		for (Band b : bands) {
			if (b.contains(count)) {
				return b;
			}
		}
		throw new IllegalStateException("bands do not cover " + count);
	}

}
