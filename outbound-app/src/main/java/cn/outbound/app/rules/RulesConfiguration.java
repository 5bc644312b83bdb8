package cn.outbound.app.rules;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import cn.outbound.app.system.OutboundSettings;
import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule book (shipped editions plus those published by an administrator) and the seam for the ledger.
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

	/**
	 * Where a decision takes prior counts from when a scenario names {@code processor.id} but gives no
	 * {@code priorThisYear}. No ledger yet: the count is taken as zero and the decision says so. The ledger module
	 * replaces this bean.
	 */
	@Bean
	@ConditionalOnMissingBean
	PriorCounts priorCounts() {
		return PriorCounts.NONE;
	}

}
