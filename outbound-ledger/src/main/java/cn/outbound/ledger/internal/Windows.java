package cn.outbound.ledger.internal;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import cn.outbound.ledger.db.LedgerException;

/**
 * The distinct hashes of an event's parts, in ascending order, cut into windows of consecutive buckets of about
 * {@value #TARGET} hashes each. A window gathers its buckets' hashes from every run (a spill run per thread
 * and per memory load), sorts them by a packed 64-bit key and merges equal hashes, recording which parts hold each.
 * A background thread prepares the next windows while the caller works on the database.
 *
 * <p>
 * Optionally feeds two digests: one with every hash in order, one with every parts mask in order (both independent
 * of how the hashes were cut into runs and windows).
 */
public final class Windows implements AutoCloseable {

	static final int TARGET = 1 << 16;

	private static final int H = PersonHasher.HASH_BYTES;

	private static final int INDEX_BITS = 20;

	private static final int BUCKETS = 1 << PersonDirectory.BUCKET_BITS;

	/** One window: hashes sorted and distinct, with the parts holding each. */
	public static final class Window {

		byte[] hashes = new byte[TARGET * H];

		int[] parts = new int[TARGET];

		int size;

		private byte[] raw = new byte[TARGET * H];

		private int[] rawParts = new int[TARGET];

		private long[] keys = new long[TARGET];

		private int rawSize;

		public int size() {
			return this.size;
		}

		public byte[] hashes() {
			return this.hashes;
		}

		public int parts(int i) {
			return this.parts[i];
		}

		void addRaw(byte[] src, int off, int part) {
			if (this.rawSize == this.rawParts.length) {
				int n = this.rawSize * 2;
				this.raw = Arrays.copyOf(this.raw, n * H);
				this.rawParts = Arrays.copyOf(this.rawParts, n);
			}
			System.arraycopy(src, off, this.raw, this.rawSize * H, H);
			this.rawParts[this.rawSize] = 1 << part;
			this.rawSize++;
		}

		/** Sorts the raw entries into hashes/parts, merging equal hashes. */
		void sortDistinct() {
			int n = this.rawSize;
			if (this.hashes.length < n * H) {
				this.hashes = new byte[n * H];
				this.parts = new int[n];
			}
			int[] order = new int[n];
			if (n < (1 << INDEX_BITS)) {
				if (this.keys.length < n) {
					this.keys = new long[n];
				}
				long[] k = this.keys;
				for (int i = 0; i < n; i++) {
					long prefix = (long) LONGS.get(this.raw, i * H);
					// unsigned order of the first 44 bits, then the index; sign flipped for a signed sort
					k[i] = (((prefix >>> INDEX_BITS) << INDEX_BITS) | i) ^ Long.MIN_VALUE;
				}
				Arrays.sort(k, 0, n);
				for (int i = 0; i < n; i++) {
					order[i] = (int) ((k[i] ^ Long.MIN_VALUE) & ((1 << INDEX_BITS) - 1));
				}
				// equal 44-bit prefixes (duplicates, or rarely different hashes): order them by the whole hash
				int i = 0;
				while (i < n) {
					long p = (k[i] ^ Long.MIN_VALUE) >>> INDEX_BITS;
					int j = i + 1;
					while (j < n && ((k[j] ^ Long.MIN_VALUE) >>> INDEX_BITS) == p) {
						j++;
					}
					if (j - i > 1) {
						insertionSort(order, i, j);
					}
					i = j;
				}
			}
			else {
				Integer[] boxed = new Integer[n];
				for (int i = 0; i < n; i++) {
					boxed[i] = i;
				}
				Arrays.sort(boxed, (a, b) -> HashSpill.compare(this.raw, a * H, this.raw, b * H));
				for (int i = 0; i < n; i++) {
					order[i] = boxed[i];
				}
			}
			int out = 0;
			for (int i = 0; i < n; i++) {
				int src = order[i];
				if (out > 0 && HashSpill.compare(this.raw, src * H, this.hashes, (out - 1) * H) == 0) {
					this.parts[out - 1] |= this.rawParts[src];
					continue;
				}
				System.arraycopy(this.raw, src * H, this.hashes, out * H, H);
				this.parts[out] = this.rawParts[src];
				out++;
			}
			this.size = out;
			this.rawSize = 0;
		}

		private void insertionSort(int[] order, int from, int to) {
			for (int i = from + 1; i < to; i++) {
				int v = order[i];
				int j = i - 1;
				while (j >= from && HashSpill.compare(this.raw, order[j] * H, this.raw, v * H) > 0) {
					order[j + 1] = order[j];
					j--;
				}
				order[j + 1] = v;
			}
		}

	}

	private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
		.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

	private static final Window END = new Window();

	private final List<List<Run>> parts;

	private final int span;

	private final MessageDigest hashDigest;

	private final MessageDigest partsDigest;

	private final BlockingQueue<Window> free = new ArrayBlockingQueue<>(4);

	private final BlockingQueue<Window> full = new ArrayBlockingQueue<>(4);

	private final Thread producer;

	private volatile Throwable failure;

	private volatile boolean closed;

	private int lo;

	private boolean ended;

	/**
	 * @param parts per part, its runs (each ordered by bucket)
	 * @param hashDigest fed with every hash in order, or null
	 * @param partsDigest fed with every parts mask (one byte) in order, or null
	 */
	public Windows(List<List<Run>> parts, MessageDigest hashDigest, MessageDigest partsDigest) {
		if (parts.size() > 8) {
			throw new IllegalArgumentException("at most 8 parts");
		}
		this.parts = parts;
		long total = parts.stream().flatMap(List::stream).mapToLong(Run::size).sum();
		this.span = (int) Math.max(1, Math.min(BUCKETS, (long) TARGET * BUCKETS / Math.max(1, total)));
		this.hashDigest = hashDigest;
		this.partsDigest = partsDigest;
		for (int i = 0; i < 3; i++) {
			this.free.add(new Window());
		}
		this.producer = new Thread(this::produce, "ledger-windows");
		this.producer.setDaemon(true);
		this.producer.start();
	}

	/** The next window, or null at the end. Give it back with {@link #release} when done with it. */
	public Window next() {
		if (this.ended) {
			return null;
		}
		try {
			while (true) {
				Window w = this.full.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
				if (w == END) {
					this.ended = true;
					return null;
				}
				if (w != null) {
					return w;
				}
				if (this.failure != null) {
					throw (this.failure instanceof RuntimeException re) ? re
							: new LedgerException("preparing hashes failed", this.failure);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LedgerException("interrupted", ex);
		}
	}

	public void release(Window w) {
		this.free.offer(w);
	}

	private void produce() {
		try {
			while (!this.closed) {
				Window w = this.free.take();
				if (!fill(w)) {
					this.full.put(END);
					return;
				}
				this.full.put(w);
			}
		}
		catch (InterruptedException ex) {
			// closed
		}
		catch (Throwable ex) {
			this.failure = ex;
		}
	}

	/** Fills {@code w} with the next non-empty window; false at the end. */
	private boolean fill(Window w) {
		while (this.lo < BUCKETS) {
			int hi = Math.min(BUCKETS, this.lo + this.span);
			for (int p = 0; p < this.parts.size(); p++) {
				for (Run r : this.parts.get(p)) {
					while (r.hasCurrent() && r.bucket() < hi) {
						w.addRaw(r.buffer(), r.offset(), p);
						r.advance();
					}
				}
			}
			this.lo = hi;
			if (w.rawSize > 0) {
				w.sortDistinct();
				if (this.hashDigest != null) {
					this.hashDigest.update(w.hashes, 0, w.size * H);
				}
				if (this.partsDigest != null) {
					byte[] b = new byte[w.size];
					for (int i = 0; i < w.size; i++) {
						b[i] = (byte) w.parts[i];
					}
					this.partsDigest.update(b);
				}
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		this.closed = true;
		this.producer.interrupt();
		try {
			this.producer.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
