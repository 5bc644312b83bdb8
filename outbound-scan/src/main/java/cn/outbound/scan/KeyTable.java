package cn.outbound.scan;

/**
 * An open-addressing set of fixed-width keys ({@code width} longs each) with a 64-bit value per
 * key that is OR-ed on every add. Exact: keys are compared in full, never by a shorter hash.
 * A key and its value sit side by side (one cache line for a lookup, usually) and the used slots
 * are a bit set small enough to stay in cache. Memory: {@code (8 * width + 8 + 1/8) / loadFactor}
 * bytes per key, load factor at most 0.5.
 */
final class KeyTable {

	private final int width;

	/** Per slot: the key's {@code width} longs, then the value. */
	private long[] slots;

	/** One bit per slot. */
	private long[] used;

	/** One object per key (the identifier's text) when retained, else null. */
	private Object[] payloads;

	private final boolean retain;

	private final int stride;

	private int size;

	private int capacity;

	private int mask;

	KeyTable(int width) {
		this(width, false);
	}

	KeyTable(int width, boolean retain) {
		this.width = width;
		this.stride = width + 1;
		this.retain = retain;
		allocate(1 << 12);
	}

	private void allocate(int capacity) {
		this.capacity = capacity;
		this.slots = new long[capacity * this.stride];
		this.used = new long[(capacity + 63) >>> 6];
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
		if ((this.size + 1) * 2 > this.capacity) {
			grow();
		}
		int slot = (int) mix(key, offset) & this.mask;
		while (isUsed(slot)) {
			if (equalsAt(slot, key, offset)) {
				this.slots[slot * this.stride + this.width] |= value;
				return;
			}
			slot = (slot + 1) & this.mask;
		}
		this.used[slot >>> 6] |= 1L << slot;
		int base = slot * this.stride;
		System.arraycopy(key, offset, this.slots, base, this.width);
		this.slots[base + this.width] = value;
		if (this.payloads != null) {
			this.payloads[slot] = payload;
		}
		this.size++;
	}

	private boolean isUsed(int slot) {
		return (this.used[slot >>> 6] & (1L << slot)) != 0;
	}

	private boolean equalsAt(int slot, long[] key, int offset) {
		int base = slot * this.stride;
		for (int i = 0; i < this.width; i++) {
			if (this.slots[base + i] != key[offset + i]) {
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
		long[] oldSlots = this.slots;
		long[] oldUsed = this.used;
		Object[] oldPayloads = this.payloads;
		int oldCapacity = this.capacity;
		allocate(oldCapacity * 2);
		for (int slot = 0; slot < oldCapacity; slot++) {
			if ((oldUsed[slot >>> 6] & (1L << slot)) != 0) {
				int base = slot * this.stride;
				add(oldSlots, base, oldSlots[base + this.width], (oldPayloads != null) ? oldPayloads[slot] : null);
			}
		}
	}

	/** Visits every key: {@code visitor.visit(keys, offset, value, payload)}. */
	void forEach(Visitor visitor) {
		for (int slot = 0; slot < this.capacity; slot++) {
			if (isUsed(slot)) {
				int base = slot * this.stride;
				visitor.visit(this.slots, base, this.slots[base + this.width],
						(this.payloads != null) ? this.payloads[slot] : null);
			}
		}
	}

	interface Visitor {

		void visit(long[] keys, int offset, long value, Object payload);

	}

}
