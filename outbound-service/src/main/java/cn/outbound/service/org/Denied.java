package cn.outbound.service.org;

/**
 * A request the service layer refuses for who asks or what it names, the same for every door (issue #13): the API
 * answers with the status of its {@link Kind}, a page shows it, the CLI prints it. A row of another organisation is
 * {@link Kind#NOT_FOUND}, worded as for a row that does not exist.
 */
public final class Denied extends RuntimeException {

	/** Why, and the HTTP status the API answers with. */
	public enum Kind {

		NOT_FOUND(404), FORBIDDEN(403), CONFLICT(409), INVALID(400);

		private final int status;

		Kind(int status) {
			this.status = status;
		}

		public int status() {
			return this.status;
		}

	}

	private final Kind kind;

	private final String field;

	public Denied(Kind kind, String field, String message) {
		super(message, null, false, false);
		this.kind = kind;
		this.field = field;
	}

	public static Denied notFound(String what, Object id) {
		return new Denied(Kind.NOT_FOUND, null, "No " + what + " " + id + ".");
	}

	public static Denied forbidden(String message) {
		return new Denied(Kind.FORBIDDEN, null, message);
	}

	public Kind kind() {
		return this.kind;
	}

	/** The parameter at fault, or {@code null}. */
	public String field() {
		return this.field;
	}

}
