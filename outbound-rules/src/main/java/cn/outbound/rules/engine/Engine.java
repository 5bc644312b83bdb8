package cn.outbound.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Collections;

import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;
import cn.outbound.rules.engine.Decision.ClassHeadroom;
import cn.outbound.rules.engine.Decision.Cumulative;
import cn.outbound.rules.engine.Decision.Due;
import cn.outbound.rules.engine.Decision.Exemption;
import cn.outbound.rules.engine.Decision.Finding;
import cn.outbound.rules.engine.Decision.PackRef;
import cn.outbound.rules.engine.Decision.Scope;
import cn.outbound.rules.engine.Explanation.FactValue;
import cn.outbound.rules.pack.Condition;
import cn.outbound.rules.pack.Fact;
import cn.outbound.rules.pack.FlagRule;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.Obligation;
import cn.outbound.rules.pack.PiRules;
import cn.outbound.rules.pack.PiRules.Band;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.Basis;
import cn.outbound.rules.scenario.Scenario;

/**
 * Decides a scenario against the rule pack in force for it (spec/scenario-v1.md). Pure and thread-safe: the same
 * scenario and prior counts always give the same decision.
 */
public final class Engine {

	private final RulePacks packs;

	private final EngineSettings settings;

	/** What the engine precomputes per pack edition, looked up by identity on the hot path. */
	/** What the engine keeps of a pack: its reference, citations, obligations and its thresholds (RulePacks' answer). */
	private record PackState(PackRef ref, PackRef base, Map<String, cn.outbound.rules.pack.Citation> citations,
			List<Due> obligations, cn.outbound.rules.pack.PiThresholds thresholds) {
	}

	private final Map<RulePack, PackState> states = new java.util.IdentityHashMap<>();

	private static final Map<Mechanism, String> BAND_KEYS = new java.util.EnumMap<>(Mechanism.class);

	private static final Map<String, Explanation.Key> CLASS_KEYS = Map.of("individuals",
			new Explanation.Key("class.individuals"), "sensitiveIndividuals", new Explanation.Key("class.sensitiveIndividuals"));

	static {
		for (Mechanism m : Mechanism.values()) {
			BAND_KEYS.put(m, "pi.band." + m.name());
		}
	}

	public Engine(RulePacks packs) {
		this(packs, EngineSettings.DEFAULT);
	}

	public Engine(RulePacks packs, EngineSettings settings) {
		this.packs = packs;
		this.settings = settings;
		for (List<RulePack> editions : packs.all()) {
			for (RulePack pack : editions) {
				Map<String, Obligation> merged = new LinkedHashMap<>();
				packs.base(pack).ifPresent(base -> base.obligations().forEach(o -> merged.put(o.id(), o)));
				pack.obligations().forEach(o -> merged.put(o.id(), o));
				List<Due> dues = new ArrayList<>();
				merged.values().forEach(o -> dues.add(new Due(o, packs.cite(pack, o.rule()))));
				this.states.put(pack, new PackState(ref(pack), packs.base(pack).map(Engine::ref).orElse(null),
						new HashMap<>(packs.citable(pack)), List.copyOf(dues),
						packs.thresholds(pack.id(), pack.inForceFrom()).orElse(null)));
			}
		}
	}

	public RulePacks packs() {
		return this.packs;
	}

	public EngineSettings settings() {
		return this.settings;
	}

	public Decision decide(Scenario scenario) {
		return decide(scenario, PriorCounts.NONE);
	}

	public Decision decide(Scenario scenario, PriorCounts ledger) {
		RulePack pack = this.packs.inForce(scenario.jurisdiction(), scenario.date())
			.orElseThrow(() -> new IllegalArgumentException("no edition of " + scenario.jurisdiction() + " in force on "
					+ scenario.date() + " (the scenario was not validated with ScenarioReader)"));
		PackState state = this.states.get(pack);
		Steps steps = new Steps(state);
		flags(scenario, pack, steps);
		data(scenario, pack, steps);
		Cumulative cumulative = personalInformation(scenario, pack, steps, ledger);
		Mechanism outcome = Mechanism.EXEMPT;
		List<Integer> items = new ArrayList<>(steps.findings.size());
		for (Finding f : steps.findings) {
			outcome = Mechanism.strongest(outcome, f.mechanism());
			if (f.item() != null && !items.contains(f.item())) {
				items.add(f.item());
			}
		}
		if (items.size() > 1) {
			items.sort(null);
		}
		Decision.Headroom headroom = scenario.processor().ciio() ? null : headroom(pack, cumulative);
		return new Decision(scenario, outcome, Collections.unmodifiableList(items), state.ref(), state.base(), cumulative,
				Collections.unmodifiableList(steps.findings), Collections.unmodifiableList(steps.exemptions),
				dues(state, scenario, outcome), headroom, Collections.unmodifiableList(steps.notes));
	}

	private void flags(Scenario s, RulePack pack, Steps steps) {
		Scenario.Flags flags = s.flags();
		separate(flags.stateSecrets(), "stateSecrets", pack, steps);
		separate(flags.coreData(), "coreData", pack, steps);
		separate(flags.governmentData(), "governmentData", pack, steps);
		if (flags.notifiedImportantData()) {
			FlagRule rule = pack.flags().get("notifiedImportantData");
			if (rule != null) {
				String id = (s.processor().ciio() && rule.ciioRule() != null) ? rule.ciioRule() : rule.rule();
				steps.finding(Scope.FLAG, id, rule.mechanism(), null, null,
						Explanation.of(s.processor().ciio() ? "flag.importantData.ciio" : "flag.importantData"), null, Map.of());
			}
		}
	}

	private void separate(boolean set, String flag, RulePack pack, Steps steps) {
		if (set) {
			FlagRule rule = pack.flags().get(flag);
			if (rule != null) {
				// under a jurisdiction without a list, the wording names no list (issue #14 item 7)
				String key = "flag." + flag + (pack.listItems() ? "" : ".national");
				steps.finding(Scope.FLAG, rule.rule(), rule.mechanism(), null, null, Explanation.of(key), null, Map.of());
			}
		}
	}

	private void data(Scenario s, RulePack pack, Steps steps) {
		List<Scenario.DataEntry> data = s.data();
		for (int i = 0; i < data.size(); i++) {
			Scenario.DataEntry entry = data.get(i);
			if (!pack.listItems()) {
				steps.notes.add(Explanation.of("data.notApplicable", entry.item(), i));
				continue;
			}
			Item item = pack.item(entry.item());
			decideItem(pack, item, entry.facts(), i, steps);
		}
	}

	private void decideItem(RulePack pack, Item item, Map<String, Object> facts, int index, Steps steps) {
		String rule = item.ruleId();
		for (Condition exempt : item.exemptWhen()) {
			if (exempt.holds(facts)) {
				List<Explanation> given = new ArrayList<>();
				exempt.comparisons(c -> given.add(Explanation.of("fact.given", pack.facts().get(c.fact()).label(),
						new FactValue(value(pack, c.fact(), facts.get(c.fact())), null))));
				Text quote = firstQuote(exempt);
				steps.exemption(Scope.DATA_ITEM, rule, item.number(),
						(quote != null) ? quote : (item.remark() != null) ? item.remark().text() : null,
						Explanation.of("item.exempt", item.number(), item.name(), given), index);
				return;
			}
		}
		boolean thresholdGiven = false;
		Boolean qualifies = null;
		for (Map.Entry<String, Object> e : facts.entrySet()) {
			Fact fact = pack.facts().get(e.getKey());
			if (fact.role() == Fact.FactRole.THRESHOLD) {
				thresholdGiven = true;
			}
			else if (fact.role() == Fact.FactRole.QUALIFIES) {
				qualifies = (Boolean) e.getValue();
			}
		}
		if (!thresholdGiven && qualifies == null) {
			steps.finding(Scope.DATA_ITEM, rule, item.mechanism(), item.number(), null,
					Explanation.of("item.declared", item.number(), item.name()), index, facts);
			return;
		}
		if (Boolean.TRUE.equals(qualifies)) {
			steps.finding(Scope.DATA_ITEM, rule, item.mechanism(), item.number(), null,
					Explanation.of("item.qualifies", item.number(), item.name()), index, facts);
			return;
		}
		if (item.triggerWhen() != null && item.triggerWhen().holds(facts)) {
			List<Explanation> met = new ArrayList<>();
			Text[] quote = new Text[1];
			item.triggerWhen().comparisons(c -> {
				if (facts.containsKey(c.fact()) && c.holds(facts)) {
					met.add(compared("fact.met", pack, c, facts.get(c.fact())));
					if (quote[0] == null && c.quote() != null) {
						quote[0] = c.quote();
					}
				}
			});
			steps.finding(Scope.DATA_ITEM, rule, item.mechanism(), item.number(), quote[0],
					Explanation.of("item.threshold", item.number(), item.name(), met), index, facts);
			return;
		}
		List<Explanation> notMet = new ArrayList<>();
		List<Text> missing = new ArrayList<>();
		if (item.triggerWhen() != null) {
			item.triggerWhen().comparisons(c -> {
				Object v = facts.get(c.fact());
				if (v == null) {
					Text label = pack.facts().get(c.fact()).label();
					if (!missing.contains(label)) {
						missing.add(label);
					}
				}
				else if (!c.holds(facts)) {
					notMet.add(compared("fact.notMet", pack, c, v));
				}
			});
		}
		if (!missing.isEmpty() && !notMet.isEmpty()) {
			notMet.add(Explanation.of("facts.missing", missing));
		}
		if (Boolean.FALSE.equals(qualifies)) {
			notMet.add(Explanation.of("qualifies.false"));
		}
		else if (notMet.isEmpty()) {
			notMet.add(Explanation.of("facts.missing", missing));
		}
		steps.exemption(Scope.DATA_ITEM, rule, item.number(), null,
				Explanation.of("item.notMet", item.number(), item.name(), notMet), index);
	}

	private static Text firstQuote(Condition condition) {
		Text[] quote = new Text[1];
		condition.comparisons(c -> {
			if (quote[0] == null && c.quote() != null) {
				quote[0] = c.quote();
			}
		});
		return quote[0];
	}

	/** A comparison with the value given, for "met" and "not met" explanations. */
	private static Explanation compared(String key, RulePack pack, Condition.Compare c, Object actual) {
		Fact fact = pack.facts().get(c.fact());
		return Explanation.of(key, fact.label(), new FactValue(value(pack, c.fact(), actual), fact.unit()),
				(c.quote() != null) ? c.quote() : new Text("—", "—"));
	}

	/** A fact's value as shown: an enum value by its label. */
	private static Object value(RulePack pack, String factName, Object actual) {
		Fact fact = pack.facts().get(factName);
		return (fact.type() == Fact.FactType.ENUM && actual != null) ? fact.values().get((String) actual) : actual;
	}

	private Cumulative personalInformation(Scenario s, RulePack pack, Steps steps, PriorCounts ledger) {
		PiRules pi = pack.personalInformation();
		long exportN = 0;
		long exportS = 0;
		long exemptN = 0;
		long exemptS = 0;
		for (Scenario.PiGroup g : s.personalInformation()) {
			if (g.basis() == Basis.NONE) {
				exportN += g.individuals();
				exportS += g.sensitiveIndividuals();
				continue;
			}
			PiRules.ExemptBasis exempt = pi.exemptBases().get(g.basis());
			if (!exempt.inForceOn(s.date())) {
				// a basis from a later instrument does not exempt before it is in force: the group counts as NONE
				exportN += g.individuals();
				exportS += g.sensitiveIndividuals();
				steps.notes.add(Explanation.of("pi.basisNotInForce", new Explanation.Key("basis." + g.basis().name()),
						exempt.inForceFrom().toString(), s.date().toString(), g.individuals(), g.sensitiveIndividuals()));
				continue;
			}
			exemptN += g.individuals();
			exemptS += g.sensitiveIndividuals();
			if (g.individuals() + g.sensitiveIndividuals() > 0) {
				steps.exemption(Scope.PERSONAL_INFORMATION, exempt.rule(), null, exempt.quote(),
						Explanation.of("pi.exemptBasis", new Explanation.Key("basis." + g.basis().name()), g.individuals(),
								g.sensitiveIndividuals(), new Explanation.Key("pi.exemptCounted." + this.settings.countExemptBases())),
						null);
			}
		}
		Scenario.Counts prior;
		Cumulative.Source source;
		if (s.priorThisYear() != null) {
			prior = s.priorThisYear();
			source = Cumulative.Source.SCENARIO;
		}
		else if (s.processor().id() != null) {
			Optional<Scenario.Counts> fromLedger = ledger.upTo(s.processor().id(), s.date());
			prior = fromLedger.orElse(Scenario.Counts.ZERO);
			source = fromLedger.isPresent() ? Cumulative.Source.LEDGER : Cumulative.Source.NONE;
			steps.notes.add(fromLedger.isPresent()
					? Explanation.of("cumulative.ledger", s.processor().id(), String.valueOf(s.date().getYear()), s.date().toString(), prior.individuals(),
							prior.sensitiveIndividuals())
					: Explanation.of("cumulative.noLedger", s.processor().id()));
		}
		else {
			prior = Scenario.Counts.ZERO;
			source = Cumulative.Source.NONE;
		}
		boolean countExempt = this.settings.countExemptBases();
		long n = prior.individuals() + exportN + (countExempt ? exemptN : 0);
		long sensitive = prior.sensitiveIndividuals() + exportS + (countExempt ? exemptS : 0);
		if (countExempt && exemptN + exemptS > 0) {
			steps.notes.add(Explanation.of("cumulative.exemptCounted", exemptN, exemptS));
		}
		Cumulative cumulative = new Cumulative(n, sensitive, source, prior, countExempt);
		// a class this export does not carry is not assessed; where its count this year already calls for a
		// mechanism, the earlier exports must have been covered: say so, so that the reader checks (issue #14 item 7)
		if (exportN == 0) {
			uncarried(steps, pi, s.processor().ciio(), steps.state.thresholds().individuals(), "individuals", n);
		}
		if (exportS == 0) {
			uncarried(steps, pi, s.processor().ciio(), steps.state.thresholds().sensitiveIndividuals(),
					"sensitiveIndividuals", sensitive);
		}
		if (exportN + exportS == 0) {
			return cumulative;
		}
		if (s.processor().ciio()) {
			PiRules.CiioRule ciio = pi.ciio();
			steps.finding(Scope.PERSONAL_INFORMATION, ciio.rule(), ciio.mechanism(), itemOf(ciio.rule()), ciio.quote(),
					Explanation.of("pi.ciio", exportN, exportS), null, Map.of());
			return cumulative;
		}
		if (exportN > 0) {
			band(steps, PiRules.bandFor(steps.state.thresholds().individuals(), n), "individuals", n, prior.individuals(),
					exportN);
		}
		if (exportS > 0) {
			band(steps, PiRules.bandFor(steps.state.thresholds().sensitiveIndividuals(), sensitive), "sensitiveIndividuals",
					sensitive,
					prior.sensitiveIndividuals(), exportS);
		}
		return cumulative;
	}

	private static void uncarried(Steps steps, PiRules pi, boolean ciio, List<Band> bands, String cls, long count) {
		if (count <= 0) {
			return;
		}
		String rule;
		Mechanism mechanism;
		if (ciio) {
			rule = pi.ciio().rule();
			mechanism = pi.ciio().mechanism();
		}
		else {
			Band band = PiRules.bandFor(bands, count);
			rule = band.rule();
			mechanism = band.mechanism();
		}
		if (mechanism == Mechanism.EXEMPT || rule == null) {
			return;
		}
		cn.outbound.rules.pack.Citation citation = steps.state.citations().get(rule);
		steps.notes.add(Explanation.of("cumulative.uncarriedClass", CLASS_KEYS.get(cls), count,
				(citation != null) ? citation.fullTitle() : new Text(rule, rule), mechanism.label()));
	}

	private static void band(Steps steps, Band band, String cls, long cumulative, long prior, long export) {
		Explanation because = Explanation.of(BAND_KEYS.get(band.mechanism()), CLASS_KEYS.get(cls), cumulative, prior, export,
				band.atLeast(), (band.below() != null) ? band.below() : -1L);
		if (band.mechanism() == Mechanism.EXEMPT) {
			steps.exemption(Scope.PERSONAL_INFORMATION, band.rule(), itemOf(band.rule()), band.quote(), because, null);
		}
		else {
			steps.finding(Scope.PERSONAL_INFORMATION, band.rule(), band.mechanism(), itemOf(band.rule()), band.quote(),
					because, null, Map.of());
		}
	}

	private Decision.Headroom headroom(RulePack pack, Cumulative c) {
		cn.outbound.rules.pack.PiThresholds t = this.states.get(pack).thresholds();
		return new Decision.Headroom(classHeadroom(pack, t.individuals(), c.individuals()),
				classHeadroom(pack, t.sensitiveIndividuals(), c.sensitiveIndividuals()));
	}

	private ClassHeadroom classHeadroom(RulePack pack, List<Band> bands, long count) {
		Band current = PiRules.bandFor(bands, count);
		if (current.below() == null) {
			return new ClassHeadroom(count, current.mechanism(), current.rule(), null, null, null, null, null);
		}
		Band next = PiRules.bandFor(bands, current.below());
		return new ClassHeadroom(count, current.mechanism(), current.rule(), current.below(), next.mechanism(),
				next.rule(), (next.rule() != null) ? this.states.get(pack).citations().get(next.rule()) : null,
				current.below() - 1 - count);
	}

	private List<Due> dues(PackState state, Scenario s, Mechanism outcome) {
		boolean anyPi = false;
		for (Scenario.PiGroup g : s.personalInformation()) {
			if (g.individuals() + g.sensitiveIndividuals() > 0) {
				anyPi = true;
				break;
			}
		}
		List<Due> out = new ArrayList<>();
		for (Due due : state.obligations()) {
			String when = due.obligation().when();
			boolean applies = switch (when) {
				case "PERSONAL_INFORMATION" -> anyPi;
				case "IMPORTANT_DATA" -> s.flags().notifiedImportantData();
				default -> when.equals(outcome.name());
			};
			if (applies) {
				out.add(due);
			}
		}
		return Collections.unmodifiableList(out);
	}

	static Integer itemOf(String rule) {
		if (rule != null && rule.startsWith("item-")) {
			return Integer.valueOf(rule.substring(5));
		}
		return null;
	}

	private static PackRef ref(RulePack pack) {
		return new PackRef(pack.id(), pack.edition(), pack.inForceFrom(), pack.title(), pack.contentHash());
	}

	/** The steps of one decision as they are taken. */
	private static final class Steps {

		private final PackState state;

		final List<Finding> findings = new ArrayList<>(4);

		final List<Exemption> exemptions = new ArrayList<>(4);

		final List<Explanation> notes = new ArrayList<>(2);

		Steps(PackState state) {
			this.state = state;
		}

		void finding(Scope scope, String rule, Mechanism mechanism, Integer item, Text quote, Explanation because,
				Integer dataIndex, Map<String, Object> facts) {
			this.findings.add(new Finding(scope, rule, item, mechanism, this.state.citations().get(rule), quote,
					because, dataIndex, facts));
		}

		void exemption(Scope scope, String rule, Integer item, Text quote, Explanation because, Integer dataIndex) {
			this.exemptions.add(new Exemption(scope, rule, item, (rule != null) ? this.state.citations().get(rule) : null,
					quote, because, dataIndex));
		}

	}

}
