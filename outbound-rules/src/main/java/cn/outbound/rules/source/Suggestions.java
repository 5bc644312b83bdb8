package cn.outbound.rules.source;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for mistyped names: the closest allowed name within a small edit distance.
 */
public final class Suggestions {

	private Suggestions() {
	}

	public static Optional<String> closest(String typed, Collection<String> allowed) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		String lower = typed.toLowerCase(Locale.ROOT);
		for (String candidate : allowed) {
			int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
			if (d < bestDistance) {
				bestDistance = d;
				best = candidate;
			}
		}
		int limit = Math.max(1, Math.min(3, typed.length() / 3));
		if (best != null && bestDistance <= limit) {
			return Optional.of(best);
		}
		if (lower.length() >= 3) {
			// a truncated or extended name: "tianjin" for "tianjin-ftz"
			for (String candidate : allowed) {
				String c = candidate.toLowerCase(Locale.ROOT);
				if (c.startsWith(lower) || lower.startsWith(c)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

	/** " (did you mean 'x'?)" or an empty string. */
	public static String hint(String typed, Collection<String> allowed) {
		return closest(typed, allowed).map(s -> " (did you mean '" + s + "'?)").orElse("");
	}

	/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
