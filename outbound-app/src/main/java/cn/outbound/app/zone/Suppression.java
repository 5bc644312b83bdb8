package cn.outbound.app.zone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the zone may be shown of figures that add up over organisations (docs/zone.md, "Suppression"). A figure that
 * rests on fewer than {@value #MIN_ORGANISATIONS} organisations is suppressed (shown as "&lt;3"). Within a breakdown
 * whose cells add up to a total that is shown, suppression is complementary: while any cell is suppressed, the
 * smallest cells still shown are suppressed as well until at least two are and the suppressed cells together rest on
 * at least {@value #MIN_ORGANISATIONS} organisations, so that subtracting the shown cells from the total yields only
 * a sum over three or more organisations, never one organisation's figure. The same rule serves the statistics and
 * the impact analysis of an edition. A zero is shown: it rests on no organisation and tells nothing of one.
 */
public final class Suppression {

	/** The fewest organisations a shown figure may rest on. */
	public static final int MIN_ORGANISATIONS = 3;

	/** How a suppressed figure reads on the page, in the API and in CSV. */
	public static final String SUPPRESSED = "<" + MIN_ORGANISATIONS;

	private Suppression() {
	}

	/** A figure before suppression: the count and the organisations it rests on. */
	public static final class Cell {

		private long count;

		private final Set<String> organisations = new HashSet<>();

		public Cell() {
		}

		public Cell(long count, Set<String> organisations) {
			this.count = count;
			this.organisations.addAll(organisations);
		}

		public void add(String organisation, long n) {
			this.count += n;
			this.organisations.add(organisation);
		}

		public long count() {
			return this.count;
		}

		public Set<String> organisations() {
			return this.organisations;
		}

	}

	/**
	 * A figure as shown.
	 * @param count {@code null} when suppressed
	 */
	public record Shown(String key, Long count) {

		public boolean suppressed() {
			return this.count == null;
		}

		/** The count, or {@value Suppression#SUPPRESSED}. */
		public String display() {
			return (this.count != null) ? this.count.toString() : SUPPRESSED;
		}

	}

	/** A single figure (a total): shown when it rests on enough organisations. */
	public static Long total(Cell cell) {
		return (cell.count() == 0 || cell.organisations().size() >= MIN_ORGANISATIONS) ? cell.count() : null;
	}

	/** A breakdown's cells in their order, with primary and complementary suppression applied. */
	public static List<Shown> breakdown(Map<String, Cell> cells) {
		Set<String> suppressed = new HashSet<>();
		Set<String> resting = new HashSet<>();
		for (Map.Entry<String, Cell> e : cells.entrySet()) {
			if (e.getValue().count() > 0 && e.getValue().organisations().size() < MIN_ORGANISATIONS) {
				suppressed.add(e.getKey());
				resting.addAll(e.getValue().organisations());
			}
		}
		if (!suppressed.isEmpty()) {
			List<Map.Entry<String, Cell>> shown = new ArrayList<>();
			cells.entrySet()
				.stream()
				.filter(e -> !suppressed.contains(e.getKey()) && e.getValue().count() > 0)
				.forEach(shown::add);
			shown.sort(Comparator.comparingLong((Map.Entry<String, Cell> e) -> e.getValue().count())
				.thenComparing(Map.Entry::getKey));
			for (Map.Entry<String, Cell> e : shown) {
				if (suppressed.size() >= 2 && resting.size() >= MIN_ORGANISATIONS) {
					break;
				}
				suppressed.add(e.getKey());
				resting.addAll(e.getValue().organisations());
			}
		}
		List<Shown> out = new ArrayList<>();
		cells.forEach((key, cell) -> out.add(new Shown(key, suppressed.contains(key) ? null : cell.count())));
		return out;
	}

	/** A new, ordered map of cells to fill. */
	public static Map<String, Cell> cells() {
		return new LinkedHashMap<>();
	}

}
