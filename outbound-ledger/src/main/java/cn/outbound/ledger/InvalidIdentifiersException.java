package cn.outbound.ledger;

import java.util.List;

/**
 * Some rows could not be read as identifiers, and {@link IngestOptions#skipInvalid()} was not given: nothing was
 * recorded. Carries the first {@value #KEPT} invalid rows (row numbers, masked values) and the total.
 */
public class InvalidIdentifiersException extends LedgerInputException {

	private static final long serialVersionUID = 1L;

	/** How many invalid rows are kept for the report. */
	public static final int KEPT = 100;

	private final transient List<InvalidRow> rows;

	private final long invalidCount;

	private final long rowsRead;

	public InvalidIdentifiersException(List<InvalidRow> rows, long invalidCount, long rowsRead) {
		super("ids", invalidCount + " of " + rowsRead + " rows have no valid identifier; nothing was recorded"
				+ " (fix them, or pass --skip-invalid to record the valid rows only)");
		this.rows = List.copyOf(rows);
		this.invalidCount = invalidCount;
		this.rowsRead = rowsRead;
	}

	/** The first invalid rows, in file order, at most {@value #KEPT}. */
	public List<InvalidRow> rows() {
		return this.rows;
	}

	public long invalidCount() {
		return this.invalidCount;
	}

	public long rowsRead() {
		return this.rowsRead;
	}

}
