package cn.outbound.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of whole records of delimited text, kept as the file's bytes: each cell is a byte range,
 * decoded only when someone asks for its characters ({@link CellDecoder}). Filled by
 * {@link DelimitedBlockReader#next(RowBlock)} on one thread, then read by any one thread at a
 * time; blocks are reused.
 *
 * <p>
 * A quoted cell is its bytes between the quotes; one with doubled or stray quotes is unescaped
 * into a side array ({@link #array(int)} tells which).
 */
public final class RowBlock {

	/** Cells per block at most (bounds the cell arrays: 1 MB). */
	static final int MAX_CELLS = 1 << 17;

	/** The records' bytes (and, after them, the start of the next record, which is not part of this block). */
	byte[] data;

	/** Unescaped quoted cells. */
	byte[] extra = new byte[256];

	int extraLength;

	final int width;

	final int maxRows;

	int rows;

	/**
	 * Per cell, row-major, two ints side by side: the start offset ({@code ~offset} into
	 * {@link #extra}) and the end offset.
	 */
	final int[] bounds;

	/** Line on which each row starts. */
	final long[] lines;

	long index;

	long firstRow;

	/** Problems the reader met in these rows (ragged rows, stray or unterminated quotes), in order. */
	final List<TableProblem> problems = new ArrayList<>();

	RowBlock(int width, int bytes) {
		this(width, bytes, Math.max(1, Math.min(MAX_CELLS / Math.max(width, 1), bytes / 8)));
	}

	RowBlock(int width, int bytes, int maxRows) {
		this.width = width;
		this.maxRows = maxRows;
		this.data = new byte[bytes];
		this.bounds = new int[2 * this.maxRows * width];
		this.lines = new long[this.maxRows];
	}

	/** Rows in this block. */
	public int rows() {
		return this.rows;
	}

	/** Columns per row (the header's width). */
	public int width() {
		return this.width;
	}

	/** This block's position in the file: 0 for the first block, then 1, 2, ... */
	public long index() {
		return this.index;
	}

	/** Data rows in the blocks before this one. */
	public long firstRow() {
		return this.firstRow;
	}

	/** The line on which row {@code row} (0-based within the block) starts. */
	public long line(int row) {
		return this.lines[row];
	}

	/** The problems the reader met in this block's rows, in reading order. */
	public List<TableProblem> problems() {
		return this.problems;
	}

	/** Cell {@code (row, column)}'s first byte in {@link #array(int)}. */
	public int start(int cell) {
		int s = this.bounds[2 * cell];
		return (s >= 0) ? s : ~s;
	}

	/** The end (exclusive) of a cell's bytes. */
	public int end(int cell) {
		return this.bounds[2 * cell + 1];
	}

	/** The array holding a cell's bytes. */
	public byte[] array(int cell) {
		return (this.bounds[2 * cell] >= 0) ? this.data : this.extra;
	}

	/** The index of cell {@code (row, column)} for {@link #start}, {@link #end} and {@link #array}. */
	public int cell(int row, int column) {
		return row * this.width + column;
	}

	/** Whether cell {@code index} has no bytes. */
	public boolean isEmpty(int cell) {
		int s = this.bounds[2 * cell];
		return this.bounds[2 * cell + 1] == ((s >= 0) ? s : ~s);
	}

	void set(int cell, int start, int end) {
		this.bounds[2 * cell] = start;
		this.bounds[2 * cell + 1] = end;
	}

	void clear(long index, long firstRow) {
		this.index = index;
		this.firstRow = firstRow;
		this.rows = 0;
		this.extraLength = 0;
		this.problems.clear();
	}

}
