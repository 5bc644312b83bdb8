package cn.outbound.filing.life;

import cn.outbound.rules.Text;

/**
 * A request about a filing that cannot be done, and why, in Chinese and English: the field it concerns ({@code to},
 * {@code date}, {@code number}, {@code scale}, {@code assessment}, {@code id}), a stable code, and what is allowed.
 */
public final class FilingException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public enum Kind {

		/** The request is wrong: a field's value (422 over HTTP, exit 2 on the command line). */
		INVALID,
		/** No such filing or assessment (404). */
		NOT_FOUND,
		/** The request is well formed but the filing's state refuses it (409). */
		CONFLICT

	}

	private final Kind kind;

	private final String code;

	private final String field;

	private final transient Text text;

	public FilingException(Kind kind, String code, String field, Text text) {
		super(text.en());
		this.kind = kind;
		this.code = code;
		this.field = field;
		this.text = text;
	}

	public Kind kind() {
		return this.kind;
	}

	public String code() {
		return this.code;
	}

	public String field() {
		return this.field;
	}

	public Text text() {
		return this.text;
	}

	public String in(String lang) {
		return this.text.in(lang);
	}

}
