package cn.outbound.service.decision;

import java.util.List;

import cn.outbound.rules.source.Problem;

/**
 * A request refused before anything was decided or stored: why ({@link Reason}), the field or header at fault, and, for
 * a document, every problem with its JSON pointer, line and column. The message says what was wrong in English; each
 * door tells it its own way (the API as a problem document, a page beside the field, the CLI on standard error).
 */
public final class RejectedRequest extends RuntimeException {

	public enum Reason {

		/** The body is not well-formed JSON. */
		MALFORMED_JSON,
		/** The scenario breaks its contract (spec outbound/scenario/v1). */
		INVALID_SCENARIO,
		/** The envelope around a scenario ({@code title}, {@code scenario}) is wrong. */
		INVALID_REQUEST,
		/** A parameter beside the body (the title) is out of bounds. */
		INVALID_PARAMETER,
		/** An idempotency key already used for another request. */
		IDEMPOTENCY_KEY_REUSED

	}

	private final Reason reason;

	private final String field;

	private final transient List<Problem> problems;

	public RejectedRequest(Reason reason, String field, String message, List<Problem> problems) {
		super(message, null, false, false);
		this.reason = reason;
		this.field = field;
		this.problems = List.copyOf(problems);
	}

	public Reason reason() {
		return this.reason;
	}

	/** The parameter or header at fault ({@code title}, {@code Idempotency-Key}), or {@code null} for a document. */
	public String field() {
		return this.field;
	}

	/** Every problem of the document, each with its pointer and location; empty for a parameter or header. */
	public List<Problem> problems() {
		return this.problems;
	}

}
