package cn.outbound.ledger.internal;

import java.util.ArrayDeque;
import java.util.List;

import cn.outbound.ledger.IdentifierSource;
import cn.outbound.ledger.LedgerInputException;
import cn.outbound.pii.io.TableProblem;
import cn.outbound.pii.io.TableProblems;
import cn.outbound.pii.io.TableReader;

/**
 * One column of a {@link TableReader} as an {@link IdentifierSource}. A row the reader could not read cleanly
 * (cells missing or extra, a stray or unterminated quote, a line that is not a JSON object, undecodable bytes in
 * the column) is reported as unreadable rather than guessed at.
 */
public final class TableColumnSource implements IdentifierSource {

	private static final TableProblem.Kind[] STRUCTURAL = { TableProblem.Kind.RAGGED_ROW,
			TableProblem.Kind.STRAY_QUOTE, TableProblem.Kind.UNTERMINATED_QUOTE };

	private final TableReader reader;

	private final int column;

	private final long[] seen = new long[TableProblem.Kind.values().length];

	private int firstSeen;

	private long pendingBadLines;

	private final ArrayDeque<Long> pendingRows = new ArrayDeque<>();

	private String problem;

	private long row;

	public TableColumnSource(TableReader reader, int column) {
		this.reader = reader;
		this.column = column;
		TableProblems p = reader.problems();
		for (TableProblem.Kind k : TableProblem.Kind.values()) {
			this.seen[k.ordinal()] = p.count(k);
		}
		this.firstSeen = p.first().size();
		this.seenTotal = p.total();
	}

	public static int index(TableReader reader, String column) {
		List<String> header = reader.header();
		if (column == null || column.isBlank()) {
			throw new LedgerInputException("column", "column is required: one of " + header);
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
		throw new LedgerInputException("column",
				"column '" + c + "' is not in " + reader.name() + ": its columns are " + header);
	}

	@Override
	public boolean next() {
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
			.ordinal()] && contains(this.reader.cells().get(this.column), '\uFFFD')) {
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
			return next();
		}
		if (!found) {
			return false;
		}
		this.row = this.reader.rowNumber();
		this.problem = current;
		return true;
	}

	private boolean badLine;

	private long seenTotal;

	private Long pendingRow;

	private String pendingProblem;

	@Override
	public CharSequence value() {
		return this.badLine ? "" : this.reader.cells().get(this.column);
	}

	@Override
	public long row() {
		return this.row;
	}

	@Override
	public String problem() {
		return this.problem;
	}

	@Override
	public void close() {
		this.reader.close();
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
