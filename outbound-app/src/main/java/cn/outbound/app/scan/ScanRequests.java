package cn.outbound.app.scan;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.Multipart;
import cn.outbound.app.web.Uploads;
import cn.outbound.pii.detect.SensitivityStandard;
import cn.outbound.scan.ScanSettings;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a scan request, the page's form or an API call alike: {@code multipart/form-data} with the file in the
 * field {@code file} (options as fields before it, or in the query string), or the file as the raw body with the
 * options in the query string ({@code fileName}, {@code format}, {@code asOf}, {@code standard},
 * {@code description}, {@code idColumn}). The file goes straight to a temporary file; nothing else is buffered
 * beyond a few kilobytes per option.
 */
final class ScanRequests {

	/** Room for the form's other fields and the part headers, on top of the file's own limit. */
	static final long FORM_OVERHEAD = 1024 * 1024;

	static final int MAX_DESCRIPTION = 1000;

	private static final Set<String> OPTIONS = Set.of("asOf", "standard", "description", "idColumn", "fileName",
			"format");

	private ScanRequests() {
	}

	/** The upload and how to scan it; closing it deletes the upload. */
	record Parsed(DatasetScans.Received upload, ScanSettings settings, String field) implements AutoCloseable {

		@Override
		public void close() {
			this.upload.close();
		}

	}

	/**
	 * Reads the request.
	 * @param raw whether a body that is not multipart is the file itself (the API); otherwise it is refused (the page)
	 * @throws ApiProblem 400 a bad option or upload, 408, 413; nothing is kept then
	 */
	static Parsed read(HttpServletRequest request, DatasetScans scans, boolean raw) throws IOException {
		long max = scans.maxUpload();
		if (request.getContentLengthLong() > max + FORM_OVERHEAD) {
			throw scans.tooLarge(max);
		}
		// the query string only: getParameter would read a form-encoded body, which here is the file
		Map<String, String> options = query(request.getQueryString());
		InputStream body = Uploads.limited(request.getInputStream(), max + FORM_OVERHEAD, scans.deadline());
		String boundary = Multipart.boundary(request.getContentType());
		DatasetScans.Received upload = null;
		String field;
		try {
			if (boundary != null) {
				field = "file";
				Multipart parts = new Multipart(body, boundary);
				for (Multipart.Part part = parts.next(); part != null; part = parts.next()) {
					if (part.name().equals("file") && upload == null) {
						if (part.fileName() == null && options.get("fileName") == null) {
							continue;
						}
						upload = scans.receive(part.body(), (part.fileName() != null && !part.fileName().isEmpty())
								? part.fileName() : options.get("fileName"), blank(options.get("format")), field);
					}
					else if (OPTIONS.contains(part.name())) {
						String value = part.text(part.name().equals("description") ? 4 * MAX_DESCRIPTION : 4096).strip();
						if (!value.isEmpty()) {
							options.merge(part.name(), value, (a, b) -> a + "," + b);
						}
					}
				}
				if (upload == null) {
					throw new ApiProblem(400, "invalid-parameter", "No file", "file: choose a file to scan",
							List.of(ApiProblem.parameterError("file", "required: the table to scan")));
				}
			}
			else if (raw) {
				field = "body";
				upload = scans.receive(body, options.get("fileName"), blank(options.get("format")), field);
			}
			else {
				throw new ApiProblem(400, "unreadable-body", "Not a file upload", "Send the form as multipart/form-data.");
			}
			return new Parsed(upload, settings(options), field);
		}
		catch (Uploads.TooLargeException ex) {
			close(upload);
			throw scans.tooLarge(max);
		}
		catch (Uploads.TimeoutException ex) {
			close(upload);
			throw new ApiProblem(408, "request-timeout", "Upload too slow", "The upload did not arrive in time; nothing was kept.");
		}
		catch (Multipart.MalformedException ex) {
			close(upload);
			throw new ApiProblem(400, "unreadable-body", "Unreadable upload", "The multipart body is malformed: "
					+ ex.getMessage() + "; nothing was kept.");
		}
		catch (IOException | RuntimeException ex) {
			close(upload);
			throw ex;
		}
	}

	/**
	 * The scanner's settings from the options.
	 * @throws ApiProblem 400 naming the parameter that is wrong
	 */
	static ScanSettings settings(Map<String, String> options) {
		LocalDate asOf = LocalDate.now();
		String date = blank(options.get("asOf"));
		if (date != null) {
			try {
				asOf = LocalDate.parse(date);
			}
			catch (DateTimeParseException ex) {
				throw ApiProblem.badParameter("asOf", "expected a date like 2026-06-30");
			}
		}
		SensitivityStandard standard = SensitivityStandard.defaultStandard();
		String s = blank(options.get("standard"));
		if (s != null) {
			try {
				standard = SensitivityStandard.valueOf(s.toUpperCase(Locale.ROOT).replace('/', '_').replace(' ', '_')
					.replace("GB_T_35273-2020", "GB_T_35273"));
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.badParameter("standard", "one of PIPL, GB_T_35273, TC260");
			}
		}
		String description = blank(options.get("description"));
		if (description != null && description.length() > MAX_DESCRIPTION) {
			throw ApiProblem.badParameter("description", "at most " + MAX_DESCRIPTION + " characters");
		}
		List<String> idColumns = new ArrayList<>();
		String columns = blank(options.get("idColumn"));
		if (columns != null) {
			for (String c : columns.split("[,，]")) {
				if (!c.isBlank()) {
					idColumns.add(c.strip());
				}
			}
		}
		return new ScanSettings(asOf, standard, idColumns, description, false, ScanSettings.DEFAULT_CONFIRM_SAMPLE);
	}

	static Map<String, String> query(String query) {
		Map<String, String> options = new LinkedHashMap<>();
		if (query == null) {
			return options;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			String name = decode((eq >= 0) ? pair.substring(0, eq) : pair);
			if (OPTIONS.contains(name)) {
				options.merge(name, decode((eq >= 0) ? pair.substring(eq + 1) : ""), (a, b) -> a + "," + b);
			}
		}
		return options;
	}

	private static String decode(String s) {
		try {
			return URLDecoder.decode(s, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.badParameter("query", "not URL-encoded");
		}
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private static void close(DatasetScans.Received upload) {
		if (upload != null) {
			upload.close();
		}
	}

}
