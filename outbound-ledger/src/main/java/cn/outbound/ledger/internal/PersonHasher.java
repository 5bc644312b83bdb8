package cn.outbound.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.outbound.pii.IdentifierKind;

/**
 * HMAC-SHA-256 of a normalised identifier under the deployment key: the only form in which a person reaches the
 * database. The input is a one-byte kind tag followed by the UTF-8 of the normal form, so that, say, a passport
 * number and a customer number that happen to be written alike are different persons. The tags are fixed forever
 * (changing them would change every hash): 1 resident ID, 2 mobile, 3 e-mail, 4 passport, 5 opaque.
 *
 * <p>
 * HMAC as in RFC 2104, computed from SHA-256 states precomputed after the inner and outer padded key blocks (two
 * compressions per hash instead of four); a test checks it against {@link Mac}. One instance per thread.
 */
public final class PersonHasher {

	/** Length of a person hash in bytes: the full HMAC-SHA-256, never truncated. */
	public static final int HASH_BYTES = 32;

	private static final int BLOCK = 64;

	private final Mac mac;

	private final MessageDigest inner;

	private final MessageDigest outer;

	private byte[] buf = new byte[64];

	private final byte[] innerHash = new byte[HASH_BYTES];

	public PersonHasher(byte[] key) {
		try {
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] k = (key.length > BLOCK) ? MessageDigest.getInstance("SHA-256").digest(key) : key;
			byte[] ipad = new byte[BLOCK];
			byte[] opad = new byte[BLOCK];
			for (int i = 0; i < BLOCK; i++) {
				byte b = (i < k.length) ? k[i] : 0;
				ipad[i] = (byte) (b ^ 0x36);
				opad[i] = (byte) (b ^ 0x5c);
			}
			this.inner = MessageDigest.getInstance("SHA-256");
			this.inner.update(ipad);
			this.outer = MessageDigest.getInstance("SHA-256");
			this.outer.update(opad);
			// cloning must work for the fast path
			this.inner.clone();
		}
		catch (NoSuchAlgorithmException | InvalidKeyException | CloneNotSupportedException ex) {
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
	public void hash(IdentifierKind kind, CharSequence normalised, byte[] out, int offset) {
		int n = encode(tag(kind), normalised);
		try {
			MessageDigest in = (MessageDigest) this.inner.clone();
			in.update(this.buf, 0, n);
			in.digest(this.innerHash, 0, HASH_BYTES);
			MessageDigest o = (MessageDigest) this.outer.clone();
			o.update(this.innerHash, 0, HASH_BYTES);
			o.digest(out, offset, HASH_BYTES);
		}
		catch (CloneNotSupportedException | DigestException ex) {
			throw new IllegalStateException("HMAC-SHA-256 failed", ex);
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
	private int encode(byte tag, CharSequence s) {
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
		byte[] utf8 = s.toString().getBytes(StandardCharsets.UTF_8);
		System.arraycopy(utf8, 0, b, 1, utf8.length);
		return utf8.length + 1;
	}

}
