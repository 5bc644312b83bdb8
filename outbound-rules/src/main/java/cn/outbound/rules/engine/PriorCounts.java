package cn.outbound.rules.engine;

import java.time.LocalDate;
import java.util.Optional;

import cn.outbound.rules.scenario.Scenario;

/**
 * Where the engine takes {@code priorThisYear} from when a scenario names {@code processor.id} but gives no prior
 * counts: the ledger of persons exported this year, up to the export's date.
 */
@FunctionalInterface
public interface PriorCounts {

	/** No ledger: the prior count is zero. */
	PriorCounts NONE = (processor, date) -> Optional.empty();

	/**
	 * @return the distinct persons recorded, under a counted basis, from 1 January of {@code date}'s year up to
	 * {@code date}; empty when there is no ledger to ask
	 */
	Optional<Scenario.Counts> upTo(String processorId, LocalDate date);

}
