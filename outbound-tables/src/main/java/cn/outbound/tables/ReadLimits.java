package cn.outbound.tables;

/**
 * What a table reader may hold, so that no input can fill the heap: the readers stop at the first
 * limit passed with a {@link ReadLimitException} naming it, without buffering the rest. One record
 * for every reader (delimited text, JSON Lines, workbooks) and every caller (scan upload, CLI scan,
 * ledger upload, {@code ledger record}); {@link #DEFAULT} unless a caller chooses otherwise.
 * <p>
 * Sizes are counted in the file's bytes where the reader parses bytes (UTF-8 and GB18030 delimited
 * text as the scanner reads it) and in characters otherwise (UTF-16 text, JSON Lines, the ledger's
 * reader, workbook cells); the two agree on ASCII and a character is never fewer bytes than one.
 *
 * @param columns columns in the header (the keys of all JSON Lines lines together; a workbook
 * row's cells)
 * @param headerBytes size of the header record (JSON Lines: of each key)
 * @param cellsPerRow cells in any one data row, including those beyond the header's width
 * @param cellBytes size of one cell (after unquoting)
 * @param recordBytes size of one record: a delimited row, quoted line breaks included, or one JSON
 * Lines line
 * @param jsonDepth nesting of objects and arrays in a JSON Lines value
 */
public record ReadLimits(int columns, int headerBytes, int cellsPerRow, int cellBytes, int recordBytes,
		int jsonDepth) {

	/** 4,096 columns and cells per row, 1 MiB per header and per cell, 8 MiB per record, depth 64. */
	public static final ReadLimits DEFAULT = new ReadLimits(4096, 1 << 20, 4096, 1 << 20, 8 << 20, 64);

	/** The limits by name, as messages and problems give them. */
	public enum Limit {

		COLUMNS("columns"), HEADER_BYTES("header-bytes"), CELLS_PER_ROW("cells-per-row"), CELL_BYTES("cell-bytes"),
		RECORD_BYTES("record-bytes"), JSON_DEPTH("json-depth");

		private final String key;

		Limit(String key) {
			this.key = key;
		}

		/** The name used in messages, problems and the documentation, e.g. {@code columns}. */
		public String key() {
			return this.key;
		}

	}

	public ReadLimits {
		if (columns < 1 || headerBytes < 1 || cellsPerRow < 1 || cellBytes < 1 || recordBytes < 1 || jsonDepth < 1) {
			throw new IllegalArgumentException("every read limit must be at least 1");
		}
		if (recordBytes > TableReader.MAX_RECORD || headerBytes > TableReader.MAX_RECORD) {
			throw new IllegalArgumentException("a record or header limit is at most " + TableReader.MAX_RECORD);
		}
	}

	/** The allowed value of {@code limit}. */
	public long allowed(Limit limit) {
		return switch (limit) {
			case COLUMNS -> this.columns;
			case HEADER_BYTES -> this.headerBytes;
			case CELLS_PER_ROW -> this.cellsPerRow;
			case CELL_BYTES -> this.cellBytes;
			case RECORD_BYTES -> this.recordBytes;
			case JSON_DEPTH -> this.jsonDepth;
		};
	}

	public ReadLimits withColumns(int columns) {
		return new ReadLimits(columns, this.headerBytes, this.cellsPerRow, this.cellBytes, this.recordBytes,
				this.jsonDepth);
	}

	public ReadLimits withHeaderBytes(int headerBytes) {
		return new ReadLimits(this.columns, headerBytes, this.cellsPerRow, this.cellBytes, this.recordBytes,
				this.jsonDepth);
	}

	public ReadLimits withCellsPerRow(int cellsPerRow) {
		return new ReadLimits(this.columns, this.headerBytes, cellsPerRow, this.cellBytes, this.recordBytes,
				this.jsonDepth);
	}

	public ReadLimits withCellBytes(int cellBytes) {
		return new ReadLimits(this.columns, this.headerBytes, this.cellsPerRow, cellBytes, this.recordBytes,
				this.jsonDepth);
	}

	public ReadLimits withRecordBytes(int recordBytes) {
		return new ReadLimits(this.columns, this.headerBytes, this.cellsPerRow, this.cellBytes, recordBytes,
				this.jsonDepth);
	}

	public ReadLimits withJsonDepth(int jsonDepth) {
		return new ReadLimits(this.columns, this.headerBytes, this.cellsPerRow, this.cellBytes, this.recordBytes,
				jsonDepth);
	}

	/** The exception for passing {@code limit}: {@code where} says what, e.g. {@code "the header"}. */
	ReadLimitException exceeded(String name, Limit limit, String where) {
		return new ReadLimitException(name, limit, allowed(limit), where);
	}

}
