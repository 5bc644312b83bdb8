package cn.outbound.app.user;

import java.sql.SQLException;

import cn.outbound.app.web.BearerTokenFilter;
import cn.outbound.service.audit.AuditLog;
import cn.outbound.service.user.Role;
import cn.outbound.service.user.Users;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administration pages (ADMIN): users and tokens, and the audit log with its chain check.
 */
@Controller
class AdminPageController {

	private final cn.outbound.app.web.Scopes scopes;

	private final Users users;

	private final AuditLog audit;

	private final cn.outbound.service.org.Organisations orgs;

	private final BearerTokenFilter tokens;

	private final org.springframework.context.MessageSource messages;

	AdminPageController(Users users, AuditLog audit, cn.outbound.service.org.Organisations orgs, BearerTokenFilter tokens,
			org.springframework.context.MessageSource messages, cn.outbound.app.web.Scopes scopes) {
		this.scopes = scopes;
		this.users = users;
		this.audit = audit;
		this.orgs = orgs;
		this.tokens = tokens;
		this.messages = messages;
	}

	@GetMapping("/admin/users")
	String users(Authentication admin, Model model) throws SQLException {
		model.addAttribute("adminScope", this.scopes.of(admin));
		return usersPage(model, null, null, null, null);
	}

	@PostMapping("/admin/users")
	String add(@RequestParam String username, @RequestParam(defaultValue = "VIEWER") Role role,
			@RequestParam(required = false) String org, Authentication admin, HttpServletRequest request, Model model)
			throws SQLException {
		var scope = this.scopes.of(admin);
		model.addAttribute("adminScope", scope);
		try {
			Users.Created created = this.users.add(username, role, null,
					cn.outbound.service.org.Organisations.creatableOrg(scope, org), admin.getName(),
					request.getRemoteAddr());
			return usersPage(model, created.account().username(), created.token(), created.password(), null);
		}
		catch (IllegalArgumentException | cn.outbound.service.org.Denied ex) {
			return usersPage(model, null, null, null, ex.getMessage());
		}
	}

	@PostMapping("/admin/users/{username}/{action}")
	String act(@PathVariable String username, @PathVariable String action,
			@RequestParam(name = "confirm", required = false) String confirm, Authentication admin,
			HttpServletRequest request, Model model) throws SQLException {
		String remote = request.getRemoteAddr();
		var scope = this.scopes.of(admin);
		model.addAttribute("adminScope", scope);
		// #13: a user of an organisation the caller does not administer is not found
		cn.outbound.service.org.Organisations.requireAdministers(scope, this.users.find(username).orElse(null), username);
		if (("revoke".equals(action) || "disable".equals(action)) && !"yes".equals(confirm)) {
			// a confirm step of its own page, so that it works without JavaScript
			model.addAttribute("confirmUser", username);
			model.addAttribute("confirmAction", action);
			return usersPage(model, null, null, null, null);
		}
		try {
			switch (action) {
				case "token" -> {
					return usersPage(model, username, this.users.issueToken(username, "web", admin.getName(), remote), null,
							null);
				}
				case "revoke" -> this.users.revokeTokens(username, admin.getName(), remote);
				case "disable" -> this.users.setEnabled(username, false, admin.getName(), remote);
				case "enable" -> this.users.setEnabled(username, true, admin.getName(), remote);
				default -> {
					model.addAttribute("status", 404);
					return "error";
				}
			}
		}
		catch (IllegalArgumentException ex) {
			return usersPage(model, null, null, null, ex.getMessage());
		}
		catch (Users.LastAdministratorException ex) {
			return usersPage(model, null, null, null, this.messages.getMessage("users.problem.last-admin", null,
					ex.getMessage(), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		}
		this.tokens.forgetAll();
		return "redirect:/admin/users";
	}

	private String usersPage(Model model, String created, String token, String password, String problem)
			throws SQLException {
		var scope = (cn.outbound.service.org.Scope) model.getAttribute("adminScope");
		model.addAttribute("users", this.users.list(cn.outbound.service.org.Organisations.administeredOrg(scope)));
		model.addAttribute("orgs", scope.operator() ? this.orgs.list() : java.util.List.of());
		model.addAttribute("created", created);
		model.addAttribute("token", token);
		model.addAttribute("password", password);
		model.addAttribute("problem", problem);
		return "admin/users";
	}

	/** The log, the chain check, the head to keep elsewhere and, with {@code head}, a check against a kept head. */
	@GetMapping("/admin/audit")
	String audit(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String head, Model model) throws SQLException {
		int p = Math.max(0, page);
		String given = (head != null) ? head.strip() : "";
		String kept = null;
		boolean badHead = false;
		if (!given.isEmpty()) {
			try {
				kept = AuditLog.keptHead(given);
			}
			catch (IllegalArgumentException ex) {
				badHead = true;
			}
		}
		model.addAttribute("events", this.audit.page(p * 100, 100, null));
		model.addAttribute("verification", this.audit.verify(kept));
		model.addAttribute("head", (given.length() > 100) ? given.substring(0, 100) : given);
		model.addAttribute("badHead", badHead);
		model.addAttribute("page", p);
		model.addAttribute("total", this.audit.count(null));
		return "admin/audit";
	}

}
