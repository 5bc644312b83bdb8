package cn.outbound.rules.pack;

import java.util.List;
import java.util.Map;

import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;
import cn.outbound.rules.Basis;

/**
 * The personal-information rules of a pack: exempt bases, the CIIO rule, the cumulative threshold bands of a
 * processor that is not a CIIO, per class, and the line past which a processor carries important-data duties.
 */
public record PiRules(Map<Basis, ExemptBasis> exemptBases, CiioRule ciio, List<Band> individuals,
		List<Band> sensitiveIndividuals, ScaleRule importantDataDuties) {

	/**
	 * A line of persons whose processing brings duties of its own, not a mechanism: a processor of personal
	 * information of {@code atLeast} persons or more ("以上" includes the number) also carries the duties of an
	 * important-data processor (Regulations on Network Data Security Management art. 28, {@code rule}). {@code null}
	 * in a pack that has none.
	 */
	public record ScaleRule(long atLeast, String rule) {

		/** Whether {@code persons} is on or over the line. */
		public boolean reached(long persons) {
			return persons >= this.atLeast;
		}

	}

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
