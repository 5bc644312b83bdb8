package cn.outbound.app.filing;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.app.system.OutboundSettings;
import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.Bodies;
import cn.outbound.app.web.Problems;
import cn.outbound.filing.life.Advance;
import cn.outbound.filing.life.ApprovedScale;
import cn.outbound.filing.life.Filing;
import cn.outbound.filing.life.FilingException;
import cn.outbound.filing.life.FilingJson;
import cn.outbound.filing.life.Lifecycle;
import cn.outbound.rules.render.Json;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.filing.ApprovalWatch;
import cn.outbound.service.filing.Filings;
import cn.outbound.service.ledger.LedgerService;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/filings} (create for an assessment, list, get, move) and {@code /api/v1/deadlines} (every open
 * deadline, soonest first). Viewers read, analysts change ({@code SecurityConfiguration}); a refusal is a problem
 * document whose {@code detail} and {@code errors[].message} are in the request's language ({@code Accept-Language}):
 * 422 for a bad field, 404 for no such filing or assessment, 409 for a move the filing's state does not allow.
 */
@RestController
class FilingApiController {

	private final cn.outbound.app.web.Scopes scopes;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Filings filings;

	private final OutboundSettings settings;

	private final LedgerService ledger;

	FilingApiController(Filings filings, OutboundSettings settings, LedgerService ledger, cn.outbound.app.web.Scopes scopes) {
		this.scopes = scopes;
		this.filings = filings;
		this.settings = settings;
		this.ledger = ledger;
	}

	@PostMapping("/api/v1/filings")
	ResponseEntity<String> create(HttpServletRequest request, Authentication user) throws SQLException {
		JsonNode body = body(request);
		JsonNode a = body.get("assessment");
		if (a == null || !a.isIntegralNumber() || a.asLong() < 1) {
			throw field(422, "invalid-request", "assessment", "assessment: give the stored assessment's id, a whole number from 1",
					"assessment：请给出已保存评估的编号（从 1 起的整数）", request);
		}
		unknown(body, List.of("assessment"), request);
		Filing f = this.filings.create(this.scopes.of(user), a.asLong(), actor(user, request));
		return ResponseEntity.created(URI.create("/api/v1/filings/" + f.id())).contentType(Problems.JSON)
			.body(json(f));
	}

	@GetMapping("/api/v1/filings/{id}")
	ResponseEntity<String> one(@PathVariable long id, Authentication user) throws SQLException {
		return ResponseEntity.ok().contentType(Problems.JSON)
			.body(json(this.filings.find(this.scopes.of(user).orgId(), id)));
	}

	@GetMapping("/api/v1/filings")
	ResponseEntity<String> list(@RequestParam(required = false) Long assessment,
			@RequestParam(required = false) String processor, Authentication user) throws SQLException {
		List<Object> items = new ArrayList<>();
		for (Filing f : this.filings.list(this.scopes.of(user).orgId(), assessment, (processor == null || processor.isBlank()) ? null : processor,
				null)) {
			items.add(FilingJson.filing(f, this.filings.open(f), this.filings.deadlines().validUntil(f),
					this.filings.today()));
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("items", items);
		out.put("max", Filings.MAX_LIST);
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(out));
	}

	@PostMapping("/api/v1/filings/{id}/transitions")
	ResponseEntity<String> advance(@PathVariable long id, HttpServletRequest request, Authentication user)
			throws SQLException {
		JsonNode body = body(request);
		unknown(body, List.of("to", "date", "number", "scale"), request);
		ApprovedScale scale = null;
		JsonNode s = body.get("scale");
		if (s != null && !s.isNull()) {
			if (!s.isObject()) {
				throw field(422, "invalid-request", "scale", "scale: an object {individuals, sensitiveIndividuals, recipients}",
						"scale：应为对象 {individuals, sensitiveIndividuals, recipients}", request);
			}
			List<String> recipients = new ArrayList<>();
			JsonNode r = s.get("recipients");
			if (r != null && r.isArray()) {
				r.forEach(x -> recipients.add(x.isString() ? x.asString() : null));
			}
			scale = new ApprovedScale(count(s, "individuals", request), count(s, "sensitiveIndividuals", request),
					recipients);
		}
		Advance advance = new Advance(Lifecycle.state(text(body, "to", request)),
				Lifecycle.date("date", text(body, "date", request)), text(body, "number", request), scale);
		return ResponseEntity.ok().contentType(Problems.JSON)
			.body(json(this.filings.advance(this.scopes.of(user), id, advance, actor(user, request))));
	}

	/**
	 * The growth figure of an approval's extension form (续期): this year's persons per class in the ledger against the
	 * approved scale.
	 */
	@GetMapping("/api/v1/filings/{id}/extension")
	ResponseEntity<String> extension(@PathVariable long id, Authentication user) throws SQLException {
		String org = this.scopes.of(user).orgId();
		Filing f = this.filings.find(org, id);
		if (f.state() != cn.outbound.filing.life.FilingState.APPROVED || f.processorId() == null) {
			throw new ApiProblem(409, "filing-not-approved", "Refused by the filing's state",
					"Filing " + id + " is " + f.state() + (f.processorId() == null ? " and names no processor" : "")
							+ ": only an approved filing of a processor has a scale to grow from.");
		}
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(ApprovalWatch.toJson(
				ApprovalWatch.growth(f, this.ledger.status(org, f.processorId(), null, null, ApprovalWatch.NATIONAL)))));
	}

	@GetMapping("/api/v1/deadlines")
	ResponseEntity<String> deadlines(Authentication user) throws SQLException {
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(FilingJson
			.deadlines(this.filings.openDeadlines(this.scopes.of(user).orgId()), this.filings.today())));
	}

	@ExceptionHandler(FilingException.class)
	ResponseEntity<String> refused(FilingException ex, HttpServletRequest request) {
		return Problems.entity(problem(ex, Problems.lang(request)), request.getRequestURI());
	}

	static ApiProblem problem(FilingException ex, String lang) {
		int status = switch (ex.kind()) {
			case NOT_FOUND -> 404;
			case CONFLICT -> 409;
			case INVALID -> 422;
		};
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("field", ex.field());
		e.put("code", ex.code());
		e.put("message", ex.in(lang));
		String type = switch (ex.kind()) {
			case NOT_FOUND -> "not-found";
			case CONFLICT -> "filing-" + ex.code();
			case INVALID -> "invalid-filing-request";
		};
		String title = switch (ex.kind()) {
			case NOT_FOUND -> "Not found";
			case CONFLICT -> "Refused by the filing's state";
			case INVALID -> "Invalid filing request";
		};
		return new ApiProblem(status, type, title, ex.in(lang), List.of(e));
	}

	private String json(Filing f) {
		return Json.compact(FilingJson.filing(f, this.filings.open(f), this.filings.deadlines().validUntil(f),
				this.filings.today()));
	}

	private JsonNode body(HttpServletRequest request) {
		Bodies.requireJson(request);
		byte[] bytes = Bodies.read(request, Math.min(this.settings.maxBodyBytes(), 64 * 1024),
				System.nanoTime() + this.settings.bodyTimeout().toNanos());
		JsonNode node;
		try {
			node = JSON.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new ApiProblem(400, "malformed-json", "Malformed JSON", "The body is not JSON.");
		}
		if (node == null || !node.isObject()) {
			throw field(422, "invalid-request", "body", "the body must be a JSON object", "请求体应为 JSON 对象", request);
		}
		return node;
	}

	private static void unknown(JsonNode body, List<String> allowed, HttpServletRequest request) {
		for (String name : body.propertyNames()) {
			if (!allowed.contains(name)) {
				throw field(422, "invalid-request", name, name + ": unknown field; allowed: " + String.join(", ", allowed),
						name + "：未知字段；允许：" + String.join("、", allowed), request);
			}
		}
	}

	private static String text(JsonNode body, String name, HttpServletRequest request) {
		JsonNode n = body.get(name);
		if (n == null || n.isNull()) {
			return null;
		}
		if (!n.isString()) {
			throw field(422, "invalid-request", name, name + ": must be a string", name + "：应为字符串", request);
		}
		return n.asString();
	}

	private static Long count(JsonNode scale, String name, HttpServletRequest request) {
		JsonNode n = scale.get(name);
		if (n == null || n.isNull()) {
			return null;
		}
		if (!n.isIntegralNumber() || !n.canConvertToLong()) {
			throw field(422, "invalid-request", "scale", "scale." + name + ": a whole number of persons",
					"scale." + name + "：应为人数（整数）", request);
		}
		return n.asLong();
	}

	private static ApiProblem field(int status, String type, String field, String en, String zh,
			HttpServletRequest request) {
		String message = "zh".equals(Problems.lang(request)) ? zh : en;
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("field", field);
		e.put("message", message);
		return new ApiProblem(status, type, "Invalid filing request", message, List.of(e));
	}

	private static Actor actor(Authentication user, HttpServletRequest request) {
		return new Actor(user.getName(), request.getRemoteAddr());
	}

}
