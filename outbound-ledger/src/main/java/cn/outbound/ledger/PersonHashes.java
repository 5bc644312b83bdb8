package cn.outbound.ledger;

import cn.outbound.ledger.internal.Normal;
import cn.outbound.ledger.internal.PersonHasher;
import cn.outbound.pii.IdentifierKind;

/**
 * The ledger's keyed hash of a person, for a caller that hashes where the identifiers are (a Spark executor) and
 * hands the ledger only the hashes ({@link Ledger#recordHashed}). The same normal form ({@link Normal}) and the same
 * HMAC-SHA-256 under the same key as {@link Ledger#record}, so a person counts once whichever way they came. One
 * instance per thread.
 */
public final class PersonHashes {

	/** Bytes of one hash (the full HMAC-SHA-256). */
	public static final int BYTES = PersonHasher.HASH_BYTES;

	private final PersonHasher hasher;

	private final String fingerprint;

	PersonHashes(PersonHasher hasher, String fingerprint) {
		this.hasher = hasher;
		this.fingerprint = fingerprint;
	}

	/** The fingerprint of the key these hashes are made under ({@link LedgerKey#fingerprint()}). */
	public String keyFingerprint() {
		return this.fingerprint;
	}

	/**
	 * Normalises {@code identifier} as the ledger does and writes its {@value #BYTES}-byte hash to
	 * {@code out[offset..offset+32)}.
	 * @throws cn.outbound.pii.InvalidIdentifierException if it is not a valid identifier of {@code kind}
	 */
	public void hash(IdentifierKind kind, CharSequence identifier, byte[] out, int offset) {
		this.hasher.hash(kind, Normal.of(kind, identifier), out, offset);
	}

}
