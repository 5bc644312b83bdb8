package cn.outbound.tables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Problems met while reading: every one counted, the first {@value #KEPT} kept with their line
 * numbers, so memory stays bounded on a bad file.
 */
public final class TableProblems {

	public static final int KEPT = 100;

	private final long[] counts = new long[TableProblem.Kind.values().length];

	private final List<TableProblem> first = new ArrayList<>();

	private long total;

	public void add(long row, TableProblem.Kind kind, String detail) {
		this.counts[kind.ordinal()]++;
		this.total++;
		if (this.first.size() < KEPT) {
			this.first.add(new TableProblem(row, kind, detail));
		}
	}

	public long total() {
		return this.total;
	}

	public long count(TableProblem.Kind kind) {
		return this.counts[kind.ordinal()];
	}

	public Map<TableProblem.Kind, Long> counts() {
		Map<TableProblem.Kind, Long> map = new EnumMap<>(TableProblem.Kind.class);
		for (TableProblem.Kind kind : TableProblem.Kind.values()) {
			if (this.counts[kind.ordinal()] > 0) {
				map.put(kind, this.counts[kind.ordinal()]);
			}
		}
		return map;
	}

	/** The first problems, in reading order, at most {@value #KEPT}. */
	public List<TableProblem> first() {
		return Collections.unmodifiableList(this.first);
	}

	public boolean isEmpty() {
		return this.total == 0;
	}

}
