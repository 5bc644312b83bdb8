package cn.outbound.pii;

/**
 * An identifier could not be normalised. The message names the kind and the reason and never
 * contains the value itself.
 */
public final class InvalidIdentifierException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final IdentifierKind kind;

	private final Reason reason;

	public InvalidIdentifierException(IdentifierKind kind, Reason reason) {
		super(describe(kind) + ": " + reason.text());
		this.kind = kind;
		this.reason = reason;
	}

	/** No stack trace: rejecting a value is routine while scanning millions of rows. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

	public IdentifierKind kind() {
		return this.kind;
	}

	public Reason reason() {
		return this.reason;
	}

	private static String describe(IdentifierKind kind) {
		return switch (kind) {
			case RESIDENT_ID -> "resident ID number";
			case MOBILE -> "mobile number";
			case EMAIL -> "e-mail address";
			case PASSPORT -> "passport number";
			case OPAQUE -> "identifier";
		};
	}

	/** Why a value was rejected. */
	public enum Reason {

		EMPTY("is empty"),

		BAD_LENGTH("has the wrong length"),

		BAD_CHARACTER("contains a character that does not belong"),

		BAD_CHECK_DIGIT("has a wrong check digit"),

		UNKNOWN_REGION("does not start with a known region code"),

		BAD_DATE("does not hold a real date of birth"),

		BAD_PREFIX("does not start with a known prefix"),

		BAD_FORMAT("is not in a recognised format");

		private final String text;

		Reason(String text) {
			this.text = text;
		}

		public String text() {
			return this.text;
		}

	}

}
