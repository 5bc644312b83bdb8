package cn.outbound.tables;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Delimited text parsed as bytes into blocks of whole records ({@link RowBlock}), for readers
 * that decode only the cells they need and work on several blocks at once. Same rules as
 * {@link DelimitedReader} (RFC 4180 quoting, blank lines skipped, the first record is the
 * header, ragged rows padded or cut and counted), and the same rows, cells and line numbers.
 *
 * <p>
 * Works for charsets in which the delimiter, quote and line-break bytes only ever stand for
 * themselves: UTF-8, and GB18030 unless the delimiter is {@code |} (a GB18030 trail byte can be
 * 0x7C). {@link TableReader#openBlocksOrRows} chooses.
 *
 * <p>
 * Problems met while parsing go into each block ({@link RowBlock#problems()}); whoever consumes
 * the blocks hands them to {@link #problems()} in block order ({@link #commit}), together with
 * the undecodable bytes it found, so the first problems kept are the first in the file.
 */
public final class DelimitedBlockReader implements Closeable {

	/** Bytes read into a block at a time. */
	static final int BLOCK_BYTES = 1 << 20;

	private final String name;

	private final InputStream in;

	private final Charset charset;

	private final byte delimiter;

	private final TableProblems problems = new TableProblems();

	private final List<String> header;

	private final int blockBytes;

	private final ReadLimits limits;

	private final int cellBytes;

	/** Cells a record may have: the column limit while the header is read, the cells-per-row limit after. */
	private int maxCells;

	/** The line on which the record being parsed starts, for messages. */
	private long recordLine;

	/** Bytes read but not yet parsed into a block: the start of a record cut by the last block's end. */
	private byte[] carry;

	private int carryLength;

	private boolean endOfInput;

	private long line = 1;

	private boolean skipLf;

	private long blocks;

	private long rows;

	/** While the header is read: its cells' start (high 32 bits, as in RowBlock) and end. */
	private List<Long> headerCells;

	private long headerLine;

	DelimitedBlockReader(String name, InputStream in, Charset charset, char delimiter, byte[] head, int from, int to,
			int blockBytes, ReadLimits limits) {
		this.name = name;
		this.limits = limits;
		this.cellBytes = limits.cellBytes();
		this.maxCells = limits.columns();
		this.in = in;
		this.charset = charset;
		this.delimiter = (byte) delimiter;
		this.blockBytes = blockBytes;
		this.carry = new byte[Math.max(blockBytes, to - from)];
		System.arraycopy(head, from, this.carry, 0, to - from);
		this.carryLength = to - from;
		this.header = readHeader();
		this.maxCells = limits.cellsPerRow();
	}

	/** The file or stream name given when opening. */
	public String name() {
		return this.name;
	}

	public Charset charset() {
		return this.charset;
	}

	public char delimiter() {
		return (char) this.delimiter;
	}

	/** The column names from the header, in order. */
	public List<String> header() {
		return this.header;
	}

	/** Problems of the blocks committed so far, in file order. */
	public TableProblems problems() {
		return this.problems;
	}

	/** A new empty block for {@link #next}; each thread working on blocks needs a few. */
	public RowBlock newBlock() {
		return new RowBlock(this.header.size(), this.blockBytes);
	}

	/** A decoder for the cells of this reader's blocks (one per thread). */
	public CellDecoder newDecoder() {
		return new CellDecoder(this.charset);
	}

	/**
	 * Hands a block's problems to {@link #problems()}: {@code read}, the block's own
	 * ({@link RowBlock#problems()}), and {@code decoded}, those found while decoding its cells.
	 * Call it for every block, in {@link RowBlock#index()} order; the two lists are merged by line,
	 * the reader's first.
	 */
	public void commit(List<TableProblem> read, List<TableProblem> decoded) {
		List<TableProblem> all = read;
		if (!decoded.isEmpty()) {
			all = new ArrayList<>(read);
			all.addAll(decoded);
			all.sort((a, b) -> Long.compare(a.row(), b.row()));
		}
		for (TableProblem p : all) {
			this.problems.add(p.row(), p.kind(), p.detail());
		}
	}

	/**
	 * Fills {@code block} with the next records (as many whole records as fit, at least one);
	 * false at the end of the input.
	 * @throws ReadLimitException if a record passes one of the {@link ReadLimits}
	 */
	public boolean next(RowBlock block) {
		block.clear(this.blocks, this.rows);
		if (block.data.length < this.carry.length) {
			block.data = new byte[this.carry.length];
		}
		System.arraycopy(this.carry, 0, block.data, 0, this.carryLength);
		int filled = this.carryLength;
		this.carryLength = 0;
		int parsed = 0;
		while (true) {
			filled = fill(block, filled);
			parsed = parseRecords(block, parsed, filled);
			if (block.rows > 0 || this.endOfInput) {
				break;
			}
			if (parsed > 0) {
				// only blank lines so far: drop them and read on
				System.arraycopy(block.data, parsed, block.data, 0, filled - parsed);
				filled -= parsed;
				parsed = 0;
			}
			else {
				// one record longer than the block: grow it
				grow(block, this.limits.recordBytes(), ReadLimits.Limit.RECORD_BYTES);
			}
		}
		int rest = filled - parsed;
		if (this.carry.length < rest) {
			this.carry = new byte[rest];
		}
		System.arraycopy(block.data, parsed, this.carry, 0, rest);
		this.carryLength = rest;
		if (block.rows == 0) {
			return false;
		}
		this.blocks++;
		this.rows += block.rows;
		return true;
	}

	/** Reads until the block's array is full or the input ends; returns the bytes in it. */
	private int fill(RowBlock block, int filled) {
		byte[] d = block.data;
		try {
			while (filled < d.length && !this.endOfInput) {
				int r = this.in.read(d, filled, d.length - filled);
				if (r < 0) {
					this.endOfInput = true;
				}
				else {
					filled += r;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return filled;
	}

	/**
	 * Grows a block whose bytes hold no whole record, or throws when they are already more than a
	 * record within {@code limit} (and its line break) can take.
	 */
	private void grow(RowBlock block, int limit, ReadLimits.Limit kind) {
		long most = limit + 3L;
		if (block.data.length >= most) {
			throw exceeded(kind, this.line);
		}
		block.data = java.util.Arrays.copyOf(block.data, (int) Math.min(most, block.data.length * 2L));
	}

	private ReadLimitException exceeded(ReadLimits.Limit kind, long line) {
		return this.limits.exceeded(this.name, kind, switch (kind) {
			case HEADER_BYTES, COLUMNS -> "the header";
			case RECORD_BYTES -> "the record starting at line " + line + " (is a quote left open?)";
			default -> "line " + line;
		});
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	private List<String> readHeader() {
		RowBlock block = new RowBlock(1, Math.max(this.carry.length, 1024), 1);
		// the header is parsed as a one-column block whose cells are kept in a list
		this.headerCells = new ArrayList<>();
		System.arraycopy(this.carry, 0, block.data, 0, this.carryLength);
		int filled = this.carryLength;
		this.carryLength = 0;
		int parsed;
		while (true) {
			filled = fill(block, filled);
			parsed = parseRecord(block, 0, filled, true);
			if (parsed >= 0) {
				break;
			}
			// the array is full (the input has not ended) and holds no whole record
			grow(block, this.limits.headerBytes(), ReadLimits.Limit.HEADER_BYTES);
		}
		if (this.headerCells.isEmpty()) {
			throw new TableFormatException(this.name + " has no header row");
		}
		CellDecoder decoder = newDecoder();
		List<String> names = new ArrayList<>();
		int malformed = 0;
		for (int i = 0; i < this.headerCells.size(); i++) {
			long range = this.headerCells.get(i);
			int s = (int) (range >> 32);
			int e = (int) range;
			byte[] array = (s >= 0) ? block.data : block.extra;
			int n = decoder.decode(array, (s >= 0) ? s : ~s, e);
			malformed += decoder.malformed();
			names.add(TableReader.headerName(new String(decoder.chars(), 0, n), i));
		}
		for (TableProblem p : block.problems) {
			this.problems.add(p.row(), p.kind(), p.detail());
		}
		if (malformed > 0) {
			this.problems.add(this.headerLine, TableProblem.Kind.UNDECODABLE_BYTES,
					malformed + " undecodable byte sequence(s) in " + this.charset.name());
		}
		if (this.carry.length < filled - parsed) {
			this.carry = new byte[filled - parsed];
		}
		System.arraycopy(block.data, parsed, this.carry, 0, filled - parsed);
		this.carryLength = filled - parsed;
		this.headerCells = null;
		return List.copyOf(names);
	}

	/** Parses whole records of {@code d[from, to)} into the block; returns where the first unparsed record starts. */
	private int parseRecords(RowBlock block, int from, int to) {
		int p = from;
		while (block.rows < block.maxRows && p < to) {
			int next = parseRecord(block, p, to, false);
			if (next < 0) {
				break;
			}
			p = next;
		}
		return p;
	}

	/**
	 * Parses one record (after any blank lines) from {@code p}; returns the position after it, or
	 * -1 if the bytes end inside it before the input does (nothing is kept then: the block, line
	 * count and problems are as before the call). At the end of the input with only blank lines
	 * left, returns {@code to} and adds no row.
	 */
	private int parseRecord(RowBlock block, int p, int to, boolean header) {
		byte[] d = block.data;
		byte delim = this.delimiter;
		long lineAtStart = this.line;
		boolean skipLfAtStart = this.skipLf;
		int problemsAtStart = block.problems.size();
		int extraAtStart = block.extraLength;
		int width = block.width;
		int row = block.rows;
		int base = row * width;
		long rowNumber = this.line;
		int cells = 0;
		boolean quotedAny = false;
		boolean strayReported = false;
		// the current cell: raw bytes [cellStart, cellEnd) of d, or unescaped in extra from extraStart
		int cellStart = p;
		int extraStart = -1;
		if (this.skipLf && p < to) {
			this.skipLf = false;
			if (d[p] == '\n') {
				p++;
				cellStart = p;
			}
		}
		int recordStart = p;
		this.recordLine = rowNumber;
		while (true) {
			// FIELD_START
			if (p >= to) {
				if (!this.endOfInput) {
					return rollback(block, lineAtStart, skipLfAtStart, problemsAtStart, extraAtStart);
				}
				if (cells == 0 && !quotedAny) {
					return to; // only blank lines were left
				}
				// a delimiter ended the last line, then the input ended: one more empty cell
				cells = endCell(block, header, base, cells, p, p, -1);
				break;
			}
			byte c = d[p];
			if (c == '"') {
				quotedAny = true;
				p++;
				cellStart = p;
				extraStart = -1;
				// QUOTED
				boolean closed = false;
				boolean ended = false;
				while (true) {
					int q = p;
					while (q < to && d[q] != '"') {
						if (d[q] == '\n') {
							this.line++;
						}
						q++;
					}
					if (extraStart >= 0) {
						appendExtra(block, d, p, q);
					}
					if (q >= to) {
						p = q;
						break;
					}
					// QUOTE_IN_QUOTED
					if (q + 1 >= to) {
						if (!this.endOfInput) {
							return rollback(block, lineAtStart, skipLfAtStart, problemsAtStart, extraAtStart);
						}
						// closing quote at the very end of the input
						p = q + 1;
						cells = endCell(block, header, base, cells, cellStart, q, extraStart);
						closed = true;
						ended = true;
						break;
					}
					byte n = d[q + 1];
					if (n == '"') {
						if (extraStart < 0) {
							extraStart = block.extraLength;
							appendExtra(block, d, cellStart, q);
						}
						appendExtra(block, d, q, q + 1);
						p = q + 2;
						continue;
					}
					if (n == delim) {
						cells = endCell(block, header, base, cells, cellStart, q, extraStart);
						p = q + 2;
						closed = true;
						break;
					}
					if (n == '\n' || n == '\r') {
						this.line++;
						if (n == '\r') {
							this.skipLf = true;
						}
						cells = endCell(block, header, base, cells, cellStart, q, extraStart);
						p = q + 2;
						closed = true;
						ended = true;
						break;
					}
					// a stray quote: the quote is dropped, the field goes on unquoted
					if (!strayReported) {
						block.problems.add(new TableProblem(rowNumber, TableProblem.Kind.STRAY_QUOTE,
								"a closing quote is followed by other characters in the same field"));
						strayReported = true;
					}
					if (extraStart < 0) {
						extraStart = block.extraLength;
						appendExtra(block, d, cellStart, q);
					}
					int r = q + 1;
					while (r < to && d[r] != delim && d[r] != '\n' && d[r] != '\r') {
						r++;
					}
					appendExtra(block, d, q + 1, r);
					if (r >= to) {
						if (!this.endOfInput) {
							return rollback(block, lineAtStart, skipLfAtStart, problemsAtStart, extraAtStart);
						}
						p = r;
						cells = endCell(block, header, base, cells, cellStart, r, extraStart);
						closed = true;
						ended = true;
						break;
					}
					p = r + 1;
					cells = endCell(block, header, base, cells, cellStart, r, extraStart);
					closed = true;
					if (d[r] != delim) {
						this.line++;
						if (d[r] == '\r') {
							this.skipLf = true;
						}
						ended = true;
					}
					break;
				}
				if (!closed) {
					// the bytes ended inside the quotes
					if (!this.endOfInput) {
						return rollback(block, lineAtStart, skipLfAtStart, problemsAtStart, extraAtStart);
					}
					block.problems.add(new TableProblem(rowNumber, TableProblem.Kind.UNTERMINATED_QUOTE,
							"the file ends inside a quoted field"));
					cells = endCell(block, header, base, cells, cellStart, to, extraStart);
					break;
				}
				if (ended) {
					break;
				}
				extraStart = -1;
				cellStart = p;
				if (p >= to && this.endOfInput) {
					// "a","b", then the end of the input: one more empty cell
					cells = endCell(block, header, base, cells, p, p, -1);
					break;
				}
				continue;
			}
			// UNQUOTED
			int r = p;
			while (r < to) {
				byte x = d[r];
				if (x == delim || x == '\n' || x == '\r') {
					break;
				}
				r++;
			}
			if (r >= to) {
				if (!this.endOfInput) {
					return rollback(block, lineAtStart, skipLfAtStart, problemsAtStart, extraAtStart);
				}
				cells = endCell(block, header, base, cells, p, r, -1);
				p = r;
				break;
			}
			byte x = d[r];
			if (x == delim) {
				cells = endCell(block, header, base, cells, p, r, -1);
				p = r + 1;
				cellStart = p;
				if (p >= to && this.endOfInput) {
					cells = endCell(block, header, base, cells, p, p, -1);
					break;
				}
				continue;
			}
			// end of line; CR LF counts as one
			int contentEnd = r;
			this.line++;
			if (x == '\r') {
				if (r + 1 < to) {
					if (d[r + 1] == '\n') {
						r++;
					}
				}
				else {
					this.skipLf = true;
				}
			}
			if (cells == 0 && contentEnd == p && !quotedAny) {
				// a blank line
				p = r + 1;
				rowNumber = this.line;
				cellStart = p;
				recordStart = p;
				this.recordLine = rowNumber;
				if (p >= to && this.endOfInput) {
					return to;
				}
				continue;
			}
			cells = endCell(block, header, base, cells, p, contentEnd, -1);
			p = r + 1;
			break;
		}
		int size = p - recordStart - terminator(d, recordStart, p);
		if (header) {
			if (size > this.limits.headerBytes()) {
				throw exceeded(ReadLimits.Limit.HEADER_BYTES, rowNumber);
			}
			this.headerLine = rowNumber;
			return p;
		}
		if (size > this.limits.recordBytes()) {
			throw exceeded(ReadLimits.Limit.RECORD_BYTES, rowNumber);
		}
		if (cells != width) {
			block.problems.add(new TableProblem(rowNumber, TableProblem.Kind.RAGGED_ROW,
					"expected " + width + " cells, found " + cells));
			for (int i = cells; i < width; i++) {
				block.set(base + i, 0, 0);
			}
		}
		block.lines[row] = rowNumber;
		block.rows++;
		return p;
	}

	/** The length of the line break that ends {@code d[from, to)}: 2 for CR LF, 1, or 0 at the end of the input. */
	private static int terminator(byte[] d, int from, int to) {
		if (to <= from) {
			return 0;
		}
		byte last = d[to - 1];
		if (last == '\n') {
			return (to - 2 >= from && d[to - 2] == '\r') ? 2 : 1;
		}
		return (last == '\r') ? 1 : 0;
	}

	private int endCell(RowBlock block, boolean header, int base, int cells, int start, int end, int extraStart) {
		if (cells == this.maxCells) {
			throw exceeded(header ? ReadLimits.Limit.COLUMNS : ReadLimits.Limit.CELLS_PER_ROW, this.recordLine);
		}
		if (((extraStart >= 0) ? block.extraLength - extraStart : end - start) > this.cellBytes && !header) {
			throw this.limits.exceeded(this.name, ReadLimits.Limit.CELL_BYTES, "cell " + (cells + 1) + " on line "
					+ this.recordLine);
		}
		if (header) {
			headerCell(block, start, end, extraStart);
		}
		else if (cells < block.width) {
			int[] bounds = block.bounds;
			int at = 2 * (base + cells);
			if (extraStart >= 0) {
				bounds[at] = ~extraStart;
				bounds[at + 1] = block.extraLength;
			}
			else {
				bounds[at] = start;
				bounds[at + 1] = end;
			}
		}
		return cells + 1;
	}

	private void headerCell(RowBlock block, int start, int end, int extraStart) {
		long s = (extraStart >= 0) ? ~extraStart : start;
		int e = (extraStart >= 0) ? block.extraLength : end;
		this.headerCells.add((s << 32) | (e & 0xFFFFFFFFL));
	}

	private int rollback(RowBlock block, long line, boolean skipLf, int problems, int extra) {
		this.line = line;
		this.skipLf = skipLf;
		while (block.problems.size() > problems) {
			block.problems.remove(block.problems.size() - 1);
		}
		block.extraLength = extra;
		if (this.headerCells != null) {
			this.headerCells.clear();
		}
		return -1;
	}

	private static void appendExtra(RowBlock block, byte[] d, int from, int to) {
		int n = to - from;
		if (n <= 0) {
			return;
		}
		if (block.extraLength + n > block.extra.length) {
			block.extra = java.util.Arrays.copyOf(block.extra, Math.max(block.extraLength + n, block.extra.length * 2));
		}
		System.arraycopy(d, from, block.extra, block.extraLength, n);
		block.extraLength += n;
	}

}
