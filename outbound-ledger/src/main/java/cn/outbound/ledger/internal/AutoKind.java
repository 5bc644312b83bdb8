package cn.outbound.ledger.internal;

import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;

/**
 * Tells the kind of one identifier value when the caller did not: a resident ID number when it looks like one (15
 * or 18 digits, or 17 and an X, blanks and full-width forms allowed), an e-mail address when it holds {@code @}, a
 * mobile number when it is a valid one, otherwise an opaque id. Deterministic: the same text always gets the same
 * kind.
 */
public final class AutoKind {

	private AutoKind() {
	}

	public static IdentifierKind of(CharSequence value) {
		int digits = 0;
		int others = 0;
		boolean trailingX = false;
		boolean at = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= '\uFF01' && c <= '\uFF5E') {
				c = (char) (c - 0xFEE0);
			}
			if (c == '@') {
				at = true;
			}
			if (Identifiers.isBlank(c)) {
				continue;
			}
			if (trailingX) {
				others++;
			}
			if (c >= '0' && c <= '9') {
				digits++;
			}
			else if ((c == 'X' || c == 'x') && digits == 17 && others == 0) {
				trailingX = true;
			}
			else {
				others++;
			}
		}
		if (at) {
			return IdentifierKind.EMAIL;
		}
		if (others == 0 && ((digits == 18 && !trailingX) || (digits == 17 && trailingX) || (digits == 15 && !trailingX))) {
			return IdentifierKind.RESIDENT_ID;
		}
		if (Identifiers.isValid(IdentifierKind.MOBILE, value)) {
			return IdentifierKind.MOBILE;
		}
		return IdentifierKind.OPAQUE;
	}

}
