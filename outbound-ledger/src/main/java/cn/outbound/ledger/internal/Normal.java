package cn.outbound.ledger.internal;

import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;
import cn.outbound.pii.ResidentIdNumber;

/**
 * The normal form of an identifier, as {@link Identifiers#normalise} gives it, without copying the value when it is
 * already in normal form: an 18-character resident ID number of ASCII digits and an upper-case {@code X} that
 * {@link ResidentIdNumber#isValid} accepts is its own normal form (the common case in bulk files). Anything else goes
 * through {@link Identifiers#normalise}. A property test checks that both ways agree.
 */
public final class Normal {

	private Normal() {
	}

	/**
	 * @return the normal form; may be {@code value} itself, so use it before {@code value} changes
	 * @throws cn.outbound.pii.InvalidIdentifierException as {@link Identifiers#normalise}
	 */
	public static CharSequence of(IdentifierKind kind, CharSequence value) {
		if (kind == IdentifierKind.RESIDENT_ID && value.length() == 18 && isPlain(value)
				&& ResidentIdNumber.isValid(value, 0, 18)) {
			return value;
		}
		return Identifiers.normalise(kind, value);
	}

	/** Digits, with an upper-case X allowed last: nothing that normalisation would change. */
	private static boolean isPlain(CharSequence v) {
		for (int i = 0; i < 17; i++) {
			char c = v.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		char last = v.charAt(17);
		return (last >= '0' && last <= '9') || last == 'X';
	}

}
