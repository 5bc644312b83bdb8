package cn.outbound.ledger;

import java.util.List;

/**
 * Where a count stands against one threshold line.
 *
 * @param id the line's id
 * @param personClass the class it counts ({@code individuals} or {@code sensitiveIndividuals} in JSON)
 * @param limit the line
 * @param count the counted persons
 * @param headroom persons that can still be added before the line is reached ({@code limit - count}, at least 0)
 * @param percent {@code count / limit} in percent, one decimal
 * @param alert the highest alert level reached (e.g. 80, 95, 100), or 0
 */
public record Headroom(String id, PersonClass personClass, long limit, long count, long headroom, double percent,
		int alert) {

	static Headroom of(Thresholds.Band band, long count, List<Integer> levels) {
		int alert = 0;
		for (int level : levels) {
			// exact integer comparison: count / limit >= level / 100
			if (count * 100 >= (long) level * band.limit()) {
				alert = Math.max(alert, level);
			}
		}
		double percent = Math.round(count * 1000.0 / band.limit()) / 10.0;
		return new Headroom(band.id(), band.personClass(), band.limit(), count, Math.max(0, band.limit() - count),
				percent, alert);
	}

	public boolean reached() {
		return this.count >= this.limit;
	}

}
