package cn.outbound.pii.detect;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decimals are read with one division instead of one per digit; the range checks (±90, ±180)
 * come out as they did with the digit-by-digit sum, also right at the limits.
 */
class GeoCoordinateProperties {

	@Property(tries = 5000)
	void decimalsFallInTheSameRangesAsWithTheDigitByDigitSum(@ForAll @IntRange(min = 85, max = 185) int whole,
			@ForAll @IntRange(min = 0, max = 12) int decimals, @ForAll @LongRange(min = 0, max = 999_999_999_999L) long digits,
			@ForAll boolean negative, @ForAll boolean nines) {
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
