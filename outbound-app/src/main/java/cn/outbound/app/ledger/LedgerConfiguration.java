package cn.outbound.app.ledger;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.outbound.app.system.AppDatabase;
import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.LedgerCounts;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.scenario.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The ledger of persons exported, opened on the server's own database (the URL the server resolved from
 * {@code outbound.db.url} / {@code OUTBOUND_DB_URL}, else the embedded H2 file) under the same rules as the CLI:
 * {@code OUTBOUND_LEDGER_KEY} (or the property {@code outbound.ledger.key}) is required for a server database; for the
 * embedded H2 file a key is generated once next to it. Closed on shutdown. It also answers a decision's {@code priorThisYear}.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LedgerConfiguration.class);

	@Bean(destroyMethod = "close")
	Ledger ledger(Environment env) {
		Ledger ledger = Ledger.fromEnvironment(environment(env, System.getenv()), log::warn);
		log.info("Ledger: {}", ledger.database().displayUrl());
		return ledger;
	}

	/** The process environment with the database URL (and ledger key) the server itself uses. */
	static Map<String, String> environment(Environment spring, Map<String, String> processEnv) {
		Map<String, String> env = new HashMap<>(processEnv);
		String url = spring.getProperty("outbound.db.url", AppDatabase.DEFAULT_URL);
		if (url.isBlank()) {
			url = AppDatabase.DEFAULT_URL;
		}
		env.put("OUTBOUND_DB_URL", url.strip());
		String key = spring.getProperty("outbound.ledger.key");
		if (key != null && !key.isBlank() && !processEnv.containsKey("OUTBOUND_LEDGER_KEY")) {
			env.put("OUTBOUND_LEDGER_KEY", key.strip());
		}
		// no user for H2 here: the ledger's Database signs in as the server's pool does (sa, or the empty name an
		// earlier version created the file with)
		return env;
	}

	/**
	 * A decision's {@code priorThisYear} from the ledger: empty when the ledger has no event of the processor in
	 * that year up to the date (a mistyped id then shows in the decision's notes instead of counting as zero).
	 */
	@Bean
	@Primary
	PriorCounts ledgerPriorCounts(Ledger ledger) {
		return new LedgerPriorCounts(ledger);
	}

	record LedgerPriorCounts(Ledger ledger) implements PriorCounts {

		@Override
		public Optional<Scenario.Counts> upTo(String processorId, LocalDate date) {
			LedgerCounts counts = this.ledger.countsUpTo(processorId, date);
			if (counts.events() == 0) {
				return Optional.empty();
			}
			return Optional.of(new Scenario.Counts(counts.individuals(), counts.sensitiveIndividuals()));
		}

	}

}
