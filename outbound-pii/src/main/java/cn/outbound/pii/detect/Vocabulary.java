package cn.outbound.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Terms found as substrings (Chinese has no word boundaries), indexed by first character so a
 * value is scanned once; ASCII letters match case-insensitively. No allocation when matching.
 */
final class Vocabulary {

	/** Terms by first character; a bit set says which characters start a term (8 KB, stays in cache). */
	private final String[][] byFirst = new String[65536][];

	private final char[][][] charsByFirst = new char[65536][][];

	private final long[] starts = new long[65536 / 64];

	Vocabulary(String... terms) {
		List<List<String>> lists = new ArrayList<>();
		for (int i = 0; i < 65536; i++) {
			lists.add(null);
		}
		for (String term : terms) {
			String t = term.toLowerCase(Locale.ROOT);
			char first = t.charAt(0);
			if (lists.get(first) == null) {
				lists.set(first, new ArrayList<>());
			}
			lists.get(first).add(t);
		}
		for (int i = 0; i < 65536; i++) {
			if (lists.get(i) != null) {
				this.byFirst[i] = lists.get(i).toArray(String[]::new);
				this.charsByFirst[i] = new char[this.byFirst[i].length][];
				for (int k = 0; k < this.byFirst[i].length; k++) {
					this.charsByFirst[i][k] = this.byFirst[i][k].toCharArray();
				}
				this.starts[i >>> 6] |= 1L << i;
			}
		}
	}

	/** The first term found in {@code s}, or {@code null}. */
	String find(CharSequence s) {
		int n = s.length();
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + 32);
			}
			if ((this.starts[c >>> 6] & (1L << c)) == 0) {
				continue;
			}
			char[][] candidates = this.charsByFirst[c];
			for (int k = 0; k < candidates.length; k++) {
				if (matchesAt(s, i, candidates[k])) {
					return this.byFirst[c][k];
				}
			}
		}
		return null;
	}

	private static boolean matchesAt(CharSequence s, int at, char[] term) {
		int m = term.length;
		if (at + m > s.length()) {
			return false;
		}
		for (int j = 1; j < m; j++) {
			char a = s.charAt(at + j);
			if (a >= 'A' && a <= 'Z') {
				a = (char) (a + 32);
			}
			if (a != term[j]) {
				return false;
			}
		}
		return true;
	}

}
