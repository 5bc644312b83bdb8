package cn.outbound.app.user;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.app.system.OutboundSettings;
import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.BearerTokenFilter;
import cn.outbound.app.web.Bodies;
import cn.outbound.app.web.Problems;
import cn.outbound.rules.render.Json;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.NodeReader;
import cn.outbound.service.org.Organisations;
import cn.outbound.service.user.Account;
import cn.outbound.service.user.Role;
import cn.outbound.service.user.Users;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/users} (ADMIN): list, create (with a first token), change role, enable or disable, issue and revoke
 * tokens. Tokens and generated passwords are shown once, in the answer that creates them.
 */
@RestController
class UserApiController {

	private final cn.outbound.app.web.Scopes scopes;

	private final Users users;

	private final OutboundSettings settings;

	private final BearerTokenFilter tokens;

	UserApiController(Users users, OutboundSettings settings, BearerTokenFilter tokens, cn.outbound.app.web.Scopes scopes) {
		this.scopes = scopes;
		this.users = users;
		this.settings = settings;
		this.tokens = tokens;
	}

	@GetMapping("/api/v1/users")
	ResponseEntity<String> list(Authentication admin) throws SQLException {
		List<Object> out = new ArrayList<>();
		// #13: an enterprise's ADMIN lists its own organisation's users; the deployment's administrator every user
		for (Account a : this.users.list(Organisations.administeredOrg(this.scopes.of(admin)))) {
			out.add(json(a));
		}
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(out));
	}

	@PostMapping("/api/v1/users")
	ResponseEntity<String> create(HttpServletRequest request, Authentication admin) throws SQLException {
		Node.Obj body = object(request);
		String username = string(body, "username", true);
		Role role = role(body);
		String password = string(body, "password", false);
		String org = Organisations.creatableOrg(this.scopes.of(admin), string(body, "org", false));
		try {
			Users.Created created = this.users.add(username, (role != null) ? role : Role.VIEWER, password, org,
					admin.getName(), request.getRemoteAddr());
			Map<String, Object> out = json(created.account());
			if (created.passwordGenerated()) {
				out.put("password", created.password());
			}
			out.put("token", created.token());
			return ResponseEntity.status(201).contentType(Problems.JSON).body(Json.compact(out));
		}
		catch (IllegalArgumentException ex) {
			throw new ApiProblem(ex.getMessage().contains("already exists") ? 409 : 422, "invalid-user",
					"User not created", ex.getMessage());
		}
	}

	@PatchMapping("/api/v1/users/{username}")
	ResponseEntity<String> update(@PathVariable String username, HttpServletRequest request, Authentication admin)
			throws SQLException {
		Node.Obj body = object(request);
		for (String key : body.members().keySet()) {
			if (!List.of("role", "enabled", "password", "org").contains(key)) {
				throw new ApiProblem(422, "invalid-user", "Unknown field", "unknown field '" + key
						+ "'; allowed: role, enabled, password, org", List.of(Map.of("pointer", "/" + key, "message", "unknown field")));
			}
		}
		administered(admin, username);
		try {
			String org = string(body, "org", false);
			if (org != null) {
				// moving a user between organisations is the deployment administrator's
				Organisations.requireOperator(this.scopes.of(admin));
				this.users.setOrg(username, org, admin.getName(), request.getRemoteAddr());
			}
			Role role = role(body);
			if (role != null) {
				this.users.setRole(username, role, admin.getName(), request.getRemoteAddr());
			}
			if (body.get("enabled") instanceof Node.Scalar s && s.kind() == Node.Kind.BOOLEAN) {
				this.users.setEnabled(username, (Boolean) s.value(), admin.getName(), request.getRemoteAddr());
			}
			String password = string(body, "password", false);
			if (password != null) {
				this.users.setPassword(username, password, admin.getName(), request.getRemoteAddr());
			}
		}
		catch (IllegalArgumentException ex) {
			throw new ApiProblem(ex.getMessage().startsWith("no user") ? 404 : 422, "invalid-user", "User not changed",
					ex.getMessage());
		}
		catch (Users.LastAdministratorException ex) {
			throw new ApiProblem(409, "last-administrator", "User not changed", ex.getMessage());
		}
		this.tokens.forgetAll();
		return ResponseEntity.ok().contentType(Problems.JSON)
			.body(Json.compact(json(this.users.find(username).orElseThrow())));
	}

	@PostMapping("/api/v1/users/{username}/tokens")
	ResponseEntity<String> issue(@PathVariable String username, HttpServletRequest request, Authentication admin)
			throws SQLException {
		administered(admin, username);
		try {
			String token = this.users.issueToken(username, "api", admin.getName(), request.getRemoteAddr());
			return ResponseEntity.status(201).contentType(Problems.JSON)
				.body(Json.compact(Map.of("username", username, "token", token)));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound(ex.getMessage());
		}
	}

	@DeleteMapping("/api/v1/users/{username}/tokens")
	ResponseEntity<String> revoke(@PathVariable String username, HttpServletRequest request, Authentication admin)
			throws SQLException {
		administered(admin, username);
		try {
			int n = this.users.revokeTokens(username, admin.getName(), request.getRemoteAddr());
			this.tokens.forgetAll();
			return ResponseEntity.ok().contentType(Problems.JSON)
				.body(Json.compact(Map.of("username", username, "revoked", n)));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound(ex.getMessage());
		}
	}

	/** #13: a user the caller does not administer is not found (the service layer's rule). */
	private void administered(Authentication admin, String username) throws SQLException {
		Organisations.requireAdministers(this.scopes.of(admin), this.users.find(username).orElse(null), username);
	}

	private Node.Obj object(HttpServletRequest request) {
		Bodies.requireJson(request);
		byte[] bytes = Bodies.read(request, this.settings.maxBodyBytes(),
				System.nanoTime() + this.settings.bodyTimeout().toNanos());
		Node node;
		try {
			node = NodeReader.readJson(bytes, "request");
		}
		catch (InvalidInputException ex) {
			throw ApiProblem.of(400, "malformed-json", "Malformed JSON", ex.problems().get(0).message(), ex.problems());
		}
		if (!(node instanceof Node.Obj obj)) {
			throw new ApiProblem(422, "invalid-user", "Expected an object", "The body must be a JSON object.",
					List.of(Map.of("pointer", "", "message", "expected an object")));
		}
		return obj;
	}

	private static String string(Node.Obj body, String key, boolean required) {
		Node n = body.get(key);
		if (n == null) {
			if (required) {
				throw new ApiProblem(422, "invalid-user", "Missing field", "missing required field '" + key + "'",
						List.of(Map.of("pointer", "/" + key, "message", "required")));
			}
			return null;
		}
		if (n instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
			return (String) s.value();
		}
		throw new ApiProblem(422, "invalid-user", "Wrong type", "'" + key + "' must be a string",
				List.of(Map.of("pointer", "/" + key, "message", "must be a string")));
	}

	private static Role role(Node.Obj body) {
		String r = string(body, "role", false);
		if (r == null) {
			return null;
		}
		try {
			return Role.valueOf(r);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiProblem(422, "invalid-user", "Unknown role", "role '" + r + "'; allowed: ADMIN, ANALYST, VIEWER, REGULATOR",
					List.of(Map.of("pointer", "/role", "message", "allowed: ADMIN, ANALYST, VIEWER, REGULATOR")));
		}
	}

	private static Map<String, Object> json(Account a) {
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("username", a.username());
		n.put("role", a.role().name());
		n.put("org", a.orgId());
		n.put("enabled", a.enabled());
		n.put("createdAt", a.createdAt().toString());
		return n;
	}

}
