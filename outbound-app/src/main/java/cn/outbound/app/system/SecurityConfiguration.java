package cn.outbound.app.system;

import java.sql.SQLException;
import java.util.List;

import cn.outbound.app.audit.Writes;
import cn.outbound.app.user.Account;
import cn.outbound.app.user.Users;
import cn.outbound.app.web.BearerTokenFilter;
import cn.outbound.app.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
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
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;

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
	SecurityFilterChain api(HttpSecurity http, BearerTokenFilter bearer) throws Exception {
		http.securityMatcher("/api/**")
			.addFilterAfter(bearer, SecurityContextHolderFilter.class)
			// a call riding on a browser session needs the CSRF token
			.csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfiguration::sessionWrite))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER));
		return apiRules(http).build();
	}

	/** Who may call what under {@code /api}, and how refusals are answered (problem documents). */
	private static HttpSecurity apiRules(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(a -> a.requestMatchers("/api/openapi.json", "/api/docs", "/api/docs/**", "/api/health")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/decisions", "/api/v1/assessments", "/api/v1/scans")
				.hasRole("ANALYST")
				.requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/audit", "/api/v1/audit/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/v1/**")
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

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES)
			.permitAll()
			.requestMatchers("/assess", "/assess/**", "/drafts/**", "/scan", "/scan/**")
			.hasRole("ANALYST")
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.anyRequest()
			.hasRole("VIEWER"))
			.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/assessments").failureUrl("/login?error").permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?logout"))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
					+ "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")));
		return http.build();
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
	LoginAuditor loginAuditor(Writes writes) {
		return new LoginAuditor(writes);
	}

	static final class LoginAuditor {

		private final Writes writes;

		LoginAuditor(Writes writes) {
			this.writes = writes;
		}

		@EventListener
		void success(AuthenticationSuccessEvent event) {
			record(event.getAuthentication().getName(), "LOGIN", event.getAuthentication().getDetails());
		}

		@EventListener
		void failure(AbstractAuthenticationFailureEvent event) {
			record(String.valueOf(event.getAuthentication().getName()), "LOGIN_FAILED",
					event.getAuthentication().getDetails());
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
