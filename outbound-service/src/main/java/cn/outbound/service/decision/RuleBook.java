package cn.outbound.service.decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.scenario.ScenarioReader;

/**
 * The rule packs the server decides with, and the engine and reader built on them. Immutable: a new edition
 * published by an administrator replaces the whole book at once.
 */
public record RuleBook(RulePacks packs, Engine engine, ScenarioReader reader) {

	public static RuleBook of(RulePacks packs, EngineSettings settings) {
		return new RuleBook(packs, new Engine(packs, settings), new ScenarioReader(packs));
	}

	/** Every edition of every pack, by id then date. */
	public List<RulePack> editions() {
		List<RulePack> out = new ArrayList<>();
		this.packs.all().forEach(out::addAll);
		out.sort(Comparator.comparing(RulePack::id).thenComparing(RulePack::inForceFrom));
		return out;
	}

	/** The edition in force today, or the latest one. */
	public Optional<RulePack> current(String id) {
		Optional<RulePack> today = this.packs.inForce(id, LocalDate.now());
		if (today.isPresent()) {
			return today;
		}
		List<RulePack> editions = this.packs.editions(id);
		return editions.isEmpty() ? Optional.empty() : Optional.of(editions.get(editions.size() - 1));
	}

	/** The negative list browsed by default: the first pack with list items. */
	public RulePack defaultList() {
		for (String id : this.packs.ids()) {
			RulePack p = current(id).orElseThrow();
			if (p.listItems()) {
				return p;
			}
		}
		return current(this.packs.ids().get(0)).orElseThrow();
	}

}
