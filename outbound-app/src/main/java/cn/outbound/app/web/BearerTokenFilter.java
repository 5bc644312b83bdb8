package cn.outbound.app.web;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import cn.outbound.service.user.Account;
import cn.outbound.service.user.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer obt_…} requests by the token's SHA-256. The token's lookup is remembered
 * for a few seconds, but the user's standing (enabled, and the stamp that rises with every role change, password
 * change or revocation, through any door including the CLI) is read on every request: a change takes effect on the
 * next request. A wrong token is 401, never a fall-back to anonymous.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {

	private final Users users;

	private final long ttlNanos;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	public BearerTokenFilter(Users users, Duration ttl) {
		this.users = users;
		this.ttlNanos = ttl.toNanos();
	}

	private record Cached(UsernamePasswordAuthenticationToken authentication, long userId, long stamp, long until) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			response.setHeader("WWW-Authenticate", "Bearer");
			Problems.write(response, request, Problems.unauthorized());
			return;
		}
		String token = header.substring(7).strip();
		String key = Users.tokenHash(token);
		long now = System.nanoTime();
		Cached cached = this.cache.get(key);
		try {
			if (cached != null && now - cached.until() <= 0) {
				Optional<Account.Standing> standing = this.users.standing(cached.userId());
				if (standing.isEmpty() || !standing.get().enabled() || standing.get().stamp() != cached.stamp()) {
					cached = null;
				}
			}
			else {
				cached = null;
			}
		}
		catch (SQLException ex) {
			unavailable(request, response);
			return;
		}
		if (cached == null) {
			Optional<Account> account;
			try {
				account = this.users.byToken(token);
			}
			catch (SQLException ex) {
				unavailable(request, response);
				return;
			}
			if (account.isEmpty()) {
				this.cache.remove(key);
				response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
				Problems.write(response, request, Problems.unauthorized());
				return;
			}
			if (this.cache.size() > 10_000) {
				this.cache.clear();
			}
			var authentication = UsernamePasswordAuthenticationToken.authenticated(account.get().username(), null,
					List.of(new SimpleGrantedAuthority(account.get().role().authority())));
			cached = new Cached(authentication, account.get().id(), account.get().stamp(), now + this.ttlNanos);
			this.cache.put(key, cached);
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(cached.authentication());
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Problems.write(response, request, new ApiProblem(503, "unavailable", "Database unavailable",
				"The token could not be checked because the database is unavailable; try again."));
	}

	/** Forgets every remembered token lookup (the standing is read on every request anyway). */
	public void forgetAll() {
		this.cache.clear();
	}

}
