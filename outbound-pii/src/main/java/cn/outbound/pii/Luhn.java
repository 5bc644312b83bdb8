package cn.outbound.pii;

/**
 * The Luhn (mod 10) checksum used by payment cards and IMEIs.
 */
public final class Luhn {

	private Luhn() {
	}

	/** Whether {@code digits} is all ASCII digits, at least two, and passes the Luhn check. */
	public static boolean isValid(CharSequence digits) {
		return isValid(digits, 0, digits.length());
	}

	/** As {@link #isValid(CharSequence)} over {@code digits[from, to)}, without allocating. */
	public static boolean isValid(CharSequence digits, int from, int to) {
		if (to - from < 2) {
			return false;
		}
		int sum = 0;
		boolean dbl = false;
		for (int i = to - 1; i >= from; i--) {
			int d = digits.charAt(i) - '0';
			if (d < 0 || d > 9) {
				return false;
			}
			if (dbl) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			dbl = !dbl;
		}
		return sum % 10 == 0;
	}

	/** The digit that, appended to {@code payload}, makes it Luhn-valid. */
	public static char checkDigit(CharSequence payload) {
		int sum = 0;
		boolean dbl = true;
		for (int i = payload.length() - 1; i >= 0; i--) {
			int d = payload.charAt(i) - '0';
			if (d < 0 || d > 9) {
				throw new IllegalArgumentException("Luhn payload must be digits only");
			}
			if (dbl) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			dbl = !dbl;
		}
		return (char) ('0' + (10 - sum % 10) % 10);
	}

}
