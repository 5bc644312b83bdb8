package cn.outbound.pii.detect;

import cn.outbound.pii.Identifiers;
import cn.outbound.tables.CharSlice;

/**
 * One cell prepared once for every detector: trimmed bounds, character-class counts and a
 * compact form (blanks, dashes, dots of grouping and parentheses removed, full-width ASCII mapped
 * to ASCII, letters upper-cased). Reused from cell to cell; nothing is allocated after warm-up.
 */
public final class Value implements CharSequence {

	/** Longest value that gets a compact form; identifiers are far shorter. */
	static final int COMPACT_MAX = 48;

	private static final char[] EMPTY = new char[0];

	/** Characters of the current value: the reader's buffer itself, or {@link #own} for strings. */
	private char[] buf = EMPTY;

	private char[] own = new char[64];

	private int from;

	private int to;

	/** ASCII digits. */
	public int digits;

	/** ASCII letters. */
	public int letters;

	/** CJK unified ideographs. */
	public int cjk;

	/** Blanks inside the trimmed value. */
	public int blanks;

	/** Anything else (punctuation, symbols, other scripts). */
	public int others;

	public int at;

	public int colons;

	public int dots;

	public int dashes;

	public int commas;

	public int slashes;

	final char[] compact = new char[COMPACT_MAX];

	int compactLength;

	/** Whether the compact form exists (the value is at most {@value #COMPACT_MAX} long). */
	boolean hasCompact;

	private static final byte DIGIT = 1;

	private static final byte UPPER = 2;

	private static final byte LOWER = 3;

	private static final byte BLANK = 4;

	private static final byte DROP = 5;

	private static final byte OTHER = 6;

	/** ASCII character classes, so the common case needs no method call. */
	private static final byte[] ASCII = new byte[128];

	static {
		for (int c = 0; c < 128; c++) {
			byte k = OTHER;
			if (c >= '0' && c <= '9') {
				k = DIGIT;
			}
			else if (c >= 'A' && c <= 'Z') {
				k = UPPER;
			}
			else if (c >= 'a' && c <= 'z') {
				k = LOWER;
			}
			else if (c == '(' || c == ')') {
				k = DROP;
			}
			else if (Identifiers.isBlank((char) c)) {
				k = BLANK;
			}
			ASCII[c] = k;
		}
	}

	/** Prepares {@code cell}; returns this. A reader's {@link CharSlice} is used in place. */
	public Value set(CharSequence cell) {
		if (cell instanceof CharSlice slice) {
			return set(slice.array(), slice.offset(), slice.offset() + slice.length());
		}
		int n = cell.length();
		if (this.own.length < n) {
			this.own = new char[Math.max(n, this.own.length * 2)];
		}
		if (cell instanceof String str) {
			str.getChars(0, n, this.own, 0);
		}
		else {
			for (int i = 0; i < n; i++) {
				this.own[i] = cell.charAt(i);
			}
		}
		return set(this.own, 0, n);
	}

	/**
	 * Prepares the characters {@code chars[from, to)} in place (they are not copied: they must
	 * not change while this value is in use); returns this.
	 */
	public Value set(char[] chars, int from, int to) {
		char[] b = chars;
		int f = from;
		int t = to;
		while (f < t && isBlankAt(b[f])) {
			f++;
		}
		while (t > f && isBlankAt(b[t - 1])) {
			t--;
		}
		this.buf = b;
		this.from = f;
		this.to = t;
		int d = 0;
		int l = 0;
		int c = 0;
		int bl = 0;
		int o = 0;
		int a = 0;
		int col = 0;
		int dot = 0;
		int dash = 0;
		int comma = 0;
		int slash = 0;
		int n = 0;
		boolean compactOk = t - f <= COMPACT_MAX;
		char[] out = this.compact;
		for (int i = f; i < t; i++) {
			char ch = b[i];
			if (ch < 128) {
				switch (ASCII[ch]) {
					case DIGIT -> d++;
					case UPPER -> l++;
					case LOWER -> {
						l++;
						ch = (char) (ch - 32);
					}
					case BLANK -> {
						bl++;
						continue;
					}
					case DROP -> {
						o++;
						continue;
					}
					default -> {
						switch (ch) {
							case '@' -> a++;
							case ':' -> col++;
							case '.' -> dot++;
							case '-' -> {
								dash++;
								continue;
							}
							case ',' -> comma++;
							case '/' -> slash++;
							default -> o++;
						}
					}
				}
			}
			else if (ch >= '\u4E00' && ch <= '\u9FFF') {
				c++;
			}
			else if (ch >= '\uFF01' && ch <= '\uFF5E') {
				// full-width ASCII: count as its ASCII twin
				char w = (char) (ch - 0xFEE0);
				if (w >= '0' && w <= '9') {
					d++;
					ch = w;
				}
				else if (w >= 'A' && w <= 'Z' || w >= 'a' && w <= 'z') {
					l++;
					ch = (char) (w & ~0x20);
				}
				else if (w == '(' || w == ')' || w == '-') {
					o++;
					continue;
				}
				else {
					o++;
					ch = w;
				}
			}
			else if (isBlankAt(ch)) {
				bl++;
				continue;
			}
			else {
				o++;
			}
			if (compactOk) {
				out[n++] = ch;
			}
		}
		this.digits = d;
		this.letters = l;
		this.cjk = c;
		this.blanks = bl;
		this.others = o;
		this.at = a;
		this.colons = col;
		this.dots = dot;
		this.dashes = dash;
		this.commas = comma;
		this.slashes = slash;
		this.compactLength = n;
		this.hasCompact = compactOk;
		return this;
	}

	private static boolean isBlankAt(char c) {
		if (c < 128) {
			return ASCII[c] == BLANK;
		}
		// no blank between the ideographic space U+3000 and the byte-order mark U+FEFF (ideographs, kana, hangul...)
		return (c <= '\u3000' || c >= '\uFEFF') && Identifiers.isBlank(c);
	}

	@Override
	public int length() {
		return this.to - this.from;
	}

	@Override
	public char charAt(int index) {
		return this.buf[this.from + index];
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return new String(this.buf, this.from + start, end - start);
	}

	@Override
	public String toString() {
		return new String(this.buf, this.from, this.to - this.from);
	}

	public boolean isEmpty() {
		return this.to == this.from;
	}

	/** The compact form's length, or -1 when the value is too long to have one. */
	public int compactLength() {
		return this.hasCompact ? this.compactLength : -1;
	}

	/** Character {@code i} of the compact form. */
	public char compactAt(int i) {
		return this.compact[i];
	}

	/** The compact form as a sequence view (allocates a small wrapper; for tests and masks). */
	public String compactString() {
		return new String(this.compact, 0, this.compactLength);
	}

	CharSequence compactView() {
		return this.compactView;
	}

	private final CharSequence compactView = new CharSequence() {

		@Override
		public int length() {
			return Value.this.compactLength;
		}

		@Override
		public char charAt(int index) {
			return Value.this.compact[index];
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new String(Value.this.compact, start, end - start);
		}

		@Override
		public String toString() {
			return new String(Value.this.compact, 0, Value.this.compactLength);
		}

	};

	/** Whether the whole trimmed value equals {@code word}, ignoring ASCII case. */
	public boolean equalsIgnoreCase(String word) {
		int n = length();
		if (n != word.length()) {
			return false;
		}
		for (int i = 0; i < n; i++) {
			char a = charAt(i);
			char b = word.charAt(i);
			if (a != b && Character.toLowerCase(a) != Character.toLowerCase(b)) {
				return false;
			}
		}
		return true;
	}

}
