package cn.outbound.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import cn.outbound.tables.CappedInputStream;

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
	 * {@link TimeoutException} after {@code deadlineNanos} ({@link System#nanoTime()}) or a socket timeout: the table
	 * module's one capped stream ({@link CappedInputStream}), with this door's exceptions.
	 */
	public static InputStream limited(InputStream in, long max, long deadlineNanos) {
		return new CappedInputStream(in, max, deadlineNanos) {

			@Override
			protected IOException tooLarge() {
				// qualified: the capped stream's own exception types are in scope here
				return new Uploads.TooLargeException();
			}

			@Override
			protected IOException timedOut() {
				return new Uploads.TimeoutException();
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
