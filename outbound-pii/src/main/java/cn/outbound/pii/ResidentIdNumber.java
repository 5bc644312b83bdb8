package cn.outbound.pii;

import java.time.LocalDate;
import java.time.Year;

/**
 * Resident identity card numbers (GB 11643-1999): 6-digit region code, 8-digit date of birth,
 * 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character (0–9 or X). Legacy
 * 15-digit numbers have a 2-digit year and no check character.
 */
public final class ResidentIdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final int MIN_YEAR = 1880;

	private static final int MAX_YEAR = Year.now().getValue();

	private ResidentIdNumber() {
	}

	/**
	 * Whether {@code id} is a valid 18-character number (check character, region, date) or a
	 * valid 15-digit legacy number (region, date). Lower-case {@code x} is accepted. No
	 * whitespace is allowed; see {@link Identifiers#normalise} for lenient input.
	 */
	public static boolean isValid(CharSequence id) {
		return isValid(id, 0, id.length());
	}

	/** As {@link #isValid(CharSequence)} over {@code s[from, to)}, without allocating. */
	public static boolean isValid(CharSequence s, int from, int to) {
		int len = to - from;
		if (len == 18) {
			int sum = 0;
			for (int i = 0; i < 17; i++) {
				int d = s.charAt(from + i) - '0';
				if (d < 0 || d > 9) {
					return false;
				}
				sum += d * WEIGHTS[i];
			}
			char c = s.charAt(from + 17);
			if (c == 'x') {
				c = 'X';
			}
			if (c != CHECK[sum % 11]) {
				return false;
			}
			return RegionCodes.isPlausible(s, from) && isRealDate(s, from + 6, true);
		}
		if (len == 15) {
			for (int i = 0; i < 15; i++) {
				int d = s.charAt(from + i) - '0';
				if (d < 0 || d > 9) {
					return false;
				}
			}
			return RegionCodes.isPlausible(s, from) && isRealDate(s, from + 6, false);
		}
		return false;
	}

	/** The check character for the first 17 digits of an 18-character number. */
	public static char checkDigit(CharSequence first17) {
		if (first17.length() != 17) {
			throw new IllegalArgumentException("expected the first 17 digits of an ID number");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int d = first17.charAt(i) - '0';
			if (d < 0 || d > 9) {
				throw new IllegalArgumentException("an ID number's first 17 characters are digits");
			}
			sum += d * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/**
	 * Converts a 15-digit legacy number to 18 characters: "19" before the 2-digit year and the
	 * computed check character at the end. The input must be 15 digits.
	 */
	public static String upgrade15(CharSequence legacy) {
		if (legacy.length() != 15) {
			throw new IllegalArgumentException("a legacy ID number has 15 digits");
		}
		StringBuilder sb = new StringBuilder(18);
		sb.append(legacy, 0, 6).append("19").append(legacy, 6, 15);
		sb.append(checkDigit(sb));
		return sb.toString();
	}

	/** The date of birth of a valid 15- or 18-character number. */
	public static LocalDate birthDate(CharSequence id) {
		if (!isValid(id)) {
			throw new IllegalArgumentException("not a valid resident ID number");
		}
		if (id.length() == 18) {
			return LocalDate.of(num(id, 6, 4), num(id, 10, 2), num(id, 12, 2));
		}
		return LocalDate.of(1900 + num(id, 6, 2), num(id, 8, 2), num(id, 10, 2));
	}

	/**
	 * Age in whole years on {@code asOf} of the holder of a valid 18-character number given
	 * in {@code s[from, from+18)}; no allocation. Negative if born after {@code asOf}.
	 */
	public static int ageOn(CharSequence s, int from, LocalDate asOf) {
		int y = num(s, from + 6, 4);
		int m = num(s, from + 10, 2);
		int d = num(s, from + 12, 2);
		int age = asOf.getYear() - y;
		if (asOf.getMonthValue() < m || (asOf.getMonthValue() == m && asOf.getDayOfMonth() < d)) {
			age--;
		}
		return age;
	}

	/** Whether the holder is male (odd sequence digit) for a valid 15- or 18-character number. */
	public static boolean isMale(CharSequence id) {
		int pos = id.length() == 18 ? 16 : 14;
		return ((id.charAt(pos) - '0') & 1) == 1;
	}

	private static boolean isRealDate(CharSequence s, int at, boolean fourDigitYear) {
		int year;
		int p = at;
		if (fourDigitYear) {
			year = num(s, p, 4);
			p += 4;
			if (year < MIN_YEAR || year > MAX_YEAR) {
				return false;
			}
		}
		else {
			year = 1900 + num(s, p, 2);
			p += 2;
		}
		int month = num(s, p, 2);
		int day = num(s, p + 2, 2);
		if (month < 1 || month > 12 || day < 1) {
			return false;
		}
		return day <= daysIn(year, month);
	}

	static int daysIn(int year, int month) {
		return switch (month) {
			case 2 -> ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	private static int num(CharSequence s, int at, int len) {
		int v = 0;
		for (int i = 0; i < len; i++) {
			v = v * 10 + (s.charAt(at + i) - '0');
		}
		return v;
	}

}
