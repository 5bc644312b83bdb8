package cn.outbound.app.rules;

import java.io.IOException;
import java.sql.SQLException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before each request (static files aside), brings the rule book up to date with the editions published or withdrawn
 * on any instance ({@link PublishedEditions#refreshIfChanged()}). When the database cannot be asked the request goes
 * on with the book in use.
 */
@Component
class RuleBookRefresh extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RuleBookRefresh.class);

	private final PublishedEditions published;

	RuleBookRefresh(PublishedEditions published) {
		this.published = published;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
				|| path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.equals("/health");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.published.refreshIfChanged();
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("Could not check for rule-pack editions published elsewhere: {}", ex.getMessage());
		}
		chain.doFilter(request, response);
	}

}
