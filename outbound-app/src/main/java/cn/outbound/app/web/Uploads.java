package cn.outbound.app.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * Request bodies read as streams (file uploads): a cap on the bytes read and a deadline for the whole body, each
 * failing with its own exception so that the caller answers 413 or 408.
 */
public final class Uploads {

	private Uploads() {
	}

	/** More bytes arrived than allowed. */
	public static final class TooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		TooLargeException() {
			super("the body is larger than allowed");
		}

	}

	/** The body did not arrive in time (or the connection went silent). */
	public static final class TimeoutException extends IOException {

		private static final long serialVersionUID = 1L;

		TimeoutException() {
			super("the body did not arrive in time");
		}

	}

	/**
	 * {@code in}, failing with {@link TooLargeException} once more than {@code max} bytes have been read and with
	 * {@link TimeoutException} after {@code deadlineNanos} ({@link System#nanoTime()}) or a socket timeout.
	 */
	public static InputStream limited(InputStream in, long max, long deadlineNanos) {
		return new FilterInputStream(in) {

			private long total;

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				int n = read(one, 0, 1);
				return (n < 0) ? -1 : one[0] & 0xFF;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				if (System.nanoTime() - deadlineNanos > 0) {
					throw new TimeoutException();
				}
				int n;
				try {
					n = super.read(b, off, len);
				}
				catch (SocketTimeoutException ex) {
					throw new TimeoutException();
				}
				if (n > 0) {
					this.total += n;
					if (this.total > max) {
						throw new TooLargeException();
					}
				}
				return n;
			}

		};
	}

	/** A byte count as people write it: {@code 200 MB}, {@code 1 MB}, {@code 512 KB}. */
	public static String size(long bytes) {
		if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) {
			return (bytes >> 30) + " GB";
		}
		if (bytes >= 1024 * 1024) {
			double mb = bytes / (1024.0 * 1024);
			return (mb == Math.rint(mb)) ? (long) mb + " MB" : String.format(Locale.ROOT, "%.1f MB", mb);
		}
		if (bytes >= 1024) {
			return (bytes / 1024) + " KB";
		}
		return bytes + " B";
	}

}
