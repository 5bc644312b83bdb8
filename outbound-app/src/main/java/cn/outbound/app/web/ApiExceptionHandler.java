package cn.outbound.app.web;

import java.util.UUID;

import cn.outbound.ledger.db.DatabaseErrors;
import cn.outbound.service.decision.RejectedRequest;
import cn.outbound.service.org.Denied;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of an API request into an RFC 9457 problem. Never a stack trace; an unexpected failure is
 * logged with an incident id that the answer carries.
 */
@RestControllerAdvice(basePackages = "cn.outbound.app")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<String> problem(ApiProblem ex, HttpServletRequest request) {
		return Problems.entity(ex, request);
	}

	/** A request the application layer refused (a scenario, an envelope, a title, an idempotency key). */
	@ExceptionHandler(RejectedRequest.class)
	ResponseEntity<String> rejected(RejectedRequest ex, HttpServletRequest request) {
		return Problems.entity(ApiProblem.of(ex), request);
	}

	/**
	 * #13: what the service layer refuses for who asks (another organisation's row is 404, worded as a missing one; a
	 * role that may not is 403): a problem for the API, the error page for a page.
	 */
	@ExceptionHandler(Denied.class)
	Object denied(Denied ex, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
		int status = ex.kind().status();
		if (!request.getRequestURI().startsWith("/api/")) {
			response.setStatus(status);
			request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, status);
			return new org.springframework.web.servlet.ModelAndView("forward:/error");
		}
		ApiProblem p = switch (ex.kind()) {
			case NOT_FOUND -> ApiProblem.notFound(ex.getMessage());
			case FORBIDDEN -> new ApiProblem(403, "forbidden", "Forbidden", ex.getMessage());
			case CONFLICT -> new ApiProblem(409, "conflict", "Conflict", ex.getMessage());
			case INVALID -> ApiProblem.badParameter((ex.field() != null) ? ex.field() : "request", ex.getMessage());
		};
		return Problems.entity(p, request.getRequestURI());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		if (!request.getRequestURI().startsWith("/api/")) {
			// a page: the app's error page in the page's language, naming the parameter and what it takes
			Class<?> type = ex.getRequiredType();
			boolean number = type != null && (Number.class.isAssignableFrom(type) || type == long.class
					|| type == int.class);
			return page(request, response, number ? "error.badParameter.number" : "error.badParameter", ex.getName(),
					clip(String.valueOf(ex.getValue())));
		}
		return Problems.entity(ApiProblem.badParameter(ex.getName(), "'" + clip(String.valueOf(ex.getValue()))
				+ "' is not a valid " + ((ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "value")),
				request.getRequestURI());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missing(MissingServletRequestParameterException ex, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		if (!request.getRequestURI().startsWith("/api/")) {
			return page(request, response, "error.missingParameter", ex.getParameterName(), "");
		}
		return Problems.entity(ApiProblem.badParameter(ex.getParameterName(), "required"), request.getRequestURI());
	}

	/** Attribute naming the message key and arguments the error page shows (set before forwarding to it). */
	static final String PAGE_MESSAGE = ApiExceptionHandler.class.getName() + ".message";

	/** A bad request to a page: the error page (400) with a message naming the parameter. */
	private static org.springframework.web.servlet.ModelAndView page(HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response, String key, String parameter, String value) {
		response.setStatus(400);
		request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 400);
		request.setAttribute(PAGE_MESSAGE, new Object[] { key, parameter, value });
		return new org.springframework.web.servlet.ModelAndView("forward:/error");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<String> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return Problems.entity(new ApiProblem(405, "method-not-allowed", "Method not allowed",
				request.getMethod() + " is not supported here"), request.getRequestURI());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return Problems.entity(new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
				"Send the body as application/json."), request.getRequestURI());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<String> notFound(NoResourceFoundException ex, HttpServletRequest request) {
		return Problems.entity(ApiProblem.notFound("Nothing at " + request.getRequestURI()), request.getRequestURI());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> unexpected(Exception ex, HttpServletRequest request) {
		String incident = UUID.randomUUID().toString();
		if (DatabaseErrors.isDatabaseError(ex)) {
			return database(ex, request, incident);
		}
		log.error("Unexpected failure {} on {} {}", incident, request.getMethod(), request.getRequestURI(), ex);
		return Problems.entity(new ApiProblem(500, "internal-error", "Internal error",
				"The server could not complete the request (incident " + incident + "). Nothing was stored."),
				request.getRequestURI());
	}

	/**
	 * A database failure (also wrapped, e.g. in a ledger exception): {@code database-error}, 503 when the database
	 * cannot be reached, else 500. Never the SQL or the driver's message; the log keeps them under the incident id.
	 */
	private static ResponseEntity<String> database(Exception ex, HttpServletRequest request, String incident) {
		boolean unavailable = DatabaseErrors.isUnavailable(ex);
		log.error("Database failure {} on {} {}: {}", incident, request.getMethod(), request.getRequestURI(),
				DatabaseErrors.describe(ex), ex);
		ApiProblem p = unavailable
				? new ApiProblem(503, "database-error", "Database unavailable",
						"The database cannot be reached; try again shortly (incident " + incident + ").")
				: new ApiProblem(500, "database-error", "Database error", "The database could not complete the request"
						+ " (incident " + incident + "; the server log has the details).");
		ResponseEntity<String> entity = Problems.entity(p, request.getRequestURI());
		return unavailable ? ResponseEntity.status(503).headers(entity.getHeaders()).header("Retry-After", "5")
			.body(entity.getBody()) : entity;
	}

	private static String clip(String s) {
		return (s.length() > 40) ? s.substring(0, 40) + "…" : s;
	}

}
