package cn.outbound.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.ResidentIdNumber;

/**
 * The distinct persons of one or more scans as the ledger records them: per class (non-sensitive, sensitive; a person
 * with both counts in both, a person in neither as non-sensitive) and identifier kind (as the scanner read it, so the
 * ledger normalises the identifiers the same way), their normalised identifiers, kept compactly: resident ID numbers
 * as their first 17 digits and mobile numbers as one long each (8 bytes a person), the others as the strings the
 * scanner already holds.
 */
public final class ScannedPersons {

	/**
	 * One class and kind of persons, in the order of {@link #groups}: {@code size} normalised identifiers, each once
	 * per scan (the ledger makes them distinct across scans).
	 */
	public record Group(boolean sensitive, IdentifierKind kind, int size, Iterable<String> identifiers) {
	}

	private final Map<IdentifierKind, Bucket> nonSensitive = new EnumMap<>(IdentifierKind.class);

	private final Map<IdentifierKind, Bucket> sensitive = new EnumMap<>(IdentifierKind.class);

	private long notHandedOver;

	private ScannedPersons() {
	}

	/** The persons of {@code scanners}' last scans. */
	static ScannedPersons of(List<Scanner> scanners) {
		ScannedPersons persons = new ScannedPersons();
		for (Scanner scanner : scanners) {
			persons.notHandedOver += scanner.forEachPerson((kind, normalised, nonSensitive, sensitive) -> {
				if (sensitive) {
					bucket(persons.sensitive, kind).add(normalised);
				}
				if (nonSensitive || !sensitive) {
					bucket(persons.nonSensitive, kind).add(normalised);
				}
			});
		}
		return persons;
	}

	private static Bucket bucket(Map<IdentifierKind, Bucket> buckets, IdentifierKind kind) {
		return buckets.computeIfAbsent(kind, Bucket::new);
	}

	/** Persons whose identifiers were not kept during the scan, and so cannot be handed on. */
	public long notHandedOver() {
		return this.notHandedOver;
	}

	/** The non-empty groups: non-sensitive ones first, then sensitive ones, each by kind. */
	public List<Group> groups() {
		List<Group> groups = new ArrayList<>();
		add(groups, false, this.nonSensitive);
		add(groups, true, this.sensitive);
		return groups;
	}

	private static void add(List<Group> groups, boolean sensitive, Map<IdentifierKind, Bucket> buckets) {
		buckets.forEach((kind, bucket) -> {
			if (bucket.size() > 0) {
				groups.add(new Group(sensitive, kind, bucket.size(), bucket));
			}
		});
	}

	/** The normalised identifiers of one class and kind. */
	private static final class Bucket implements Iterable<String> {

		private final IdentifierKind kind;

		private long[] numbers = new long[0];

		private final List<String> texts = new ArrayList<>();

		private int count;

		Bucket(IdentifierKind kind) {
			this.kind = kind;
		}

		private boolean numeric() {
			return this.kind == IdentifierKind.RESIDENT_ID || this.kind == IdentifierKind.MOBILE;
		}

		void add(String normalised) {
			if (numeric()) {
				if (this.count == this.numbers.length) {
					this.numbers = Arrays.copyOf(this.numbers, Math.max(1024, this.count * 2));
				}
				this.numbers[this.count] = (this.kind == IdentifierKind.RESIDENT_ID)
						? Long.parseLong(normalised, 0, 17, 10) : Long.parseLong(normalised);
			}
			else {
				this.texts.add(normalised);
			}
			this.count++;
		}

		int size() {
			return this.count;
		}

		@Override
		public Iterator<String> iterator() {
			if (!numeric()) {
				return this.texts.iterator();
			}
			return new Iterator<>() {

				private int next;

				@Override
				public boolean hasNext() {
					return this.next < Bucket.this.count;
				}

				@Override
				public String next() {
					if (!hasNext()) {
						throw new NoSuchElementException();
					}
					long n = Bucket.this.numbers[this.next++];
					if (Bucket.this.kind == IdentifierKind.MOBILE) {
						return Long.toString(n);
					}
					String first17 = String.format(Locale.ROOT, "%017d", n);
					return first17 + ResidentIdNumber.checkDigit(first17);
				}

			};
		}

	}

}
