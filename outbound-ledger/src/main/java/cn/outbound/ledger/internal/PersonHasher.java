package cn.outbound.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import cn.outbound.pii.IdentifierKind;

/**
 * HMAC-SHA-256 of a normalised identifier under the deployment key: the only form in which a person reaches the
 * database. The input is a one-byte kind tag followed by the UTF-8 of the normal form, so that, say, a passport
 * number and a customer number that happen to be written alike are different persons. The tags are fixed forever
 * (changing them would change every hash): 1 resident ID, 2 mobile, 3 e-mail, 4 passport, 5 opaque.
 *
 * <p>
 * One instance per thread ({@link Mac} is not thread-safe).
 */
public final class PersonHasher {

	/** Length of a person hash in bytes: the full HMAC-SHA-256, never truncated. */
	public static final int HASH_BYTES = 32;

	private final Mac mac;

	private byte[] buf = new byte[64];

	public PersonHasher(byte[] key) {
		try {
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", ex);
		}
	}

	/** The tag that separates the kinds in the hash input. */
	public static byte tag(IdentifierKind kind) {
		return switch (kind) {
			case RESIDENT_ID -> 1;
			case MOBILE -> 2;
			case EMAIL -> 3;
			case PASSPORT -> 4;
			case OPAQUE -> 5;
		};
	}

	/** Writes the 32-byte hash of {@code normalised} of {@code kind} to {@code out[offset..offset+32)}. */
	public void hash(IdentifierKind kind, String normalised, byte[] out, int offset) {
		int n = encode(tag(kind), normalised);
		this.mac.update(this.buf, 0, n);
		try {
			this.mac.doFinal(out, offset);
		}
		catch (ShortBufferException ex) {
			throw new IllegalArgumentException("no room for a hash at " + offset, ex);
		}
	}

	/** A new 32-byte array with the hash. */
	public byte[] hash(IdentifierKind kind, String normalised) {
		byte[] out = new byte[HASH_BYTES];
		hash(kind, normalised, out, 0);
		return out;
	}

	/** HMAC of an arbitrary label, e.g. the key check stored with the ledger. */
	public byte[] hashLabel(String label) {
		try {
			Mac copy = (Mac) this.mac.clone();
			return copy.doFinal(label.getBytes(StandardCharsets.UTF_8));
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Tag + UTF-8 into buf, ASCII fast path. */
	private int encode(byte tag, String s) {
		int len = s.length();
		if (this.buf.length < len * 3 + 1) {
			this.buf = new byte[len * 3 + 1];
		}
		byte[] b = this.buf;
		b[0] = tag;
		int i = 0;
		for (; i < len; i++) {
			char c = s.charAt(i);
			if (c >= 0x80) {
				break;
			}
			b[i + 1] = (byte) c;
		}
		if (i == len) {
			return len + 1;
		}
		byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(utf8, 0, b, 1, utf8.length);
		return utf8.length + 1;
	}

}
