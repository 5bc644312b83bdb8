package cn.outbound.app.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.outbound.ledger.Headroom;
import cn.outbound.ledger.LedgerStatus;
import cn.outbound.ledger.PersonClass;

/** One class's cumulative persons by month, scaled into an SVG viewBox, with its threshold lines. */
public record LedgerChart(String key, int width, int height, int left, int bottom, String points, List<Line> lines,
		List<Tick> ticks, long max) {

	static final int W = 640;

	static final int H = 240;

	static final int LEFT = 70;

	static final int TOP = 16;

	static final int BOTTOM = 210;

	static final int RIGHT = 620;

	public record Line(long limit, int y, boolean reached) {
	}

	public record Tick(int x, int month) {
	}

	static LedgerChart of(LedgerStatus s, PersonClass c) {
		List<Long> values = new ArrayList<>();
		for (LedgerStatus.Month m : s.months()) {
			values.add((c == PersonClass.SENSITIVE) ? m.sensitiveIndividuals() : m.individuals());
		}
		long top = 0;
		for (long v : values) {
			top = Math.max(top, v);
		}
		List<Long> limits = new ArrayList<>();
		for (Headroom h : s.thresholds()) {
			if (h.personClass() == c) {
				limits.add(h.limit());
			}
		}
		limits.sort(null);
		// scale to the first line above the counts (or the highest line once all are passed)
		long scale = limits.isEmpty() ? Math.max(1, top) : limits.get(limits.size() - 1);
		for (long l : limits) {
			if (l > top) {
				scale = l;
				break;
			}
		}
		long max = Math.max(top, scale) + Math.max(top, scale) / 10;
		List<Line> lines = new ArrayList<>();
		for (long l : limits) {
			if (l <= max) {
				lines.add(new Line(l, y(l, max), top >= l));
			}
		}
		List<Tick> ticks = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			ticks.add(new Tick(x(m), m));
		}
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			int month = s.months().get(i).month().getMonthValue();
			points.append(String.format(Locale.ROOT, "%d,%d ", x(month), y(values.get(i), max)));
		}
		String key = (c == PersonClass.SENSITIVE) ? "sensitive" : "individuals";
		return new LedgerChart(key, W, H, LEFT, BOTTOM, points.toString().strip(), lines, ticks, max);
	}

	static int x(int month) {
		return LEFT + (month - 1) * (RIGHT - LEFT) / 11;
	}

	static int y(long value, long max) {
		return BOTTOM - (int) Math.round((double) value * (BOTTOM - TOP) / Math.max(1, max));
	}

}
