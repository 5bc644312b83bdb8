package cn.outbound.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import cn.outbound.ledger.db.LedgerException;
import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;
import cn.outbound.pii.InvalidIdentifierException;

/**
 * Reads an identifier source to the end: the calling thread copies values into batches, hashing threads normalise
 * and hash them, each into its own {@link HashSpill}. Memory is bounded by the batches in flight and the
 * spill's run, whatever the source's size. Raw values live only in those batches and are overwritten.
 */
public final class HashingReader {

	private static final int BATCH = 4096;

	/**
	 * Longest value taken as an identifier (an e-mail address is at most 254): a longer one is an invalid row, and
	 * only its first {@value #KEPT_OF_LONG} characters are copied, so that a batch stays small whatever the cells
	 * (up to {@link cn.outbound.tables.ReadLimits#cellBytes()} each) hold.
	 */
	static final int MAX_IDENTIFIER = 1024;

	private static final int KEPT_OF_LONG = 32;

	private static final String TOO_LONG = "longer than " + MAX_IDENTIFIER + " characters: not an identifier";

	private final Supplier<PersonHasher> hashers;

	private final int threads;

	public HashingReader(Supplier<PersonHasher> hashers, int threads) {
		this.hashers = hashers;
		this.threads = Math.max(1, threads);
	}

	/** Identifier values, one per row, read once (the ledger's {@code IdentifierSource}, seen from here). */
	public interface Source {

		/** Moves to the next row; false at the end. */
		boolean next();

		/** The current row's value; a view valid until the next call to {@link #next()}. */
		CharSequence value();

		/** The current row's number for messages. */
		long row();

		/** Why the current row could not be read, or null. */
		String problem();

	}

	/** What reading one source gave: the hashes sit in one spill per hashing thread. */
	public record Result(long rows, long identifiers, List<HashSpill> spills) {
	}

	/**
	 * Reads {@code source}; the hashes go to spills made by {@code spills} (one per thread, each used by its thread
	 * alone), invalid rows to {@code invalid}. On failure the spills made so far are closed.
	 * @param kind the identifiers' kind, or null to tell per value
	 */
	public Result read(Source source, IdentifierKind kind, Supplier<HashSpill> spills, InvalidRows invalid,
			LongConsumer progress, long rowsBefore) {
		BlockingQueue<Batch> free = new ArrayBlockingQueue<>(this.threads * 2 + 2);
		BlockingQueue<Batch> full = new ArrayBlockingQueue<>(this.threads * 2 + 2);
		for (int i = 0; i < this.threads * 2 + 2; i++) {
			free.add(new Batch());
		}
		List<Worker> workers = new ArrayList<>();
		for (int i = 0; i < this.threads; i++) {
			Worker w = new Worker(this.hashers.get(), kind, full, free, spills.get(), invalid);
			workers.add(w);
			Thread t = new Thread(w, "ledger-hash-" + i);
			t.setDaemon(true);
			w.thread = t;
			t.start();
		}
		long rows = 0;
		boolean ok = false;
		try {
			Batch batch = take(free, workers);
			while (source.next()) {
				rows++;
				batch.add(source.row(), source.value(), source.problem());
				if (batch.size == BATCH) {
					put(full, batch, workers);
					batch = take(free, workers);
				}
				if ((rows & 0xFFFF) == 0) {
					progress.accept(rowsBefore + rows);
				}
			}
			if (batch.size > 0) {
				put(full, batch, workers);
			}
			ok = true;
		}
		finally {
			for (int i = 0; i < workers.size(); i++) {
				putQuietly(full, Batch.END);
			}
			for (Worker w : workers) {
				try {
					w.thread.join();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new LedgerException("interrupted while reading identifiers", ex);
				}
			}
			if (!ok) {
				workers.forEach(w -> w.spill.close());
			}
		}
		for (Worker w : workers) {
			if (w.failure != null) {
				workers.forEach(x -> x.spill.close());
				throw (w.failure instanceof RuntimeException re) ? re : new LedgerException("hashing failed", w.failure);
			}
		}
		progress.accept(rowsBefore + rows);
		long identifiers = workers.stream().mapToLong(w -> w.identifiers).sum();
		return new Result(rows, identifiers, workers.stream().map(w -> w.spill).toList());
	}

	private static Batch take(BlockingQueue<Batch> free, List<Worker> workers) {
		try {
			while (true) {
				Batch b = free.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
				if (b != null) {
					b.size = 0;
					b.charCount = 0;
					return b;
				}
				checkWorkers(workers);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LedgerException("interrupted while reading identifiers", ex);
		}
	}

	private static void put(BlockingQueue<Batch> full, Batch b, List<Worker> workers) {
		try {
			while (!full.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
				checkWorkers(workers);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LedgerException("interrupted while reading identifiers", ex);
		}
	}

	private static void putQuietly(BlockingQueue<Batch> full, Batch b) {
		try {
			full.put(b);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void checkWorkers(List<Worker> workers) {
		for (Worker w : workers) {
			if (w.failure != null) {
				throw (w.failure instanceof RuntimeException re) ? re : new LedgerException("hashing failed", w.failure);
			}
		}
	}

	/** Values of up to BATCH rows, as characters back to back. */
	private static final class Batch {

		static final Batch END = new Batch();

		char[] chars = new char[BATCH * 24];

		int[] ends = new int[BATCH];

		long[] rows = new long[BATCH];

		String[] problems = new String[BATCH];

		int size;

		int charCount;

		void add(long row, CharSequence value, String problem) {
			int len = value.length();
			if (len > MAX_IDENTIFIER) {
				len = KEPT_OF_LONG;
				if (problem == null) {
					problem = TOO_LONG;
				}
			}
			if (this.charCount + len > this.chars.length) {
				this.chars = java.util.Arrays.copyOf(this.chars, Math.max(this.chars.length * 2, this.charCount + len));
			}
			if (value instanceof cn.outbound.tables.CharSlice slice) {
				System.arraycopy(slice.array(), slice.offset(), this.chars, this.charCount, len);
			}
			else {
				for (int i = 0; i < len; i++) {
					this.chars[this.charCount + i] = value.charAt(i);
				}
			}
			this.charCount += len;
			this.ends[this.size] = this.charCount;
			this.rows[this.size] = row;
			this.problems[this.size] = problem;
			this.size++;
		}

	}

	private static final class Worker implements Runnable {

		private final PersonHasher hasher;

		private final IdentifierKind kind;

		private final BlockingQueue<Batch> full;

		private final BlockingQueue<Batch> free;

		final HashSpill spill;

		private final InvalidRows invalid;

		private final byte[] out = new byte[BATCH * PersonHasher.HASH_BYTES];

		private final Slice slice = new Slice();

		volatile Throwable failure;

		long identifiers;

		Thread thread;

		Worker(PersonHasher hasher, IdentifierKind kind, BlockingQueue<Batch> full, BlockingQueue<Batch> free,
				HashSpill spill, InvalidRows invalid) {
			this.hasher = hasher;
			this.kind = kind;
			this.full = full;
			this.free = free;
			this.spill = spill;
			this.invalid = invalid;
		}

		@Override
		public void run() {
			try {
				while (true) {
					Batch b = this.full.take();
					if (b == Batch.END) {
						return;
					}
					int n = 0;
					int start = 0;
					for (int i = 0; i < b.size; i++) {
						int end = b.ends[i];
						if (b.problems[i] != null) {
							this.slice.set(b.chars, start, end - start);
							this.invalid.add(new InvalidRows.Row(b.rows[i], Identifiers.maskMiddle(this.slice), b.problems[i]));
						}
						else {
							this.slice.set(b.chars, start, end - start);
							IdentifierKind k = (this.kind != null) ? this.kind : AutoKind.of(this.slice);
							try {
								CharSequence normal = Normal.of(k, this.slice);
								this.hasher.hash(k, normal, this.out, n * PersonHasher.HASH_BYTES);
								n++;
							}
							catch (InvalidIdentifierException ex) {
								this.invalid.add(new InvalidRows.Row(b.rows[i], Identifiers.mask(k, this.slice.toString()),
										ex.getMessage()));
							}
						}
						start = end;
					}
					// wipe the raw values before the batch is reused
					java.util.Arrays.fill(b.chars, 0, b.charCount, '\0');
					this.free.put(b);
					if (n > 0) {
						this.spill.addAll(this.out, n);
						this.identifiers += n;
					}
				}
			}
			catch (Throwable ex) {
				this.failure = ex;
				// keep draining so that the reader never blocks on a dead worker
				drain();
			}
		}

		private void drain() {
			try {
				while (true) {
					Batch b = this.full.take();
					if (b == Batch.END) {
						return;
					}
					this.free.put(b);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** A reusable view on a char array. */
	private static final class Slice implements CharSequence {

		char[] a;

		int off;

		int len;

		void set(char[] a, int off, int len) {
			this.a = a;
			this.off = off;
			this.len = len;
		}

		@Override
		public int length() {
			return this.len;
		}

		@Override
		public char charAt(int index) {
			return this.a[this.off + index];
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new String(this.a, this.off + start, end - start);
		}

		@Override
		public String toString() {
			return new String(this.a, this.off, this.len);
		}

	}

}
