package cn.outbound.pii.detect;

import cn.outbound.pii.Identifiers;
import cn.outbound.pii.ResidentIdNumber;

/**
 * Finds resident ID numbers, mobile numbers and e-mail addresses inside free text ("客户张伟，电话
 * 13812345678，已回访"). Chinese text has no spaces between words, so a candidate is a maximal run
 * of digits bounded by any non-digit, never a {@code \b} word boundary, and is then validated.
 */
public final class EmbeddedFinder {

	/** Bit for {@link PiType#CN_RESIDENT_ID} in {@link #find}'s result. */
	public static final int RESIDENT_ID = 1;

	public static final int MOBILE = 2;

	public static final int EMAIL = 4;

	private EmbeddedFinder() {
	}

	/** Whether a value is worth searching: text around digits or an {@code @}. */
	public static boolean isText(Value v) {
		return v.length() > 13 && (v.cjk > 0 || v.blanks > 0) && (v.digits >= 11 || v.at > 0);
	}

	/** A bit set of what {@code s} contains: {@link #RESIDENT_ID}, {@link #MOBILE}, {@link #EMAIL}. */
	public static int find(CharSequence s) {
		int found = 0;
		int n = s.length();
		int i = 0;
		while (i < n) {
			char c = s.charAt(i);
			if (c >= '0' && c <= '9') {
				int start = i;
				while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
					i++;
				}
				int end = i;
				if (end - start == 17 && i < n && (s.charAt(i) == 'X' || s.charAt(i) == 'x')) {
					end++;
					i++;
				}
				int len = end - start;
				if ((len == 18 || len == 15) && ResidentIdNumber.isValid(s, start, end)) {
					found |= RESIDENT_ID;
				}
				else if (len == 11 && Detectors.Mobile.isMobile(s, start)) {
					found |= MOBILE;
				}
				else if (len == 13 && s.charAt(start) == '8' && s.charAt(start + 1) == '6'
						&& Detectors.Mobile.isMobile(s, start + 2)) {
					found |= MOBILE;
				}
				continue;
			}
			if (c == '@') {
				int left = i;
				while (left > 0 && isEmailChar(s.charAt(left - 1), true)) {
					left--;
				}
				int right = i + 1;
				while (right < n && isEmailChar(s.charAt(right), false)) {
					right++;
				}
				while (right > i + 1 && s.charAt(right - 1) == '.') {
					right--;
				}
				if (left < i && Identifiers.isEmail(s, left, right)) {
					found |= EMAIL;
				}
			}
			i++;
		}
		return found;
	}

	private static boolean isEmailChar(char c, boolean local) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
			return true;
		}
		return local && (c == '_' || c == '+' || c == '%');
	}

}
