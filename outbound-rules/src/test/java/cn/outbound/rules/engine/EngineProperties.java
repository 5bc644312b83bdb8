package cn.outbound.rules.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.outbound.rules.Fixtures;
import cn.outbound.rules.Mechanism;
import cn.outbound.testing.Seeded;
import cn.outbound.rules.pack.Fact;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.Basis;
import cn.outbound.rules.scenario.Scenario;

import static cn.outbound.testing.Seeded.args;
import static cn.outbound.testing.Seeded.between;
import static cn.outbound.testing.Seeded.edge;
import static cn.outbound.testing.Seeded.list;
import static cn.outbound.testing.Seeded.pick;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the engine over generated scenarios. Each property tries the edge scenarios first (see
 * {@link #edgeScenarios()}), then random ones from fixed seeds.
 */
@ExtendWith(Seeded.Replay.class)
class EngineProperties {

	private static final Engine ENGINE = Fixtures.ENGINE;

	private static final RulePack TIANJIN = Fixtures.PACKS.inForce("tianjin-ftz", LocalDate.of(2026, 6, 15)).orElseThrow();

	/** The items one may declare (not the personal-information ones). */
	private static final List<Item> ITEMS = TIANJIN.items().values().stream().filter(i -> !i.personalInformation()).toList();

	private static final long MAX_MORE = 2_000_000;

	private static final Basis[] EXEMPT_BASES = { Basis.CONTRACT, Basis.HR, Basis.EMERGENCY, Basis.FOREIGN_ORIGIN };

	static Stream<Arguments> scenariosAndMore() {
		List<Arguments> edges = new ArrayList<>();
		for (Map.Entry<String, Scenario> e : edgeScenarios().entrySet()) {
			for (long more : new long[] { 0, 1, MAX_MORE }) {
				for (boolean sensitive : new boolean[] { false, true }) {
					edges.add(edge(e.getKey() + ", " + more + (sensitive ? " sensitive" : " more"), e.getValue(), more,
							sensitive));
				}
			}
		}
		return Seeded.cases(1_000_000, 500, edges, r -> args(scenario(r), between(r, 0L, MAX_MORE), r.nextBoolean()));
	}

	@ParameterizedTest
	@MethodSource("scenariosAndMore")
	void morePersonsNeverYieldAWeakerOutcome(Scenario s, long more, boolean sensitive) {
		Scenario bigger = withExtraGroup(s, new Scenario.PiGroup(sensitive ? 0 : more, sensitive ? more : 0, Basis.NONE));
		assertThat(strength(bigger)).isGreaterThanOrEqualTo(strength(s));
	}

	/** First the empty scenario with every item declared with no facts, then with every fact at its least and most. */
	static Stream<Arguments> scenariosAndEntries() {
		List<Arguments> edges = new ArrayList<>();
		Scenario empty = edgeScenarios().get("empty");
		for (Item item : ITEMS) {
			edges.add(edge("empty, item " + item.number() + " without facts", empty,
					new Scenario.DataEntry(item.number(), null, Map.of())));
			edges.add(edge("empty, item " + item.number() + " least facts", empty, extremeEntry(item, false)));
			edges.add(edge("empty, item " + item.number() + " most facts", empty, extremeEntry(item, true)));
		}
		return Seeded.cases(2_000_000, 500, edges, r -> args(scenario(r), entry(r)));
	}

	@ParameterizedTest
	@MethodSource("scenariosAndEntries")
	void moreDeclaredItemsNeverYieldAWeakerOutcome(Scenario s, Scenario.DataEntry extra) {
		List<Scenario.DataEntry> data = new ArrayList<>(s.data());
		data.add(extra);
		Scenario bigger = new Scenario(s.jurisdiction(), s.date(), s.processor(), s.recipient(), data, s.personalInformation(),
				s.priorThisYear(), s.flags());
		assertThat(strength(bigger)).isGreaterThanOrEqualTo(strength(s));
		assertThat(ENGINE.decide(bigger).items()).containsAll(ENGINE.decide(s).items());
	}

	static Stream<Arguments> scenariosAndExemptBases() {
		List<Arguments> edges = new ArrayList<>();
		for (Map.Entry<String, Scenario> e : edgeScenarios().entrySet()) {
			for (Basis basis : EXEMPT_BASES) {
				edges.add(edge(e.getKey() + ", " + basis, e.getValue(), basis));
			}
		}
		return Seeded.cases(3_000_000, 500, edges, r -> args(scenario(r), pick(r, EXEMPT_BASES)));
	}

	@ParameterizedTest
	@MethodSource("scenariosAndExemptBases")
	void aBasisOtherThanNoneNeverYieldsAStrongerOutcome(Scenario s, Basis basis) {
		List<Scenario.PiGroup> groups = new ArrayList<>();
		for (Scenario.PiGroup g : s.personalInformation()) {
			groups.add(new Scenario.PiGroup(g.individuals(), g.sensitiveIndividuals(), basis));
		}
		Scenario exempt = new Scenario(s.jurisdiction(), s.date(), s.processor(), s.recipient(), s.data(), groups,
				s.priorThisYear(), s.flags());
		assertThat(strength(exempt)).isLessThanOrEqualTo(strength(s));
	}

	static Stream<Arguments> scenarios() {
		return scenarios(4_000_000, 1000);
	}

	@ParameterizedTest
	@MethodSource("scenarios")
	void theOutcomeIsTheStrongestOfTheFindings(Scenario s) {
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

	static Stream<Arguments> fewerScenarios() {
		return scenarios(5_000_000, 300);
	}

	@ParameterizedTest
	@MethodSource("fewerScenarios")
	void decidingIsDeterministic(Scenario s) {
		assertThat(ENGINE.decide(s)).isEqualTo(ENGINE.decide(s));
	}

	private static Stream<Arguments> scenarios(long base, int tries) {
		List<Arguments> edges = new ArrayList<>();
		edgeScenarios().forEach((name, s) -> edges.add(edge(name, s)));
		return Seeded.cases(base, tries, edges, r -> args(scenario(r)));
	}

	/**
	 * Named edge scenarios: empty (no data, no persons, no prior counts, no flags) in each jurisdiction, with and
	 * without a CIIO; zero persons and zero prior counts; the most persons, prior counts and flags the generator
	 * makes; every item declared with its most facts; one group of each basis.
	 */
	static Map<String, Scenario> edgeScenarios() {
		Map<String, Scenario> edges = new LinkedHashMap<>();
		Scenario.Flags none = new Scenario.Flags(false, false, false, false);
		Scenario.Flags all = new Scenario.Flags(true, false, false, true);
		for (String jurisdiction : List.of("tianjin-ftz", "cn-national")) {
			for (boolean ciio : new boolean[] { false, true }) {
				String name = (jurisdiction.equals("tianjin-ftz") && !ciio) ? "empty"
						: "empty, " + jurisdiction + (ciio ? ", CIIO" : "");
				edges.put(name, scenario(jurisdiction, ciio, List.of(), List.of(), null, none));
			}
		}
		edges.put("zeros", scenario("tianjin-ftz", false, List.of(),
				List.of(new Scenario.PiGroup(0, 0, Basis.NONE)), new Scenario.Counts(0, 0), none));
		edges.put("most", scenario("tianjin-ftz", true, List.of(),
				List.of(new Scenario.PiGroup(1_500_000, 20_000, Basis.NONE), new Scenario.PiGroup(1_500_000, 20_000, Basis.NONE),
						new Scenario.PiGroup(1_500_000, 20_000, Basis.NONE)),
				new Scenario.Counts(1_500_000, 15_000), all));
		edges.put("every item, most facts", scenario("tianjin-ftz", false,
				ITEMS.stream().map(item -> extremeEntry(item, true)).toList(), List.of(), null, none));
		List<Scenario.PiGroup> eachBasis = new ArrayList<>();
		for (Basis basis : Basis.values()) {
			eachBasis.add(new Scenario.PiGroup(100_000, 1_000, basis));
		}
		edges.put("one group of each basis", scenario("tianjin-ftz", false, List.of(), eachBasis, null, none));
		return edges;
	}

	/**
	 * A random scenario: Tianjin two times in three, otherwise national; a CIIO one time in four; up to three declared
	 * items and three groups of persons; prior counts (or none, three times in ten); each flag one time in five.
	 */
	static Scenario scenario(SplittableRandom r) {
		String jurisdiction = pick(r, "tianjin-ftz", "tianjin-ftz", "cn-national");
		boolean ciio = r.nextInt(4) == 0;
		List<Scenario.DataEntry> data = list(r, 0, 3, EngineProperties::entry);
		List<Scenario.PiGroup> groups = list(r, 0, 3, EngineProperties::group);
		Scenario.Counts prior = (r.nextInt(10) < 3) ? null
				: new Scenario.Counts(between(r, 0L, 1_500_000L), between(r, 0L, 15_000L));
		Scenario.Flags flags = new Scenario.Flags(r.nextInt(5) == 0, false, false, r.nextInt(5) == 0);
		return scenario(jurisdiction, ciio, data, groups, prior, flags);
	}

	private static Scenario scenario(String jurisdiction, boolean ciio, List<Scenario.DataEntry> data,
			List<Scenario.PiGroup> groups, Scenario.Counts prior, Scenario.Flags flags) {
		return new Scenario(jurisdiction, LocalDate.of(2026, 6, 15), new Scenario.Processor(null, "测试", ciio), null, data,
				groups, prior, flags);
	}

	static Scenario.PiGroup group(SplittableRandom r) {
		return new Scenario.PiGroup(between(r, 0L, 1_500_000L), between(r, 0L, 20_000L), pick(r, Basis.values()));
	}

	/** A declared item with each of its facts given (a random value) or not, half and half. */
	static Scenario.DataEntry entry(SplittableRandom r) {
		Item item = pick(r, ITEMS);
		Map<String, Object> facts = new LinkedHashMap<>();
		for (String name : item.facts()) {
			Object value = valueOf(r, TIANJIN.facts().get(name));
			if (r.nextBoolean()) {
				facts.put(name, value);
			}
		}
		return new Scenario.DataEntry(item.number(), null, facts);
	}

	private static Object valueOf(SplittableRandom r, Fact fact) {
		return switch (fact.type()) {
			case BOOLEAN -> r.nextBoolean();
			case INTEGER -> between(r, 0L, 200_000_000L);
			case NUMBER -> r.nextBoolean() ? (Object) between(r, 0L, 5000L)
					: (Object) BigDecimal.valueOf(between(r, 0L, 50_000L), 1);
			case ENUM -> pick(r, List.copyOf(fact.values().keySet()));
		};
	}

	/** An item with every fact at its least (false, 0, the first value) or its most (true, the most, the last value). */
	private static Scenario.DataEntry extremeEntry(Item item, boolean most) {
		Map<String, Object> facts = new LinkedHashMap<>();
		for (String name : item.facts()) {
			Fact fact = TIANJIN.facts().get(name);
			List<String> values = (fact.type() == Fact.FactType.ENUM) ? List.copyOf(fact.values().keySet()) : List.of();
			facts.put(name, switch (fact.type()) {
				case BOOLEAN -> most;
				case INTEGER -> most ? 200_000_000L : 0L;
				case NUMBER -> most ? new BigDecimal("5000.0") : 0L;
				case ENUM -> values.get(most ? values.size() - 1 : 0);
			});
		}
		return new Scenario.DataEntry(item.number(), null, facts);
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
