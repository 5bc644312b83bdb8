package cn.outbound.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Delimited text or JSON Lines through the shared readers: delimited text in UTF-8 or GB18030 as
 * blocks of bytes ({@link DelimitedBlockReader}, which the scanner works on in parallel), anything
 * else row by row ({@link TableReader}).
 */
public final class TextSource implements TableSource {

	private final TableReader reader;

	private final DelimitedBlockReader blocks;

	public TextSource(Path file) throws IOException {
		this(file, ReadLimits.DEFAULT);
	}

	public TextSource(Path file, ReadLimits limits) throws IOException {
		this(Files.newInputStream(file), file.getFileName().toString(), limits);
	}

	public TextSource(InputStream in, String name) throws IOException {
		this(in, name, ReadLimits.DEFAULT);
	}

	/**
	 * Reads {@code in} (closed with the source) within {@code limits}.
	 * @throws cn.outbound.tables.ReadLimitException if the header passes a limit (later rows throw it while read)
	 */
	public TextSource(InputStream in, String name, ReadLimits limits) throws IOException {
		TableReader.Opened opened;
		try {
			opened = TableReader.openBlocksOrRows(in, name, limits);
		}
		catch (RuntimeException | IOException ex) {
			in.close();
			throw ex;
		}
		this.reader = opened.rows();
		this.blocks = opened.blocks();
	}

	/** The block reader for delimited text read as bytes; null when the table is read row by row. */
	public DelimitedBlockReader blocks() {
		return this.blocks;
	}

	@Override
	public String name() {
		return (this.blocks != null) ? this.blocks.name() : this.reader.name();
	}

	/** Hands every row to {@code sink} (the scanner reads {@link #blocks()} directly when there are blocks). */
	@Override
	public void read(RowSink sink) {
		if (this.blocks == null) {
			sink.header(this.reader.header());
			while (this.reader.next()) {
				sink.row(this.reader.rowNumber(), this.reader.cells());
			}
			return;
		}
		sink.header(this.blocks.header());
		RowBlock block = this.blocks.newBlock();
		BlockCells cells = new BlockCells(block, this.blocks.newDecoder());
		while (this.blocks.next(block)) {
			List<TableProblem> undecodable = new ArrayList<>();
			for (int r = 0; r < block.rows(); r++) {
				cells.load(r);
				sink.row(block.line(r), cells);
				if (cells.malformed > 0) {
					undecodable.add(new TableProblem(block.line(r), TableProblem.Kind.UNDECODABLE_BYTES,
							cells.malformed + " undecodable byte sequence(s) in " + this.blocks.charset().name()));
				}
			}
			this.blocks.commit(block.problems(), undecodable);
		}
	}

	@Override
	public TableProblems problems() {
		return (this.blocks != null) ? this.blocks.problems() : this.reader.problems();
	}

	@Override
	public String describe() {
		return (this.blocks != null) ? TableReader.describeDelimited(this.blocks.charset(), this.blocks.delimiter())
				: this.reader.describe();
	}

	@Override
	public void close() {
		if (this.blocks != null) {
			try {
				this.blocks.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		else {
			this.reader.close();
		}
	}

	/** One row of a block as cells, every cell decoded when the row is loaded. */
	private static final class BlockCells implements Cells {

		private final RowBlock block;

		private final CellDecoder decoder;

		private final CharSlice[] slices;

		private char[] chars = new char[1024];

		private final int[] starts;

		private final int[] ends;

		/** Undecodable sequences in the loaded row. */
		int malformed;

		BlockCells(RowBlock block, CellDecoder decoder) {
			this.block = block;
			this.decoder = decoder;
			this.slices = new CharSlice[block.width()];
			this.starts = new int[block.width()];
			this.ends = new int[block.width()];
			for (int i = 0; i < this.slices.length; i++) {
				this.slices[i] = new CharSlice();
			}
		}

		void load(int row) {
			this.malformed = 0;
			int length = 0;
			for (int i = 0; i < this.starts.length; i++) {
				int n = this.decoder.decode(this.block, this.block.cell(row, i));
				this.malformed += this.decoder.malformed();
				if (length + n > this.chars.length) {
					this.chars = java.util.Arrays.copyOf(this.chars, Math.max(length + n, this.chars.length * 2));
				}
				System.arraycopy(this.decoder.chars(), 0, this.chars, length, n);
				this.starts[i] = length;
				length += n;
				this.ends[i] = length;
			}
		}

		@Override
		public int size() {
			return this.block.width();
		}

		@Override
		public CharSequence get(int index) {
			this.slices[index].set(this.chars, this.starts[index], this.ends[index] - this.starts[index]);
			return this.slices[index];
		}

	}

}
