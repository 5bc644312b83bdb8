package cn.outbound.ledger.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects 32-byte person hashes in any order and hands them back as runs ordered by bucket (the first 16 bits),
 * with memory bounded by the run capacity whatever the input size: full runs are ordered in memory and spilled to a
 * private temporary directory; {@link Windows} sorts and merges them window by window. Files hold keyed hashes only, never identifiers, and are deleted on {@link #close()}.
 * Not thread-safe.
 */
public final class HashSpill implements AutoCloseable {

	private static final int H = PersonHasher.HASH_BYTES;

	/** Prefix of the spill directories, followed by the process id (stale ones are removed at start). */
	public static final String DIR_PREFIX = "outbound-ledger-spill-";

	private final Path parent;

	private final int capacity;

	private byte[] buf;

	private byte[] aux;

	private int[] counts;

	private int n;

	private long added;

	private Path dir;

	private final List<Path> runs = new ArrayList<>();

	private final List<Integer> runSizes = new ArrayList<>();

	private final List<Run> openRuns = new ArrayList<>();

	/**
	 * @param parent where the spill directory is made when the input outgrows one run
	 * @param capacity hashes per in-memory run (memory use is about 64 bytes per hash of capacity)
	 */
	public HashSpill(Path parent, int capacity) {
		this.parent = parent;
		this.capacity = capacity;
		this.buf = new byte[Math.min(capacity, 1024) * H];
	}

	/** Hashes added so far, duplicates included. */
	public long added() {
		return this.added;
	}

	public void add(byte[] src, int offset) {
		if (this.n == this.capacity) {
			spill();
		}
		if ((this.n + 1) * H > this.buf.length) {
			this.buf = Arrays.copyOf(this.buf, Math.min(this.capacity, this.n * 2) * H);
		}
		System.arraycopy(src, offset, this.buf, this.n * H, H);
		this.n++;
		this.added++;
	}

	/** Adds {@code count} hashes stored back to back in {@code src}. */
	public void addAll(byte[] src, int count) {
		for (int i = 0; i < count; i++) {
			add(src, i * H);
		}
	}

	/**
	 * The runs, each ordered by bucket (a hash may appear in several, and several times). The spill must not be
	 * added to afterwards; the runs are closed with it.
	 */
	public List<Run> finishRuns() {
		int m = orderByBucket();
		List<Run> out = new ArrayList<>();
		if (this.runs.isEmpty()) {
			out.add(Run.inMemory(this.buf, m));
		}
		else {
			if (m > 0) {
				writeRun(m);
			}
			this.buf = null;
			// read buffers: 64 kB each, but at most 8 MB for all the runs of this spill, however many there are
			int buffer = Math.max(4096, Math.min(1 << 16, (8 << 20) / this.runs.size()));
			for (int i = 0; i < this.runs.size(); i++) {
				out.add(Run.file(this.runs.get(i), this.runSizes.get(i), buffer));
			}
		}
		this.aux = null;
		this.counts = null;
		this.openRuns.addAll(out);
		return out;
	}

	@Override
	public void close() {
		for (Run r : this.openRuns) {
			r.close();
		}
		this.openRuns.clear();
		this.buf = null;
		this.aux = null;
		if (this.dir != null) {
			deleteTree(this.dir);
			this.dir = null;
		}
	}

	/** Deletes spill directories left by processes that no longer run (a kill leaves them behind). */
	public static void removeStale(Path parent) {
		if (parent == null || !Files.isDirectory(parent)) {
			return;
		}
		try (var list = Files.newDirectoryStream(parent, DIR_PREFIX + "*")) {
			for (Path p : list) {
				String rest = p.getFileName().toString().substring(DIR_PREFIX.length());
				int dash = rest.indexOf('-');
				try {
					long pid = Long.parseLong((dash > 0) ? rest.substring(0, dash) : rest);
					if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
						continue;
					}
				}
				catch (NumberFormatException ex) {
					continue;
				}
				deleteTree(p);
			}
		}
		catch (IOException ex) {
			// best effort: a stale spill holds keyed hashes only
		}
	}

	private void spill() {
		int m = orderByBucket();
		writeRun(m);
		this.n = 0;
	}

	private void writeRun(int m) {
		try {
			if (this.dir == null) {
				Files.createDirectories(this.parent);
				this.dir = Files.createTempDirectory(this.parent, DIR_PREFIX + ProcessHandle.current().pid() + "-");
			}
			Path run = this.dir.resolve("run-" + this.runs.size());
			try (FileChannel ch = FileChannel.open(run, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				ByteBuffer bb = ByteBuffer.wrap(this.buf, 0, m * H);
				while (bb.hasRemaining()) {
					ch.write(bb);
				}
			}
			this.runs.add(run);
			this.runSizes.add(m);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write a spill file under " + this.parent, ex);
		}
	}

	/**
	 * Orders buf[0, n) by bucket (the first 16 bits) with one counting sort; returns n. Full order and duplicates
	 * are left to {@link Windows}, which sorts each window anyway.
	 */
	private int orderByBucket() {
		int count = this.n;
		if (count < 2) {
			return count;
		}
		if (this.aux == null || this.aux.length < this.buf.length) {
			this.aux = new byte[this.buf.length];
		}
		if (this.counts == null) {
			this.counts = new int[65537];
		}
		int[] c = this.counts;
		Arrays.fill(c, 0);
		byte[] b = this.buf;
		for (int i = 0; i < count; i++) {
			c[prefix(b, i * H) + 1]++;
		}
		for (int i = 1; i < c.length; i++) {
			c[i] += c[i - 1];
		}
		byte[] a = this.aux;
		for (int i = 0; i < count; i++) {
			int p = prefix(b, i * H);
			System.arraycopy(b, i * H, a, c[p]++ * H, H);
		}
		// ordered data is in aux now; swap so that buf holds it
		this.aux = b;
		this.buf = a;
		return count;
	}

	private static int prefix(byte[] b, int off) {
		return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
	}

	/** Unsigned lexicographic comparison of two 32-byte hashes. */
	public static int compare(byte[] a, int aOff, byte[] b, int bOff) {
		return Arrays.compareUnsigned(a, aOff, aOff + H, b, bOff, bOff + H);
	}

	private static void deleteTree(Path dir) {
		try (var list = Files.list(dir)) {
			for (Path p : (Iterable<Path>) list::iterator) {
				Files.deleteIfExists(p);
			}
			Files.deleteIfExists(dir);
		}
		catch (IOException ex) {
			// best effort
		}
	}

}
