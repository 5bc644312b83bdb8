package cn.outbound.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.ledger.internal.HashSpill;
import cn.outbound.ledger.internal.HashingReader;
import cn.outbound.ledger.internal.InvalidRows;
import cn.outbound.ledger.internal.Run;
import cn.outbound.ledger.internal.Windows;

/**
 * The parts of an event read and keyed-hashed, waiting for the database: per part the sorted runs of hashes spilled
 * by its hashing threads (past memory, to owner-only files), the rows read, the identifiers per part and the invalid
 * rows. Closing it deletes the spills.
 */
final class HashedParts implements AutoCloseable {

	/** Per part, the spills of its hashing threads. */
	private final List<List<HashSpill>> spills = new ArrayList<>();

	private final List<Long> identifiersPerPart = new ArrayList<>();

	final InvalidRows invalid = new InvalidRows(InvalidIdentifiersException.KEPT);

	long rows;

	/** Reads every part's identifiers, normalises and hashes them under {@code key} on the settings' threads. */
	void read(List<Persons> parts, LedgerKey key, LedgerSettings settings, IngestListener listener) {
		int threads = settings.hashThreads();
		HashingReader reader = new HashingReader(key::hasher, threads);
		int capacity = Math.max(1024, settings.runCapacity() / threads);
		for (Persons p : parts) {
			try (IdentifierSource source = p.source()) {
				HashingReader.Result r = reader.read(new SourceView(source), p.kind(),
						() -> new HashSpill(settings.spillDirectory(), capacity), this.invalid, listener::rows, this.rows);
				this.spills.add(r.spills());
				this.rows += r.rows();
				this.identifiersPerPart.add(r.identifiers());
			}
		}
	}

	/** Reads every part's hashes, made elsewhere under the ledger's key (checked by the caller). */
	void readHashed(List<HashedPersons> parts, LedgerSettings settings, IngestListener listener) {
		int capacity = Math.max(1024, settings.runCapacity());
		for (HashedPersons p : parts) {
			HashSpill spill = new HashSpill(settings.spillDirectory(), capacity);
			this.spills.add(List.of(spill));
			long n = 0;
			while (p.hashes().hasNext()) {
				byte[] h = p.hashes().next();
				if (h == null || h.length != PersonHashes.BYTES) {
					throw new LedgerInputException("ids", "a person hash must be " + PersonHashes.BYTES + " bytes");
				}
				spill.add(h, 0);
				n++;
				if ((n & 0xFFFF) == 0) {
					listener.rows(this.rows + n);
				}
			}
			this.rows += n;
			this.identifiersPerPart.add(n);
		}
		listener.rows(this.rows);
	}

	long identifiers() {
		return this.identifiersPerPart.stream().mapToLong(Long::longValue).sum();
	}

	/** The identifiers of the parts of class {@code pc} ({@code parts}: each part's class, in order). */
	long identifiers(PersonClass pc, List<PersonClass> parts) {
		long n = 0;
		for (int i = 0; i < parts.size(); i++) {
			if (parts.get(i) == pc) {
				n += this.identifiersPerPart.get(i);
			}
		}
		return n;
	}

	/** The kept invalid rows in row order. */
	List<InvalidRow> invalidRows() {
		List<InvalidRow> out = new ArrayList<>();
		for (InvalidRows.Row r : this.invalid.rows()) {
			out.add(new InvalidRow(r.row(), r.maskedValue(), r.reason()));
		}
		return out;
	}

	/** The hashes of every part merged in order, window by window; the digests (if given) take in every hash. */
	Windows windows(MessageDigest hashDigest, MessageDigest partsDigest) {
		List<List<Run>> runs = new ArrayList<>();
		for (List<HashSpill> part : this.spills) {
			List<Run> partRuns = new ArrayList<>();
			for (HashSpill s : part) {
				partRuns.addAll(s.finishRuns());
			}
			runs.add(partRuns);
		}
		return new Windows(runs, hashDigest, partsDigest);
	}

	@Override
	public void close() {
		for (List<HashSpill> part : this.spills) {
			part.forEach(HashSpill::close);
		}
	}

	/** An identifier source as the hashing reader sees it. */
	private record SourceView(IdentifierSource source) implements HashingReader.Source {

		@Override
		public boolean next() {
			return this.source.next();
		}

		@Override
		public CharSequence value() {
			return this.source.value();
		}

		@Override
		public long row() {
			return this.source.row();
		}

		@Override
		public String problem() {
			return this.source.problem();
		}

	}

}
