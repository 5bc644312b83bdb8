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
 * Collects 32-byte person hashes in any order and hands them back as sorted, distinct runs, with memory bounded by
 * the run capacity whatever the input size: full runs are sorted in memory and spilled to a private temporary
 * directory; {@link Windows} merges the runs. Files hold keyed hashes only, never identifiers, and are deleted on {@link #close()}.
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
	 * The sorted, distinct runs (each sorted and distinct; a hash may be in several). The spill must not be added to
	 * afterwards; the runs are closed with it.
	 */
	public List<Run> finishRuns() {
		int m = sortDistinct();
		List<Run> out = new ArrayList<>();
		if (this.runs.isEmpty()) {
			out.add(Run.inMemory(this.buf, m));
		}
		else {
			if (m > 0) {
				writeRun(m);
			}
			this.buf = null;
			for (int i = 0; i < this.runs.size(); i++) {
				out.add(Run.file(this.runs.get(i), this.runSizes.get(i)));
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
		int m = sortDistinct();
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

	/** Sorts buf[0, n) and removes duplicates; returns the new count. */
	private int sortDistinct() {
		int count = this.n;
		if (count < 64) {
			insertionSort(this.buf, 0, count);
			return dedupe(this.buf, count);
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
		int[] start = c.clone();
		byte[] a = this.aux;
		for (int i = 0; i < count; i++) {
			int p = prefix(b, i * H);
			System.arraycopy(b, i * H, a, c[p]++ * H, H);
		}
		for (int g = 0; g < 65536; g++) {
			int from = start[g];
			int to = start[g + 1];
			if (to - from > 1) {
				insertionSort(a, from, to);
			}
		}
		// sorted data is in aux now; swap so that buf holds it
		this.aux = b;
		this.buf = a;
		return dedupe(this.buf, count);
	}

	private static int prefix(byte[] b, int off) {
		return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
	}

	private static void insertionSort(byte[] a, int from, int to) {
		byte[] tmp = new byte[H];
		for (int i = from + 1; i < to; i++) {
			int j = i - 1;
			if (compare(a, j * H, a, i * H) <= 0) {
				continue;
			}
			System.arraycopy(a, i * H, tmp, 0, H);
			while (j >= from && compare(a, j * H, tmp, 0) > 0) {
				j--;
			}
			System.arraycopy(a, (j + 1) * H, a, (j + 2) * H, (i - j - 1) * H);
			System.arraycopy(tmp, 0, a, (j + 1) * H, H);
		}
	}

	private static int dedupe(byte[] a, int count) {
		if (count == 0) {
			return 0;
		}
		int w = 1;
		for (int r = 1; r < count; r++) {
			if (compare(a, r * H, a, (w - 1) * H) != 0) {
				if (w != r) {
					System.arraycopy(a, r * H, a, w * H, H);
				}
				w++;
			}
		}
		return w;
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
