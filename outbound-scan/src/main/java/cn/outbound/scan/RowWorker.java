package cn.outbound.scan;

import java.util.ArrayList;
import java.util.List;

import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;
import cn.outbound.pii.InvalidIdentifierException;
import cn.outbound.pii.ResidentIdNumber;
import cn.outbound.pii.detect.Value;
import cn.outbound.tables.CellDecoder;
import cn.outbound.tables.CharSlice;
import cn.outbound.tables.TableProblem;

/**
 * One thread's share of a {@link ScanRun}: the rows of a block into per-column work ({@link ColumnWorker}: its own
 * counts, the block's samples), and each row's person into its own {@link PersonCounter} by the first identifier
 * column with a valid identifier (or, before the identifier columns are chosen, the row kept to be counted then).
 */
final class RowWorker {

	private final ScanRun run;

	final ColumnWorker columns;

	final PersonCounter persons;

	private final Value idValue = new Value();

	final CharSlice slice = new CharSlice();

	/** For blocks of bytes. */
	final CellDecoder decoder;

	long rowsWithoutId;

	RowWorker(ScanRun run, PersonCounter persons) {
		this.run = run;
		this.persons = persons;
		this.decoder = (run.blockReader != null) ? run.blockReader.newDecoder() : null;
		this.columns = new ColumnWorker(run.profiles.length, run.settings.confirmSample(),
				run.blockReader != null && run.remember, run.profiles);
	}

	/** Profiles every row of {@code batch}, counts its persons (or keeps them for later). */
	void work(RowBatch batch) {
		int width = this.columns.width();
		List<TableProblem> undecodable = List.of();
		RowBatch.Bytes bytes = (batch instanceof RowBatch.Bytes b) ? b : null;
		for (int r = 0; r < batch.rows; r++) {
			for (int c = 0; c < width; c++) {
				if (batch.isEmpty(r, c)) {
					continue;
				}
				if (bytes != null) {
					bytes.work(r, c, this.columns, this.decoder);
				}
				else {
					batch.load(r, c, this.decoder, this.slice);
					this.columns.value(c, this.slice);
				}
			}
			long mask = this.columns.rowMask();
			int malformed = this.columns.rowMalformed();
			this.columns.nextRow();
			if (malformed > 0) {
				if (undecodable.isEmpty()) {
					undecodable = new ArrayList<>();
				}
				undecodable.add(new TableProblem(batch.line(r), TableProblem.Kind.UNDECODABLE_BYTES,
						malformed + " undecodable byte sequence(s) in " + this.run.blockReader.charset().name()));
			}
			if (this.run.choice != null) {
				countPerson(batch, r, mask);
			}
			else {
				this.run.keep(this, batch, r, mask);
			}
		}
		this.run.commit(batch, this.columns.takeSamples(), undecodable);
	}

	private void countPerson(RowBatch batch, int r, long mask) {
		List<Integer> idColumns = this.run.choice.columns();
		for (int k = 0; k < idColumns.size(); k++) {
			int column = idColumns.get(k);
			if (batch.isEmpty(r, column)) {
				continue;
			}
			batch.load(r, column, this.decoder, this.slice);
			if (countPerson(this.slice, k, mask)) {
				return;
			}
		}
		this.rowsWithoutId++;
	}

	/** Counts a row kept from before the identifier columns were chosen. */
	void countPerson(String[] row, long mask) {
		List<Integer> idColumns = this.run.choice.columns();
		for (int k = 0; k < idColumns.size(); k++) {
			String raw = row[idColumns.get(k)];
			if (!raw.isEmpty() && countPerson(raw, k, mask)) {
				return;
			}
		}
		this.rowsWithoutId++;
	}

	/** Counts the person of identifier column {@code k}'s value {@code raw}; false if it is not valid. */
	private boolean countPerson(CharSequence raw, int k, long mask) {
		IdentifierKind kind = this.run.choice.kinds().get(k);
		IdentifierListener listener = this.run.listener;
		if (kind == IdentifierKind.RESIDENT_ID && listener == null) {
			// fast path: a valid 18-character number goes in as its first 17 digits, no strings made
			Value v = this.idValue.set(raw);
			if (v.compactLength() == 18 && ResidentIdNumber.isValid(v, 0, v.length())) {
				long first17 = 0;
				for (int i = 0; i < 17; i++) {
					first17 = first17 * 10 + (v.charAt(i) - '0');
				}
				this.persons.addResidentId(first17, mask);
				return true;
			}
		}
		String normalised;
		try {
			normalised = Identifiers.normalise(kind, raw);
		}
		catch (InvalidIdentifierException ex) {
			return false;
		}
		this.persons.add(kind, normalised, mask);
		if (listener != null) {
			synchronized (listener) {
				listener.identifier(kind, normalised);
			}
		}
		return true;
	}

}
