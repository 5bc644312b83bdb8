package cn.outbound.app.system;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import cn.outbound.service.user.Account;
import cn.outbound.service.user.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a signed-in browser session against its user on every request: a session ends at once when the user was
 * disabled, deleted, given another role, a new password or had their tokens revoked (the user's stamp rose, through
 * any door: page, API or CLI), and when it is older than the absolute lifetime. The request then goes on as
 * anonymous: a page asks to sign in again, the API answers 401.
 */
final class SessionGuard extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SessionGuard.class);

	/** Session attributes set at sign-in. */
	static final String USER_ID = "outbound.userId";

	static final String STAMP = "outbound.stamp";

	static final String SIGNED_IN_AT = "outbound.signedInAt";

	/** Request attribute: this request's session was ended (the sign-in page says why). */
	static final String ENDED = "outbound.sessionEnded";

	private final Users users;

	private final long absoluteMillis;

	SessionGuard(Users users, Duration absolute) {
		this.users = users;
		this.absoluteMillis = absolute.toMillis();
	}

	/** Binds a session to the user that just signed in. */
	static void signedIn(HttpSession session, Account account) {
		session.setAttribute(USER_ID, account.id());
		session.setAttribute(STAMP, account.stamp());
		session.setAttribute(SIGNED_IN_AT, System.currentTimeMillis());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && auth != null && auth.isAuthenticated()
				&& !(auth instanceof AnonymousAuthenticationToken)) {
			switch (check(session)) {
				case HOLDS -> {
				}
				case UNKNOWN -> SecurityContextHolder.clearContext();
				case ENDED -> {
					try {
						session.invalidate();
					}
					catch (IllegalStateException alreadyInvalid) {
						// ended by another request meanwhile
					}
					SecurityContextHolder.clearContext();
					request.setAttribute(ENDED, Boolean.TRUE);
				}
			}
		}
		chain.doFilter(request, response);
	}

	private enum Check {

		HOLDS, ENDED,
		/** The database could not be asked: this request goes on as anonymous, the session stays. */
		UNKNOWN

	}

	private Check check(HttpSession session) {
		try {
			Object id = session.getAttribute(USER_ID);
			Object stamp = session.getAttribute(STAMP);
			Object since = session.getAttribute(SIGNED_IN_AT);
			if (!(id instanceof Long userId) || !(stamp instanceof Long s) || !(since instanceof Long t)
					|| System.currentTimeMillis() - t > this.absoluteMillis) {
				return Check.ENDED;
			}
			Optional<Account.Standing> standing = this.users.standing(userId);
			return (standing.isPresent() && standing.get().enabled() && standing.get().stamp() == s) ? Check.HOLDS
					: Check.ENDED;
		}
		catch (SQLException ex) {
			log.warn("Could not check a session's user: {}", ex.getMessage());
			return Check.UNKNOWN;
		}
		catch (IllegalStateException invalidated) {
			return Check.ENDED;
		}
	}

}
