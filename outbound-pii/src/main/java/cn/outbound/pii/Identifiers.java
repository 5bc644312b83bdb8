package cn.outbound.pii;

import cn.outbound.pii.InvalidIdentifierException.Reason;

/**
 * One normal form per identifier kind, shared by the scanner and the ledger so that the same
 * person is counted once whichever way the number was written.
 *
 * <p>
 * Lenient on presentation (surrounding and inner spaces, full-width characters, a lower-case
 * {@code x}, {@code +86}), strict on substance (check digits, region codes, real dates).
 * Errors never carry the value.
 */
public final class Identifiers {

	private Identifiers() {
	}

	/**
	 * The normal form of {@code raw}.
	 * <ul>
	 * <li>{@link IdentifierKind#RESIDENT_ID}: whitespace removed, {@code x} upper-cased,
	 * 15-digit legacy numbers upgraded to 18; check character, region code and date
	 * verified.</li>
	 * <li>{@link IdentifierKind#MOBILE}: {@code +86}/{@code 0086}/{@code 86} prefix, spaces,
	 * dashes and parentheses removed; must be 11 digits {@code 1[3-9]x}.</li>
	 * <li>{@link IdentifierKind#EMAIL}: trimmed and lower-cased; basic syntax checked.</li>
	 * <li>{@link IdentifierKind#PASSPORT}: whitespace removed, upper-cased; PRC formats.</li>
	 * <li>{@link IdentifierKind#OPAQUE}: trimmed; must not be empty.</li>
	 * </ul>
	 * @throws InvalidIdentifierException if the value is not a valid identifier of that kind
	 */
	public static String normalise(IdentifierKind kind, CharSequence raw) {
		return switch (kind) {
			case RESIDENT_ID -> residentId(raw);
			case MOBILE -> mobile(raw);
			case EMAIL -> email(raw);
			case PASSPORT -> passport(raw);
			case OPAQUE -> opaque(raw);
		};
	}

	/**
	 * Whether {@link #normalise} would accept {@code raw}.
	 */
	public static boolean isValid(IdentifierKind kind, CharSequence raw) {
		try {
			normalise(kind, raw);
			return true;
		}
		catch (InvalidIdentifierException ex) {
			return false;
		}
	}

	/**
	 * A masked form for reports and messages. At most a third of the characters are shown
	 * (for e-mail, of the part before {@code @}; the domain is shown). Never throws: a value
	 * that is not valid for {@code kind} is masked by the same rule as it stands.
	 */
	public static String mask(IdentifierKind kind, CharSequence raw) {
		if (raw == null) {
			return "";
		}
		String value;
		try {
			value = normalise(kind, raw);
		}
		catch (InvalidIdentifierException ex) {
			value = trim(canonical(raw, false));
			if (kind == IdentifierKind.EMAIL && value.indexOf('@') > 0) {
				return maskEmail(value);
			}
			return maskMiddle(value);
		}
		return (kind == IdentifierKind.EMAIL) ? maskEmail(value) : maskMiddle(value);
	}

	/**
	 * Masks any value by the general rule: the first and last characters, together at most a
	 * third of the length, are shown and the rest become {@code *}.
	 */
	public static String maskMiddle(CharSequence value) {
		int len = value.length();
		int budget = len / 3;
		int head = (budget + 1) / 2;
		int tail = budget - head;
		StringBuilder sb = new StringBuilder(len);
		for (int i = 0; i < len; i++) {
			sb.append((i < head || i >= len - tail) ? value.charAt(i) : '*');
		}
		return sb.toString();
	}

	private static String maskEmail(String value) {
		int at = value.lastIndexOf('@');
		String local = value.substring(0, at);
		String shown = (local.length() >= 3) ? local.substring(0, 1) : "";
		return shown + "***" + value.substring(at);
	}

	private static String residentId(CharSequence raw) {
		IdentifierKind kind = IdentifierKind.RESIDENT_ID;
		String s = canonical(raw, true);
		if (s.isEmpty()) {
			throw new InvalidIdentifierException(kind, Reason.EMPTY);
		}
		int len = s.length();
		for (int i = 0; i < len; i++) {
			char c = s.charAt(i);
			boolean ok = (c >= '0' && c <= '9') || (i == 17 && len == 18 && (c == 'X' || c == 'x'));
			if (!ok) {
				throw new InvalidIdentifierException(kind, Reason.BAD_CHARACTER);
			}
		}
		if (len != 18 && len != 15) {
			throw new InvalidIdentifierException(kind, Reason.BAD_LENGTH);
		}
		if (!RegionCodes.isPlausible(s, 0)) {
			throw new InvalidIdentifierException(kind, Reason.UNKNOWN_REGION);
		}
		if (len == 15) {
			if (!ResidentIdNumber.isValid(s)) {
				throw new InvalidIdentifierException(kind, Reason.BAD_DATE);
			}
			return ResidentIdNumber.upgrade15(s);
		}
		String upper = (s.charAt(17) == 'x') ? s.substring(0, 17) + 'X' : s;
		if (ResidentIdNumber.checkDigit(upper.subSequence(0, 17)) != upper.charAt(17)) {
			throw new InvalidIdentifierException(kind, Reason.BAD_CHECK_DIGIT);
		}
		if (!ResidentIdNumber.isValid(upper)) {
			throw new InvalidIdentifierException(kind, Reason.BAD_DATE);
		}
		return upper;
	}

	private static String mobile(CharSequence raw) {
		IdentifierKind kind = IdentifierKind.MOBILE;
		String c = canonical(raw, true);
		StringBuilder sb = new StringBuilder(c.length());
		for (int i = 0; i < c.length(); i++) {
			char ch = c.charAt(i);
			if (ch == '-' || ch == '(' || ch == ')') {
				continue;
			}
			if (ch == '+' && sb.length() == 0) {
				sb.append(ch);
				continue;
			}
			if (ch < '0' || ch > '9') {
				throw new InvalidIdentifierException(kind, Reason.BAD_CHARACTER);
			}
			sb.append(ch);
		}
		String s = sb.toString();
		if (s.isEmpty()) {
			throw new InvalidIdentifierException(kind, Reason.EMPTY);
		}
		if (s.startsWith("+86")) {
			s = s.substring(3);
		}
		else if (s.startsWith("+")) {
			throw new InvalidIdentifierException(kind, Reason.BAD_PREFIX);
		}
		else if (s.startsWith("0086")) {
			s = s.substring(4);
		}
		else if (s.length() == 13 && s.startsWith("86")) {
			s = s.substring(2);
		}
		if (s.length() != 11) {
			throw new InvalidIdentifierException(kind, Reason.BAD_LENGTH);
		}
		if (s.charAt(0) != '1' || s.charAt(1) < '3') {
			throw new InvalidIdentifierException(kind, Reason.BAD_PREFIX);
		}
		return s;
	}

	private static String email(CharSequence raw) {
		IdentifierKind kind = IdentifierKind.EMAIL;
		String s = trim(canonical(raw, false)).toLowerCase(java.util.Locale.ROOT);
		if (s.isEmpty()) {
			throw new InvalidIdentifierException(kind, Reason.EMPTY);
		}
		if (s.length() > 254) {
			throw new InvalidIdentifierException(kind, Reason.BAD_LENGTH);
		}
		int at = s.indexOf('@');
		if (at <= 0 || at != s.lastIndexOf('@') || at > 64) {
			throw new InvalidIdentifierException(kind, Reason.BAD_FORMAT);
		}
		if (!isEmailLocal(s, 0, at) || !isDomain(s, at + 1, s.length())) {
			throw new InvalidIdentifierException(kind, Reason.BAD_FORMAT);
		}
		return s;
	}

	/** Basic e-mail syntax over {@code s[from, to)} (lower or upper case), no allocation. */
	public static boolean isEmail(CharSequence s, int from, int to) {
		int len = to - from;
		if (len < 6 || len > 254) {
			return false;
		}
		int at = -1;
		for (int i = from; i < to; i++) {
			if (s.charAt(i) == '@') {
				if (at >= 0) {
					return false;
				}
				at = i;
			}
		}
		return at > from && at - from <= 64 && isEmailLocal(s, from, at) && isDomain(s, at + 1, to);
	}

	private static boolean isEmailLocal(CharSequence s, int from, int to) {
		if (to <= from || s.charAt(from) == '.' || s.charAt(to - 1) == '.') {
			return false;
		}
		char prev = 0;
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "._%+-!#$&'*/=?^`{|}~".indexOf(c) >= 0;
			if (!ok || (c == '.' && prev == '.')) {
				return false;
			}
			prev = c;
		}
		return true;
	}

	private static boolean isDomain(CharSequence s, int from, int to) {
		if (to - from < 4) {
			return false;
		}
		int labels = 0;
		int labelStart = from;
		for (int i = from; i <= to; i++) {
			if (i == to || s.charAt(i) == '.') {
				int labelLen = i - labelStart;
				if (labelLen < 1 || labelLen > 63 || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
					return false;
				}
				labels++;
				if (i == to) {
					// top-level domain: letters only, at least two (or an xn-- label)
					if (labelLen < 2) {
						return false;
					}
					boolean punycode = labelLen > 4 && (s.charAt(labelStart) == 'x' || s.charAt(labelStart) == 'X')
							&& (s.charAt(labelStart + 1) == 'n' || s.charAt(labelStart + 1) == 'N')
							&& s.charAt(labelStart + 2) == '-' && s.charAt(labelStart + 3) == '-';
					if (!punycode) {
						for (int j = labelStart; j < i; j++) {
							char c = s.charAt(j);
							if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
								return false;
							}
						}
					}
				}
				labelStart = i + 1;
				continue;
			}
			char c = s.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
			if (!ok) {
				return false;
			}
		}
		return labels >= 2;
	}

	private static String passport(CharSequence raw) {
		IdentifierKind kind = IdentifierKind.PASSPORT;
		String s = canonical(raw, true).toUpperCase(java.util.Locale.ROOT);
		if (s.isEmpty()) {
			throw new InvalidIdentifierException(kind, Reason.EMPTY);
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
				throw new InvalidIdentifierException(kind, Reason.BAD_CHARACTER);
			}
		}
		if (!isPassport(s, 0, s.length())) {
			throw new InvalidIdentifierException(kind, Reason.BAD_FORMAT);
		}
		return s;
	}

	/**
	 * PRC passport formats over upper-case {@code s[from, to)}: {@code E} + 8 digits,
	 * {@code E} + a letter (not I or O) + 7 digits, {@code G} + 8 digits, {@code D}/{@code S}/{@code P}
	 * + 7 or 8 digits, {@code 14}/{@code 15} + 7 digits (older official passports).
	 */
	public static boolean isPassport(CharSequence s, int from, int to) {
		int len = to - from;
		if (len < 8 || len > 9) {
			return false;
		}
		char c0 = s.charAt(from);
		switch (c0) {
			case 'E':
				if (len != 9) {
					return false;
				}
				char c1 = s.charAt(from + 1);
				if (c1 >= 'A' && c1 <= 'Z') {
					return c1 != 'I' && c1 != 'O' && digits(s, from + 2, to);
				}
				return digits(s, from + 1, to);
			case 'G':
				return len == 9 && digits(s, from + 1, to);
			case 'D', 'S', 'P':
				return digits(s, from + 1, to);
			case '1':
				char d1 = s.charAt(from + 1);
				return len == 9 && (d1 == '4' || d1 == '5') && digits(s, from + 2, to);
			default:
				return false;
		}
	}

	private static boolean digits(CharSequence s, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static String opaque(CharSequence raw) {
		String s = trim(raw.toString());
		if (s.isEmpty()) {
			throw new InvalidIdentifierException(IdentifierKind.OPAQUE, Reason.EMPTY);
		}
		return s;
	}

	/** Whether {@code c} is treated as blank: Java whitespace, no-break spaces, BOM, zero-width. */
	public static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u3000' || c == '\uFEFF' || c == '\u200B'
				|| c == '\u2007' || c == '\u202F' || Character.isWhitespace(c);
	}

	/**
	 * Full-width ASCII (U+FF01–U+FF5E) mapped to ASCII; blanks removed everywhere when
	 * {@code dropBlanks}, kept otherwise.
	 */
	static String canonical(CharSequence raw, boolean dropBlanks) {
		StringBuilder sb = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			if (dropBlanks && isBlank(c)) {
				continue;
			}
			sb.append(c);
		}
		return sb.toString();
	}

	static String trim(String s) {
		int from = 0;
		int to = s.length();
		while (from < to && isBlank(s.charAt(from))) {
			from++;
		}
		while (to > from && isBlank(s.charAt(to - 1))) {
			to--;
		}
		return s.substring(from, to);
	}

}
