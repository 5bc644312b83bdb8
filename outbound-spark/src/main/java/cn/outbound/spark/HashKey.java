package cn.outbound.spark;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.outbound.ledger.LedgerKey;
import cn.outbound.ledger.PersonHashes;

/**
 * Which key the executors hash persons under, without the key itself travelling with the tasks when it is the
 * ledger's: a scan that records into the ledger uses the ledger's key, which an executor finds in its own process
 * (local mode: the driver registered it) or in its environment ({@value LedgerKey#ENV}, e.g.
 * {@code spark.executorEnv.OUTBOUND_LEDGER_KEY} or a Kubernetes secret), checked against the ledger key's
 * fingerprint. A scan that only reports uses a random key made for the run and thrown away with it: the shuffled
 * hashes cannot then be matched to anything.
 */
final class HashKey implements Serializable {

	private static final long serialVersionUID = 1L;

	/** Keys the driver registered in this JVM (local mode), by fingerprint. */
	private static final Map<String, LedgerKey> LOCAL = new ConcurrentHashMap<>();

	private final String fingerprint;

	/** The run's own random key (never the ledger's), or null. */
	private final byte[] ephemeral;

	private HashKey(String fingerprint, byte[] ephemeral) {
		this.fingerprint = fingerprint;
		this.ephemeral = ephemeral;
	}

	/** A random key for this run only (the report's counts need consistent hashes, nothing else). */
	static HashKey forThisRun() {
		byte[] secret = new byte[LedgerKey.MIN_BYTES];
		new SecureRandom().nextBytes(secret);
		return new HashKey(LedgerKey.of(secret).fingerprint(), secret);
	}

	/** The ledger's key, registered for executors in this JVM; executors elsewhere read it from their environment. */
	static HashKey ofLedger(LedgerKey key) {
		LOCAL.put(key.fingerprint(), key);
		return new HashKey(key.fingerprint(), null);
	}

	String fingerprint() {
		return this.fingerprint;
	}

	boolean isLedgers() {
		return this.ephemeral == null;
	}

	/** A hasher for this task (called in the executor). */
	PersonHashes hashes() {
		if (this.ephemeral != null) {
			return LedgerKey.of(this.ephemeral).personHashes();
		}
		LedgerKey key = LOCAL.get(this.fingerprint);
		if (key == null) {
			String text = System.getenv(LedgerKey.ENV);
			if (text == null || text.isBlank()) {
				throw new IllegalStateException("this executor has no " + LedgerKey.ENV + ": give the executors the ledger's"
						+ " key (YARN: --conf spark.executorEnv." + LedgerKey.ENV + "=…; Kubernetes: --conf"
						+ " spark.kubernetes.executor.secretKeyRef." + LedgerKey.ENV + "=SECRET:KEY; see docs/spark.md)");
			}
			key = LedgerKey.parse(text);
			if (!key.fingerprint().equals(this.fingerprint)) {
				throw new IllegalStateException("the executors' " + LedgerKey.ENV + " (fingerprint " + key.fingerprint()
						+ ") is not the ledger's key (fingerprint " + this.fingerprint + ")");
			}
		}
		return key.personHashes();
	}

}
