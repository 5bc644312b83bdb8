package cn.outbound.app.system;

import java.time.Duration;

import javax.sql.DataSource;

import cn.outbound.service.db.DatabaseSettings;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Browser sessions kept in the database (Spring Session JDBC, tables made by the Flyway migration V6), so that a
 * session begun on one instance of a deployment is the same session on every other (#13), and survives the restart
 * or loss of the instance. The cookie is as before: {@code JSESSIONID}, HttpOnly, SameSite=Lax, Secure when the
 * request is (behind the TLS proxy); the idle timeout is {@code server.servlet.session.timeout}. Expired sessions
 * are removed by the housekeeping job ({@link Housekeeping}), on one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/** The session cookie's name, the servlet container's own, as the API documents it. */
	static final String COOKIE = "JSESSIONID";

	@Bean
	JdbcIndexedSessionRepository sessionRepository(DataSource dataSource, DatabaseSettings database, Environment env) {
		JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				new TransactionTemplate(new JdbcTransactionManager(dataSource)));
		sessions.setDefaultMaxInactiveInterval(Binder.get(env)
			.bind("server.servlet.session.timeout", Duration.class)
			.orElse(Duration.ofMinutes(30)));
		// cleaned up by Housekeeping, under its lease, not by a scheduler of its own on every instance
		sessions.setCleanupCron(Scheduled.CRON_DISABLED);
		if (!database.h2()) {
			// attribute writes as upserts: two requests of one session on two instances do not collide
			new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
		}
		return sessions;
	}

	@Bean
	FilterRegistrationBean<SessionRepositoryFilter<?>> sessionRepositoryFilter(JdbcIndexedSessionRepository sessions) {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(COOKIE);
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		cookie.setUseBase64Encoding(false);
		CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
		resolver.setCookieSerializer(cookie);
		SessionRepositoryFilter<?> filter = new SessionRepositoryFilter<>(sessions);
		filter.setHttpSessionIdResolver(resolver);
		FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(filter);
		// before the security filters, after the form-body filter
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
		return registration;
	}

}
