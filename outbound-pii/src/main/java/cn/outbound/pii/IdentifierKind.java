package cn.outbound.pii;

/**
 * The kinds of person identifier the scanner and the ledger agree on. Each kind has one
 * normal form, produced by {@link Identifiers#normalise(IdentifierKind, CharSequence)}.
 */
public enum IdentifierKind {

	/** Resident identity card number (GB 11643), always 18 characters once normalised. */
	RESIDENT_ID,

	/** Mainland mobile number, 11 digits once normalised. */
	MOBILE,

	/** E-mail address, lower-cased. */
	EMAIL,

	/** PRC passport number, upper-cased. */
	PASSPORT,

	/** Any other identifier (customer number, account id): trimmed, otherwise kept as is. */
	OPAQUE

}
