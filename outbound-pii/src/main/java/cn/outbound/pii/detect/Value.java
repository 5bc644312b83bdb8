package cn.outbound.pii.detect;

import cn.outbound.pii.Identifiers;

/**
 * One cell prepared once for every detector: trimmed bounds, character-class counts and a
 * compact form (blanks, dashes, dots of grouping and parentheses removed, full-width ASCII mapped
 * to ASCII, letters upper-cased). Reused from cell to cell; nothing is allocated after warm-up.
 */
public final class Value implements CharSequence {

	/** Longest value that gets a compact form; identifiers are far shorter. */
	static final int COMPACT_MAX = 48;

	private CharSequence source = "";

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

	/** Prepares {@code cell}; returns this. */
	public Value set(CharSequence cell) {
		this.source = cell;
		int f = 0;
		int t = cell.length();
		while (f < t && Identifiers.isBlank(cell.charAt(f))) {
			f++;
		}
		while (t > f && Identifiers.isBlank(cell.charAt(t - 1))) {
			t--;
		}
		this.from = f;
		this.to = t;
		int d = 0;
		int l = 0;
		int c = 0;
		int b = 0;
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
			char ch = cell.charAt(i);
			if (ch >= '\uFF01' && ch <= '\uFF5E') {
				ch = (char) (ch - 0xFEE0);
			}
			if (ch >= '0' && ch <= '9') {
				d++;
			}
			else if ((ch >= 'a' && ch <= 'z')) {
				l++;
				ch = (char) (ch - 32);
			}
			else if (ch >= 'A' && ch <= 'Z') {
				l++;
			}
			else if (ch >= '\u4E00' && ch <= '\u9FFF') {
				c++;
			}
			else {
				switch (ch) {
					case '@' -> a++;
					case ':' -> col++;
					case '.' -> dot++;
					case '-' -> dash++;
					case ',' -> comma++;
					case '/' -> slash++;
					default -> {
						if (Identifiers.isBlank(ch)) {
							b++;
						}
						else {
							o++;
						}
					}
				}
				if (ch == '-' || ch == '(' || ch == ')' || Identifiers.isBlank(ch)) {
					continue;
				}
			}
			if (compactOk) {
				out[n++] = ch;
			}
		}
		this.digits = d;
		this.letters = l;
		this.cjk = c;
		this.blanks = b;
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

	@Override
	public int length() {
		return this.to - this.from;
	}

	@Override
	public char charAt(int index) {
		return this.source.charAt(this.from + index);
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return this.source.subSequence(this.from + start, this.from + end);
	}

	@Override
	public String toString() {
		return this.source.subSequence(this.from, this.to).toString();
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
