package cn.outbound.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.rules.pack.PiRules;
import cn.outbound.rules.pack.PiThresholds;
import cn.outbound.rules.pack.RulePacks;

/**
 * The threshold lines that a status measures headroom and raises alerts against. The rule engine owns the numbers
 * (they live in its rule packs); the ledger takes them as a parameter.
 *
 * @param source where the numbers come from, for display (e.g. {@code cn-national 2024})
 * @param bands the lines
 * @param alertPercents the alert levels, ascending (e.g. 80, 95, 100: 100 means the line is reached)
 */
public record Thresholds(String source, List<Band> bands, List<Integer> alertPercents) {

	/**
	 * One line.
	 *
	 * @param id a stable id, e.g. {@code individuals-100k}
	 * @param personClass the class it counts
	 * @param limit the count at which it is reached ("以上" includes the number itself)
	 * @param meaning what reaching it calls for, in English
	 */
	public record Band(String id, PersonClass personClass, long limit, String meaning) {

		public Band {
			if (limit <= 0) {
				throw new IllegalArgumentException("a threshold must be positive: " + id);
			}
		}

	}

	/** No lines: for a date on which no edition is in force (headroom and alerts are then empty). */
	public static final Thresholds NONE = new Thresholds("none", List.of(), List.of());

	/** The alert levels of every status: 80 %, 95 % and 100 % (the line reached). */
	public static final List<Integer> ALERT_PERCENTS = List.of(80, 95, 100);

	/**
	 * The lines of the thresholds in force ({@link cn.outbound.rules.pack.RulePacks#thresholds}, the one answer to
	 * which thresholds apply): every band of a class that starts above a single person, e.g. 100,000 and 1,000,000
	 * persons' non-sensitive PI and 10,000 persons' sensitive PI under the 2024 editions. {@code source} names the
	 * pack and edition.
	 */
	public static Thresholds of(PiThresholds t) {
		List<Band> bands = new ArrayList<>();
		addBands(bands, t.individuals(), PersonClass.NON_SENSITIVE, "individuals");
		addBands(bands, t.sensitiveIndividuals(), PersonClass.SENSITIVE, "sensitive");
		return new Thresholds(t.source(), bands, ALERT_PERCENTS);
	}

	/**
	 * The lines of {@code jurisdiction}'s edition in force on {@code date} among {@code packs}: the one function every
	 * door (CLI, REST, page) asks. Empty when there is no such edition.
	 */
	public static java.util.Optional<Thresholds> inForce(RulePacks packs, String jurisdiction, LocalDate date) {
		return packs.thresholds(jurisdiction, date).map(Thresholds::of);
	}

	private static void addBands(List<Band> out, List<PiRules.Band> bands, PersonClass c, String prefix) {
		for (PiRules.Band b : bands) {
			if (b.atLeast() > 1) {
				out.add(new Band(prefix + "-" + shortNumber(b.atLeast()), c, b.atLeast(),
						b.mechanism().label().en() + " (" + b.rule() + ")"));
			}
		}
	}

	private static String shortNumber(long n) {
		if (n % 1_000_000 == 0) {
			return (n / 1_000_000) + "m";
		}
		if (n % 1_000 == 0) {
			return (n / 1_000) + "k";
		}
		return Long.toString(n);
	}

	/**
	 * The lines of the built-in {@code cn-national} 2024 pack (《促进和规范数据跨境流动规定》, arts. 5(4), 7(2),
	 * 8(2)), made by {@link #of(PiThresholds)} from the pack: for tests and benchmarks. The doors ask the edition in
	 * force instead.
	 */
	public static final Thresholds NATIONAL_2024 = of(
			RulePacks.builtIn().thresholds("cn-national", LocalDate.of(2024, 3, 22)).orElseThrow());

	public Thresholds {
		bands = List.copyOf(bands);
		alertPercents = List.copyOf(alertPercents);
	}

	/** Headroom to each line at the given counts. */
	public List<Headroom> headroom(ClassCounts counted) {
		return this.bands.stream().map(b -> Headroom.of(b, counted.of(b.personClass()), this.alertPercents)).toList();
	}

}
