package cn.outbound.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;

import cn.outbound.tables.CellDecoder;
import cn.outbound.tables.Cells;
import cn.outbound.tables.DelimitedBlockReader;
import cn.outbound.tables.ReadLimits;
import cn.outbound.tables.RowBlock;
import cn.outbound.tables.TableFormatException;
import cn.outbound.tables.TableProblem;
import cn.outbound.tables.TableReader;
import cn.outbound.scan.SparkAdapter;

/**
 * One partition of delimited text or JSON Lines, read by the single-machine scanner's own readers: Spark hands over
 * the lines of each file split (its bytes, undecoded), and each split is parsed as a stream of its own by
 * {@link TableReader} (encoding sniffed as for a file, RFC 4180 quoting, the same problems and limits), with what it
 * needs in front: for delimited text after a file's start, the file's header record; for JSON Lines, a line with
 * every key of the table in table order, so that every split has the table's columns in the same order.
 *
 * <p>
 * Input rows: {@code value} (a line's bytes), {@code _metadata.file_path}, {@code file_block_start},
 * {@code file_block_length}, {@code file_size}. A quoted line break at a split's end shows as the split's input ending
 * inside a quote: the driver then reads the table again with whole files per split.
 */
final class TextTask extends PartitionTask {

	enum Kind {

		DELIMITED, JSON_LINES

	}

	private final SparkAdapter.Plan plan;

	private final Kind kind;

	private final HadoopConf hadoop;

	private final transient ReadLimits limits;

	/** The JSON line naming every key in table order (JSON Lines), or null. */
	private final byte[] keysLine;

	private final Iterator<InternalRow> input;

	private InternalRow peeked;

	private LinesStream lines;

	private DelimitedBlockReader blocks;

	private RowBlock block;

	private CellDecoder decoder;

	private TableReader rows;

	private final CellDecoder utf8 = new CellDecoder(StandardCharsets.UTF_8);

	private final Map<String, byte[]> headers = new HashMap<>();

	private boolean openQuote;

	TextTask(SparkAdapter.Plan plan, HashKey key, Kind kind, List<String> jsonKeys, HadoopConf hadoop,
			ReadLimits limits, Iterator<InternalRow> input) {
		super(plan, key);
		this.plan = plan;
		this.kind = kind;
		this.hadoop = hadoop;
		this.limits = limits;
		this.keysLine = (kind == Kind.JSON_LINES) ? keysLine(jsonKeys) : null;
		this.input = input;
	}

	@Override
	boolean step() throws IOException {
		if (this.lines == null) {
			return openNext();
		}
		if (this.blocks != null) {
			if (!this.blocks.next(this.block)) {
				endSegment();
				return true;
			}
			for (TableProblem p : this.block.problems()) {
				this.worker.readProblem(p.row(), p.kind(), p.detail());
				this.openQuote |= p.kind() == TableProblem.Kind.UNTERMINATED_QUOTE;
			}
			String charset = this.blocks.charset().name();
			int width = this.block.width();
			for (int r = 0; r < this.block.rows(); r++) {
				for (int c = 0; c < width; c++) {
					int cell = this.block.cell(r, c);
					if (!this.block.isEmpty(cell)) {
						this.worker.cell(c, this.block.array(cell), this.block.start(cell), this.block.end(cell),
								this.decoder);
					}
				}
				this.worker.endRow(this.block.line(r), charset);
			}
			this.worker.endBlock();
			return true;
		}
		for (int n = 0; n < 4096; n++) {
			if (!this.rows.next()) {
				endSegment();
				return true;
			}
			if (this.keysLine != null && this.rows.rowNumber() == 1) {
				continue; // the line of keys put in front
			}
			Cells cells = this.rows.cells();
			for (int c = 0; c < cells.size(); c++) {
				CharSequence value = cells.get(c);
				if (value.length() > 0) {
					byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
					this.worker.cell(c, bytes, 0, bytes.length, this.utf8);
				}
			}
			this.worker.endRow(this.rows.rowNumber(), "UTF-8");
		}
		return true;
	}

	/** Opens the next split's reader; false when the partition has no more. */
	private boolean openNext() throws IOException {
		InternalRow first = (this.peeked != null) ? this.peeked : (this.input.hasNext() ? this.input.next() : null);
		this.peeked = null;
		if (first == null) {
			return false;
		}
		String file = first.getUTF8String(1).toString();
		long start = first.getLong(2);
		boolean last = start + first.getLong(3) >= first.getLong(4);
		this.worker.segment(file, start, last);
		byte[] prefix = null;
		if (this.keysLine != null) {
			prefix = this.keysLine;
		}
		else if (start > 0) {
			prefix = this.headers.computeIfAbsent(file, this::headerOf);
		}
		this.lines = new LinesStream(prefix, first, start);
		String name = SparkAdapter.fileName(file);
		if (this.kind == Kind.JSON_LINES && !name.toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl")) {
			name = name + ".jsonl";
		}
		this.openQuote = false;
		TableReader.Opened opened;
		try {
			opened = (this.kind == Kind.JSON_LINES)
					? new TableReader.Opened(null, TableReader.open(this.lines, name, this.limits))
					: TableReader.openBlocksOrRows(this.lines, name, this.limits);
		}
		catch (TableFormatException ex) {
			if (this.lines.total() == this.lines.prefixLength()) {
				// a split with no bytes of its own (a file that is only its header): nothing to read
				this.worker.lines(this.lines.lines(), this.lines.prefixLines());
				this.lines = null;
				return true;
			}
			throw ex;
		}
		this.blocks = opened.blocks();
		this.rows = opened.rows();
		List<String> header = (this.blocks != null) ? this.blocks.header() : this.rows.header();
		if (!header.equals(this.plan.names())) {
			throw new TableFormatException(name + ": its columns " + SparkAdapter.maskedNames(header)
					+ " are not the table's " + SparkAdapter.maskedNames(this.plan.names())
					+ "; every file of a table needs the same header");
		}
		if (this.blocks != null) {
			this.block = this.blocks.newBlock();
			this.decoder = this.blocks.newDecoder();
		}
		return true;
	}

	private void endSegment() throws IOException {
		if (this.rows != null) {
			// the row reader's problems (the block reader's come with each block)
			for (TableProblem p : this.rows.problems().first()) {
				this.worker.readProblem(p.row(), p.kind(), p.detail());
				this.openQuote |= p.kind() == TableProblem.Kind.UNTERMINATED_QUOTE;
			}
			long kept = this.rows.problems().first().size();
			for (TableProblem.Kind k : TableProblem.Kind.values()) {
				long count = this.rows.problems().count(k);
				for (TableProblem p : this.rows.problems().first()) {
					if (p.kind() == k) {
						count--;
					}
				}
				for (long i = 0; i < count; i++) {
					this.worker.readProblem(0, k, "");
				}
				this.openQuote |= k == TableProblem.Kind.UNTERMINATED_QUOTE && count > 0;
			}
			if (kept > 0) {
				this.worker.endBlock();
			}
		}
		this.worker.lines(this.lines.lines(), this.lines.prefixLines());
		this.worker.endsInQuote(this.openQuote);
		close();
	}

	@Override
	void close() {
		try {
			if (this.blocks != null) {
				this.blocks.close();
			}
			if (this.rows != null) {
				this.rows.close();
			}
		}
		catch (IOException ex) {
			// the stream is ours, in memory
		}
		this.blocks = null;
		this.rows = null;
		this.block = null;
		this.lines = null;
	}

	/** The bytes from a file's start to the end of its header record (its first non-blank record), and a line break. */
	private byte[] headerOf(String file) {
		try {
			Path path = new Path(new URI(file));
			try (FSDataInputStream in = path.getFileSystem(this.hadoop.get()).open(path)) {
				return headerRecord(in, this.limits.headerBytes(), file);
			}
		}
		catch (IOException | URISyntaxException ex) {
			throw new IllegalStateException("cannot read the header of " + SparkAdapter.fileName(file) + ": "
					+ ex.getMessage(), ex);
		}
	}

	/** Reads a delimited file's leading blank lines and header record (quotes respected), with its line break. */
	static byte[] headerRecord(InputStream in, int headerBytes, String file) throws IOException {
		int max = headerBytes + 1024;
		byte[] buf = new byte[Math.min(max, 1 << 16)];
		int n = 0;
		boolean quoted = false;
		boolean content = false;
		while (true) {
			if (n == buf.length) {
				if (buf.length >= max) {
					throw new TableFormatException(SparkAdapter.fileName(file)
							+ ": the header is over the limit header-bytes (at most " + headerBytes + " bytes)");
				}
				buf = java.util.Arrays.copyOf(buf, Math.min(max, buf.length * 2));
			}
			int b = in.read();
			if (b < 0) {
				return java.util.Arrays.copyOf(buf, n);
			}
			buf[n++] = (byte) b;
			if (b == '"') {
				quoted = !quoted;
			}
			else if (b == '\n' && !quoted) {
				if (content) {
					return java.util.Arrays.copyOf(buf, n);
				}
			}
			else if (b != '\r' && b != ' ' && b != '\t' && !(n <= 3 && (b == 0xEF || b == 0xBB || b == 0xBF))) {
				content = true;
			}
		}
	}

	/** {"k1":null,"k2":null,…}: a first line that gives a JSON Lines reader the table's keys in order. */
	static byte[] keysLine(List<String> keys) {
		StringBuilder sb = new StringBuilder("{");
		for (int i = 0; i < keys.size(); i++) {
			if (i > 0) {
				sb.append(',');
			}
			sb.append('"');
			for (char c : keys.get(i).toCharArray()) {
				switch (c) {
					case '"' -> sb.append("\\\"");
					case '\\' -> sb.append("\\\\");
					default -> {
						if (c < 0x20) {
							sb.append(String.format("\\u%04x", (int) c));
						}
						else {
							sb.append(c);
						}
					}
				}
			}
			sb.append("\":null");
		}
		return sb.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A split's lines as one stream: the prefix, then each line and a line break, up to the first line of another
	 * split (kept for the next reader). Counts the split's lines.
	 */
	private final class LinesStream extends InputStream {

		private final byte[] prefix;

		private final UTF8String file;

		private final long start;

		private int prefixPos;

		private final long prefixLines;

		private UTF8String line;

		private int linePos;

		private boolean newline;

		private boolean ended;

		private long lines;

		private long total;

		LinesStream(byte[] prefix, InternalRow first, long start) {
			this.prefix = (prefix != null) ? prefix : new byte[0];
			this.file = first.getUTF8String(1).clone();
			this.start = start;
			long breaks = 0;
			for (byte b : this.prefix) {
				if (b == '\n') {
					breaks++;
				}
			}
			this.prefixLines = breaks;
			take(first);
		}

		private void take(InternalRow row) {
			this.line = row.getUTF8String(0);
			this.linePos = 0;
			this.newline = true;
			this.lines++;
		}

		long lines() {
			return this.lines;
		}

		long prefixLines() {
			return this.prefixLines;
		}

		int prefixLength() {
			return this.prefix.length;
		}

		long total() {
			return this.total;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (len == 0) {
				return 0;
			}
			int n = 0;
			while (n < len) {
				if (this.prefixPos < this.prefix.length) {
					int k = Math.min(len - n, this.prefix.length - this.prefixPos);
					System.arraycopy(this.prefix, this.prefixPos, b, off + n, k);
					this.prefixPos += k;
					n += k;
					continue;
				}
				if (this.ended) {
					break;
				}
				int size = this.line.numBytes();
				if (this.linePos < size) {
					int k = Math.min(len - n, size - this.linePos);
					copy(this.line, this.linePos, b, off + n, k);
					this.linePos += k;
					n += k;
					continue;
				}
				if (this.newline) {
					b[off + n++] = '\n';
					this.newline = false;
					continue;
				}
				if (!TextTask.this.input.hasNext()) {
					this.ended = true;
					break;
				}
				InternalRow next = TextTask.this.input.next();
				if (next.getLong(2) != this.start || !next.getUTF8String(1).equals(this.file)) {
					TextTask.this.peeked = next;
					this.ended = true;
					break;
				}
				take(next);
			}
			this.total += n;
			return (n == 0) ? -1 : n;
		}

		private static void copy(UTF8String s, int from, byte[] to, int at, int len) {
			Object base = s.getBaseObject();
			if (base instanceof byte[] array) {
				long offset = s.getBaseOffset() - org.apache.spark.unsafe.Platform.BYTE_ARRAY_OFFSET;
				System.arraycopy(array, (int) offset + from, to, at, len);
			}
			else {
				byte[] bytes = s.getBytes();
				System.arraycopy(bytes, from, to, at, len);
			}
		}

	}

}
