package cn.outbound.pii.detect;

import java.util.List;

import cn.outbound.pii.Identifiers;
import cn.outbound.pii.Luhn;
import cn.outbound.pii.ResidentIdNumber;

/**
 * The structured-type detectors, one per type, each validating what the type allows. The
 * vocabulary-based ones (names, addresses, health, religion, biometrics) are in
 * {@link TextDetectors}.
 */
public final class Detectors {

	private Detectors() {
	}

	/** Every detector, in report order of {@link PiType}. */
	public static List<Detector> all() {
		return List.of(new ResidentId(), new Mobile(), new Landline(), new BankCard(), new Email(), new Passport(),
				new HmtPermit(), new VehiclePlate(), new IpAddress(), new MacAddress(), new Imei(), new GeoCoordinate(),
				new BirthDate(), new TextDetectors.PersonName(), new TextDetectors.Address(), new TextDetectors.Health(),
				new TextDetectors.Biometric(), new TextDetectors.Religion(), new OrgCreditCode());
	}

	/** The GB 32100 check character for the first 17 characters of a unified social credit code. */
	public static char orgCreditCodeCheck(CharSequence first17) {
		return OrgCreditCode.checkCharacter(first17);
	}

	/** Whether {@code code} is a valid unified social credit code (GB 32100). */
	public static boolean isOrgCreditCode(CharSequence code) {
		return OrgCreditCode.isValid(code);
	}

	static boolean allDigits(Value v, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = v.compactAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	static int digitsAt(Value v, int from, int count) {
		int n = 0;
		for (int i = from; i < from + count; i++) {
			n = n * 10 + (v.compactAt(i) - '0');
		}
		return n;
	}

	/** GB 11643 resident ID numbers, 18 characters or 15-digit legacy. */
	static final class ResidentId implements Detector {

		@Override
		public PiType type() {
			return PiType.CN_RESIDENT_ID;
		}

		@Override
		public int match(Value v) {
			int n = v.compactLength();
			if ((n != 18 && n != 15) || v.digits < 14 || v.cjk > 0) {
				return NO;
			}
			return ResidentIdNumber.isValid(v.compactView(), 0, n) ? STRONG : NO;
		}

	}

	/** Mainland mobile numbers: 11 digits on an allocated prefix, with or without +86. */
	static final class Mobile implements Detector {

		private static final boolean[] PREFIX = new boolean[100];

		static {
			for (int p : new int[] { 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 45, 46, 47, 48, 49, 50, 51, 52, 53, 55, 56,
					57, 58, 59, 62, 65, 66, 67, 70, 71, 72, 73, 74, 75, 76, 77, 78, 80, 81, 82, 83, 84, 85, 86, 87, 88,
					89, 90, 91, 92, 93, 95, 96, 97, 98, 99 }) {
				PREFIX[p] = true;
			}
		}

		@Override
		public PiType type() {
			return PiType.CN_MOBILE;
		}

		@Override
		public int match(Value v) {
			int n = v.compactLength();
			if (n < 11 || n > 15 || v.letters > 0 || v.cjk > 0 || v.digits < 11) {
				return NO;
			}
			int start = start(v, n);
			return (start >= 0 && isMobile(v, start, n)) ? STRONG : NO;
		}

		static int start(Value v, int n) {
			if (n == 14 && v.compactAt(0) == '+' && v.compactAt(1) == '8' && v.compactAt(2) == '6') {
				return 3;
			}
			if (n == 15 && v.compactAt(0) == '0' && v.compactAt(1) == '0' && v.compactAt(2) == '8'
					&& v.compactAt(3) == '6') {
				return 4;
			}
			if (n == 13 && v.compactAt(0) == '8' && v.compactAt(1) == '6') {
				return 2;
			}
			return (n == 11) ? 0 : -1;
		}

		static boolean isMobile(Value v, int start, int n) {
			if (n - start != 11 || v.compactAt(start) != '1' || !allDigits(v, start, n)) {
				return false;
			}
			return PREFIX[(v.compactAt(start + 1) - '0') * 10 + (v.compactAt(start + 2) - '0')];
		}

		/** Whether the 11 characters at {@code s[from]} are a mobile number (for text search). */
		static boolean isMobile(CharSequence s, int from) {
			if (s.charAt(from) != '1') {
				return false;
			}
			for (int i = from; i < from + 11; i++) {
				char c = s.charAt(i);
				if (c < '0' || c > '9') {
					return false;
				}
			}
			return PREFIX[(s.charAt(from + 1) - '0') * 10 + (s.charAt(from + 2) - '0')];
		}

	}

	/**
	 * Fixed-line numbers with an area code: 010 and 02x take 8-digit local numbers, 0[3-9]xx
	 * takes 7 or 8; the local number starts with 2–8. {@code +86} drops the leading 0. An
	 * extension after 转, EXT or # is allowed.
	 */
	static final class Landline implements Detector {

		@Override
		public PiType type() {
			return PiType.CN_LANDLINE;
		}

		@Override
		public int match(Value v) {
			int n = v.compactLength();
			if (n < 10 || v.digits < 10 || v.digits > 18) {
				return NO;
			}
			int i = 0;
			boolean international = false;
			if (v.compactAt(0) == '+') {
				if (n < 12 || v.compactAt(1) != '8' || v.compactAt(2) != '6') {
					return NO;
				}
				i = 3;
				international = true;
			}
			int end = i;
			while (end < n && v.compactAt(end) >= '0' && v.compactAt(end) <= '9') {
				end++;
			}
			if (end < n) {
				char c = v.compactAt(end);
				if (c != '转' && c != 'E' && c != '#' && c != 'X') {
					return NO;
				}
			}
			int len = end - i;
			if (!international) {
				if (v.compactAt(i) != '0') {
					return NO;
				}
				i++;
				len--;
			}
			// i now at the area code without its leading 0
			char a = v.compactAt(i);
			int area;
			if (a == '1' && v.compactAt(i + 1) == '0' || a == '2') {
				area = 2;
			}
			else if (a >= '3' && a <= '9') {
				area = 3;
			}
			else {
				return NO;
			}
			int local = len - area;
			if (local < 7 || local > 8 || (area == 2 && local != 8)) {
				return NO;
			}
			char first = v.compactAt(i + area);
			return (first >= '2' && first <= '8') ? STRONG : NO;
		}

	}

	/** Payment cards: 13–19 digits, Luhn, a known issuer prefix with its lengths. */
	static final class BankCard implements Detector {

		@Override
		public PiType type() {
			return PiType.BANK_CARD;
		}

		@Override
		public int match(Value v) {
			int n = v.compactLength();
			if (n < 13 || n > 19 || v.digits != n || v.letters > 0 || v.cjk > 0) {
				return NO;
			}
			if (!issuerLength(v, n)) {
				return NO;
			}
			return Luhn.isValid(v.compactView(), 0, n) ? STRONG : NO;
		}

		static boolean issuerLength(Value v, int n) {
			int p2 = digitsAt(v, 0, 2);
			int p4 = digitsAt(v, 0, 4);
			if (p2 == 62 || p2 == 81) {
				return n >= 16;
			}
			if (p2 / 10 == 4) {
				return n == 13 || n == 16 || n == 19;
			}
			if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
				return n == 16;
			}
			if (p2 == 34 || p2 == 37) {
				return n == 15;
			}
			if (p4 >= 3528 && p4 <= 3589) {
				return n >= 16;
			}
			if (p2 == 36 || p2 == 38 || (p4 >= 3000 && p4 <= 3059)) {
				return n >= 14 && n <= 16;
			}
			if (p4 == 6011 || p2 == 65 || (p4 >= 6440 && p4 <= 6499)) {
				return n >= 16;
			}
			if (p4 == 9555 || p4 == 9558 || p4 == 9559 || p4 == 9588) {
				return n >= 16;
			}
			return false;
		}

	}

	static final class Email implements Detector {

		@Override
		public PiType type() {
			return PiType.EMAIL;
		}

		@Override
		public int match(Value v) {
			if (v.at != 1 || v.dots == 0 || v.blanks > 0 || v.cjk > 0) {
				return NO;
			}
			return Identifiers.isEmail(v, 0, v.length()) ? STRONG : NO;
		}

	}

	/** PRC passports: E and G numbers validate; D/S/P/14/15 forms are plausible only. */
	static final class Passport implements Detector {

		@Override
		public PiType type() {
			return PiType.CN_PASSPORT;
		}

		@Override
		public int match(Value v) {
			int n = v.compactLength();
			if (n < 8 || n > 9 || v.letters > 2 || v.cjk > 0 || v.dots + v.colons + v.at + v.slashes > 0) {
				return NO;
			}
			if (!Identifiers.isPassport(v.compactView(), 0, n)) {
				return NO;
			}
			char c = v.compactAt(0);
			return (c == 'E' || c == 'G') ? STRONG : WEAK;
		}

	}

	/**
	 * Hong Kong / Macao / Taiwan permits: 往来港澳通行证 C + 8 digits or C + letter + 7 digits (older
	 * W + 8), 港澳居民来往内地通行证 H/M + 8 or 10 digits, 往来台湾通行证 L + 8 digits.
	 */
	static final class HmtPermit implements Detector {

		@Override
		public PiType type() {
			return PiType.HMT_PERMIT;
		}

		@Override
		public int match(Value v) {
			int n = v.compactLength();
			if (n < 9 || n > 11 || v.letters > 2 || v.cjk > 0 || v.dots + v.colons + v.at + v.slashes > 0) {
				return NO;
			}
			char c = v.compactAt(0);
			switch (c) {
				case 'C': {
					char c1 = v.compactAt(1);
					if (n != 9) {
						return NO;
					}
					if (c1 >= 'A' && c1 <= 'Z') {
						return (c1 != 'I' && c1 != 'O' && allDigits(v, 2, n)) ? STRONG : NO;
					}
					return allDigits(v, 1, n) ? STRONG : NO;
				}
				case 'W', 'L':
					return (n == 9 && allDigits(v, 1, n)) ? STRONG : NO;
				case 'H', 'M':
					return ((n == 9 || n == 11) && allDigits(v, 1, n)) ? STRONG : NO;
				default:
					return NO;
			}
		}

	}

	/** Mainland plates: province character, letter, then 5 (6 for new-energy) characters. */
	static final class VehiclePlate implements Detector {

		private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

		private static final String SUFFIXES = "挂学警港澳领使试超";

		@Override
		public PiType type() {
			return PiType.VEHICLE_PLATE;
		}

		@Override
		public int match(Value v) {
			int n = v.compactLength();
			if (n < 7 || n > 9 || v.cjk < 1 || v.cjk > 2) {
				return NO;
			}
			if (PROVINCES.indexOf(v.compactAt(0)) < 0) {
				return NO;
			}
			char city = v.compactAt(1);
			if (city < 'A' || city > 'Z' || city == 'I' || city == 'O') {
				return NO;
			}
			int i = 2;
			if (v.compactAt(i) == '·' || v.compactAt(i) == '•' || v.compactAt(i) == '.') {
				i++;
			}
			int rest = n - i;
			char last = v.compactAt(n - 1);
			if (SUFFIXES.indexOf(last) >= 0) {
				return (rest == 5 && alnum(v, i, n - 1)) ? STRONG : NO;
			}
			if (rest == 5) {
				return alnum(v, i, n) ? STRONG : NO;
			}
			if (rest == 6) {
				char first = v.compactAt(i);
				boolean newEnergy = ((first == 'D' || first == 'F') && alnum(v, i + 1, i + 2) && allDigits(v, i + 2, n))
						|| (allDigits(v, i, n - 1) && (last == 'D' || last == 'F'));
				return newEnergy ? STRONG : NO;
			}
			return NO;
		}

		private static boolean alnum(Value v, int from, int to) {
			int digits = 0;
			for (int i = from; i < to; i++) {
				char c = v.compactAt(i);
				if (c >= '0' && c <= '9') {
					digits++;
				}
				else if (c < 'A' || c > 'Z' || c == 'I' || c == 'O') {
					return false;
				}
			}
			return digits >= (to - from) - 3;
		}

	}

	/** IPv4 (dotted quad, no leading zeros) and IPv6 (RFC 4291 text forms). */
	static final class IpAddress implements Detector {

		@Override
		public PiType type() {
			return PiType.IP_ADDRESS;
		}

		@Override
		public int match(Value v) {
			int n = v.length();
			if (v.cjk > 0 || v.blanks > 0 || n < 2 || n > 45) {
				return NO;
			}
			if (v.dots == 3 && v.colons == 0 && v.digits == n - 3) {
				return ipv4(v, 0, n) ? STRONG : NO;
			}
			if (v.colons >= 2) {
				return ipv6(v, n) ? STRONG : NO;
			}
			return NO;
		}

		static boolean ipv4(CharSequence s, int from, int to) {
			int parts = 0;
			int i = from;
			while (i <= to) {
				int start = i;
				int val = 0;
				while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
					val = val * 10 + (s.charAt(i) - '0');
					i++;
					if (i - start > 3) {
						return false;
					}
				}
				int len = i - start;
				if (len == 0 || val > 255 || (len > 1 && s.charAt(start) == '0')) {
					return false;
				}
				parts++;
				if (i == to) {
					break;
				}
				if (s.charAt(i) != '.') {
					return false;
				}
				i++;
			}
			return parts == 4;
		}

		private static boolean ipv6(Value v, int n) {
			int groups = 0;
			boolean doubleColon = false;
			int i = 0;
			if (n >= 2 && v.charAt(0) == ':' && v.charAt(1) == ':') {
				doubleColon = true;
				i = 2;
				if (n == 2) {
					return true;
				}
			}
			else if (v.charAt(0) == ':') {
				return false;
			}
			while (i < n) {
				int start = i;
				while (i < n && hex(v.charAt(i))) {
					i++;
				}
				int len = i - start;
				if (i < n && v.charAt(i) == '.') {
					// embedded IPv4 at the end
					if (!ipv4(v, start, n)) {
						return false;
					}
					groups += 2;
					i = n;
					break;
				}
				if (len == 0 || len > 4) {
					return false;
				}
				groups++;
				if (i == n) {
					break;
				}
				if (v.charAt(i) != ':') {
					return false;
				}
				i++;
				if (i < n && v.charAt(i) == ':') {
					if (doubleColon) {
						return false;
					}
					doubleColon = true;
					i++;
					if (i == n) {
						break;
					}
				}
				else if (i == n) {
					return false;
				}
			}
			return doubleColon ? groups < 8 : groups == 8;
		}

	}

	static boolean hex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	/** MAC addresses: six hex pairs joined by ':' or '-', or three groups of four joined by '.'. */
	static final class MacAddress implements Detector {

		@Override
		public PiType type() {
			return PiType.MAC_ADDRESS;
		}

		@Override
		public int match(Value v) {
			int n = v.length();
			if (n == 17 && (v.colons == 5 || v.dashes == 5)) {
				char sep = v.charAt(2);
				for (int i = 0; i < 17; i++) {
					char c = v.charAt(i);
					if (i % 3 == 2 ? c != sep : !hex(c)) {
						return NO;
					}
				}
				return STRONG;
			}
			if (n == 14 && v.dots == 2) {
				for (int i = 0; i < 14; i++) {
					char c = v.charAt(i);
					if (i % 5 == 4 ? c != '.' : !hex(c)) {
						return NO;
					}
				}
				return STRONG;
			}
			return NO;
		}

	}

	/** IMEI: 15 digits, Luhn, a reporting-body prefix in use (35, 86, 01, 99, ...). */
	static final class Imei implements Detector {

		private static final boolean[] BODIES = new boolean[100];

		static {
			for (int p : new int[] { 1, 10, 30, 33, 35, 44, 45, 49, 50, 51, 52, 53, 54, 86, 91, 98, 99 }) {
				BODIES[p] = true;
			}
		}

		@Override
		public PiType type() {
			return PiType.IMEI;
		}

		@Override
		public int match(Value v) {
			int n = v.compactLength();
			if (n != 15 || v.digits != 15 || v.cjk > 0 || v.letters > 0) {
				return NO;
			}
			if (!BODIES[digitsAt(v, 0, 2)]) {
				return NO;
			}
			return Luhn.isValid(v.compactView(), 0, n) ? STRONG : NO;
		}

	}

	/**
	 * Coordinates: a latitude/longitude pair (either order, at least 3 decimals each, in range)
	 * or degrees-minutes-seconds validate; a single decimal with at least 4 decimals within ±180
	 * is plausible only (it needs a header such as 经度/latitude).
	 */
	static final class GeoCoordinate implements Detector {

		@Override
		public PiType type() {
			return PiType.GEO_COORDINATE;
		}

		@Override
		public int match(Value v) {
			int n = v.length();
			if (n < 5 || n > 60 || v.cjk > 0 || v.letters > 4) {
				return NO;
			}
			for (int i = 0; i < n; i++) {
				if (v.charAt(i) == '°') {
					return dms(v) ? STRONG : NO;
				}
			}
			if (v.letters > 0) {
				return NO;
			}
			if (v.commas == 1 || (v.commas == 0 && v.blanks >= 1 && v.dots == 2)) {
				int split = -1;
				for (int i = 0; i < n; i++) {
					char c = v.charAt(i);
					if (c == ',' || (v.commas == 0 && Identifiers.isBlank(c))) {
						split = i;
						break;
					}
				}
				double a = decimal(v, 0, split, 3);
				double b = decimal(v, split + 1, n, 3);
				if (Double.isNaN(a) || Double.isNaN(b)) {
					return NO;
				}
				boolean latLon = Math.abs(a) <= 90 && Math.abs(b) <= 180;
				boolean lonLat = Math.abs(b) <= 90 && Math.abs(a) <= 180;
				return (latLon || lonLat) ? STRONG : NO;
			}
			if (v.dots == 1 && v.commas == 0 && v.blanks == 0) {
				double a = decimal(v, 0, n, 4);
				return (!Double.isNaN(a) && Math.abs(a) <= 180) ? WEAK : NO;
			}
			return NO;
		}

		/** A decimal in {@code v[from, to)} (blanks around allowed) with at least {@code minDecimals}. */
		static double decimal(CharSequence v, int from, int to, int minDecimals) {
			while (from < to && Identifiers.isBlank(v.charAt(from))) {
				from++;
			}
			while (to > from && Identifiers.isBlank(v.charAt(to - 1))) {
				to--;
			}
			if (from >= to) {
				return Double.NaN;
			}
			boolean negative = false;
			if (v.charAt(from) == '-' || v.charAt(from) == '+') {
				negative = v.charAt(from) == '-';
				from++;
			}
			long whole = 0;
			int i = from;
			while (i < to && v.charAt(i) >= '0' && v.charAt(i) <= '9' && i - from < 4) {
				whole = whole * 10 + (v.charAt(i) - '0');
				i++;
			}
			if (i == from || i >= to || v.charAt(i) != '.') {
				return Double.NaN;
			}
			i++;
			int decimals = 0;
			long fraction = 0;
			while (i < to && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
				fraction = fraction * 10 + (v.charAt(i) - '0');
				decimals++;
				i++;
			}
			if (i != to || decimals < minDecimals || decimals > 12) {
				return Double.NaN;
			}
			double d = whole + fraction / POWERS_OF_TEN[decimals];
			return negative ? -d : d;
		}

		private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
				1e12 };

		private static boolean dms(Value v) {
			int n = v.length();
			int degreeSigns = 0;
			int digits = 0;
			for (int i = 0; i < n; i++) {
				char c = v.charAt(i);
				if (c == '°') {
					degreeSigns++;
				}
				else if (c >= '0' && c <= '9') {
					digits++;
				}
				else if ("'\"′″., NSEWnsew".indexOf(c) < 0 && !Identifiers.isBlank(c)) {
					return false;
				}
			}
			return degreeSigns >= 1 && degreeSigns <= 2 && digits >= 4;
		}

	}

	/**
	 * Dates (yyyy-MM-dd, yyyy/M/d, yyyy.M.d, yyyyMMdd, yyyy年M月d日) that are real and not in the
	 * future, from 1900 on, without a time part. Any such date is only plausible as a birth date:
	 * a header (出生, 生日, birth, DOB) decides between it and an order date.
	 */
	static final class BirthDate implements Detector {

		private static final int THIS_YEAR = java.time.Year.now().getValue();

		@Override
		public PiType type() {
			return PiType.BIRTH_DATE;
		}

		@Override
		public int match(Value v) {
			int n = v.length();
			if (n < 8 || n > 11 || v.letters > 0 || v.digits < 6 || v.blanks > 0 || v.colons > 0) {
				return NO;
			}
			int i = 0;
			int year = 0;
			for (; i < 4; i++) {
				char c = v.charAt(i);
				if (c < '0' || c > '9') {
					return NO;
				}
				year = year * 10 + (c - '0');
			}
			int month;
			int day;
			if (n == 8 && v.digits == 8) {
				month = (v.charAt(4) - '0') * 10 + (v.charAt(5) - '0');
				day = (v.charAt(6) - '0') * 10 + (v.charAt(7) - '0');
			}
			else {
				char sep = v.charAt(4);
				if (sep != '-' && sep != '/' && sep != '.' && sep != '年') {
					return NO;
				}
				i = 5;
				month = 0;
				int start = i;
				while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
					month = month * 10 + (v.charAt(i++) - '0');
				}
				char sep2 = (sep == '年') ? '月' : sep;
				if (i - start < 1 || i - start > 2 || i >= n || v.charAt(i) != sep2) {
					return NO;
				}
				i++;
				day = 0;
				start = i;
				while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
					day = day * 10 + (v.charAt(i++) - '0');
				}
				if (i - start < 1 || i - start > 2) {
					return NO;
				}
				if (sep == '年' ? (i != n - 1 || v.charAt(i) != '日') : i != n) {
					return NO;
				}
			}
			if (year < 1900 || year > THIS_YEAR || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
				return NO;
			}
			return WEAK;
		}

		private static int daysIn(int year, int month) {
			return switch (month) {
				case 2 -> ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0) ? 29 : 28;
				case 4, 6, 9, 11 -> 30;
				default -> 31;
			};
		}

	}

	/**
	 * Unified social credit codes (GB 32100-2015): 18 characters from the 31-character set, a
	 * registration-authority code, a plausible region code and the mod-31 check character.
	 */
	static final class OrgCreditCode implements Detector {

		private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

		private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

		@Override
		public PiType type() {
			return PiType.ORG_CREDIT_CODE;
		}

		@Override
		public int match(Value v) {
			if (v.compactLength() != 18 || v.cjk > 0) {
				return NO;
			}
			return isValid(v.compactView()) ? STRONG : NO;
		}

		/** Each character's value in {@link #CHARSET}, -1 for characters outside it. */
		private static final int[] VALUES = new int[128];

		/** The registration-authority codes (first character). */
		private static final boolean[] AUTHORITIES = new boolean[128];

		static {
			java.util.Arrays.fill(VALUES, -1);
			for (int i = 0; i < CHARSET.length(); i++) {
				VALUES[CHARSET.charAt(i)] = i;
			}
			for (char c : "123456789ABCDEFGNY".toCharArray()) {
				AUTHORITIES[c] = true;
			}
		}

		/** Whether {@code code} (18 upper-case characters) is a valid unified social credit code. */
		public static boolean isValid(CharSequence code) {
			if (code.length() != 18) {
				return false;
			}
			char authority = code.charAt(0);
			if (authority >= 128 || !AUTHORITIES[authority]) {
				return false;
			}
			for (int i = 2; i < 8; i++) {
				char c = code.charAt(i);
				if (c < '0' || c > '9') {
					return false;
				}
			}
			int sum = 0;
			for (int i = 0; i < 17; i++) {
				char c = code.charAt(i);
				int value = (c < 128) ? VALUES[c] : -1;
				if (value < 0) {
					return false;
				}
				sum += value * WEIGHTS[i];
			}
			int check = 31 - sum % 31;
			if (check == 31) {
				check = 0;
			}
			return code.charAt(17) == CHARSET.charAt(check);
		}

		/** The check character for the first 17 characters. */
		public static char checkCharacter(CharSequence first17) {
			int sum = 0;
			for (int i = 0; i < 17; i++) {
				sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
			}
			int check = 31 - sum % 31;
			return CHARSET.charAt(check == 31 ? 0 : check);
		}

	}

}
