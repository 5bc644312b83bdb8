package cn.outbound.pii.detect;

/**
 * Which detectors could match a prepared value, from its character counts alone: each
 * detector's own first test (length, digits, letters, ideographs, separators) gathered in one
 * place, so that a value is handed only to the detectors that might accept it. A screen never
 * drops a value its detector would match; {@code ScreenProperties} checks that on generated and
 * labelled values, so the counts stay exact.
 */
public final class Screen {

	private Screen() {
	}

	/** Bit {@code 1 << type.ordinal()} for every {@link PiType} whose detector might match {@code v}. */
	public static int of(Value v) {
		int len = v.length();
		if (len == 0) {
			return 0;
		}
		int n = v.compactLength();
		int digits = v.digits;
		int letters = v.letters;
		int cjk = v.cjk;
		int bits = 0;
		if (cjk == 0) {
			if ((n == 18 || n == 15) && digits >= 14) {
				bits |= bit(PiType.CN_RESIDENT_ID);
			}
			if (n >= 11 && n <= 15 && letters == 0 && digits >= 11) {
				bits |= bit(PiType.CN_MOBILE);
			}
			if (n >= 13 && n <= 19 && digits == n && letters == 0) {
				bits |= bit(PiType.BANK_CARD);
			}
			if (v.at == 1 && v.dots > 0 && v.blanks == 0) {
				bits |= bit(PiType.EMAIL);
			}
			int seps = v.dots + v.colons + v.at + v.slashes;
			if (n >= 8 && n <= 9 && letters <= 2 && seps == 0) {
				bits |= bit(PiType.CN_PASSPORT);
			}
			if (n >= 9 && n <= 11 && letters <= 2 && seps == 0) {
				bits |= bit(PiType.HMT_PERMIT);
			}
			if (v.blanks == 0 && len >= 2 && len <= 45
					&& ((v.dots == 3 && v.colons == 0 && digits == len - 3) || v.colons >= 2)) {
				bits |= bit(PiType.IP_ADDRESS);
			}
			if (n == 15 && digits == 15 && letters == 0) {
				bits |= bit(PiType.IMEI);
			}
			if (len >= 5 && len <= 60 && letters <= 4 && (v.others > 0 || (letters == 0 && (v.commas == 1
					|| (v.commas == 0 && v.blanks >= 1 && v.dots == 2) || (v.dots == 1 && v.commas == 0 && v.blanks == 0))))) {
				// a degree sign counts as "other"; without one, the pair or single-decimal forms
				bits |= bit(PiType.GEO_COORDINATE);
			}
			if (len >= 30) {
				bits |= bit(PiType.BIOMETRIC);
			}
			if (n == 18) {
				bits |= bit(PiType.ORG_CREDIT_CODE);
			}
		}
		if (n >= 10 && digits >= 10 && digits <= 18) {
			bits |= bit(PiType.CN_LANDLINE);
		}
		if (n >= 7 && n <= 9 && cjk >= 1 && cjk <= 2) {
			bits |= bit(PiType.VEHICLE_PLATE);
		}
		if ((len == 17 && (v.colons == 5 || v.dashes == 5)) || (len == 14 && v.dots == 2)) {
			bits |= bit(PiType.MAC_ADDRESS);
		}
		if (len >= 8 && len <= 11 && letters == 0 && digits >= 6 && v.blanks == 0 && v.colons == 0) {
			bits |= bit(PiType.BIRTH_DATE);
		}
		if (len >= 2 && digits == 0 && v.at == 0) {
			if (cjk >= 2 && letters == 0 ? ((cjk == len && len <= 4) || (cjk == len - 1 && len <= 16))
					: (cjk == 0 && letters >= 4 && len <= 40 && v.blanks >= 1 && v.blanks <= 2 && v.others == 0
							&& v.dots + v.colons + v.slashes + v.commas == 0)) {
				bits |= bit(PiType.PERSON_NAME);
			}
		}
		if (len >= 6 && len <= 200 && v.at == 0
				&& (cjk >= 5 || (cjk == 0 && digits >= 1 && letters >= 6 && v.blanks >= 2))) {
			bits |= bit(PiType.ADDRESS);
		}
		if (len >= 2 && len <= 500 && v.at == 0 && (cjk >= 1 || letters >= 3
				|| (digits >= 1 && (letters >= 1 || v.others >= 1)) || (cjk == 0 && len >= 3 && len <= 8 && letters == 1))) {
			bits |= bit(PiType.HEALTH);
		}
		if (len >= 2 && len <= 14 && digits == 0) {
			bits |= bit(PiType.RELIGION);
		}
		return bits;
	}

	private static int bit(PiType type) {
		return 1 << type.ordinal();
	}

}
