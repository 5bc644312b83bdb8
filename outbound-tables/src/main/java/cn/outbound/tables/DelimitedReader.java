package cn.outbound.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 style delimited text, parsed straight from the decoded character buffer. Unquoted
 * runs are copied in bulk; quoted fields are unescaped character by character.
 */
final class DelimitedReader extends TableReader {

	private static final int FIELD_START = 0;

	private static final int UNQUOTED = 1;

	private static final int QUOTED = 2;

	private static final int QUOTE_IN_QUOTED = 3;

	private final char delimiter;

	private long line = 1;

	private boolean skipLf;

	private int cellCount;

	private int length;

	/** Cells a record may have: the column limit for the header, the cells-per-row limit after. */
	private int maxCells;

	private ReadLimits.Limit maxCellsKind = ReadLimits.Limit.COLUMNS;

	private final int cellBytes;

	DelimitedReader(String name, CharSource source, char delimiter, ReadLimits limits) {
		super(name, source, limits);
		this.delimiter = delimiter;
		this.maxCells = limits.columns();
		this.cellBytes = limits.cellBytes();
	}

	@Override
	public TableFormat format() {
		return TableFormat.DELIMITED;
	}

	@Override
	public char delimiter() {
		return this.delimiter;
	}

	@Override
	void readHeader() {
		limitRecords(this.limits.headerBytes(), ReadLimits.Limit.HEADER_BYTES);
		if (!parse()) {
			throw new TableFormatException(this.name + " has no header row");
		}
		// the names and the delimiters between them
		if ((long) this.length + this.cellCount - 1 > this.limits.headerBytes()) {
			throw this.limits.exceeded(this.name, ReadLimits.Limit.HEADER_BYTES, "the header");
		}
		limitRecords(this.limits.recordBytes(), ReadLimits.Limit.RECORD_BYTES);
		this.maxCells = this.limits.cellsPerRow();
		this.maxCellsKind = ReadLimits.Limit.CELLS_PER_ROW;
		List<String> names = new ArrayList<>(this.cellCount);
		for (int i = 0; i < this.cellCount; i++) {
			names.add(headerName(new String(this.recordBuf, this.starts[i], this.ends[i] - this.starts[i]), i));
		}
		setHeader(names);
	}

	@Override
	boolean readRecord() {
		if (!parse()) {
			return false;
		}
		// the cells and the delimiters between them, as the byte reader counts a record
		if ((long) this.length + this.cellCount - 1 > this.recordLimit) {
			throw this.limits.exceeded(this.name, ReadLimits.Limit.RECORD_BYTES, "the record starting at line "
					+ this.rowNumber);
		}
		int width = this.header.size();
		if (this.cellCount != width) {
			this.problems.add(this.rowNumber, TableProblem.Kind.RAGGED_ROW,
					"expected " + width + " cells, found " + this.cellCount);
			for (int i = this.cellCount; i < width; i++) {
				this.starts[i] = this.length;
				this.ends[i] = this.length;
			}
		}
		return true;
	}

	/** Parses the next non-blank record into the cell arrays; false at the end of input. */
	private boolean parse() {
		CharSource src = this.source;
		char delim = this.delimiter;
		this.cellCount = 0;
		this.length = 0;
		this.rowNumber = this.line;
		int state = FIELD_START;
		boolean quotedAny = false;
		boolean strayReported = false;
		int cellStart = 0;
		while (true) {
			if (src.pos >= src.limit && !src.fill()) {
				if (state == QUOTED) {
					this.problems.add(this.rowNumber, TableProblem.Kind.UNTERMINATED_QUOTE,
							"the file ends inside a quoted field");
				}
				if (this.cellCount == 0 && this.length == 0 && !quotedAny && state == FIELD_START) {
					return false;
				}
				endCell(cellStart);
				return true;
			}
			char[] buf = src.buf;
			int pos = src.pos;
			int limit = src.limit;
			char c = buf[pos];
			if (this.skipLf) {
				this.skipLf = false;
				if (c == '\n') {
					src.pos = pos + 1;
					continue;
				}
			}
			switch (state) {
				case FIELD_START:
					if (c == '"') {
						src.pos = pos + 1;
						state = QUOTED;
						quotedAny = true;
						continue;
					}
					state = UNQUOTED;
					// fall through
				case UNQUOTED: {
					int run = pos;
					while (run < limit) {
						char d = buf[run];
						if (d == delim || d == '\n' || d == '\r') {
							break;
						}
						run++;
					}
					append(buf, pos, run - pos);
					src.pos = run;
					if (run == limit) {
						continue;
					}
					char d = buf[run];
					src.pos = run + 1;
					if (d == delim) {
						endCell(cellStart);
						cellStart = this.length;
						state = FIELD_START;
						continue;
					}
					// end of line
					this.line++;
					if (d == '\r') {
						this.skipLf = true;
					}
					if (this.cellCount == 0 && this.length == 0 && !quotedAny) {
						this.rowNumber = this.line;
						state = FIELD_START;
						continue;
					}
					endCell(cellStart);
					return true;
				}
				case QUOTED: {
					int run = pos;
					while (run < limit) {
						char d = buf[run];
						if (d == '"') {
							break;
						}
						if (d == '\n') {
							this.line++;
						}
						run++;
					}
					append(buf, pos, run - pos);
					if (run < limit) {
						state = QUOTE_IN_QUOTED;
						src.pos = run + 1;
					}
					else {
						src.pos = run;
					}
					continue;
				}
				default: { // QUOTE_IN_QUOTED
					src.pos = pos + 1;
					if (c == '"') {
						append('"');
						state = QUOTED;
					}
					else if (c == delim) {
						endCell(cellStart);
						cellStart = this.length;
						state = FIELD_START;
					}
					else if (c == '\n' || c == '\r') {
						this.line++;
						if (c == '\r') {
							this.skipLf = true;
						}
						endCell(cellStart);
						return true;
					}
					else {
						if (!strayReported) {
							this.problems.add(this.rowNumber, TableProblem.Kind.STRAY_QUOTE,
									"a closing quote is followed by other characters in the same field");
							strayReported = true;
						}
						append(c);
						state = UNQUOTED;
					}
				}
			}
		}
	}

	private void endCell(int cellStart) {
		if (this.cellCount == this.maxCells) {
			throw this.limits.exceeded(this.name, this.maxCellsKind,
					(this.maxCellsKind == ReadLimits.Limit.COLUMNS) ? "the header" : "line " + this.rowNumber);
		}
		if (this.length - cellStart > this.cellBytes && this.maxCellsKind == ReadLimits.Limit.CELLS_PER_ROW) {
			throw this.limits.exceeded(this.name, ReadLimits.Limit.CELL_BYTES,
					"cell " + (this.cellCount + 1) + " on line " + this.rowNumber);
		}
		ensureCells(this.cellCount + 1);
		this.starts[this.cellCount] = cellStart;
		this.ends[this.cellCount] = this.length;
		this.cellCount++;
	}

	private void append(char[] src, int from, int count) {
		if (count == 0) {
			return;
		}
		int needed = this.length + count;
		if (needed > this.room) {
			growRecord(needed, this.rowNumber);
		}
		System.arraycopy(src, from, this.recordBuf, this.length, count);
		this.length = needed;
	}

	private void append(char c) {
		if (this.length >= this.room) {
			growRecord(this.length + 1, this.rowNumber);
		}
		this.recordBuf[this.length++] = c;
	}

}
