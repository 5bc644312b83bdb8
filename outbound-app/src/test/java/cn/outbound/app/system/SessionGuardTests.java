package cn.outbound.app.system;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import cn.outbound.service.audit.Writes;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.user.Account;
import cn.outbound.service.user.Role;
import cn.outbound.service.user.Users;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The session's absolute lifetime, on a real database of users (the servlet objects are Spring's test doubles). */
class SessionGuardTests {

	private HikariDataSource dataSource;

	private Writes writes;

	private Users users;

	@BeforeEach
	void open() {
		this.dataSource = DatabaseSettings.of("jdbc:h2:mem:guard-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1").openMigrated(2);
		this.writes = new Writes(this.dataSource);
		this.users = new Users(this.dataSource, this.writes);
	}

	@AfterEach
	void close() {
		SecurityContextHolder.clearContext();
		this.writes.close();
		this.dataSource.close();
	}

	private boolean survives(SessionGuard guard, MockHttpSession session, Account a) throws Exception {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(a.username(), null,
					List.of(new SimpleGrantedAuthority(a.role().authority()))));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/assessments");
		request.setSession(session);
		guard.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		return !session.isInvalid() && SecurityContextHolder.getContext().getAuthentication() != null;
	}

	@Test // #9
	void anActiveSessionEndsAtItsAbsoluteLifetime() throws Exception {
		Account a = this.users.add("kim", Role.ANALYST, null, "t", null).account();
		SessionGuard guard = new SessionGuard(this.users, Duration.ofHours(8));
		MockHttpSession session = new MockHttpSession();
		SessionGuard.signedIn(session, a);
		assertThat(survives(guard, session, a)).isTrue();
		// signed in 8 h and 1 s ago, active all along
		session.setAttribute(SessionGuard.SIGNED_IN_AT, System.currentTimeMillis() - Duration.ofHours(8).toMillis() - 1000);
		assertThat(survives(guard, session, a)).isFalse();
		assertThat(session.isInvalid()).isTrue();
	}

	@Test // #9
	void aSessionNotBoundAtSignInDoesNotHold() throws Exception {
		Account a = this.users.add("lee", Role.ANALYST, null, "t", null).account();
		MockHttpSession session = new MockHttpSession();
		assertThat(survives(new SessionGuard(this.users, Duration.ofHours(8)), session, a)).isFalse();
	}

}
