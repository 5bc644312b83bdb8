package cn.outbound.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.outbound.testing.Seeded;

import static cn.outbound.testing.Seeded.args;
import static cn.outbound.testing.Seeded.between;
import static cn.outbound.testing.Seeded.edge;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decimals are read with one division instead of one per digit; the range checks (±90, ±180)
 * come out as they did with the digit-by-digit sum, also right at the limits.
 */
@ExtendWith(Seeded.Replay.class)
class GeoCoordinateProperties {

	private static final long MAX_DIGITS = 999_999_999_999L;

	/**
	 * First the limits: whole parts 85, 89, 90, 91, 179, 180, 181 and 185, with no, one and twelve decimals, zeros or
	 * nines, either sign; then random whole parts 85 to 185, 0 to 12 decimals, random digits or nines.
	 */
	static Stream<Arguments> decimals() {
		List<Arguments> edges = new ArrayList<>();
		for (int whole : new int[] { 85, 89, 90, 91, 179, 180, 181, 185 }) {
			for (int decimals : new int[] { 0, 1, 12 }) {
				for (boolean nines : new boolean[] { false, true }) {
					for (boolean negative : new boolean[] { false, true }) {
						edges.add(edge((negative ? "-" : "") + whole + " " + decimals + (nines ? " nines" : " zeros"),
								whole, decimals, 0L, negative, nines));
					}
				}
			}
			edges.add(edge(whole + " 12 digits " + MAX_DIGITS, whole, 12, MAX_DIGITS, false, false));
		}
		return Seeded.cases(1_000_000, 5000, edges, r -> args(between(r, 85, 185), between(r, 0, 12),
				between(r, 0L, MAX_DIGITS), r.nextBoolean(), r.nextBoolean()));
	}

	@ParameterizedTest
	@MethodSource("decimals")
	void decimalsFallInTheSameRangesAsWithTheDigitByDigitSum(int whole, int decimals, long digits, boolean negative,
			boolean nines) {
		String fraction = nines ? "9".repeat(decimals) : String.format("%012d", digits).substring(0, decimals);
		String text = (negative ? "-" : "") + whole + "." + fraction;
		double read = Detectors.GeoCoordinate.decimal(text, 0, text.length(), 0);
		double reference = digitByDigit(text);
		assertThat(Math.abs(read) <= 90).as(text).isEqualTo(Math.abs(reference) <= 90);
		assertThat(Math.abs(read) <= 180).as(text).isEqualTo(Math.abs(reference) <= 180);
		assertThat(read).as(text).isCloseTo(reference, org.assertj.core.data.Offset.offset(1e-9));
	}

	/** The former reading: each digit times a scale divided by ten at every step. */
	private static double digitByDigit(String s) {
		boolean negative = s.charAt(0) == '-';
		int i = negative ? 1 : 0;
		long whole = 0;
		while (s.charAt(i) != '.') {
			whole = whole * 10 + (s.charAt(i++) - '0');
		}
		i++;
		double frac = 0;
		double scale = 0.1;
		while (i < s.length()) {
			frac += (s.charAt(i++) - '0') * scale;
			scale /= 10;
		}
		double d = whole + frac;
		return negative ? -d : d;
	}

}
