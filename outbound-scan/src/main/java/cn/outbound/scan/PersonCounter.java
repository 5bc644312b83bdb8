package cn.outbound.scan;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.detect.SensitivityStandard;

/**
 * Exact distinct persons by normalised identifier. Resident ID numbers and mobile numbers are
 * stored losslessly as one long (the first 17 digits; the 11 digits); other identifiers as their
 * full SHA-256 (256 bits, no truncation). Each person carries the set of columns in which one of
 * their rows had a value, so the sensitive / non-sensitive split is exact once the columns are
 * classified at the end.
 *
 * <p>
 * Memory: about 33 bytes per distinct person for ID and mobile numbers, 81 bytes for the others
 * (open addressing at load factor 0.5 or less); 10 million persons by ID number take about 330 MB.
 * Each scanning thread has its own counter until they are merged at the end.
 */
final class PersonCounter {

	private final Map<IdentifierKind, KeyTable> tables = new EnumMap<>(IdentifierKind.class);

	private final long[] scratch = new long[4];

	private final MessageDigest sha256;

	private final SensitivityStandard standard;

	private final LocalDate asOf;

	/** Keep the text of e-mail, passport and opaque identifiers (for handing them to the ledger). */
	private final boolean retain;

	PersonCounter(SensitivityStandard standard, LocalDate asOf) {
		this(standard, asOf, false);
	}

	PersonCounter(SensitivityStandard standard, LocalDate asOf, boolean retain) {
		this.retain = retain;
		this.standard = standard;
		this.asOf = asOf;
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Adds a person by a normalised identifier, with the bit set of columns they have values in. */
	void add(IdentifierKind kind, String normalised, long columns) {
		switch (kind) {
			case RESIDENT_ID -> {
				this.scratch[0] = Long.parseLong(normalised, 0, 17, 10);
				table(kind, 1).add(this.scratch, 0, columns);
			}
			case MOBILE -> {
				this.scratch[0] = Long.parseLong(normalised);
				table(kind, 1).add(this.scratch, 0, columns);
			}
			default -> {
				ByteBuffer digest = ByteBuffer.wrap(this.sha256.digest(normalised.getBytes(StandardCharsets.UTF_8)));
				for (int i = 0; i < 4; i++) {
					this.scratch[i] = digest.getLong();
				}
				table(kind, 4).add(this.scratch, 0, columns, this.retain ? normalised : null);
			}
		}
	}

	/** Adds a person by a valid resident ID number given as its first 17 digits. */
	void addResidentId(long first17, long columns) {
		this.scratch[0] = first17;
		table(IdentifierKind.RESIDENT_ID, 1).add(this.scratch, 0, columns);
	}

	/** Distinct persons so far. */
	long size() {
		long n = 0;
		for (KeyTable t : this.tables.values()) {
			n += t.size();
		}
		return n;
	}

	/** Adds every person of {@code other} (another thread's share), OR-ing their columns. */
	void merge(PersonCounter other) {
		for (Map.Entry<IdentifierKind, KeyTable> e : other.tables.entrySet()) {
			KeyTable into = table(e.getKey(), e.getValue().width());
			e.getValue().forEach(into::add);
		}
	}

	private KeyTable table(IdentifierKind kind, int width) {
		KeyTable t = this.tables.get(kind);
		if (t == null) {
			t = new KeyTable(width, this.retain && width > 1);
			this.tables.put(kind, t);
		}
		return t;
	}

	/**
	 * Every person with their normalised identifier and classes. Resident ID and mobile numbers are
	 * rebuilt from their stored digits; other identifiers are available only when retained.
	 * @return persons that could not be handed over (identifiers not retained)
	 */
	long forEach(PersonVisitor visitor, long sensitiveColumns, long otherPiColumns) {
		long[] skipped = new long[1];
		for (Map.Entry<IdentifierKind, KeyTable> e : this.tables.entrySet()) {
			IdentifierKind kind = e.getKey();
			e.getValue().forEach((keys, offset, columns, payload) -> {
				String id;
				boolean minor = false;
				if (kind == IdentifierKind.RESIDENT_ID) {
					String first17 = Long.toString(keys[offset]);
					id = first17 + cn.outbound.pii.ResidentIdNumber.checkDigit(first17);
					minor = isMinor(keys[offset]);
				}
				else if (kind == IdentifierKind.MOBILE) {
					id = Long.toString(keys[offset]);
				}
				else if (payload != null) {
					id = (String) payload;
				}
				else {
					skipped[0]++;
					return;
				}
				boolean sensitive = minor || (columns & sensitiveColumns) != 0;
				boolean other = !minor && (columns & otherPiColumns) != 0;
				visitor.person(kind, id, other, sensitive);
			});
		}
		return skipped[0];
	}

	/**
	 * Counts by class. {@code sensitiveColumns} and {@code otherPiColumns} are column bit sets.
	 * Minors (by the standard's age limit on the as-of date, from resident ID numbers) count as
	 * sensitive only: all of a minor's information is sensitive.
	 */
	Counts count(long sensitiveColumns, long otherPiColumns) {
		long[] c = new long[4];
		for (Map.Entry<IdentifierKind, KeyTable> e : this.tables.entrySet()) {
			boolean ids = e.getKey() == IdentifierKind.RESIDENT_ID;
			e.getValue().forEach((keys, offset, columns, payload) -> {
				boolean minor = ids && isMinor(keys[offset]);
				c[0]++;
				if (minor) {
					c[3]++;
				}
				if (minor || (columns & sensitiveColumns) != 0) {
					c[2]++;
				}
				if (!minor && (columns & otherPiColumns) != 0) {
					c[1]++;
				}
			});
		}
		return new Counts(c[0], c[1], c[2], c[3]);
	}

	private boolean isMinor(long first17) {
		// first17 = region(6) yyyy(4) MM(2) dd(2) seq(3)
		long birth = (first17 / 1000) % 100_000_000L;
		int year = (int) (birth / 10_000);
		int month = (int) (birth / 100 % 100);
		int day = (int) (birth % 100);
		int age = this.asOf.getYear() - year;
		if (this.asOf.getMonthValue() < month || (this.asOf.getMonthValue() == month && this.asOf.getDayOfMonth() < day)) {
			age--;
		}
		return this.standard.isMinor(age);
	}

	record Counts(long distinct, long individuals, long sensitiveIndividuals, long minors) {
	}

}
