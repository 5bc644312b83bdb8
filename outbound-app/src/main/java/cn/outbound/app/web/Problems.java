package cn.outbound.app.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.outbound.rules.render.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes RFC 9457 {@code application/problem+json} answers. Never a stack trace: the detail is written for the
 * caller, and an unexpected failure says only that it happened and when.
 */
public final class Problems {

	/** Request attribute: a page's write refused for a missing or stale CSRF token (the error page says it expired). */
	public static final String CSRF_REFUSED = "outbound.csrfRefused";


	public static final String TYPE_PREFIX = "urn:outbound:problem:";

	public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json", StandardCharsets.UTF_8);

	public static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

	private Problems() {
	}

	public static Map<String, Object> body(ApiProblem p, String instance) {
		return body(p, instance, "en");
	}

	/** With the messages of {@code errors[]} in {@code zh} or {@code en}; the title and the detail stay English. */
	public static Map<String, Object> body(ApiProblem p, String instance, String lang) {
		return body(p.status(), p.type(), p.title(), p.getMessage(), instance, p.errors(lang));
	}

	/**
	 * The language of {@code errors[].message} for a request: Chinese when its {@code Accept-Language} prefers Chinese
	 * to English (e.g. {@code zh-CN}, {@code zh;q=0.9, en;q=0.8}), otherwise English, the API's default, also when the
	 * header is missing or malformed.
	 */
	public static String lang(HttpServletRequest request) {
		String header = (request != null) ? request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) : null;
		if (header == null || header.isBlank()) {
			return "en";
		}
		try {
			String best = Locale.lookupTag(Locale.LanguageRange.parse(header), List.of("zh", "en"));
			return "zh".equals(best) ? "zh" : "en";
		}
		catch (IllegalArgumentException ex) {
			return "en";
		}
	}

	public static Map<String, Object> body(int status, String type, String title, String detail, String instance,
			List<Map<String, Object>> errors) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.startsWith("urn:") || type.equals("about:blank") ? type : TYPE_PREFIX + type);
		body.put("title", title);
		body.put("status", status);
		if (detail != null) {
			body.put("detail", detail);
		}
		if (instance != null) {
			body.put("instance", instance);
		}
		if (errors != null && !errors.isEmpty()) {
			body.put("errors", errors);
		}
		return body;
	}

	public static ResponseEntity<String> entity(ApiProblem p, String instance) {
		return ResponseEntity.status(p.status()).contentType(PROBLEM_JSON).body(Json.compact(body(p, instance)));
	}

	/** As {@link #entity(ApiProblem, String)}, with document problems in the request's language ({@link #lang}). */
	public static ResponseEntity<String> entity(ApiProblem p, HttpServletRequest request) {
		if (!p.hasDocumentProblems()) {
			return entity(p, request.getRequestURI());
		}
		String lang = lang(request);
		return ResponseEntity.status(p.status())
			.contentType(PROBLEM_JSON)
			.header(HttpHeaders.CONTENT_LANGUAGE, lang)
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
			.body(Json.compact(body(p, request.getRequestURI(), lang)));
	}

	public static void write(HttpServletResponse response, HttpServletRequest request, ApiProblem p)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(p.status());
		response.setContentType(PROBLEM_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		byte[] bytes = Json.compact(body(p, request.getRequestURI())).getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
		response.flushBuffer();
	}

	public static ApiProblem unauthorized() {
		return new ApiProblem(401, "unauthorized", "Authentication required",
				"Send an API token (Authorization: Bearer obt_…) or sign in; the token was missing, unknown or revoked.");
	}

	public static ApiProblem forbidden() {
		return new ApiProblem(403, "forbidden", "Not allowed",
				"Your role does not allow this. ANALYST creates decisions and assessments, ADMIN manages users, rule packs and the audit log, VIEWER reads.");
	}

	/** A session's write without its CSRF token (a call with an API token needs none). */
	public static ApiProblem csrf() {
		return new ApiProblem(403, "csrf-token-missing", "CSRF token missing or wrong",
				"This call rides on a browser session, so it must carry the session's CSRF token (header X-CSRF-TOKEN or "
						+ "form field _csrf); or call with an API token (Authorization: Bearer obt_…) instead.");
	}

	public static ApiProblem tooLarge(long max) {
		return new ApiProblem(413, "payload-too-large", "Request body too large",
				"The request body is larger than " + max + " bytes, the most this server accepts.");
	}

	public static ApiProblem timeout() {
		return new ApiProblem(408, "request-timeout", "Request body too slow",
				"The request body did not arrive in time; the connection was closed.");
	}

}
