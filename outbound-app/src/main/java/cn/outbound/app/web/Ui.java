package cn.outbound.app.web;

/**
 * What every page needs besides its own data: the messages, who is signed in, the CSRF token for forms, and the
 * links that switch language on the current page.
 *
 * @param user the signed-in user's name, or {@code null}
 * @param role ADMIN, ANALYST, VIEWER or REGULATOR, or {@code null}
 * @param org the signed-in user's organisation (issue #13), or {@code null}
 */
public record Ui(Messages t, String user, String role, String csrfParameter, String csrfToken, String zhLink,
		String enLink, String path, String org) {

	/** The zone administration (REGULATOR): its own pages only, none of an enterprise's. */
	public boolean regulator() {
		return "REGULATOR".equals(this.role);
	}

	/** A signed-in user of an enterprise (ADMIN, ANALYST, VIEWER). */
	public boolean enterprise() {
		return signedIn() && !regulator();
	}

	/** The deployment's administrator: an ADMIN of the default organisation (organisations, audit log, rule packs). */
	public boolean operator() {
		return admin() && cn.outbound.service.org.Organisations.DEFAULT.equals(this.org);
	}

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
