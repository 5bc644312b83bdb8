package cn.outbound.service.org;

import cn.outbound.service.user.Account;
import cn.outbound.service.user.Role;

/**
 * Who asks, as every door hands it to the service layer: the user, the role and the organisation, read afresh for
 * each request. A store filters every read and write of an organisation's data by {@link #orgId()}: a row of another
 * organisation is as absent as one that never existed (the API answers 404, never 403).
 *
 * @param user the user's name, or the command line's actor
 */
public record Scope(String user, Role role, String orgId) {

	/** The scope of a user as stored (read afresh for each request). */
	public static Scope of(Account account) {
		return new Scope(account.username(), account.role(), account.orgId());
	}

	/** The command line acting in organisation {@code orgId} as an administrator. */
	public static Scope commandLine(String actor, String orgId) {
		return new Scope(actor, Role.ADMIN, orgId);
	}

	public boolean regulator() {
		return this.role == Role.REGULATOR;
	}

	/** Whether the caller may write an enterprise's data (ADMIN or ANALYST). */
	public boolean analyst() {
		return this.role == Role.ADMIN || this.role == Role.ANALYST;
	}

	/**
	 * Whether the caller administers the whole deployment (organisations, every organisation's users, the audit log,
	 * rule packs): an ADMIN of the default organisation, as the one administrator of a deployment before #13 was.
	 */
	public boolean operator() {
		return this.role == Role.ADMIN && Organisations.DEFAULT.equals(this.orgId);
	}

}
