package cn.outbound.tables;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines: one object per line. The columns are the union of the keys of all the lines: the
 * first line's keys in order, then each new key in the order it first appears; a line without a
 * key has that cell empty. {@link ReadLimits} bound the keys in all (columns), their names
 * together (header), the keys of one line (cells per row), a value (cell), a line (record) and
 * the nesting of objects and arrays in a value. String values are unescaped;
 * numbers and booleans keep their text; {@code null} is empty; nested objects and arrays keep their
 * JSON text.
 * <p>
 * The header has to be known before the first row, so the reader makes two passes: the first
 * collects the keys while keeping a copy of the decoded text, the second reads the rows from that
 * copy. Standard input cannot be read twice, and the reader is given a stream, so the copy is
 * made for every input: in memory up to {@value #IN_MEMORY} bytes (UTF-8), beyond that in a
 * temporary file readable by its owner only ({@code outbound-jsonl-*}), deleted when the reader
 * closes. Undecodable bytes are counted once, on the line where they were found.
 */
final class JsonLinesReader extends TableReader {

	/** Bytes of the copy kept in memory before it goes to a temporary file. */
	static final int IN_MEMORY = 8 << 20;

	private char[] line = new char[1024];

	private int lineLength;

	private long lineNumber;

	private boolean skipLf;

	private final StringBuilder key = new StringBuilder();

	private final Map<String, Integer> index = new HashMap<>();

	private boolean[] seen = new boolean[0];

	private int length;

	/** Where lines are read from: the input on the first pass, the copy on the second. */
	private CharSource in;

	private Spool spool;

	/** Keys the line being collected adds (committed when the whole line is valid). */
	private final List<String> newKeys = new ArrayList<>();

	/** Undecodable byte sequences met on the first pass: pairs of (line, count), in line order. */
	private long[] undecodable = new long[0];

	private int undecodableCount;

	private int undecodableNext;

	/** The header's size so far: the keys' lengths and one separator between each two. */
	private long headerSize = -1;

	JsonLinesReader(String name, CharSource source, ReadLimits limits) {
		super(name, source, limits);
		this.in = source;
	}

	@Override
	public TableFormat format() {
		return TableFormat.JSON_LINES;
	}

	@Override
	public char delimiter() {
		return 0;
	}

	/** The first pass: every line's keys, a copy of the text for the second pass. */
	@Override
	void readHeader() {
		List<String> keys = new ArrayList<>();
		boolean first = true;
		long malformed = this.source.malformed;
		try {
			this.spool = new Spool();
			while (readLine()) {
				this.spool.write(this.line, this.lineLength);
				if (this.source.malformed != malformed) {
					noteUndecodable(this.lineNumber, this.source.malformed - malformed);
					malformed = this.source.malformed;
				}
				if (isBlankLine()) {
					continue;
				}
				boolean valid = collectKeys(keys);
				if (first && !valid) {
					throw new TableFormatException(
							this.name + ": line " + this.lineNumber + " is not a JSON object, so this is not JSON Lines");
				}
				first = false;
			}
			if (first) {
				throw new TableFormatException(this.name + " has no JSON object lines");
			}
			if (keys.isEmpty()) {
				throw new TableFormatException(this.name + ": its JSON objects have no keys, so there are no columns");
			}
			this.in = this.spool.reread();
		}
		catch (RuntimeException ex) {
			discardSpool(ex);
			throw ex;
		}
		// counted above with their lines; the reader must not count them again on the first row
		this.source.malformed = 0;
		List<String> names = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			names.add(headerName(keys.get(i), i));
		}
		setHeader(names);
		this.seen = new boolean[names.size()];
		this.lineNumber = 0;
		this.skipLf = false;
	}

	/**
	 * Parses the line as an object and adds its new keys to {@code keys} (and {@link #index}) if
	 * the whole line is valid; false otherwise (the second pass reports it).
	 */
	private boolean collectKeys(List<String> keys) {
		this.newKeys.clear();
		if (!parseObject(true)) {
			return false;
		}
		for (String k : this.newKeys) {
			if (!this.index.containsKey(k)) {
				if (keys.size() == this.limits.columns()) {
					throw this.limits.exceeded(this.name, ReadLimits.Limit.COLUMNS,
							"the keys of the lines up to line " + this.lineNumber);
				}
				this.headerSize += k.length() + 1;
				if (this.headerSize > this.limits.headerBytes()) {
					throw this.limits.exceeded(this.name, ReadLimits.Limit.HEADER_BYTES,
							"the keys of the lines up to line " + this.lineNumber);
				}
				this.index.put(k, keys.size());
				keys.add(k);
			}
		}
		return true;
	}

	private void noteUndecodable(long line, long count) {
		if (this.undecodableCount + 2 > this.undecodable.length) {
			this.undecodable = java.util.Arrays.copyOf(this.undecodable, Math.max(16, this.undecodable.length * 2));
		}
		this.undecodable[this.undecodableCount++] = line;
		this.undecodable[this.undecodableCount++] = count;
	}

	/** Reports the undecodable bytes of the lines up to {@code line}, as the first pass found them. */
	private void reportUndecodable(long line) {
		while (this.undecodableNext < this.undecodableCount && this.undecodable[this.undecodableNext] <= line) {
			long at = this.undecodable[this.undecodableNext];
			long count = this.undecodable[this.undecodableNext + 1];
			this.problems.add(at, TableProblem.Kind.UNDECODABLE_BYTES,
					count + " undecodable byte sequence(s) in " + charset().name());
			this.undecodableNext += 2;
		}
	}

	@Override
	boolean readRecord() {
		while (readLine()) {
			reportUndecodable(this.lineNumber);
			if (isBlankLine()) {
				continue;
			}
			this.rowNumber = this.lineNumber;
			java.util.Arrays.fill(this.seen, false);
			if (parseObject(false)) {
				for (int i = 0; i < this.seen.length; i++) {
					if (!this.seen[i]) {
						this.starts[i] = 0;
						this.ends[i] = 0;
					}
				}
				return true;
			}
			this.problems.add(this.lineNumber, TableProblem.Kind.BAD_JSON_LINE,
					"not a single valid JSON object; line skipped");
		}
		reportUndecodable(Long.MAX_VALUE);
		return false;
	}

	@Override
	public void close() {
		try {
			super.close();
		}
		finally {
			discardSpool(null);
		}
	}

	private void discardSpool(RuntimeException failure) {
		if (this.spool == null) {
			return;
		}
		try {
			this.spool.discard();
		}
		catch (IOException ex) {
			if (failure != null) {
				failure.addSuppressed(ex);
			}
			else {
				throw new UncheckedIOException(ex);
			}
		}
		finally {
			this.spool = null;
		}
	}

	/**
	 * The first pass's copy of the text, line by line ({@code \n}-terminated, so line numbers stay
	 * those of the input), as UTF-8: in memory until it passes {@link #IN_MEMORY} bytes, then in a
	 * temporary file of its owner's only.
	 */
	private static final class Spool {

		private Bytes memory = new Bytes();

		private Path file;

		private OutputStream out = this.memory;

		private Writer writer = new OutputStreamWriter(new Switch(), StandardCharsets.UTF_8);

		private InputStream reading;

		void write(char[] chars, int count) {
			try {
				this.writer.write(chars, 0, count);
				this.writer.write('\n');
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot keep a copy of the JSON Lines for the second pass", ex);
			}
		}

		/** The copy, to read from the start. */
		CharSource reread() {
			try {
				this.writer.flush();
				this.writer.close();
				if (this.file == null) {
					this.reading = this.memory.reader();
					this.memory = null;
				}
				else {
					this.reading = Files.newInputStream(this.file);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot keep a copy of the JSON Lines for the second pass", ex);
			}
			return new CharSource(this.reading, StandardCharsets.UTF_8, new byte[0], 0, 0);
		}

		void discard() throws IOException {
			try {
				if (this.reading != null) {
					this.reading.close();
				}
				else {
					this.writer.close();
				}
			}
			finally {
				if (this.file != null) {
					Files.deleteIfExists(this.file);
				}
			}
		}

		private void spill() throws IOException {
			try {
				this.file = Files.createTempFile("outbound-jsonl-", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				this.file = Files.createTempFile("outbound-jsonl-", ".tmp");
			}
			OutputStream f = new BufferedOutputStream(Files.newOutputStream(this.file), 1 << 16);
			this.memory.writeTo(f);
			this.memory = null;
			this.out = f;
		}

		/** Bytes in memory, read back without a copy. */
		private static final class Bytes extends ByteArrayOutputStream {

			Bytes() {
				super(8192);
			}

			InputStream reader() {
				return new ByteArrayInputStream(this.buf, 0, this.count);
			}

		}

		/** Writes to memory, and to the file once memory is full. */
		private final class Switch extends OutputStream {

			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				if (Spool.this.file == null && Spool.this.memory.size() + len > IN_MEMORY) {
					spill();
				}
				Spool.this.out.write(b, off, len);
			}

			@Override
			public void flush() throws IOException {
				Spool.this.out.flush();
			}

			@Override
			public void close() throws IOException {
				Spool.this.out.close();
			}

		}

	}

	private boolean isBlankLine() {
		for (int i = 0; i < this.lineLength; i++) {
			char c = this.line[i];
			if (c != ' ' && c != '\t' && c != '\uFEFF') {
				return false;
			}
		}
		return true;
	}

	private boolean readLine() {
		CharSource src = this.in;
		this.lineLength = 0;
		boolean any = false;
		while (true) {
			if (src.pos >= src.limit && !src.fill()) {
				if (any) {
					this.lineNumber++;
				}
				return any;
			}
			char[] buf = src.buf;
			int pos = src.pos;
			if (this.skipLf) {
				this.skipLf = false;
				if (buf[pos] == '\n') {
					src.pos = pos + 1;
					continue;
				}
			}
			int run = pos;
			int limit = src.limit;
			while (run < limit && buf[run] != '\n' && buf[run] != '\r') {
				run++;
			}
			int count = run - pos;
			if (this.lineLength + count > this.limits.recordBytes()) {
				throw this.limits.exceeded(this.name, ReadLimits.Limit.RECORD_BYTES, "line " + (this.lineNumber + 1));
			}
			if (this.lineLength + count > this.line.length) {
				this.line = java.util.Arrays.copyOf(this.line, Math.min(this.limits.recordBytes(),
						Math.max(this.lineLength + count, this.line.length * 2)));
			}
			System.arraycopy(buf, pos, this.line, this.lineLength, count);
			this.lineLength += count;
			any = true;
			if (run < limit) {
				if (buf[run] == '\r') {
					this.skipLf = true;
				}
				src.pos = run + 1;
				this.lineNumber++;
				return true;
			}
			src.pos = run;
		}
	}

	/**
	 * Parses the line as one object. With {@code collect} (the first pass) notes the keys not yet
	 * known in {@link #newKeys}, and values are parsed but not kept; otherwise stores values by
	 * header index. False on any syntax error.
	 */
	private boolean parseObject(boolean collect) {
		char[] s = this.line;
		int n = this.lineLength;
		this.length = 0;
		int i = skipWs(s, 0, n);
		if (i >= n || s[i] != '{') {
			return false;
		}
		i = skipWs(s, i + 1, n);
		if (i < n && s[i] == '}') {
			return skipWs(s, i + 1, n) == n;
		}
		int keys = 0;
		while (true) {
			if (i >= n || s[i] != '"') {
				return false;
			}
			if (++keys > this.limits.cellsPerRow()) {
				throw this.limits.exceeded(this.name, ReadLimits.Limit.CELLS_PER_ROW, "line " + this.lineNumber);
			}
			this.key.setLength(0);
			i = readString(s, i + 1, n, null);
			if (i < 0) {
				return false;
			}
			i = skipWs(s, i, n);
			if (i >= n || s[i] != ':') {
				return false;
			}
			i = skipWs(s, i + 1, n);
			int column = -1;
			if (collect) {
				String k = this.key.toString();
				if (!this.index.containsKey(k)) {
					this.newKeys.add(k);
				}
			}
			else {
				column = columnOf(this.key);
			}
			int start = this.length;
			i = readValue(s, i, n);
			if (i < 0) {
				return false;
			}
			if (this.length - start > this.limits.cellBytes()) {
				throw this.limits.exceeded(this.name, ReadLimits.Limit.CELL_BYTES, "a value on line " + this.lineNumber);
			}
			if (collect) {
				this.length = start;
			}
			else if (column >= 0 && !this.seen[column]) {
				this.starts[column] = start;
				this.ends[column] = this.length;
				this.seen[column] = true;
			}
			i = skipWs(s, i, n);
			if (i >= n) {
				return false;
			}
			if (s[i] == ',') {
				i = skipWs(s, i + 1, n);
				continue;
			}
			if (s[i] == '}') {
				return skipWs(s, i + 1, n) == n;
			}
			return false;
		}
	}

	private int columnOf(CharSequence k) {
		Integer column = this.index.get(k.toString());
		return (column != null) ? column : -1;
	}

	/** Reads a value, appending its cell text to the record buffer; returns the index after it. */
	private int readValue(char[] s, int i, int n) {
		if (i >= n) {
			return -1;
		}
		char c = s[i];
		if (c == '"') {
			return readString(s, i + 1, n, this);
		}
		if (c == '{' || c == '[') {
			int end = skipNested(s, i, n);
			if (end < 0) {
				return -1;
			}
			appendRecord(s, i, end - i);
			return end;
		}
		int end = i;
		while (end < n && s[end] != ',' && s[end] != '}' && s[end] != ' ' && s[end] != '\t') {
			end++;
		}
		int len = end - i;
		if (len == 0) {
			return -1;
		}
		if (len == 4 && s[i] == 'n' && s[i + 1] == 'u' && s[i + 2] == 'l' && s[i + 3] == 'l') {
			return end;
		}
		boolean literal = (len == 4 && s[i] == 't') || (len == 5 && s[i] == 'f') || c == '-' || (c >= '0' && c <= '9');
		if (!literal) {
			return -1;
		}
		appendRecord(s, i, len);
		return end;
	}

	/**
	 * Reads a string body starting after the opening quote; unescaped text goes to the record
	 * buffer ({@code target} non-null) or to {@link #key}. Returns the index after the closing
	 * quote, or -1.
	 */
	private int readString(char[] s, int i, int n, JsonLinesReader target) {
		while (i < n) {
			int run = i;
			while (run < n && s[run] != '"' && s[run] != '\\') {
				run++;
			}
			if (target != null) {
				appendRecord(s, i, run - i);
			}
			else {
				this.key.append(s, i, run - i);
			}
			if (run >= n) {
				return -1;
			}
			if (s[run] == '"') {
				return run + 1;
			}
			// escape
			if (run + 1 >= n) {
				return -1;
			}
			char e = s[run + 1];
			char out;
			int next = run + 2;
			switch (e) {
				case '"', '\\', '/' -> out = e;
				case 'b' -> out = '\b';
				case 'f' -> out = '\f';
				case 'n' -> out = '\n';
				case 'r' -> out = '\r';
				case 't' -> out = '\t';
				case 'u' -> {
					if (run + 6 > n) {
						return -1;
					}
					int v = 0;
					for (int k = run + 2; k < run + 6; k++) {
						int h = Character.digit(s[k], 16);
						if (h < 0) {
							return -1;
						}
						v = v * 16 + h;
					}
					out = (char) v;
					next = run + 6;
				}
				default -> {
					return -1;
				}
			}
			if (target != null) {
				appendRecord(out);
			}
			else {
				this.key.append(out);
			}
			i = next;
		}
		return -1;
	}

	private int skipNested(char[] s, int i, int n) {
		int depth = 0;
		int maxDepth = this.limits.jsonDepth();
		boolean inString = false;
		for (int k = i; k < n; k++) {
			char c = s[k];
			if (inString) {
				if (c == '\\') {
					k++;
				}
				else if (c == '"') {
					inString = false;
				}
				continue;
			}
			if (c == '"') {
				inString = true;
			}
			else if (c == '{' || c == '[') {
				if (++depth > maxDepth) {
					throw this.limits.exceeded(this.name, ReadLimits.Limit.JSON_DEPTH, "a value on line " + this.lineNumber);
				}
			}
			else if (c == '}' || c == ']') {
				depth--;
				if (depth == 0) {
					return k + 1;
				}
			}
		}
		return -1;
	}

	private static int skipWs(char[] s, int i, int n) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\uFEFF')) {
			i++;
		}
		return i;
	}

	private void appendRecord(char[] src, int from, int count) {
		int needed = this.length + count;
		if (needed > this.room) {
			growRecord(needed, this.lineNumber);
		}
		System.arraycopy(src, from, this.recordBuf, this.length, count);
		this.length = needed;
	}

	private void appendRecord(char c) {
		if (this.length >= this.room) {
			growRecord(this.length + 1, this.lineNumber);
		}
		this.recordBuf[this.length++] = c;
	}

}
