package cn.outbound.app.rules;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import cn.outbound.app.system.OutboundSettings;
import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.service.decision.Deciding;
import cn.outbound.service.decision.RuleBooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule book (shipped editions plus those published by an administrator) and the one way the server decides
 * ({@link Deciding}), with the prior counts of the ledger.
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	@Bean
	RuleBooks ruleBooks(OutboundSettings settings, DataSource dataSource) {
		List<RulePack> base = new ArrayList<>(RulePacks.loadBuiltIn());
		if (settings.rulesDir() != null) {
			base.addAll(RulePacks.loadDirectory(settings.rulesDir()));
		}
		return new RuleBooks(base, PublishedEditions.load(dataSource), new EngineSettings(settings.countExemptBases()));
	}

	@Bean
	Deciding deciding(RuleBooks books, PriorCounts priorCounts) {
		return new Deciding(books, priorCounts);
	}

}
