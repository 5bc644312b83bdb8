package cn.outbound.app.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

	/** The most a small JSON object body ({@link #object}) may take. */
	public static final int MAX_OBJECT_BYTES = 64 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A small JSON object sent to the API: 415 unless JSON, 413 over {@link #MAX_OBJECT_BYTES}, 400 malformed-json
	 * unless it parses, 400 naming {@code body} with the expected {@code shape} unless it is an object, and 400 naming
	 * the first field not in {@code allowed}.
	 */
	public static JsonNode object(HttpServletRequest request, long deadlineNanos, String shape, List<String> allowed) {
		requireJson(request);
		byte[] bytes = read(request, MAX_OBJECT_BYTES, deadlineNanos);
		JsonNode body;
		try {
			body = JSON.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new ApiProblem(400, "malformed-json", "Malformed JSON", "The body is not JSON.");
		}
		if (body == null || !body.isObject()) {
			throw ApiProblem.badParameter("body", "send " + shape);
		}
		for (String name : body.propertyNames()) {
			if (!allowed.contains(name)) {
				throw ApiProblem.badParameter(name, "unknown field; allowed: " + String.join(", ", allowed));
			}
		}
		return body;
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
