package cn.outbound.ledger;

import cn.outbound.rules.Basis;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A processor's year in the ledger, up to a date.
 *
 * @param processor the processor's ledger id
 * @param year the counting year (1 January to 31 December, Asia/Shanghai)
 * @param asOf the last day included
 * @param individuals counted distinct persons, non-sensitive PI
 * @param sensitiveIndividuals counted distinct persons, sensitive PI
 * @param exempt distinct persons recorded under exempt bases (CONTRACT, HR, EMERGENCY, FOREIGN_ORIGIN), shown apart;
 * a person can also be among the counted ones
 * @param exemptBasesCounted whether the deployment counts exempt bases too (then {@code individuals} includes them)
 * @param events events up to {@code asOf}
 * @param lastEventDate the latest event date up to {@code asOf}, or null
 * @param thresholdSource where the threshold lines come from (e.g. {@code cn-national 2024})
 * @param thresholds headroom to each threshold line
 * @param alerts the lines at or above an alert level
 * @param months per month from January to {@code asOf}'s month: cumulative counts at the end of the month (or at
 * {@code asOf}) and the persons first recorded that month
 * @param recipients per recipient: counted and exempt persons sent to it (a person can go to several)
 * @param bases per basis: persons exported under it
 */
public record LedgerStatus(String processor, int year, LocalDate asOf, long individuals, long sensitiveIndividuals,
		ClassCounts exempt, boolean exemptBasesCounted, long events, LocalDate lastEventDate, String thresholdSource,
		List<Headroom> thresholds, List<Headroom> alerts, List<Month> months, List<Recipient> recipients, List<BasisCounts> bases) {

	/**
	 * @param month the month
	 * @param individuals counted persons, non-sensitive, cumulative from 1 January
	 * @param sensitiveIndividuals counted persons, sensitive, cumulative
	 * @param newIndividuals counted non-sensitive persons first recorded this month
	 * @param newSensitiveIndividuals counted sensitive persons first recorded this month
	 * @param exempt exempt-basis persons, cumulative
	 */
	public record Month(YearMonth month, long individuals, long sensitiveIndividuals, long newIndividuals,
			long newSensitiveIndividuals, ClassCounts exempt) {
	}

	/**
	 * @param recipient the recipient ("" when events named none)
	 * @param individuals counted persons, non-sensitive
	 * @param sensitiveIndividuals counted persons, sensitive
	 * @param exempt exempt-basis persons
	 */
	public record Recipient(String recipient, long individuals, long sensitiveIndividuals, ClassCounts exempt) {
	}

	/**
	 * @param basis the basis
	 * @param counted whether it counts toward the thresholds here
	 * @param individuals persons, non-sensitive
	 * @param sensitiveIndividuals persons, sensitive
	 */
	public record BasisCounts(Basis basis, boolean counted, long individuals, long sensitiveIndividuals) {
	}

	/** The counted persons as a pair. */
	public ClassCounts counted() {
		return new ClassCounts(this.individuals, this.sensitiveIndividuals);
	}

}
