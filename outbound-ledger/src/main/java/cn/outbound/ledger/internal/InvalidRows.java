package cn.outbound.ledger.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Invalid rows met while reading: all counted, the {@code kept} lowest row numbers kept (rows may arrive out of
 * order from several hashing threads). Thread-safe.
 */
public final class InvalidRows {

	/** A row whose identifier could not be read or normalised: its number, its value masked, and why. */
	public record Row(long row, String maskedValue, String reason) {
	}

	private final int kept;

	private final PriorityQueue<Row> lowest = new PriorityQueue<>(
			Comparator.comparingLong(Row::row).reversed());

	private long count;

	public InvalidRows(int kept) {
		this.kept = kept;
	}

	public synchronized void add(Row row) {
		this.count++;
		this.lowest.add(row);
		if (this.lowest.size() > this.kept) {
			this.lowest.poll();
		}
	}

	public synchronized long count() {
		return this.count;
	}

	/** The kept rows in row order. */
	public synchronized List<Row> rows() {
		List<Row> list = new ArrayList<>(this.lowest);
		list.sort(Comparator.comparingLong(Row::row));
		return list;
	}

}
