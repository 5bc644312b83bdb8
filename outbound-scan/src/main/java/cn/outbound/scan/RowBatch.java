package cn.outbound.scan;

import java.util.Arrays;
import java.util.List;

import cn.outbound.tables.CellDecoder;
import cn.outbound.tables.CharSlice;
import cn.outbound.tables.Cells;
import cn.outbound.tables.RowBlock;
import cn.outbound.tables.TableProblem;

/** A block of rows to work on, on any thread: whole records of text as bytes, or rows copied out of a source. */
abstract class RowBatch {

	/** The block's place in the table (samples and problems are added in this order). */
	long index;

	int rows;

	abstract boolean isEmpty(int row, int column);

	/** Points {@code slice} at the cell's characters (decoded by {@code decoder}); returns the undecodable sequences. */
	abstract int load(int row, int column, CellDecoder decoder, CharSlice slice);

	/** The line on which a row starts (for problems found while decoding). */
	abstract long line(int row);

	/** Problems the reader met in these rows. */
	abstract List<TableProblem> problems();

	abstract void clear();

	/** Whole records of delimited text as bytes, decoded cell by cell. */
	static final class Bytes extends RowBatch {

		final RowBlock block;

		Bytes(RowBlock block) {
			this.block = block;
		}

		@Override
		boolean isEmpty(int row, int column) {
			return this.block.isEmpty(this.block.cell(row, column));
		}

		@Override
		int load(int row, int column, CellDecoder decoder, CharSlice slice) {
			int n = decoder.decode(this.block, this.block.cell(row, column));
			slice.set(decoder.chars(), 0, n);
			return decoder.malformed();
		}

		/** The cell's bytes through {@code worker} (which may count them from its memo without decoding). */
		void work(int row, int column, ColumnWorker worker, CellDecoder decoder) {
			int cell = this.block.cell(row, column);
			worker.cell(column, this.block.array(cell), this.block.start(cell), this.block.end(cell), decoder, true);
		}

		@Override
		long line(int row) {
			return this.block.line(row);
		}

		@Override
		List<TableProblem> problems() {
			return this.block.problems();
		}

		@Override
		void clear() {
			this.rows = 0;
		}

	}

	/** Rows copied out of a row-by-row source. */
	static final class Chars extends RowBatch {

		static final int ROWS = 2048;

		/** Cells per batch at most, as for a block of bytes: a wide table gets fewer rows per batch. */
		static final int MAX_CELLS = 1 << 17;

		final int width;

		final int maxRows;

		char[] chars = new char[1 << 16];

		int length;

		final int[] starts;

		final int[] ends;

		Chars(int width) {
			this.width = width;
			this.maxRows = Math.max(1, Math.min(ROWS, MAX_CELLS / Math.max(width, 1)));
			this.starts = new int[this.maxRows * Math.max(width, 1)];
			this.ends = new int[this.maxRows * Math.max(width, 1)];
		}

		void add(Cells cells) {
			int base = this.rows * this.width;
			for (int i = 0; i < this.width; i++) {
				CharSequence c = cells.get(i);
				int n = c.length();
				if (this.length + n > this.chars.length) {
					this.chars = Arrays.copyOf(this.chars, Math.max(this.length + n, this.chars.length * 2));
				}
				if (c instanceof CharSlice slice) {
					System.arraycopy(slice.array(), slice.offset(), this.chars, this.length, n);
				}
				else {
					c.toString().getChars(0, n, this.chars, this.length);
				}
				this.starts[base + i] = this.length;
				this.length += n;
				this.ends[base + i] = this.length;
			}
			this.rows++;
		}

		boolean isFull() {
			return this.rows == this.maxRows;
		}

		@Override
		boolean isEmpty(int row, int column) {
			int k = row * this.width + column;
			return this.starts[k] == this.ends[k];
		}

		@Override
		int load(int row, int column, CellDecoder decoder, CharSlice slice) {
			int k = row * this.width + column;
			slice.set(this.chars, this.starts[k], this.ends[k] - this.starts[k]);
			return 0;
		}

		@Override
		long line(int row) {
			return 0;
		}

		@Override
		List<TableProblem> problems() {
			return List.of();
		}

		@Override
		void clear() {
			this.rows = 0;
			this.length = 0;
		}

	}

}
