package cn.outbound.ledger.internal;

import java.util.List;

/**
 * Merges the sorted, distinct hashes of an event's parts (one per person class) into one sorted stream, telling
 * for each hash which parts hold it (bit {@code i} of {@link #parts()} for part {@code i}).
 */
public final class PartsCursor implements HashCursor {

	private static final int H = PersonHasher.HASH_BYTES;

	private final HashCursor[] cursors;

	private final boolean[] live;

	private final byte[] current = new byte[H];

	private int parts;

	public PartsCursor(List<HashCursor> cursors) {
		if (cursors.size() > 30) {
			throw new IllegalArgumentException("at most 30 parts");
		}
		this.cursors = cursors.toArray(HashCursor[]::new);
		this.live = new boolean[this.cursors.length];
		for (int i = 0; i < this.cursors.length; i++) {
			this.live[i] = this.cursors[i].next();
		}
	}

	@Override
	public boolean next() {
		int min = -1;
		for (int i = 0; i < this.cursors.length; i++) {
			if (this.live[i] && (min < 0 || HashSpill.compare(this.cursors[i].hash(), 0, this.cursors[min].hash(), 0) < 0)) {
				min = i;
			}
		}
		if (min < 0) {
			return false;
		}
		System.arraycopy(this.cursors[min].hash(), 0, this.current, 0, H);
		int mask = 0;
		for (int i = 0; i < this.cursors.length; i++) {
			if (this.live[i] && HashSpill.compare(this.cursors[i].hash(), 0, this.current, 0) == 0) {
				mask |= 1 << i;
				this.live[i] = this.cursors[i].next();
			}
		}
		this.parts = mask;
		return true;
	}

	@Override
	public byte[] hash() {
		return this.current;
	}

	/** Which parts hold the current hash. */
	public int parts() {
		return this.parts;
	}

	@Override
	public void close() {
		for (HashCursor c : this.cursors) {
			c.close();
		}
	}

}
