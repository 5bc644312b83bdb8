package cn.outbound.service.ledger;

import java.time.LocalDate;
import java.util.Optional;

import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.LedgerCounts;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.scenario.Scenario;

/**
 * A decision's {@code priorThisYear} from the ledger, for every door (the server's decisions and assessments, the CLI's
 * {@code assess}): distinct persons recorded under a counted basis from 1 January up to the export's date.
 */
public final class LedgerPriorCounts implements PriorCounts {

	private final Ledger ledger;

	public LedgerPriorCounts(Ledger ledger) {
		this.ledger = ledger;
	}

	/**
	 * @return empty when the ledger has no event of the processor in that year up to the date (a mistyped id is then
	 * visible in the decision's notes rather than silently counted as zero)
	 */
	@Override
	public Optional<Scenario.Counts> upTo(String processorId, LocalDate date) {
		LedgerCounts counts = this.ledger.countsUpTo(processorId, date);
		if (counts.events() == 0) {
			return Optional.empty();
		}
		return Optional.of(new Scenario.Counts(counts.individuals(), counts.sensitiveIndividuals()));
	}

}
