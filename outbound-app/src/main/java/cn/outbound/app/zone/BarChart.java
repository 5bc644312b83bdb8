package cn.outbound.app.zone;

import java.util.ArrayList;
import java.util.List;

/**
 * A breakdown drawn as bars in an SVG viewBox, on the server as the ledger's charts are (no script, nothing fetched).
 * A suppressed cell is a short hatched bar labelled {@value Suppression#SUPPRESSED}, never its size.
 */
public record BarChart(String id, int width, int height, int bottom, List<Bar> bars, long max) {

	static final int W = 640;

	static final int H = 220;

	static final int LEFT = 40;

	static final int RIGHT = 630;

	static final int TOP = 16;

	static final int BOTTOM = 190;

	/** Height of the placeholder drawn for a suppressed cell. */
	static final int SUPPRESSED_HEIGHT = 6;

	public record Bar(String key, String label, String display, boolean suppressed, int x, int y, int w, int h) {

		public int labelX() {
			return this.x + this.w / 2;
		}

	}

	/** {@code labels} gives each cell's label on the axis, in the cells' order. */
	static BarChart of(String id, List<Suppression.Shown> cells, List<String> labels) {
		long max = 1;
		for (Suppression.Shown c : cells) {
			if (c.count() != null) {
				max = Math.max(max, c.count());
			}
		}
		int n = Math.max(1, cells.size());
		int slot = (RIGHT - LEFT) / n;
		int w = Math.max(2, slot * 7 / 10);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			Suppression.Shown c = cells.get(i);
			int h = c.suppressed() ? SUPPRESSED_HEIGHT : (int) Math.round((double) c.count() * (BOTTOM - TOP) / max);
			int x = LEFT + i * slot + (slot - w) / 2;
			bars.add(new Bar(c.key(), labels.get(i), c.display(), c.suppressed(), x, BOTTOM - h, w, h));
		}
		return new BarChart(id, W, H, BOTTOM, bars, max);
	}

}
