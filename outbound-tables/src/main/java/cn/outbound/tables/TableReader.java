package cn.outbound.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Streams a delimited text file (CSV, TSV, ...) or a JSON Lines file one row at a time, with
 * memory flat in the file size.
 *
 * <ul>
 * <li>Encoding: a UTF-8 or UTF-16 byte-order mark wins; otherwise the first megabyte is checked
 * as strict UTF-8 and, if it is not, the file is read as GB18030 (a superset of GBK and GB2312).
 * Bytes that are undecodable later on become U+FFFD and are counted as problems.</li>
 * <li>Delimiter: sniffed from the first lines among {@code , ; TAB |}, the one with the most
 * consistent count outside quotes.</li>
 * <li>Quoting as in RFC 4180: delimiters, doubled quotes and line breaks inside quotes.</li>
 * <li>The first non-blank record is the header. Blank lines are skipped. Rows with more or fewer
 * cells than the header are padded or cut to its width and counted as problems.</li>
 * <li>JSON Lines ({@code .jsonl}, {@code .ndjson}, or text starting with {@code &#123;}): each line an
 * object; the columns are the keys of the first line, in order.</li>
 * <li>Limits: columns, header, cells per row, cell, record and JSON nesting are bounded by
 * {@link ReadLimits} ({@link ReadLimits#DEFAULT} unless given); reading stops at the first one
 * passed with a {@link ReadLimitException}.</li>
 * </ul>
 *
 * Use {@link #next()} and {@link #cells()} for allocation-free access, or iterate {@link Row}s.
 * Not thread-safe.
 */
public abstract class TableReader implements Rows, Iterable<Row> {

	/** The most any {@link ReadLimits} may allow for a record or a header. */
	static final int MAX_RECORD = 64 << 20;

	private static final int SNIFF = 1 << 20;

	final String name;

	final CharSource source;

	final TableProblems problems = new TableProblems();

	final ReadLimits limits;

	/**
	 * The most characters {@link #recordBuf} may hold for the record being read: the header limit
	 * while the header is read, the record limit after.
	 */
	int recordLimit;

	/** The limit {@link #recordLimit} stands for. */
	ReadLimits.Limit recordLimitKind = ReadLimits.Limit.RECORD_BYTES;

	/** {@code min(recordBuf.length, recordLimit)}: one comparison tells whether an append needs a look. */
	int room;

	List<String> header = List.of();

	long rowNumber;

	long rows;

	char[] recordBuf = new char[1024];

	int[] starts = new int[16];

	int[] ends = new int[16];

	private CharSlice[] slices = new CharSlice[0];

	private final CellsView view = new CellsView();

	private long malformedSeen;

	private boolean peeked;

	private boolean hasPeeked;

	TableReader(String name, CharSource source, ReadLimits limits) {
		this.name = name;
		this.source = source;
		this.limits = limits;
		this.recordLimit = limits.recordBytes();
		this.room = Math.min(this.recordBuf.length, this.recordLimit);
	}

	/** Opens a file; the format comes from the extension and the content. */
	public static TableReader open(Path path) throws IOException {
		return open(path, ReadLimits.DEFAULT);
	}

	/** Opens a file within {@code limits}; the format comes from the extension and the content. */
	public static TableReader open(Path path, ReadLimits limits) throws IOException {
		InputStream in = Files.newInputStream(path);
		try {
			return open(in, path.getFileName().toString(), limits);
		}
		catch (RuntimeException | IOException ex) {
			in.close();
			throw ex;
		}
	}

	/**
	 * Opens a stream; {@code name} (a file name) is used for the format and in messages. The
	 * reader closes the stream.
	 * @throws TableFormatException if the content is not a table (binary, empty, a workbook)
	 */
	public static TableReader open(InputStream in, String name) throws IOException {
		return open(in, name, ReadLimits.DEFAULT);
	}

	/**
	 * As {@link #open(InputStream, String)}, within {@code limits}.
	 * @throws ReadLimitException if the header passes a limit (later rows throw it from {@link #next()})
	 */
	public static TableReader open(InputStream in, String name, ReadLimits limits) throws IOException {
		return open(in, name, false, DelimitedBlockReader.BLOCK_BYTES, limits).rows();
	}

	/**
	 * What {@link #openBlocksOrRows} opened: delimited text to be read as bytes in blocks, or any
	 * other table read row by row. Exactly one of the two is set.
	 */
	public record Opened(DelimitedBlockReader blocks, TableReader rows) {
	}

	/**
	 * Opens a stream as {@link #open(InputStream, String)} does, but delimited text in UTF-8, or in
	 * GB18030 with a delimiter other than {@code |}, comes back as a {@link DelimitedBlockReader}
	 * (same rows, cells and problems, parsed as bytes). The reader closes the stream.
	 */
	public static Opened openBlocksOrRows(InputStream in, String name) throws IOException {
		return openBlocksOrRows(in, name, ReadLimits.DEFAULT);
	}

	/** As {@link #openBlocksOrRows(InputStream, String)}, within {@code limits}. */
	public static Opened openBlocksOrRows(InputStream in, String name, ReadLimits limits) throws IOException {
		return open(in, name, true, DelimitedBlockReader.BLOCK_BYTES, limits);
	}

	/** As {@link #openBlocksOrRows(InputStream, String)} with blocks of {@code blockBytes} (for tests). */
	static Opened openBlocksOrRows(InputStream in, String name, int blockBytes) throws IOException {
		return open(in, name, true, blockBytes, ReadLimits.DEFAULT);
	}

	private static Opened open(InputStream in, String name, boolean blocks, int blockBytes, ReadLimits limits)
			throws IOException {
		byte[] head = new byte[SNIFF];
		int n = 0;
		while (n < head.length) {
			int r = in.read(head, n, head.length - n);
			if (r < 0) {
				break;
			}
			n += r;
		}
		if (n == 0) {
			throw new TableFormatException(name + " is empty: expected a header row and data rows");
		}
		TableFormat binary = TableFormat.sniff(head, n).orElse(null);
		if (binary == TableFormat.XLSX) {
			throw new TableFormatException(name
					+ " is a ZIP archive (an Excel workbook?), not delimited text or JSON Lines; save it as .xlsx and use the workbook reader, or export it as CSV");
		}
		if (binary == TableFormat.PARQUET) {
			throw new TableFormatException(
					name + " is a Parquet file, not delimited text or JSON Lines; name it .parquet and read it as one");
		}
		int skip = 0;
		Charset charset;
		if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
			charset = StandardCharsets.UTF_8;
			skip = 3;
		}
		else if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
			charset = StandardCharsets.UTF_16LE;
			skip = 2;
		}
		else if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
			charset = StandardCharsets.UTF_16BE;
			skip = 2;
		}
		else {
			if (looksBinary(head, n)) {
				throw new TableFormatException(
						name + " is not text (it holds NUL or control bytes): expected CSV/TSV or JSON Lines");
			}
			charset = isUtf8(head, n, n < head.length) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
		}
		// the first chunk of characters decides the format and the delimiter; it needs no more
		// than the sniffing window (at most 4 bytes per character, half the window's characters)
		CharSource first = new CharSource(InputStream.nullInputStream(), charset, head, skip, n);
		if (!first.fill()) {
			throw new TableFormatException(name + " is empty: expected a header row and data rows");
		}
		int firstChar = firstNonBlank(first);
		if ("json".equals(TableFormat.extension(name)) && firstChar >= 0 && first.buf[firstChar] == '[') {
			throw new TableFormatException(
					name + " is a JSON array, not JSON Lines: write one JSON object per line (.jsonl)");
		}
		boolean json = TableFormat.byExtension(name).orElse(null) == TableFormat.JSON_LINES
				|| (firstChar >= 0 && first.buf[firstChar] == '{');
		char delimiter = json ? 0 : Sniffer.delimiter(first.buf, first.pos, first.limit);
		boolean asBytes = charset.equals(StandardCharsets.UTF_8)
				|| (charset.name().equals("GB18030") && delimiter != '|');
		if (blocks && !json && asBytes) {
			return new Opened(
					new DelimitedBlockReader(name, in, charset, delimiter, head, skip, n, blockBytes, limits), null);
		}
		CharSource source = new CharSource(in, charset, head, skip, n);
		source.fill();
		TableReader reader = json ? new JsonLinesReader(name, source, limits)
				: new DelimitedReader(name, source, delimiter, limits);
		reader.charset = charset;
		reader.readHeader();
		return new Opened(null, reader);
	}

	private Charset charset;

	/** The file or stream name given when opening. */
	@Override
	public String name() {
		return this.name;
	}

	/** {@link TableFormat#DELIMITED} or {@link TableFormat#JSON_LINES}. */
	public abstract TableFormat format();

	/** The detected character set. */
	@Override
	public Charset charset() {
		return this.charset;
	}

	/** The delimiter for delimited text, or 0 for JSON Lines. */
	public abstract char delimiter();

	@Override
	public String describe() {
		if (format() == TableFormat.JSON_LINES) {
			return "JSON Lines, " + this.charset.name();
		}
		return describeDelimited(this.charset, delimiter());
	}

	static String describeDelimited(Charset charset, char d) {
		return "delimited text, " + charset.name() + ", delimiter " + ((d == '\t') ? "tab" : "'" + d + "'");
	}

	/** The column names from the header, in order. */
	@Override
	public List<String> header() {
		return this.header;
	}

	/** Problems so far (ragged rows, undecodable bytes, ...). */
	@Override
	public TableProblems problems() {
		return this.problems;
	}

	/** Data rows read so far. */
	public long rowsRead() {
		return this.rows;
	}

	/**
	 * Moves to the next data row; false at the end. After it, {@link #cells()} and
	 * {@link #rowNumber()} describe that row.
	 */
	@Override
	public boolean next() {
		if (this.hasPeeked) {
			this.hasPeeked = false;
			return this.peeked;
		}
		boolean found = readRecord();
		if (this.source.malformed != this.malformedSeen) {
			this.problems.add(this.rowNumber, TableProblem.Kind.UNDECODABLE_BYTES,
					(this.source.malformed - this.malformedSeen) + " undecodable byte sequence(s) in "
							+ this.charset.name());
			this.malformedSeen = this.source.malformed;
		}
		if (found) {
			this.rows++;
		}
		return found;
	}

	/** The current row's line number (where it starts). */
	@Override
	public long rowNumber() {
		return this.rowNumber;
	}

	/** The current row's cells; valid until the next call to {@link #next()}. */
	@Override
	public Cells cells() {
		return this.view;
	}

	/** Reads every remaining row, handing each to {@code action} as a new {@link Row}. */
	@Override
	public void forEach(Consumer<? super Row> action) {
		while (next()) {
			action.accept(currentRow());
		}
	}

	@Override
	public Iterator<Row> iterator() {
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				if (!TableReader.this.hasPeeked) {
					TableReader.this.peeked = TableReader.this.next();
					TableReader.this.hasPeeked = true;
				}
				return TableReader.this.peeked;
			}

			@Override
			public Row next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				TableReader.this.hasPeeked = false;
				return currentRow();
			}

		};
	}

	private Row currentRow() {
		String[] cells = new String[this.header.size()];
		for (int i = 0; i < cells.length; i++) {
			cells[i] = new String(this.recordBuf, this.starts[i], this.ends[i] - this.starts[i]);
		}
		return new Row(this.rowNumber, cells);
	}

	@Override
	public void close() {
		try {
			this.source.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads the next data record into recordBuf/starts/ends, padded to the header width. */
	abstract boolean readRecord();

	abstract void readHeader();

	void setHeader(List<String> names) {
		this.header = List.copyOf(names);
		int width = names.size();
		ensureCells(width);
		this.slices = new CharSlice[width];
		for (int i = 0; i < width; i++) {
			this.slices[i] = new CharSlice();
		}
	}

	void ensureCells(int count) {
		if (this.starts.length < count) {
			int size = Math.max(count, this.starts.length * 2);
			this.starts = java.util.Arrays.copyOf(this.starts, size);
			this.ends = java.util.Arrays.copyOf(this.ends, size);
		}
	}

	/** Makes room for {@code needed} characters in {@link #recordBuf}, or throws if that passes the record's limit. */
	void growRecord(int needed, long line) {
		if (needed > this.recordLimit) {
			throw this.limits.exceeded(this.name, this.recordLimitKind,
					(this.recordLimitKind == ReadLimits.Limit.HEADER_BYTES) ? "the header"
							: "the record starting at line " + line + " (is a quote left open?)");
		}
		if (needed > this.recordBuf.length) {
			int size = Math.max(needed, Math.min(this.recordLimit, this.recordBuf.length * 2));
			this.recordBuf = java.util.Arrays.copyOf(this.recordBuf, size);
		}
		this.room = Math.min(this.recordBuf.length, this.recordLimit);
	}

	/** Sets the most the record buffer may hold from now on. */
	void limitRecords(int limit, ReadLimits.Limit kind) {
		this.recordLimit = limit;
		this.recordLimitKind = kind;
		this.room = Math.min(this.recordBuf.length, limit);
	}

	private static int firstNonBlank(CharSource source) {
		for (int i = source.pos; i < source.limit; i++) {
			char c = source.buf[i];
			if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\uFEFF') {
				return i;
			}
		}
		return -1;
	}

	static String headerName(String raw, int index) {
		String s = raw.strip();
		if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
			s = s.substring(1).strip();
		}
		return s.isEmpty() ? "column " + (index + 1) : s;
	}

	private static boolean looksBinary(byte[] b, int n) {
		int limit = Math.min(n, 8192);
		int control = 0;
		for (int i = 0; i < limit; i++) {
			int c = b[i] & 0xFF;
			if (c == 0) {
				return true;
			}
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A) {
				control++;
			}
		}
		return control > limit / 100 + 1;
	}

	/**
	 * Strict UTF-8 check of {@code b[0, n)}; a sequence cut by the end of the window is allowed
	 * only when {@code complete} is false (the window was cut short of the end of the input).
	 */
	static boolean isUtf8(byte[] b, int n, boolean complete) {
		int i = 0;
		while (i < n) {
			int c = b[i] & 0xFF;
			if (c < 0x80) {
				i++;
				continue;
			}
			int len;
			int min;
			if (c >= 0xC2 && c <= 0xDF) {
				len = 2;
				min = 0x80;
			}
			else if (c >= 0xE0 && c <= 0xEF) {
				len = 3;
				min = 0x800;
			}
			else if (c >= 0xF0 && c <= 0xF4) {
				len = 4;
				min = 0x10000;
			}
			else {
				return false;
			}
			if (i + len > n) {
				return !complete;
			}
			int cp = c & (0xFF >> (len + 1));
			for (int k = 1; k < len; k++) {
				int cc = b[i + k] & 0xFF;
				if ((cc & 0xC0) != 0x80) {
					return false;
				}
				cp = (cp << 6) | (cc & 0x3F);
			}
			if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
				return false;
			}
			i += len;
		}
		return true;
	}

	private final class CellsView implements Cells {

		@Override
		public int size() {
			return TableReader.this.header.size();
		}

		@Override
		public CharSequence get(int index) {
			CharSlice slice = TableReader.this.slices[index];
			slice.set(TableReader.this.recordBuf, TableReader.this.starts[index],
					TableReader.this.ends[index] - TableReader.this.starts[index]);
			return slice;
		}

		@Override
		public String string(int index) {
			return new String(TableReader.this.recordBuf, TableReader.this.starts[index],
					TableReader.this.ends[index] - TableReader.this.starts[index]);
		}

		@Override
		public boolean isEmpty(int index) {
			return TableReader.this.ends[index] == TableReader.this.starts[index];
		}

	}

}
