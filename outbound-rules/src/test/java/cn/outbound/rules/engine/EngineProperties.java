package cn.outbound.rules.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.Fixtures;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.pack.Fact;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.scenario.Basis;
import cn.outbound.rules.scenario.Scenario;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the engine over generated scenarios.
 */
class EngineProperties {

	private static final Engine ENGINE = Fixtures.ENGINE;

	private static final RulePack TIANJIN = Fixtures.PACKS.inForce("tianjin-ftz", LocalDate.of(2026, 6, 15)).orElseThrow();

	@Property(tries = 500)
	void morePersonsNeverYieldAWeakerOutcome(@ForAll("scenarios") Scenario s, @ForAll @LongRange(max = 2_000_000) long more,
			@ForAll boolean sensitive) {
		Scenario bigger = withExtraGroup(s, new Scenario.PiGroup(sensitive ? 0 : more, sensitive ? more : 0, Basis.NONE));
		assertThat(strength(bigger)).isGreaterThanOrEqualTo(strength(s));
	}

	@Property(tries = 500)
	void moreDeclaredItemsNeverYieldAWeakerOutcome(@ForAll("scenarios") Scenario s, @ForAll("entries") Scenario.DataEntry extra) {
		List<Scenario.DataEntry> data = new ArrayList<>(s.data());
		data.add(extra);
		Scenario bigger = new Scenario(s.jurisdiction(), s.date(), s.processor(), s.recipient(), data, s.personalInformation(),
				s.priorThisYear(), s.flags());
		assertThat(strength(bigger)).isGreaterThanOrEqualTo(strength(s));
		assertThat(ENGINE.decide(bigger).items()).containsAll(ENGINE.decide(s).items());
	}

	@Property(tries = 500)
	void aBasisOtherThanNoneNeverYieldsAStrongerOutcome(@ForAll("scenarios") Scenario s, @ForAll("exemptBases") Basis basis) {
		List<Scenario.PiGroup> groups = new ArrayList<>();
		for (Scenario.PiGroup g : s.personalInformation()) {
			groups.add(new Scenario.PiGroup(g.individuals(), g.sensitiveIndividuals(), basis));
		}
		Scenario exempt = new Scenario(s.jurisdiction(), s.date(), s.processor(), s.recipient(), s.data(), groups,
				s.priorThisYear(), s.flags());
		assertThat(strength(exempt)).isLessThanOrEqualTo(strength(s));
	}

	@Property(tries = 1000)
	void theOutcomeIsTheStrongestOfTheFindings(@ForAll("scenarios") Scenario s) {
		Decision d = ENGINE.decide(s);
		Mechanism strongest = d.findings().stream().map(Decision.Finding::mechanism).reduce(Mechanism.EXEMPT,
				Mechanism::strongest);
		assertThat(d.outcome()).isEqualTo(strongest);
		assertThat(d.items()).isSorted().doesNotHaveDuplicates();
		assertThat(d.findings()).allSatisfy(f -> {
			assertThat(f.rule()).isNotBlank();
			assertThat(f.citation()).isNotNull();
			assertThat(f.mechanism()).isNotEqualTo(Mechanism.EXEMPT);
		});
	}

	@Property(tries = 300)
	void decidingIsDeterministic(@ForAll("scenarios") Scenario s) {
		assertThat(ENGINE.decide(s)).isEqualTo(ENGINE.decide(s));
	}

	@Provide
	Arbitrary<Basis> exemptBases() {
		return Arbitraries.of(Basis.CONTRACT, Basis.HR, Basis.EMERGENCY, Basis.FOREIGN_ORIGIN);
	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		Arbitrary<Boolean> ciio = Arbitraries.of(true, false, false, false);
		Arbitrary<List<Scenario.DataEntry>> data = entries().list().ofMaxSize(3);
		Arbitrary<List<Scenario.PiGroup>> groups = groups().list().ofMaxSize(3);
		Arbitrary<Scenario.Counts> prior = Combinators
			.combine(Arbitraries.longs().between(0, 1_500_000), Arbitraries.longs().between(0, 15_000))
			.as(Scenario.Counts::new)
			.injectNull(0.3);
		Arbitrary<Scenario.Flags> flags = Combinators
			.combine(Arbitraries.of(false, false, false, false, true), Arbitraries.of(false, false, false, false, true))
			.as((secret, important) -> new Scenario.Flags(secret, false, false, important));
		Arbitrary<String> jurisdiction = Arbitraries.of("tianjin-ftz", "tianjin-ftz", "cn-national");
		return Combinators.combine(jurisdiction, ciio, data, groups, prior, flags)
			.as((j, c, d, g, p, f) -> new Scenario(j, LocalDate.of(2026, 6, 15), new Scenario.Processor(null, "测试", c),
					null, d, g, p, f));
	}

	Arbitrary<Scenario.PiGroup> groups() {
		return Combinators
			.combine(Arbitraries.longs().between(0, 1_500_000), Arbitraries.longs().between(0, 20_000),
					Arbitraries.of(Basis.values()))
			.as(Scenario.PiGroup::new);
	}

	@Provide
	Arbitrary<Scenario.DataEntry> entries() {
		List<Item> items = TIANJIN.items().values().stream().filter(i -> !i.personalInformation()).toList();
		return Arbitraries.of(items).flatMap(item -> factsFor(item).map(f -> new Scenario.DataEntry(item.number(), null, f)));
	}

	private Arbitrary<Map<String, Object>> factsFor(Item item) {
		List<Arbitrary<Object>> values = new ArrayList<>();
		for (String name : item.facts()) {
			values.add(valueOf(TIANJIN.facts().get(name)).injectNull(0.5));
		}
		if (values.isEmpty()) {
			return Arbitraries.just(Map.of());
		}
		return Combinators.combine(values).as(list -> {
			Map<String, Object> facts = new LinkedHashMap<>();
			for (int i = 0; i < list.size(); i++) {
				if (list.get(i) != null) {
					facts.put(item.facts().get(i), list.get(i));
				}
			}
			return facts;
		});
	}

	private static Arbitrary<Object> valueOf(Fact fact) {
		return switch (fact.type()) {
			case BOOLEAN -> Arbitraries.of(true, false).map(b -> (Object) b);
			case INTEGER -> Arbitraries.longs().between(0, 200_000_000).map(v -> (Object) v);
			case NUMBER -> Arbitraries.oneOf(Arbitraries.longs().between(0, 5000).map(v -> (Object) v),
					Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(5000)).ofScale(1).map(v -> (Object) v));
			case ENUM -> Arbitraries.of(List.copyOf(fact.values().keySet())).map(v -> (Object) v);
		};
	}

	private static Scenario withExtraGroup(Scenario s, Scenario.PiGroup g) {
		List<Scenario.PiGroup> groups = new ArrayList<>(s.personalInformation());
		groups.add(g);
		return new Scenario(s.jurisdiction(), s.date(), s.processor(), s.recipient(), s.data(), groups, s.priorThisYear(),
				s.flags());
	}

	private static int strength(Scenario s) {
		return ENGINE.decide(s).outcome().strength();
	}

}
