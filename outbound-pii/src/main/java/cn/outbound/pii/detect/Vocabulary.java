package cn.outbound.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Terms found as substrings (Chinese has no word boundaries), indexed by first character so a
 * value is scanned once; ASCII letters match case-insensitively. No allocation when matching.
 */
final class Vocabulary {

	private final String[][] byFirst = new String[65536][];

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
			String[] candidates = this.byFirst[c];
			if (candidates == null) {
				continue;
			}
			for (String term : candidates) {
				if (matchesAt(s, i, term)) {
					return term;
				}
			}
		}
		return null;
	}

	private static boolean matchesAt(CharSequence s, int at, String term) {
		int m = term.length();
		if (at + m > s.length()) {
			return false;
		}
		for (int j = 0; j < m; j++) {
			char a = s.charAt(at + j);
			if (a >= 'A' && a <= 'Z') {
				a = (char) (a + 32);
			}
			if (a != term.charAt(j)) {
				return false;
			}
		}
		return true;
	}

}
