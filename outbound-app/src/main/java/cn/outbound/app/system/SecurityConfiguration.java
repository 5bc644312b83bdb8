package cn.outbound.app.system;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

import cn.outbound.app.web.PendingAnswers;
import cn.outbound.app.web.BearerTokenFilter;
import cn.outbound.app.web.FormBodyFilter;
import cn.outbound.app.web.Problems;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.user.Account;
import cn.outbound.service.user.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what. The API ({@code /api/**}) takes a bearer token or a session and answers 401/403 as problem
 * documents; the web UI signs in with a form (session, CSRF). Public: the home page, the list browser, the OpenAPI
 * document and its page, the health check.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	static final String[] PUBLIC_PAGES = { "/", "/list", "/list/**", "/login", "/health", "/error", "/webjars/**",
			"/css/**", "/js/**", "/img/**", "/favicon.ico" };

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_ANALYST\nROLE_ANALYST > ROLE_VIEWER");
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return Users.passwordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(Users users) {
		return username -> {
			try {
				Account a = users.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
				return User.withUsername(a.username())
					.password((a.passwordHash() != null) ? a.passwordHash() : "")
					.disabled(!a.enabled())
					.authorities(List.of(new SimpleGrantedAuthority(a.role().authority())))
					.build();
			}
			catch (SQLException ex) {
				throw new org.springframework.security.authentication.InternalAuthenticationServiceException(
						"database unavailable", ex);
			}
		};
	}

	/** The Content-Security-Policy of every response, pages, API and errors alike. */
	static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

	/** Form bodies read whole under the body deadline, before the security filters parse them. */
	@Bean
	FilterRegistrationBean<FormBodyFilter> formBodyFilter(OutboundSettings settings) {
		FilterRegistrationBean<FormBodyFilter> registration = new FilterRegistrationBean<>(
				new FormBodyFilter(settings.maxBodyBytes(), settings.bodyTimeout()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	SessionGuard sessionGuard(Users users, OutboundSettings settings) {
		return new SessionGuard(users, settings.session().absoluteTimeout());
	}

	@Bean
	FilterRegistrationBean<SessionGuard> sessionGuardRegistration(SessionGuard filter) {
		// runs inside the security chains only
		FilterRegistrationBean<SessionGuard> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	/** Failed sign-ins counted in the database: every instance of a deployment refuses alike (#13). */
	@Bean
	SignInThrottle signInThrottle(javax.sql.DataSource dataSource, OutboundSettings settings) {
		return new SignInThrottle(dataSource, settings.session());
	}

	/** Expired sessions, short-term entries and sign-in failures removed, on one instance at a time. */
	@Bean
	Housekeeping housekeeping(javax.sql.DataSource dataSource,
			org.springframework.session.jdbc.JdbcIndexedSessionRepository sessions, SignInThrottle throttle) {
		return new Housekeeping(dataSource, sessions, throttle);
	}

	/**
	 * The CSRF token lives in a cookie (HttpOnly, SameSite like the session's), not in a session: an anonymous visitor,
	 * even one on the sign-in page, gets no session. Pages and the web UI's API calls share it.
	 */
	@Bean
	CookieCsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer(c -> c.sameSite("Lax"));
		// the header the API documents (the repository's own default is X-XSRF-TOKEN)
		tokens.setHeaderName("X-CSRF-TOKEN");
		return tokens;
	}

	@Bean
	BearerTokenFilter bearerTokenFilter(Users users, OutboundSettings settings) {
		return new BearerTokenFilter(users, settings.tokenCacheTtl());
	}

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(BearerTokenFilter filter) {
		// runs inside the API security chain only
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * Calls that carry {@code Authorization}: stateless. No session is read or written, there is no cookie to forge
	 * (no CSRF check) and no anonymous fall-back: the token decides, and a wrong one is 401.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain apiTokens(HttpSecurity http, BearerTokenFilter bearer) throws Exception {
		http.securityMatcher(request -> request.getHeader("Authorization") != null
				&& request.getRequestURI().startsWith(request.getContextPath() + "/api/"))
			.addFilterAfter(bearer, SecurityContextHolderFilter.class)
			.csrf(c -> c.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.anonymous(a -> a.disable());
		return apiRules(http).build();
	}

	/** The API for a browser session (the web UI's own calls) and for anonymous callers of the public documents. */
	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, BearerTokenFilter bearer, SessionGuard guard,
			CookieCsrfTokenRepository csrfTokens) throws Exception {
		// the deadlines feed too: a calendar application sends a bearer token, a browser its session
		http.securityMatcher("/api/**", "/deadlines.ics")
			.addFilterAfter(bearer, SecurityContextHolderFilter.class)
			.addFilterAfter(guard, BearerTokenFilter.class)
			// a call riding on a browser session needs the CSRF token
			.csrf(c -> c.csrfTokenRepository(csrfTokens).requireCsrfProtectionMatcher(SecurityConfiguration::sessionWrite))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER));
		return apiRules(http).build();
	}

	/** Who may call what under {@code /api}, and how refusals are answered (problem documents). */
	private static HttpSecurity apiRules(HttpSecurity http) throws Exception {
		return headers(http)
			.authorizeHttpRequests(a -> a.requestMatchers("/api/openapi.json", "/api/docs", "/api/docs/**", "/api/health")
				.permitAll()
				// #13: the zone administration's calls, and the organisations (the deployment's administrator)
				.requestMatchers("/api/v1/zone", "/api/v1/zone/**")
				.hasRole("REGULATOR")
				.requestMatchers("/api/v1/orgs", "/api/v1/orgs/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.POST, "/api/v1/decisions", "/api/v1/assessments", "/api/v1/scans")
				.hasRole("ANALYST")
				.requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/audit", "/api/v1/audit/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/v1/**", "/deadlines.ics")
				.hasRole("VIEWER")
				.requestMatchers("/api/v1/rule-packs", "/api/v1/rule-packs/**")
				.hasRole("ADMIN")
				.anyRequest()
				.hasRole("ANALYST"))
			.requestCache(r -> r.disable())
			.httpBasic(b -> b.disable())
			.formLogin(f -> f.disable())
			.logout(l -> l.disable())
			.exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Bearer");
				Problems.write(response, request, Problems.unauthorized());
			}).accessDeniedHandler((request, response, ex) -> Problems.write(response, request,
					(ex instanceof CsrfException) ? Problems.csrf() : Problems.forbidden())));
	}

	/** Headers on every response of a chain: CSP, no referrer, and Spring's defaults (nosniff, DENY framing, …). */
	private static HttpSecurity headers(HttpSecurity http) throws Exception {
		return http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, SessionGuard guard, SignInThrottle throttle, Users users,
			CookieCsrfTokenRepository csrfTokens, PendingAnswers pending) throws Exception {
		CookieRequestCache requests = new CookieRequestCache();
		SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler();
		landing.setDefaultTargetUrl("/assessments");
		landing.setRequestCache(requests);
		headers(http).addFilterAfter(guard, SecurityContextHolderFilter.class)
			.addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.csrf(c -> c.csrfTokenRepository(csrfTokens))
			.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
			.requestCache(r -> r.requestCache(requests))
			.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES)
			.permitAll()
			.requestMatchers("/assess", "/assess/**", "/drafts/**", "/scan", "/scan/**")
			.hasRole("ANALYST")
			.requestMatchers(HttpMethod.POST, "/filings", "/filings/**")
			.hasRole("ANALYST")
			// #11: copying an assessment (a new draft) and recording a ledger event, as their API doors require
			.requestMatchers(HttpMethod.POST, "/assessments/*/copy", "/assessments/*/reassess", "/ledger/*/events")
			.hasRole("ANALYST")
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			// #13: the zone administration's pages; reporting to the zone writes
			.requestMatchers("/zone", "/zone/**")
			.hasRole("REGULATOR")
			.requestMatchers(HttpMethod.POST, "/reports", "/reports/**")
			.hasRole("ANALYST")
			.requestMatchers(HttpMethod.GET, "/assessments/*/filing-documents.zip").hasRole("VIEWER") // as reading it
			.anyRequest()
			.hasRole("VIEWER"))
			.formLogin(f -> f.loginPage("/login").successHandler((request, response, authentication) -> {
				Account a = account(users, authentication.getName());
				String granted = authentication.getAuthorities().iterator().next().getAuthority();
				if (a == null || !a.enabled() || !a.role().authority().equals(granted)) {
					// changed between the password check and now: sign in again
					request.getSession().invalidate();
					response.sendRedirect(request.getContextPath() + "/login?ended");
					return;
				}
				SessionGuard.signedIn(request.getSession(), a);
				throttle.succeeded(a.username());
				if (a.role() == cn.outbound.service.user.Role.REGULATOR) {
					// #13: the zone administration lands on its own view (an enterprise's pages are not its)
					response.sendRedirect(request.getContextPath() + "/zone/reports");
					return;
				}
				if (pending.waiting(request)) {
					// answers kept when the session ended: back to the questionnaire with them
					response.sendRedirect(request.getContextPath() + "/assess?resume");
					return;
				}
				landing.onAuthenticationSuccess(request, response, authentication);
			}).failureUrl("/login?error").permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?logout"))
			.exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
				if (PendingAnswers.applies(request)) {
					// the session ended under the questionnaire: keep the answers, say so, and come back to them
					pending.keep(request, response);
					response.sendRedirect(request.getContextPath() + "/login?ended&resume");
					return;
				}
				response.sendRedirect(request.getContextPath()
						+ ((request.getAttribute(SessionGuard.ENDED) != null) ? "/login?ended" : "/login"));
			}).accessDeniedHandler((request, response, ex) -> {
				if (ex instanceof CsrfException) {
					var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
						.getAuthentication();
					boolean signedIn = auth != null && auth.isAuthenticated()
							&& !(auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
					if (PendingAnswers.applies(request)) {
						pending.keep(request, response);
						response.sendRedirect(request.getContextPath()
								+ (signedIn ? "/assess?resume" : "/login?ended&resume"));
						return;
					}
					// a page kept open too long or a form from elsewhere: not a question of the role
					request.setAttribute(Problems.CSRF_REFUSED, Boolean.TRUE);
				}
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}));
		return http.build();
	}

	private static Account account(Users users, String name) {
		try {
			return users.find(name).orElse(null);
		}
		catch (SQLException ex) {
			return null;
		}
	}

	/**
	 * Loads a page's CSRF token before the page is written, so that its cookie is set while headers can still be sent
	 * (a token first asked for by a template, after the response was committed, would never reach the browser).
	 */
	static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * Refuses a sign-in (without checking the password) while its account or its client address has failed too often:
	 * back to the sign-in page, which says so.
	 */
	static final class ThrottleFilter extends OncePerRequestFilter {

		private final SignInThrottle throttle;

		ThrottleFilter(SignInThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !"POST".equals(request.getMethod())
					|| !request.getRequestURI().equals(request.getContextPath() + "/login");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String account = Users.normalizeName(request.getParameter("username"));
			if (this.throttle.refused(account, request.getRemoteAddr(), System.currentTimeMillis())) {
				response.sendRedirect(request.getContextPath() + "/login?locked");
				return;
			}
			chain.doFilter(request, response);
		}

	}

	private static boolean sessionWrite(HttpServletRequest request) {
		String m = request.getMethod();
		if ("GET".equals(m) || "HEAD".equals(m) || "OPTIONS".equals(m) || "TRACE".equals(m)) {
			return false;
		}
		return request.getHeader("Authorization") == null && request.getSession(false) != null;
	}

	/** Sign-ins, successful or not, go to the audit log. */
	@Bean
	LoginAuditor loginAuditor(Writes writes, Users users, SignInThrottle throttle) {
		return new LoginAuditor(writes, users, throttle);
	}

	static final class LoginAuditor {

		/** The actor of a failed sign-in under a name that is no user's: what was typed is not written. */
		static final String UNKNOWN_USER = "unknown-user";

		private final Writes writes;

		private final Users users;

		private final SignInThrottle throttle;

		LoginAuditor(Writes writes, Users users, SignInThrottle throttle) {
			this.writes = writes;
			this.users = users;
			this.throttle = throttle;
		}

		@EventListener
		void success(AuthenticationSuccessEvent event) {
			record(event.getAuthentication().getName(), "LOGIN", event.getAuthentication().getDetails());
		}

		/**
		 * A failure counts toward the throttle. It is audited under the user's name when the user exists, else as
		 * {@value #UNKNOWN_USER}; and only while within the throttle's limits, so a flood adds a bounded number of
		 * entries.
		 */
		@EventListener
		void failure(AbstractAuthenticationFailureEvent event) {
			Object details = event.getAuthentication().getDetails();
			String remote = (details instanceof WebAuthenticationDetails d) ? d.getRemoteAddress() : null;
			String name = Users.normalizeName(String.valueOf(event.getAuthentication().getName()));
			if (!this.throttle.failed(name, remote, System.currentTimeMillis())) {
				return;
			}
			record((name != null && account(this.users, name) != null) ? name : UNKNOWN_USER, "LOGIN_FAILED", details);
		}

		private void record(String user, String action, Object details) {
			String remote = (details instanceof WebAuthenticationDetails d) ? d.getRemoteAddress() : null;
			String actor = (user.length() > 100) ? user.substring(0, 100) : user;
			try {
				this.writes.submit((c, audit) -> {
					audit.append(actor, action, "user:" + actor, remote, null);
					return null;
				});
			}
			catch (SQLException ex) {
				log.warn("Could not audit {} of a user: {}", action, ex.getMessage());
			}
		}

	}

}
