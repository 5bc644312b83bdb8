package cn.outbound.cli;

import java.time.LocalDate;
import java.util.Optional;

import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.LedgerCounts;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.scenario.Scenario;

/**
 * {@code priorThisYear} from the ledger (the database named by {@code OUTBOUND_DB_URL}, or the embedded default):
 * distinct persons recorded under a counted basis from 1 January up to the export's date. Opened by
 * {@link RuleOptions#priorCounts()} only when a scenario asks for it.
 */
final class LedgerPriorCounts implements PriorCounts, AutoCloseable {

	private final Ledger ledger;

	LedgerPriorCounts() {
		this(LedgerCommand.env());
	}

	LedgerPriorCounts(java.util.Map<String, String> env) {
		this.ledger = Ledger.fromEnvironment(env, notice -> System.err.println("outbound: " + notice));
	}

	@Override
	public void close() {
		this.ledger.close();
	}

	/**
	 * @return empty when the ledger has no event of the processor this year (a mistyped id is then visible in the
	 * decision's notes rather than silently counted as zero)
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
