package cn.outbound.filing.document;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * {@code 0123456789ABCDEFGHJKLMNPQRTUWXY}, the last a check character computed from the first 17.
 */
final class CreditCodes {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCodes() {
	}

	static boolean wellFormed(String code) {
		if (code.length() != 18) {
			return false;
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return false;
			}
		}
		return true;
	}

	/** Whether the 18th character is the check character of the first 17 (the code {@link #wellFormed}). */
	static boolean checks(String code) {
		return code.charAt(17) == checkCharacter(code.substring(0, 17));
	}

	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int c = 31 - (sum % 31);
		return ALPHABET.charAt((c == 31) ? 0 : c);
	}

}
