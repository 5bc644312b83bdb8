package cn.outbound.app.web;

import java.util.List;

import cn.outbound.service.org.Organisations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The deployment's own pages and calls (organisations, the audit log, publishing rule packs) are for the deployment's
 * administrator only, an ADMIN of the default organisation (issue #13, {@link Organisations#requireOperator}); an
 * enterprise's ADMIN administers its own users only. The security chain has already required ADMIN.
 */
final class OperatorOnly implements HandlerInterceptor {

	/** Paths, every method. */
	static final List<String> ALL = List.of("/admin/audit", "/api/v1/audit", "/admin/orgs", "/api/v1/orgs",
			"/admin/packs");

	/** Paths whose writes only (reading the packs is every user's). */
	static final List<String> WRITES = List.of("/api/v1/rule-packs");

	private final Scopes scopes;

	OperatorOnly(Scopes scopes) {
		this.scopes = scopes;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean write = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
		if (ALL.stream().anyMatch(p -> under(path, p)) || (write && WRITES.stream().anyMatch(p -> under(path, p)))) {
			Organisations.requireOperator(this.scopes.of(SecurityContextHolder.getContext().getAuthentication()));
		}
		return true;
	}

	private static boolean under(String path, String prefix) {
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

}
