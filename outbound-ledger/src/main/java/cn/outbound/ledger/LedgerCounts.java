package cn.outbound.ledger;

import java.time.LocalDate;

/**
 * The counted persons of a processor from 1 January of {@code asOf}'s year up to {@code asOf} (inclusive): what a
 * decision takes as {@code priorThisYear}.
 *
 * @param processor the processor's ledger id
 * @param asOf the last day included
 * @param individuals distinct persons, non-sensitive PI, counted bases
 * @param sensitiveIndividuals distinct persons, sensitive PI, counted bases
 * @param events events recorded for the processor in that period (0: the ledger knows nothing of it; a mistyped
 * processor id?)
 * @param exemptBasesCounted whether persons under exempt bases are included (a deployment setting)
 */
public record LedgerCounts(String processor, LocalDate asOf, long individuals, long sensitiveIndividuals,
		long events, boolean exemptBasesCounted) {
}
