package cn.outbound.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One column of a table, row by row, whatever the table's format (what the ledger records identifiers from). A row the
 * reader could not read cleanly (cells missing or extra, a stray or unterminated quote, a line that is not a JSON
 * object, undecodable bytes in the column) comes with a {@link #problem()} instead of a guessed value.
 * <p>
 * A file may hold several tables (a workbook's sheets with data): the column is read from each in turn, and every one
 * must have it, so that no persons are left out unseen ({@link Tables#column}). Row numbers are those of each table (a
 * sheet's own row numbers). Not thread-safe.
 */
public final class ColumnReader implements AutoCloseable {

	/** Opens one of the file's tables. */
	@FunctionalInterface
	public interface Opener {

		Rows open() throws IOException;

	}

	private static final TableProblem.Kind[] STRUCTURAL = { TableProblem.Kind.RAGGED_ROW,
			TableProblem.Kind.STRAY_QUOTE, TableProblem.Kind.UNTERMINATED_QUOTE };

	private final List<Opener> rest;

	private final String column;

	private Rows reader;

	private int index;

	private final long[] seen = new long[TableProblem.Kind.values().length];

	private int firstSeen;

	private long seenTotal;

	private long pendingBadLines;

	private final ArrayDeque<Long> pendingRows = new ArrayDeque<>();

	private Long pendingRow;

	private String pendingProblem;

	private boolean badLine;

	private String problem;

	private long row;

	private Runnable cleanup = () -> {
	};

	/**
	 * The column {@code column} of {@code first}, then of each table {@code rest} opens. The first table is open; the
	 * others are opened one at a time as the reading comes to them.
	 * @param column the column's header name (case-insensitive) or its 1-based number
	 * @throws ColumnNotFoundException when {@code first} has no such column (the reader is closed then)
	 */
	public ColumnReader(Rows first, String column, List<Opener> rest) {
		this.column = column;
		this.rest = new ArrayList<>(rest);
		start(first);
	}

	/** One table's column. */
	public ColumnReader(Rows table, String column) {
		this(table, column, List.of());
	}

	private void start(Rows table) {
		int i;
		try {
			i = index(table, this.column);
		}
		catch (RuntimeException ex) {
			table.close();
			throw ex;
		}
		this.reader = table;
		this.index = i;
		TableProblems p = table.problems();
		for (TableProblem.Kind k : TableProblem.Kind.values()) {
			this.seen[k.ordinal()] = p.count(k);
		}
		this.firstSeen = p.first().size();
		this.seenTotal = p.total();
	}

	/**
	 * The index of {@code column} in {@code table}'s header: a name (case-insensitive) or a 1-based number.
	 * @throws ColumnNotFoundException naming the columns the table has
	 */
	public static int index(Rows table, String column) {
		List<String> header = table.header();
		if (column == null || column.isBlank()) {
			throw new ColumnNotFoundException("column is required: one of " + header);
		}
		String c = column.strip();
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i).equalsIgnoreCase(c)) {
				return i;
			}
		}
		if (c.chars().allMatch(Character::isDigit) && c.length() < 6) {
			int n = Integer.parseInt(c);
			if (n >= 1 && n <= header.size()) {
				return n - 1;
			}
		}
		throw new ColumnNotFoundException("column '" + c + "' is not in " + table.name() + ": its columns are " + header);
	}

	/** The table being read. */
	public Rows table() {
		return this.reader;
	}

	/** Moves to the next row; false at the end of the last table. */
	public boolean next() {
		while (true) {
			if (nextInTable()) {
				return true;
			}
			if (this.rest.isEmpty()) {
				return false;
			}
			this.reader.close();
			Rows following;
			try {
				following = this.rest.remove(0).open();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			start(following);
		}
	}

	private boolean nextInTable() {
		if (this.pendingBadLines > 0) {
			this.pendingBadLines--;
			this.problem = "the line is not a JSON object";
			Long r = this.pendingRows.poll();
			this.row = (r != null) ? r : -1;
			this.badLine = true;
			return true;
		}
		this.badLine = false;
		if (this.pendingRow != null) {
			this.row = this.pendingRow;
			this.problem = this.pendingProblem;
			this.pendingRow = null;
			return true;
		}
		boolean found = this.reader.next();
		TableProblems p = this.reader.problems();
		if (p.total() == this.seenTotal) {
			// the common case: nothing new went wrong
			if (!found) {
				return false;
			}
			this.row = this.reader.rowNumber();
			this.problem = null;
			return true;
		}
		this.seenTotal = p.total();
		String current = null;
		for (TableProblem.Kind k : STRUCTURAL) {
			if (p.count(k) > this.seen[k.ordinal()]) {
				current = describe(k);
			}
		}
		if (found && p.count(TableProblem.Kind.UNDECODABLE_BYTES) > this.seen[TableProblem.Kind.UNDECODABLE_BYTES
			.ordinal()] && contains(this.reader.cells().get(this.index), '\uFFFD')) {
			current = "bytes that are not valid " + this.reader.charset().name();
		}
		long badLines = p.count(TableProblem.Kind.BAD_JSON_LINE) - this.seen[TableProblem.Kind.BAD_JSON_LINE.ordinal()];
		List<TableProblem> first = p.first();
		for (int i = this.firstSeen; i < first.size(); i++) {
			if (first.get(i).kind() == TableProblem.Kind.BAD_JSON_LINE) {
				this.pendingRows.add(first.get(i).row());
			}
		}
		this.firstSeen = first.size();
		for (TableProblem.Kind k : TableProblem.Kind.values()) {
			this.seen[k.ordinal()] = p.count(k);
		}
		if (badLines > 0) {
			// report the skipped lines first, then the row the reader moved to
			this.pendingBadLines = badLines;
			if (found) {
				this.pendingRow = this.reader.rowNumber();
				this.pendingProblem = current;
			}
			return nextInTable();
		}
		if (!found) {
			return false;
		}
		this.row = this.reader.rowNumber();
		this.problem = current;
		return true;
	}

	/** The current row's value, a view valid until the next move; empty when {@link #problem()} is not null. */
	public CharSequence value() {
		return this.badLine ? "" : this.reader.cells().get(this.index);
	}

	/** The current row's number in its table. */
	public long row() {
		return this.row;
	}

	/** Why the current row could not be read cleanly, or null. */
	public String problem() {
		return this.problem;
	}

	/** Runs {@code cleanup} (deleting a temporary copy) when the reader closes. */
	void onClose(Runnable cleanup) {
		this.cleanup = cleanup;
	}

	@Override
	public void close() {
		try {
			this.reader.close();
		}
		finally {
			this.cleanup.run();
		}
	}

	private static boolean contains(CharSequence s, char c) {
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == c) {
				return true;
			}
		}
		return false;
	}

	private static String describe(TableProblem.Kind kind) {
		return switch (kind) {
			case RAGGED_ROW -> "the row has more or fewer cells than the header";
			case STRAY_QUOTE -> "a stray quote in a quoted cell";
			case UNTERMINATED_QUOTE -> "the file ends inside a quoted cell";
			default -> kind.name();
		};
	}

}
