package cn.outbound.pii.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines: one object per line. Columns are the first line's keys in order. String values
 * are unescaped; numbers and booleans keep their text; {@code null} is empty; nested objects and
 * arrays keep their JSON text.
 */
final class JsonLinesReader extends TableReader {

	private char[] line = new char[1024];

	private int lineLength;

	private long lineNumber;

	private boolean skipLf;

	private final StringBuilder key = new StringBuilder();

	private final Map<String, Integer> index = new HashMap<>();

	private boolean[] seen = new boolean[0];

	private int length;

	private boolean firstPending;

	JsonLinesReader(String name, CharSource source) {
		super(name, source);
	}

	@Override
	public Format format() {
		return Format.JSON_LINES;
	}

	@Override
	public char delimiter() {
		return 0;
	}

	@Override
	void readHeader() {
		while (readLine()) {
			if (isBlankLine()) {
				continue;
			}
			List<String> keys = new ArrayList<>();
			if (parseObject(keys)) {
				if (keys.isEmpty()) {
					throw new TableFormatException(this.name + ": the first JSON object (line " + this.lineNumber
							+ ") has no keys, so there are no columns");
				}
				List<String> names = new ArrayList<>();
				for (int i = 0; i < keys.size(); i++) {
					this.index.put(keys.get(i), i);
					names.add(headerName(keys.get(i), i));
				}
				setHeader(names);
				this.seen = new boolean[names.size()];
				// the first object is also the first data row
				this.rowNumber = this.lineNumber;
				this.firstPending = true;
				return;
			}
			throw new TableFormatException(
					this.name + ": line " + this.lineNumber + " is not a JSON object, so this is not JSON Lines");
		}
		throw new TableFormatException(this.name + " has no JSON object lines");
	}

	@Override
	boolean readRecord() {
		if (this.firstPending) {
			this.firstPending = false;
			return true;
		}
		while (readLine()) {
			if (isBlankLine()) {
				continue;
			}
			this.rowNumber = this.lineNumber;
			java.util.Arrays.fill(this.seen, false);
			if (parseObject(null)) {
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
		return false;
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
		CharSource src = this.source;
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
			if (this.lineLength + count > this.line.length) {
				if (this.lineLength + count > MAX_RECORD) {
					throw new TableFormatException(this.name + ": line " + (this.lineNumber + 1) + " is longer than "
							+ (MAX_RECORD >> 20) + " M characters");
				}
				this.line = java.util.Arrays.copyOf(this.line, Math.max(this.lineLength + count, this.line.length * 2));
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
	 * Parses the line as one object. With {@code keys} non-null (the header line) collects keys
	 * in order; otherwise stores values by header index. False on any syntax error.
	 */
	private boolean parseObject(List<String> keys) {
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
		boolean unknownReported = false;
		while (true) {
			if (i >= n || s[i] != '"') {
				return false;
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
			int column;
			if (keys != null) {
				String k = this.key.toString();
				column = keys.contains(k) ? -1 : keys.size();
				if (column >= 0) {
					keys.add(k);
					ensureCells(column + 1);
				}
			}
			else {
				column = columnOf(this.key);
				if (column < 0 && !unknownReported) {
					this.problems.add(this.lineNumber, TableProblem.Kind.UNKNOWN_KEY,
							"a key the first line does not have; its value is ignored");
					unknownReported = true;
				}
			}
			int start = this.length;
			i = readValue(s, i, n);
			if (i < 0) {
				return false;
			}
			if (column >= 0 && (keys != null || !this.seen[column])) {
				this.starts[column] = start;
				this.ends[column] = this.length;
				if (keys == null) {
					this.seen[column] = true;
				}
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

	private static int skipNested(char[] s, int i, int n) {
		int depth = 0;
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
				depth++;
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
		if (needed > this.recordBuf.length) {
			growRecord(needed, this.lineNumber);
		}
		System.arraycopy(src, from, this.recordBuf, this.length, count);
		this.length = needed;
	}

	private void appendRecord(char c) {
		if (this.length == this.recordBuf.length) {
			growRecord(this.length + 1, this.lineNumber);
		}
		this.recordBuf[this.length++] = c;
	}

}
