package cn.outbound.tables;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * The one size-capped stream for uploads and request bodies: reading fails once more than {@code max} bytes have
 * arrived ({@link TooLargeException}, and {@link #exceeded()} tells afterwards, also when a reader wrapped the failure)
 * and, with a deadline, once the deadline ({@link System#nanoTime()}) has passed or the connection went silent past its
 * socket timeout ({@link TimeoutException}). Nothing past the cap is read. A door that wants exceptions of its own
 * overrides {@link #tooLarge()} and {@link #timedOut()}.
 */
public class CappedInputStream extends FilterInputStream {

	/** More bytes arrived than allowed. */
	public static class TooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		public TooLargeException() {
			super("the body is larger than allowed");
		}

	}

	/** The body did not arrive in time (or the connection went silent). */
	public static class TimeoutException extends IOException {

		private static final long serialVersionUID = 1L;

		public TimeoutException() {
			super("the body did not arrive in time");
		}

	}

	private final long max;

	private final long deadlineNanos;

	private final boolean timed;

	private long total;

	private volatile boolean exceeded;

	/** {@code in}, cut off after {@code max} bytes. */
	public CappedInputStream(InputStream in, long max) {
		super(in);
		this.max = max;
		this.deadlineNanos = 0;
		this.timed = false;
	}

	/** {@code in}, cut off after {@code max} bytes and at {@code deadlineNanos} ({@link System#nanoTime()}). */
	public CappedInputStream(InputStream in, long max, long deadlineNanos) {
		super(in);
		this.max = max;
		this.deadlineNanos = deadlineNanos;
		this.timed = true;
	}

	/** Whether more than the cap arrived (reading was refused). */
	public boolean exceeded() {
		return this.exceeded;
	}

	/** Bytes read so far. */
	public long count() {
		return this.total;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return (n < 0) ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (this.timed && System.nanoTime() - this.deadlineNanos > 0) {
			throw timedOut();
		}
		int n;
		try {
			n = super.read(b, off, len);
		}
		catch (SocketTimeoutException ex) {
			if (!this.timed) {
				throw ex;
			}
			throw timedOut();
		}
		if (n > 0) {
			this.total += n;
			if (this.total > this.max) {
				this.exceeded = true;
				throw tooLarge();
			}
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		// skipped bytes arrived too: read them, so that they count
		byte[] sink = new byte[(int) Math.min(8192, Math.max(n, 1))];
		long skipped = 0;
		while (skipped < n) {
			int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
			if (r < 0) {
				break;
			}
			skipped += r;
		}
		return skipped;
	}

	/** The exception for more than the cap; {@link TooLargeException} unless overridden. */
	protected IOException tooLarge() {
		return new TooLargeException();
	}

	/** The exception for a missed deadline; {@link TimeoutException} unless overridden. */
	protected IOException timedOut() {
		return new TimeoutException();
	}

}
