package cn.outbound.app.web;

import java.sql.SQLException;

import cn.outbound.service.org.Denied;
import cn.outbound.service.org.Scope;
import cn.outbound.service.user.Users;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The {@link Scope} of a request's user, read afresh from the database for each request (issue #13): a change of role
 * or organisation made through any door holds on the next request (the user's stamp ends sessions and cached tokens
 * too). Every controller hands the service layer this scope; the service layer decides.
 */
@Component
public final class Scopes {

	private final Users users;

	public Scopes(Users users) {
		this.users = users;
	}

	/**
	 * @throws Denied {@code FORBIDDEN} when the user is gone (deleted between the security check and now)
	 */
	public Scope of(Authentication user) throws SQLException {
		if (user == null) {
			throw Denied.forbidden("Sign in first.");
		}
		return this.users.find(user.getName())
			.map(Scope::of)
			.orElseThrow(() -> Denied.forbidden("Your account is no longer valid; sign in again."));
	}

}
