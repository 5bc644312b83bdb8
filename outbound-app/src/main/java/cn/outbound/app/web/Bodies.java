package cn.outbound.app.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;

/**
 * Reads request bodies with a size limit (413) and a deadline (408), so that a large or slow body cannot hold a
 * worker thread for long.
 */
public final class Bodies {

	private Bodies() {
	}

	public static byte[] read(HttpServletRequest request, long max, long deadlineNanos) {
		long declared = request.getContentLengthLong();
		if (declared > max) {
			throw Problems.tooLarge(max);
		}
		// the cap and the deadline are the uploads' own (Uploads.limited); the body is small, so it is read whole
		try (InputStream in = Uploads.limited(request.getInputStream(), max, deadlineNanos)) {
			ByteArrayOutputStream out = new ByteArrayOutputStream((declared > 0) ? (int) declared : 1024);
			byte[] buffer = new byte[(declared > 0 && declared < 8192) ? (int) declared + 1 : 8192];
			int n;
			while ((n = in.read(buffer)) != -1) {
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
		catch (Uploads.TooLargeException ex) {
			throw Problems.tooLarge(max);
		}
		catch (Uploads.TimeoutException ex) {
			throw Problems.timeout();
		}
		catch (IOException ex) {
			throw new ApiProblem(400, "unreadable-body", "Unreadable request body",
					"The request body could not be read to its end.");
		}
	}

	/** JSON, or no content type at all, is accepted; anything else is 415. */
	public static void requireJson(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null || type.equals("application/json") || type.startsWith("application/json;")) {
			return;
		}
		try {
			MediaType mt = MediaType.parseMediaType(type);
			if (mt.isCompatibleWith(MediaType.APPLICATION_JSON) || mt.getSubtype().endsWith("+json")) {
				return;
			}
		}
		catch (RuntimeException ex) {
			// fall through: an unparsable content type is unsupported
		}
		throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
				"Send the body as application/json.");
	}

}
