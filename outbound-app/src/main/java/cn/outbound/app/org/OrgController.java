package cn.outbound.app.org;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.Bodies;
import cn.outbound.app.web.Problems;
import cn.outbound.app.system.OutboundSettings;
import cn.outbound.rules.render.Json;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.org.Organisation;
import cn.outbound.service.org.Organisations;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The organisations: {@code /admin/orgs} (the page: list and add) and {@code /api/v1/orgs} (GET list, POST
 * {@code {"id", "name"}}), for the deployment's administrator only ({@code OperatorOnly}). Creating one is
 * {@link Organisations#add}, as {@code outbound orgs add} does.
 */
@Controller
class OrgController {

	private final Organisations orgs;

	private final OutboundSettings settings;

	OrgController(Organisations orgs, OutboundSettings settings) {
		this.orgs = orgs;
		this.settings = settings;
	}

	@GetMapping("/api/v1/orgs")
	@ResponseBody
	ResponseEntity<String> list() throws SQLException {
		List<Object> items = new ArrayList<>();
		for (Organisation o : this.orgs.list()) {
			items.add(json(o));
		}
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(Map.of("items", items)));
	}

	@PostMapping("/api/v1/orgs")
	@ResponseBody
	ResponseEntity<String> create(HttpServletRequest request, Authentication admin) throws SQLException {
		JsonNode body = Bodies.object(request, System.nanoTime() + this.settings.bodyTimeout().toNanos(),
				"{\"id\": \"…\", \"name\": \"…\"}", List.of("id", "name"));
		try {
			Organisation o = this.orgs.add(text(body, "id"), text(body, "name"),
					new Actor(admin.getName(), request.getRemoteAddr()));
			return ResponseEntity.created(URI.create("/api/v1/orgs/" + o.id())).contentType(Problems.JSON)
				.body(Json.compact(json(o)));
		}
		catch (IllegalArgumentException ex) {
			String field = ex.getMessage().startsWith("name:") ? "name" : "id";
			throw new ApiProblem(ex.getMessage().contains("already exists") ? 409 : 422, "invalid-org",
					"Organisation not created", ex.getMessage(), List.of(ApiProblem.parameterError(field, ex.getMessage())));
		}
	}

	@GetMapping("/admin/orgs")
	String page(Model model) throws SQLException {
		return page(model, null, null);
	}

	@PostMapping("/admin/orgs")
	String add(@RequestParam(required = false) String id, @RequestParam(required = false) String name,
			Authentication admin, HttpServletRequest request, Model model) throws SQLException {
		try {
			Organisation o = this.orgs.add(id, name, new Actor(admin.getName(), request.getRemoteAddr()));
			return page(model, o.id(), null);
		}
		catch (IllegalArgumentException ex) {
			return page(model, null, ex.getMessage());
		}
	}

	private String page(Model model, String created, String problem) throws SQLException {
		model.addAttribute("orgs", this.orgs.list());
		model.addAttribute("created", created);
		model.addAttribute("problem", problem);
		return "admin/orgs";
	}

	private static String text(JsonNode body, String name) {
		JsonNode n = body.get(name);
		if (n == null || !n.isString()) {
			throw ApiProblem.badParameter(name, "required, a string");
		}
		return n.asString();
	}

	static Map<String, Object> json(Organisation o) {
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("id", o.id());
		n.put("name", o.name());
		n.put("kind", o.kind().name());
		n.put("createdAt", o.createdAt().toString());
		return n;
	}

}
