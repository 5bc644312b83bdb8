package cn.outbound.tables;

/**
 * Picks the delimiter from the first lines: for each candidate, the count outside quotes on each
 * line; the winner has the most lines agreeing with the header line's count, then the highest
 * count. Comma when nothing is found (a one-column file).
 */
final class Sniffer {

	private static final char[] CANDIDATES = { ',', '\t', ';', '|' };

	private static final int MAX_LINES = 50;

	private static final int MAX_CHARS = 1 << 16;

	private Sniffer() {
	}

	static char delimiter(char[] buf, int from, int to) {
		int end = Math.min(to, from + MAX_CHARS);
		int[][] counts = new int[CANDIDATES.length][MAX_LINES];
		int lines = 0;
		boolean quoted = false;
		int i = from;
		while (i < end && lines < MAX_LINES) {
			char c = buf[i++];
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && c == '\n') {
				lines++;
			}
			else if (!quoted) {
				for (int k = 0; k < CANDIDATES.length; k++) {
					if (c == CANDIDATES[k]) {
						counts[k][lines]++;
					}
				}
			}
		}
		boolean lastComplete = i >= to || lines >= MAX_LINES;
		int used = lastComplete ? Math.min(lines + ((i >= to && i > from && buf[i - 1] != '\n') ? 1 : 0), MAX_LINES)
				: lines;
		if (used == 0) {
			used = 1;
		}
		char best = ',';
		long bestScore = 0;
		for (int k = 0; k < CANDIDATES.length; k++) {
			int headerCount = counts[k][0];
			if (headerCount == 0) {
				continue;
			}
			int agree = 0;
			for (int l = 0; l < used; l++) {
				if (counts[k][l] == headerCount) {
					agree++;
				}
			}
			long score = (long) agree * 10_000 + headerCount;
			if (score > bestScore) {
				bestScore = score;
				best = CANDIDATES[k];
			}
		}
		return best;
	}

}
