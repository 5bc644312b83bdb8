package cn.outbound.app.ledger;

import cn.outbound.ledger.Ledger;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.decision.RuleBooks;
import cn.outbound.service.ledger.LedgerPriorCounts;
import cn.outbound.service.ledger.LedgerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger of persons exported, opened on the server's own database ({@link DatabaseSettings}) under the same rules
 * as the CLI: {@code OUTBOUND_LEDGER_KEY} (or the property {@code outbound.ledger.key}) is required for a server
 * database; for the embedded H2 file a key is generated once next to it. Closed on shutdown. It also answers a
 * decision's {@code priorThisYear} ({@link LedgerPriorCounts}, as the CLI's {@code assess} does).
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LedgerConfiguration.class);

	@Bean(destroyMethod = "close")
	Ledger ledger(DatabaseSettings settings) {
		Ledger ledger = LedgerService.openLedger(settings, System.getenv(), log::warn);
		log.info("Ledger: {}", ledger.database().displayUrl());
		return ledger;
	}

	/**
	 * A decision's {@code priorThisYear} from the ledger: empty when the ledger has no event of the processor in
	 * that year up to the date (a mistyped id then shows in the decision's notes instead of counting as zero).
	 */
	@Bean
	PriorCounts priorCounts(Ledger ledger) {
		return new LedgerPriorCounts(ledger);
	}

	/** The ledger's doors: status and history against the editions in force (published ones included), recording audited. */
	@Bean
	LedgerService ledgerService(Ledger ledger, RuleBooks books, Writes writes) {
		return new LedgerService(ledger, () -> books.current().packs(), writes);
	}

}
