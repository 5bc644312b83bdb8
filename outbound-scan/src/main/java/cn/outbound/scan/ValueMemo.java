package cn.outbound.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One thread's memory of what the detectors said about the values it saw last in one column,
 * keyed by the cell's exact bytes: a value seen again (a status, a city, a diagnosis, a common
 * name) is counted from the memory without being decoded or checked again. What a value gets from
 * the detectors depends on its bytes alone, so the counts are the same as without it; the
 * scanner takes the long way whenever the value could still become a sample.
 *
 * <p>
 * Direct-mapped, {@value #SLOTS} slots of values up to {@value #MAX_BYTES} bytes (about 130 KB,
 * made on first use). It turns itself off for a while, and gives its memory back, in a column
 * where it rarely helps (identifiers, amounts, timestamps: most values differ), so such columns
 * pay almost nothing for it. A thread's memos share a budget of {@value #PER_THREAD} at a time,
 * so a wide table does not multiply the memory.
 */
final class ValueMemo {

	/** Memos with memory at a time, per thread (about 4 MB). */
	static final int PER_THREAD = 32;

	static final int SLOTS = 2048;

	static final int MAX_BYTES = 48;

	private static final int WORDS = MAX_BYTES / 8;

	/** Lookups per trial, and the hits below which the memo rests. */
	private static final int TRIAL = 4096;

	private static final int ENOUGH_HITS = TRIAL / 4;

	/** Values that pass by while the memo rests. */
	private static final int REST = 16 * TRIAL;

	/** Marks a slot in use (the other bits are the answer). */
	static final long PRESENT = 1L << 62;

	/** The value counts as nothing (blank after trimming, or a null token such as N/A). */
	static final long NOTHING = 1L << 61;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	/**
	 * Per slot, {@value #STRIDE} longs (one cache line): the answer ({@link #PRESENT}, 2 bits per
	 * type: 1 weak, 2 strong; 3 bits of embedded identifiers from bit 40; the value's length from
	 * bit 48), what it wants (types that gave a sample in the low 32 bits, weak types with a
	 * recogniser in the high 32), then the value's bytes as little-endian longs, zero-padded.
	 */
	private long[] slots;

	private static final int STRIDE = 2 + WORDS;

	private static final long ANSWER_BITS = (1L << 48) - 1 | NOTHING;

	/** The value being looked up, as longs. */
	private final long[] words = new long[WORDS];

	private int wordCount;

	private int tried;

	private int hits;

	private int resting;

	private int slot;

	/** What the value last found wants. */
	private long found;

	/** Memos of one thread that may hold memory now. */
	private final int[] budget;

	/** @param budget memos of this thread that may still take memory ({@code budget[0]}), shared by them */
	ValueMemo(int[] budget) {
		this.budget = budget;
	}

	/** Whether to look this value up (false while resting, or for a value too long or empty). */
	boolean active(int length) {
		if (this.resting > 0) {
			this.resting--;
			return false;
		}
		if (length <= 0 || length > MAX_BYTES) {
			return false;
		}
		if (this.slots == null) {
			if (this.budget[0] == 0) {
				this.resting = REST;
				return false;
			}
			this.budget[0]--;
			this.slots = new long[SLOTS * STRIDE];
		}
		return true;
	}

	/** The answer remembered for {@code bytes[from, to)}, or 0; remembers the slot for {@link #put}. */
	long find(byte[] bytes, int from, int to) {
		long[] w = this.words;
		int n = 0;
		long h = to - from;
		int i = from;
		for (; i + 8 <= to; i += 8) {
			long x = (long) LONGS.get(bytes, i);
			w[n++] = x;
			h = (h ^ x) * 0x9E3779B97F4A7C15L;
		}
		if (i < to) {
			long tail = 0;
			for (int k = to - 1; k >= i; k--) {
				tail = (tail << 8) | (bytes[k] & 0xFF);
			}
			w[n++] = tail;
			h = (h ^ tail) * 0x9E3779B97F4A7C15L;
		}
		this.wordCount = n;
		int s = (int) (h ^ (h >>> 29) ^ (h >>> 47)) & (SLOTS - 1);
		this.slot = s;
		long[] slots = this.slots;
		int base = s * STRIDE;
		long answer = slots[base];
		boolean hit = answer != 0 && (answer >>> 48 & 0xFF) == to - from;
		if (hit) {
			for (int k = 0; k < n; k++) {
				if (slots[base + 2 + k] != w[k]) {
					hit = false;
					break;
				}
			}
		}
		if (hit) {
			this.hits++;
			this.found = slots[base + 1];
		}
		if (++this.tried == TRIAL) {
			if (this.hits < ENOUGH_HITS) {
				this.resting = REST;
				this.slots = null;
				this.budget[0]++;
			}
			this.tried = 0;
			this.hits = 0;
		}
		return hit ? (answer & ANSWER_BITS) | PRESENT : 0;
	}

	/** What a remembered value needs before it may be counted from memory (see {@link #find}). */
	long wants() {
		return this.found;
	}

	/** Remembers the answer for the value last given to {@link #find}. */
	void put(int length, long answer, long wants) {
		if (this.slots == null) {
			return; // the memo went to rest on this lookup
		}
		int base = this.slot * STRIDE;
		this.slots[base] = answer | PRESENT | (long) length << 48;
		this.slots[base + 1] = wants;
		System.arraycopy(this.words, 0, this.slots, base + 2, this.wordCount);
	}

}
