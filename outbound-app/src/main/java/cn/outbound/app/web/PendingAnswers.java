package cn.outbound.app.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questionnaire's answers of a request that could not be taken because the session had ended or the page's CSRF
 * token was missing: kept for half an hour under a random id in an HttpOnly cookie, so that after signing in again the
 * person returns to the form with every answer (and the answers are saved as a draft at once). Nothing else is kept:
 * no identity, no other page's form; at most {@value #MAX_FIELDS} fields. Kept in the database, so that the sign-in
 * and the return may land on different instances.
 */
@Component
public class PendingAnswers {

	public static final String COOKIE = "outbound-resume";

	static final int MAX_FIELDS = 500;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String[]>> FIELDS = new TypeReference<>() {
	};

	private final ShortTermStore<Map<String, String[]>> kept;

	public PendingAnswers(DataSource dataSource) {
		this.kept = new ShortTermStore<>(dataSource, "pending-answers", 500, Duration.ofMinutes(30),
				new ShortTermStore.Codec<>() {

					@Override
					public byte[] write(Map<String, String[]> value) {
						return JSON.writeValueAsBytes(value);
					}

					@Override
					public Map<String, String[]> read(byte[] bytes) {
						return JSON.readValue(bytes, FIELDS);
					}

				});
	}

	/** Whether the request is one whose answers are worth keeping: the questionnaire's submission. */
	public static boolean applies(HttpServletRequest request) {
		return "POST".equals(request.getMethod())
				&& (request.getContextPath() + "/assess").equals(request.getRequestURI());
	}

	/**
	 * Keeps the request's form fields as sent (at most {@value #MAX_FIELDS}; the body itself is bounded by the form-body
	 * filter) and sets the cookie that finds them again. What a field may hold is the questionnaire's to decide when
	 * they come back.
	 */
	public void keep(HttpServletRequest request, HttpServletResponse response) {
		Map<String, String[]> values = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
			if (values.size() >= MAX_FIELDS) {
				break;
			}
			if (!"_csrf".equals(e.getKey())) { // no token is kept, stale or not
				values.put(e.getKey(), e.getValue().clone());
			}
		}
		String id = this.kept.put("", values);
		Cookie cookie = new Cookie(COOKIE, id);
		cookie.setHttpOnly(true);
		cookie.setPath("/");
		cookie.setMaxAge(30 * 60);
		cookie.setSecure(request.isSecure());
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	/** Whether the browser holds kept answers. */
	public boolean waiting(HttpServletRequest request) {
		String id = id(request);
		return id != null && this.kept.get(id, "").isPresent();
	}

	/** Takes the kept answers out (a second call finds nothing) and clears the cookie. */
	public Optional<Map<String, String[]>> take(HttpServletRequest request, HttpServletResponse response) {
		String id = id(request);
		Cookie clear = new Cookie(COOKIE, "");
		clear.setPath("/");
		clear.setMaxAge(0);
		response.addCookie(clear);
		return (id != null) ? this.kept.remove(id, "") : Optional.empty();
	}

	private static String id(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie c : request.getCookies()) {
				if (COOKIE.equals(c.getName()) && c.getValue().matches("[0-9a-f]{32}")) {
					return c.getValue();
				}
			}
		}
		return null;
	}

}
