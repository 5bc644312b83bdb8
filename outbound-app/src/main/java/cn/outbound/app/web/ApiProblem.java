package cn.outbound.app.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.tables.ReadLimitException;
import cn.outbound.rules.source.Problem;
import cn.outbound.service.decision.RejectedRequest;

/**
 * An RFC 9457 problem to answer with: a status, a type, a title, a detail and, for a bad document, every problem
 * with its JSON pointer (and line and column in the body).
 */
public class ApiProblem extends RuntimeException {

	private final int status;

	private final String type;

	private final String title;

	private final List<Map<String, Object>> errors;

	/** The document problems behind {@link #errors()}, so that they can be written in the caller's language. */
	private final List<Problem> problems;

	public ApiProblem(int status, String type, String title, String detail) {
		this(status, type, title, detail, List.of());
	}

	public ApiProblem(int status, String type, String title, String detail, List<Map<String, Object>> errors) {
		this(status, type, title, detail, errors, List.of());
	}

	private ApiProblem(int status, String type, String title, String detail, List<Map<String, Object>> errors,
			List<Problem> problems) {
		super(detail, null, false, false);
		this.status = status;
		this.type = type;
		this.title = title;
		this.errors = errors;
		this.problems = List.copyOf(problems);
	}

	public static ApiProblem of(int status, String type, String title, String detail, List<Problem> problems) {
		return new ApiProblem(status, type, title, detail, errors(problems, "en"), problems);
	}

	public static Map<String, Object> error(Problem p) {
		return error(p, "en");
	}

	/**
	 * One problem of a document: its pointer, line and column, its stable {@code code} and its {@code message} in
	 * {@code zh} or {@code en}.
	 */
	public static Map<String, Object> error(Problem p, String lang) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("pointer", (p.pointer() != null) ? p.pointer() : "");
		if (p.location() != null && p.location().line() > 0) {
			e.put("line", p.location().line());
			e.put("column", p.location().column());
		}
		e.put("code", p.code());
		e.put("message", p.message(lang));
		return e;
	}

	private static List<Map<String, Object>> errors(List<Problem> problems, String lang) {
		List<Map<String, Object>> errors = new ArrayList<>();
		for (Problem p : problems) {
			errors.add(error(p, lang));
		}
		return errors;
	}

	public static Map<String, Object> parameterError(String parameter, String message) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("parameter", parameter);
		e.put("message", message);
		return e;
	}

	public static ApiProblem badParameter(String parameter, String message) {
		return new ApiProblem(400, "invalid-parameter", "Invalid query parameter", parameter + ": " + message,
				List.of(parameterError(parameter, message)));
	}

	/**
	 * 413 for a table over one of the readers' limits ({@link cn.outbound.tables.ReadLimits}): the error names the
	 * request field, the limit ({@code limit}, e.g. {@code columns}) and the value allowed ({@code allowed}).
	 */
	public static ApiProblem readLimit(ReadLimitException ex, String field) {
		Map<String, Object> e = parameterError(field, ex.getMessage());
		e.put("limit", ex.limit().key());
		e.put("allowed", ex.allowed());
		return new ApiProblem(413, "read-limit-exceeded", "Table over a read limit",
				field + ": " + ex.getMessage() + "; nothing was kept.", List.of(e));
	}

	/**
	 * A request the application layer refused, as the API answers it: malformed JSON 400, a scenario or envelope that
	 * breaks the contract 422 with every problem, a bad title 400, an idempotency key reused for another body 422.
	 */
	public static ApiProblem of(RejectedRequest r) {
		return switch (r.reason()) {
			case MALFORMED_JSON -> of(400, "malformed-json", "Malformed JSON", r.getMessage(), r.problems());
			case INVALID_SCENARIO -> of(422, "invalid-scenario", "Invalid scenario", r.getMessage(), r.problems());
			case INVALID_REQUEST -> of(422, "invalid-scenario", "Invalid request", r.getMessage(), r.problems());
			case INVALID_PARAMETER -> badParameter(r.field(), r.getMessage());
			case IDEMPOTENCY_KEY_REUSED -> new ApiProblem(422, "idempotency-key-reused", "Idempotency-Key already used",
					r.getMessage(), List.of(Map.of("header", r.field(), "message", "already used for another request")));
		};
	}

	public static ApiProblem notFound(String detail) {
		return new ApiProblem(404, "not-found", "Not found", detail);
	}

	public int status() {
		return this.status;
	}

	public String type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	public List<Map<String, Object>> errors() {
		return this.errors;
	}

	/** {@link #errors()} with the messages of document problems in {@code zh} or {@code en}. */
	public List<Map<String, Object>> errors(String lang) {
		return this.problems.isEmpty() ? this.errors : errors(this.problems, lang);
	}

	/** Whether {@link #errors(String)} depends on the language. */
	public boolean hasDocumentProblems() {
		return !this.problems.isEmpty();
	}

}
