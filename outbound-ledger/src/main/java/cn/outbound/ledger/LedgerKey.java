package cn.outbound.ledger;

import cn.outbound.ledger.db.LedgerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import cn.outbound.ledger.db.Database;
import cn.outbound.ledger.internal.PersonHasher;

/**
 * The deployment's secret for the keyed hashes (HMAC-SHA-256). Without it, the hashes in the ledger cannot be
 * matched to identifiers, not even by enumerating all ID numbers; with a different key, the same person would get
 * a different hash, so the ledger refuses a key other than the one it was created with.
 *
 * <p>
 * From {@value #ENV} (base64 or hex, at least 32 bytes). With the embedded default database and no key set, one is
 * generated once into {@value #FILE_NAME} in the data directory, readable by the owner only, and the user is told to
 * back it up. With any other database and no key set, {@link #resolve} refuses.
 */
public final class LedgerKey {

	public static final String ENV = "OUTBOUND_LEDGER_KEY";

	/** The generated key's file name in the data directory. */
	public static final String FILE_NAME = "ledger.key";

	/** Shortest key accepted, in bytes. */
	public static final int MIN_BYTES = 32;

	private final byte[] secret;

	private final String fingerprint;

	private LedgerKey(byte[] secret) {
		this.secret = secret.clone();
		this.fingerprint = HexFormat.of()
			.formatHex(Arrays.copyOf(new PersonHasher(secret).hashLabel("outbound-ledger/fingerprint/v1"), 6));
	}

	/** A key of the given bytes (at least {@value #MIN_BYTES}). */
	public static LedgerKey of(byte[] secret) {
		if (secret == null || secret.length < MIN_BYTES) {
			throw new LedgerKeyException(ENV + " must hold at least " + MIN_BYTES
					+ " bytes (base64 or hex); generate one with: openssl rand -base64 32");
		}
		return new LedgerKey(secret);
	}

	/**
	 * Parses base64 (standard or URL-safe) or hex text.
	 * @throws LedgerKeyException if it is neither or shorter than {@value #MIN_BYTES} bytes (the message never holds
	 * the text)
	 */
	public static LedgerKey parse(String text) {
		String t = (text != null) ? text.strip() : "";
		byte[] bytes = null;
		if (t.length() >= 2 * MIN_BYTES && t.length() % 2 == 0 && t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
			bytes = HexFormat.of().parseHex(t);
		}
		else {
			try {
				bytes = Base64.getDecoder().decode(t);
			}
			catch (IllegalArgumentException ex) {
				try {
					bytes = Base64.getUrlDecoder().decode(t);
				}
				catch (IllegalArgumentException ex2) {
					throw new LedgerKeyException(ENV + " is neither base64 nor hex; generate a key with: openssl rand -base64 32");
				}
			}
		}
		return of(bytes);
	}

	/** A new random key. */
	public static LedgerKey generate() {
		byte[] b = new byte[MIN_BYTES];
		new SecureRandom().nextBytes(b);
		return new LedgerKey(b);
	}

	/**
	 * The key for {@code db}: {@value #ENV} from {@code env}; else, for an embedded H2 file, {@value #FILE_NAME} in its
	 * data directory, generated on first use (then {@code notices} is told where it is and to back it up); for an
	 * in-memory H2 database a throw-away key.
	 * @throws LedgerKeyException when no key is set for a server database, or the key text is invalid
	 */
	public static LedgerKey resolve(Database db, Map<String, String> env, Consumer<String> notices) {
		String text = env.get(ENV);
		if (text != null && !text.isBlank()) {
			return parse(text);
		}
		if (!db.embedded()) {
			throw missing(db.dialect().name());
		}
		if (db.dataDirectory().isEmpty()) {
			return generate();
		}
		return fromFile(db.dataDirectory().get().resolve(FILE_NAME), notices);
	}

	/**
	 * Refuses early, before connecting, when the environment names a server database (not an H2 file) and no key.
	 * @throws LedgerKeyException naming {@value #ENV}
	 */
	public static void requireForServerDatabase(Map<String, String> env) {
		String text = env.get(ENV);
		String url = env.get(Database.URL_ENV);
		if ((text == null || text.isBlank()) && url != null && !url.isBlank() && !Database.isEmbeddedUrl(url.strip())) {
			throw missing(url.strip().startsWith("jdbc:postgresql:") ? "POSTGRESQL" : "a server database");
		}
	}

	private static LedgerKeyException missing(String where) {
		return new LedgerKeyException(ENV + " is not set. A ledger in " + where
				+ " needs the deployment key, the same for every process that uses it (CLI and server). "
				+ "Generate one once with 'openssl rand -base64 32', keep it in your secret store, and set " + ENV
				+ " to it.");
	}

	/** Reads the key file, or creates it (owner-only) with a new key. */
	static LedgerKey fromFile(Path file, Consumer<String> notices) {
		try {
			if (!Files.exists(file)) {
				LedgerKey key = generate();
				String encoded = Base64.getEncoder().encodeToString(key.secret) + "\n";
				Files.createDirectories(file.getParent());
				try {
					if (posix()) {
						Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					}
					else {
						Files.createFile(file);
						file.toFile().setReadable(false, false);
						file.toFile().setReadable(true, true);
						file.toFile().setWritable(false, false);
						file.toFile().setWritable(true, true);
					}
					Files.writeString(file, encoded, StandardCharsets.US_ASCII);
					notices.accept("Generated the ledger key in " + file.toAbsolutePath()
							+ " (readable by you only). BACK IT UP: without it the ledger's persons cannot be matched"
							+ " again, and every later export would count them anew. Or set " + ENV + " instead.");
					return key;
				}
				catch (FileAlreadyExistsException ex) {
					// another process made it at the same moment: use theirs
				}
			}
			if (posix()) {
				Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
				if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
					notices.accept("warning: " + file + " can be read by other users; restrict it with: chmod 600 " + file);
				}
			}
			String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
			if (text.isEmpty()) {
				throw new LedgerKeyException(file + " is empty. Restore the key from your backup, or set " + ENV + ".");
			}
			return parse(text);
		}
		catch (IOException ex) {
			throw new LedgerException("cannot read or create the ledger key " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	/** A short public id of the key (an HMAC of a fixed label): safe to show, says which key is in use. */
	public String fingerprint() {
		return this.fingerprint;
	}

	/** A new hasher of persons under this key, for hashing outside the ledger (one per thread). */
	public PersonHashes personHashes() {
		return new PersonHashes(hasher(), this.fingerprint);
	}

	/** A new hasher under this key (one per thread). */
	PersonHasher hasher() {
		return new PersonHasher(this.secret);
	}

	/** What the ledger stores to recognise its key: an HMAC of a fixed label, hex. */
	String check() {
		return HexFormat.of().formatHex(new PersonHasher(this.secret).hashLabel("outbound-ledger/key-check/v1"));
	}

	@Override
	public String toString() {
		return "LedgerKey[" + this.fingerprint + "]";
	}

}
