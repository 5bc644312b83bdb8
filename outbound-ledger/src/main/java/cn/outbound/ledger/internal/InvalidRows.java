package cn.outbound.ledger.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import cn.outbound.ledger.InvalidRow;

/**
 * Invalid rows met while reading: all counted, the {@code kept} lowest row numbers kept (rows may arrive out of
 * order from several hashing threads). Thread-safe.
 */
public final class InvalidRows {

	private final int kept;

	private final PriorityQueue<InvalidRow> lowest = new PriorityQueue<>(
			Comparator.comparingLong(InvalidRow::row).reversed());

	private long count;

	public InvalidRows(int kept) {
		this.kept = kept;
	}

	public synchronized void add(InvalidRow row) {
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
	public synchronized List<InvalidRow> rows() {
		List<InvalidRow> list = new ArrayList<>(this.lowest);
		list.sort(Comparator.comparingLong(InvalidRow::row));
		return list;
	}

}
