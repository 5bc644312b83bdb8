package cn.outbound.ledger;

import java.util.Iterator;

/**
 * The persons of one class in an event, given as the ledger's keyed hashes ({@link PersonHashes}) rather than as
 * identifiers: for an export whose identifiers were hashed where they are (a Spark job's executors), so that none
 * reaches the process that records. Each hash is {@value PersonHashes#BYTES} bytes; duplicates are allowed.
 *
 * @param personClass non-sensitive or sensitive
 * @param keyFingerprint the fingerprint of the key the hashes were made under: the ledger refuses hashes of another key
 * @param hashes the hashes, read once
 */
public record HashedPersons(PersonClass personClass, String keyFingerprint, Iterator<byte[]> hashes) {

	public HashedPersons {
		if (personClass == null || keyFingerprint == null || hashes == null) {
			throw new IllegalArgumentException("personClass, keyFingerprint and hashes are required");
		}
	}

}
