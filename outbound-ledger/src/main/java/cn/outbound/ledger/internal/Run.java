package cn.outbound.ledger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sequence of 32-byte hashes ordered by bucket (one spill run), read forward through a buffer: the current hash
 * is at {@link #buffer()}[{@link #offset()}]. In memory or in a spill file.
 */
public final class Run implements AutoCloseable {

	private static final int H = PersonHasher.HASH_BYTES;

	private final long size;

	private final InputStream in;

	private byte[] buf;

	private int pos;

	private int limit;

	private Run(long size, byte[] buf, int limit, InputStream in) {
		this.size = size;
		this.buf = buf;
		this.limit = limit;
		this.in = in;
	}

	static Run inMemory(byte[] data, int count) {
		return new Run(count, data, count * H, null);
	}

	/** A run in a file, read through a buffer of {@code bufferBytes} (rounded down to whole hashes). */
	static Run file(Path path, long count, int bufferBytes) {
		try {
			Run r = new Run(count, new byte[Math.max(H, bufferBytes / H * H)], 0, Files.newInputStream(path));
			r.refill();
			return r;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read a spill file", ex);
		}
	}

	/** Hashes in the run. */
	public long size() {
		return this.size;
	}

	/** Whether there is a current hash. */
	public boolean hasCurrent() {
		return this.pos < this.limit;
	}

	public byte[] buffer() {
		return this.buf;
	}

	public int offset() {
		return this.pos;
	}

	/** The bucket of the current hash. */
	public int bucket() {
		return PersonDirectory.bucket(this.buf, this.pos);
	}

	public void advance() {
		this.pos += H;
		if (this.pos >= this.limit && this.in != null) {
			refill();
		}
	}

	private void refill() {
		try {
			int n = this.in.readNBytes(this.buf, 0, this.buf.length);
			if (n % H != 0) {
				throw new IllegalStateException("a spill file was cut short");
			}
			this.pos = 0;
			this.limit = n;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read a spill file", ex);
		}
	}

	@Override
	public void close() {
		this.buf = null;
		this.pos = 0;
		this.limit = 0;
		if (this.in != null) {
			try {
				this.in.close();
			}
			catch (IOException ex) {
				// nothing to do
			}
		}
	}

}
