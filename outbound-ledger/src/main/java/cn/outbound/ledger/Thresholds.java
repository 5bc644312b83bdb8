package cn.outbound.ledger;

import java.util.List;

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

	/**
	 * The lines of the {@code cn-national} 2024 pack (《促进和规范数据跨境流动规定》, arts. 5(4), 7(2), 8(2)),
	 * which the {@code tianjin-ftz} 2024 pack applies too: 100,000 and 1,000,000 persons' non-sensitive PI and
	 * 10,000 persons' sensitive PI, cumulative from 1 January. Alerts at 80 %, 95 % and 100 %.
	 */
	public static final Thresholds NATIONAL_2024 = new Thresholds("cn-national 2024", List.of(
			new Band("individuals-100k", PersonClass.NON_SENSITIVE, 100_000,
					"from 100,000 persons (non-sensitive PI): standard contract or certification (art. 8)"),
			new Band("individuals-1m", PersonClass.NON_SENSITIVE, 1_000_000,
					"from 1,000,000 persons (non-sensitive PI): security assessment (art. 7)"),
			new Band("sensitive-10k", PersonClass.SENSITIVE, 10_000,
					"from 10,000 persons' sensitive PI: security assessment (art. 7)")),
			List.of(80, 95, 100));

	public Thresholds {
		bands = List.copyOf(bands);
		alertPercents = List.copyOf(alertPercents);
	}

	/** Headroom to each line at the given counts. */
	public List<Headroom> headroom(ClassCounts counted) {
		return this.bands.stream().map(b -> Headroom.of(b, counted.of(b.personClass()), this.alertPercents)).toList();
	}

}
