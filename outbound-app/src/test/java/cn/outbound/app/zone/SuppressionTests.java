package cn.outbound.app.zone;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suppression rule of the zone's figures (docs/zone.md): both sides of the threshold, and, over seeded random
 * breakdowns, that no organisation's own figure can be derived by subtracting what is shown from the total.
 */
class SuppressionTests {

	private static Suppression.Cell cell(long n, String... orgs) {
		return new Suppression.Cell(n, Set.of(orgs));
	}

	@Test
	void aFigureOfTwoOrganisationsIsSuppressedAndOneOfThreeShown() {
		assertThat(Suppression.total(cell(5, "a", "b"))).isNull();
		assertThat(Suppression.total(cell(5, "a", "b", "c"))).isEqualTo(5L);
		assertThat(Suppression.total(cell(0))).isZero();
		Map<String, Suppression.Cell> cells = Suppression.cells();
		cells.put("x", cell(4, "a", "b"));
		cells.put("y", cell(9, "a", "b", "c"));
		cells.put("z", cell(30, "a", "b", "c", "d", "e"));
		List<Suppression.Shown> shown = Suppression.breakdown(cells);
		assertThat(shown.get(0).display()).isEqualTo("<3");
		// x alone suppressed could be read as total − y − z: y goes too
		assertThat(shown.get(1).suppressed()).isTrue();
		assertThat(shown.get(2).count()).isEqualTo(30L);
	}

	@Test
	void nothingIsSuppressedWhenEveryCellRestsOnThree() {
		Map<String, Suppression.Cell> cells = Suppression.cells();
		cells.put("x", cell(3, "a", "b", "c"));
		cells.put("y", cell(0));
		cells.put("z", cell(7, "c", "d", "e"));
		assertThat(Suppression.breakdown(cells)).extracting(Suppression.Shown::display).containsExactly("3", "0", "7");
	}

	@Test
	void twoSuppressedCellsOfTheSameTwoOrganisationsTakeAThirdCell() {
		Map<String, Suppression.Cell> cells = Suppression.cells();
		cells.put("x", cell(1, "a"));
		cells.put("y", cell(2, "a", "b"));
		cells.put("z", cell(50, "c", "d", "e"));
		cells.put("w", cell(60, "c", "d", "f"));
		// x + y = total − z − w would be a and b's figure: z (the smaller) is suppressed too
		assertThat(Suppression.breakdown(cells)).extracting(Suppression.Shown::display)
			.containsExactly("<3", "<3", "<3", "60");
	}

	static Stream<Long> seeds() {
		return IntStream.range(0, 300).mapToObj(i -> 7919L * i + 13);
	}

	/**
	 * The attacker knows the total (when shown) and every shown cell: what remains is the sum of the suppressed
	 * cells, which must rest on three or more organisations; every shown cell rests on three or more itself.
	 */
	@ParameterizedTest
	@MethodSource("seeds")
	void noOrganisationsFigureFollowsFromTheTotal(long seed) {
		Random random = new Random(seed);
		int organisations = 1 + random.nextInt(6);
		int n = 1 + random.nextInt(6);
		Map<String, Suppression.Cell> cells = Suppression.cells();
		Suppression.Cell total = new Suppression.Cell();
		for (int i = 0; i < n; i++) {
			Suppression.Cell c = new Suppression.Cell();
			int rows = random.nextInt(5);
			for (int r = 0; r < rows; r++) {
				String org = "o" + random.nextInt(organisations);
				long k = 1 + random.nextInt(20);
				c.add(org, k);
				total.add(org, k);
			}
			cells.put("c" + i, c);
		}
		List<Suppression.Shown> shown = Suppression.breakdown(cells);
		Set<String> hidden = new HashSet<>();
		List<String> hiddenKeys = new ArrayList<>();
		for (Suppression.Shown s : shown) {
			Suppression.Cell c = cells.get(s.key());
			if (s.suppressed()) {
				hidden.addAll(c.organisations());
				hiddenKeys.add(s.key());
			}
			else {
				assertThat(c.count() == 0 || c.organisations().size() >= 3).as("shown cell %s", s.key()).isTrue();
				assertThat(s.count()).isEqualTo(c.count());
			}
		}
		if (Suppression.total(total) != null && !hiddenKeys.isEmpty()) {
			assertThat(hidden.size()).as("organisations behind total − shown, seed %d", seed).isGreaterThanOrEqualTo(3);
			assertThat(hiddenKeys.size()).isGreaterThanOrEqualTo(2);
		}
	}

}
