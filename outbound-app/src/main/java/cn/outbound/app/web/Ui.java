package cn.outbound.app.web;

/**
 * What every page needs besides its own data: the messages, who is signed in, the CSRF token for forms, and the
 * links that switch language on the current page.
 *
 * @param user the signed-in user's name, or {@code null}
 * @param role ADMIN, ANALYST or VIEWER, or {@code null}
 */
public record Ui(Messages t, String user, String role, String csrfParameter, String csrfToken, String zhLink,
		String enLink, String path) {

	public boolean signedIn() {
		return this.user != null;
	}

	public boolean analyst() {
		return "ADMIN".equals(this.role) || "ANALYST".equals(this.role);
	}

	public boolean admin() {
		return "ADMIN".equals(this.role);
	}

	public String lang() {
		return this.t.lang();
	}

}
