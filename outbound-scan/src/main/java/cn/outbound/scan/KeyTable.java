package cn.outbound.scan;

/**
 * An open-addressing set of fixed-width keys ({@code width} longs each) with a 64-bit value per
 * key that is OR-ed on every add. Exact: keys are compared in full, never by a shorter hash.
 * Memory: {@code (8 * width + 8 + 1) / loadFactor} bytes per key, load factor at most 0.5.
 */
final class KeyTable {

	private final int width;

	private long[] keys;

	private long[] values;

	private boolean[] used;

	/** One object per key (the identifier's text) when retained, else null. */
	private Object[] payloads;

	private final boolean retain;

	private int size;

	private int mask;

	KeyTable(int width) {
		this(width, false);
	}

	KeyTable(int width, boolean retain) {
		this.width = width;
		this.retain = retain;
		allocate(1 << 12);
	}

	private void allocate(int capacity) {
		this.keys = new long[capacity * this.width];
		this.values = new long[capacity];
		this.used = new boolean[capacity];
		this.payloads = this.retain ? new Object[capacity] : null;
		this.mask = capacity - 1;
		this.size = 0;
	}

	int width() {
		return this.width;
	}

	int size() {
		return this.size;
	}

	/** Adds {@code key} (its first {@code width} longs from {@code offset}) OR-ing {@code value}. */
	void add(long[] key, int offset, long value) {
		add(key, offset, value, null);
	}

	/** As {@link #add(long[], int, long)}, keeping {@code payload} with a new key when retaining. */
	void add(long[] key, int offset, long value, Object payload) {
		if ((this.size + 1) * 2 > this.used.length) {
			grow();
		}
		int slot = (int) mix(key, offset) & this.mask;
		while (this.used[slot]) {
			if (equalsAt(slot, key, offset)) {
				this.values[slot] |= value;
				return;
			}
			slot = (slot + 1) & this.mask;
		}
		this.used[slot] = true;
		System.arraycopy(key, offset, this.keys, slot * this.width, this.width);
		this.values[slot] = value;
		if (this.payloads != null) {
			this.payloads[slot] = payload;
		}
		this.size++;
	}

	private boolean equalsAt(int slot, long[] key, int offset) {
		int base = slot * this.width;
		for (int i = 0; i < this.width; i++) {
			if (this.keys[base + i] != key[offset + i]) {
				return false;
			}
		}
		return true;
	}

	private long mix(long[] key, int offset) {
		long h = 0x9E3779B97F4A7C15L;
		for (int i = 0; i < this.width; i++) {
			h ^= key[offset + i];
			h *= 0xBF58476D1CE4E5B9L;
			h ^= h >>> 31;
		}
		return h ^ (h >>> 29);
	}

	private void grow() {
		long[] oldKeys = this.keys;
		long[] oldValues = this.values;
		boolean[] oldUsed = this.used;
		Object[] oldPayloads = this.payloads;
		allocate(oldUsed.length * 2);
		for (int slot = 0; slot < oldUsed.length; slot++) {
			if (oldUsed[slot]) {
				add(oldKeys, slot * this.width, oldValues[slot], (oldPayloads != null) ? oldPayloads[slot] : null);
			}
		}
	}

	/** Visits every key: {@code visitor.visit(keys, offset, value)}. */
	void forEach(Visitor visitor) {
		for (int slot = 0; slot < this.used.length; slot++) {
			if (this.used[slot]) {
				visitor.visit(this.keys, slot * this.width, this.values[slot],
						(this.payloads != null) ? this.payloads[slot] : null);
			}
		}
	}

	interface Visitor {

		void visit(long[] keys, int offset, long value, Object payload);

	}

}
