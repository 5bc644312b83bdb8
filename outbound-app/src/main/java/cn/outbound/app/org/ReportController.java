package cn.outbound.app.org;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;

import cn.outbound.app.system.OutboundSettings;
import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.Bodies;
import cn.outbound.app.web.Problems;
import cn.outbound.app.web.Scopes;
import cn.outbound.rules.render.Json;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.org.Denied;
import cn.outbound.service.zone.ZoneReportJson;
import cn.outbound.service.zone.ZoneReports;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Reporting to the zone (issue #13, item 5), every door a thin layer over {@link ZoneReports}, which decides:
 * <ul>
 * <li>an enterprise: {@code GET /reports} and {@code GET /api/v1/reports} (its reports), {@code POST /reports} and
 * {@code POST /api/v1/reports} (report an assessment or filing; the page asks for a confirming tick),
 * {@code POST /reports/{id}/withdraw} and {@code POST /api/v1/reports/{id}/withdraw};</li>
 * <li>the zone administration (REGULATOR): {@code GET /zone/reports}, {@code /zone/reports/{id}} and
 * {@code /api/v1/zone/reports}, {@code /api/v1/zone/reports/{id}}: the open reports with their decisions.</li>
 * </ul>
 */
@Controller
class ReportController {

	private final ZoneReports reports;

	private final Scopes scopes;

	private final OutboundSettings settings;

	ReportController(ZoneReports reports, Scopes scopes, OutboundSettings settings) {
		this.reports = reports;
		this.scopes = scopes;
		this.settings = settings;
	}

	// ---------------------------------------------------------------- API

	@GetMapping({ "/api/v1/reports", "/api/v1/zone/reports" })
	@ResponseBody
	ResponseEntity<String> list(Authentication user) throws SQLException {
		return ResponseEntity.ok().contentType(Problems.JSON)
			.body(Json.compact(ZoneReportJson.list(this.reports.list(this.scopes.of(user)))));
	}

	@GetMapping({ "/api/v1/reports/{id}", "/api/v1/zone/reports/{id}" })
	@ResponseBody
	ResponseEntity<String> one(@PathVariable long id, Authentication user) throws SQLException {
		ZoneReports.Report r = this.reports.find(this.scopes.of(user), id).orElseThrow(() -> Denied.notFound("report", id));
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(ZoneReportJson.report(r)));
	}

	@PostMapping("/api/v1/reports")
	@ResponseBody
	ResponseEntity<String> create(HttpServletRequest request, Authentication user) throws SQLException {
		JsonNode body = Bodies.object(request, System.nanoTime() + this.settings.bodyTimeout().toNanos(),
				"{\"kind\": \"assessment\" or \"filing\", \"id\": N, \"note\": \"…\"}", List.of("kind", "id", "note"));
		JsonNode kind = body.get("kind");
		JsonNode id = body.get("id");
		JsonNode note = body.get("note");
		if (kind == null || !kind.isString()) {
			throw ApiProblem.badParameter("kind", "required: assessment or filing");
		}
		if (id == null || !id.isIntegralNumber() || id.asLong() < 1) {
			throw ApiProblem.badParameter("id", "required: the assessment's or filing's id, a whole number from 1");
		}
		if (note != null && !note.isNull() && !note.isString()) {
			throw ApiProblem.badParameter("note", "must be a string");
		}
		ZoneReports.Report r = this.reports.report(this.scopes.of(user), ZoneReports.Kind.of(kind.asString()),
				id.asLong(), (note != null && note.isString()) ? note.asString() : null, actor(user, request));
		return ResponseEntity.created(URI.create("/api/v1/reports/" + r.id())).contentType(Problems.JSON)
			.body(Json.compact(ZoneReportJson.report(r)));
	}

	@PostMapping("/api/v1/reports/{id}/withdraw")
	@ResponseBody
	ResponseEntity<String> withdraw(@PathVariable long id, HttpServletRequest request, Authentication user)
			throws SQLException {
		ZoneReports.Report r = this.reports.withdraw(this.scopes.of(user), id, actor(user, request));
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(ZoneReportJson.report(r)));
	}

	// ---------------------------------------------------------------- pages

	@GetMapping("/reports")
	String page(Authentication user, Model model) throws SQLException {
		model.addAttribute("reports", this.reports.list(this.scopes.of(user)));
		model.addAttribute("zone", false);
		return "reports";
	}

	@GetMapping("/zone/reports")
	String zonePage(Authentication user, Model model) throws SQLException {
		model.addAttribute("reports", this.reports.list(this.scopes.of(user)));
		model.addAttribute("zone", true);
		return "reports";
	}

	@GetMapping("/zone/reports/{id}")
	String zoneCase(@PathVariable long id, Authentication user, Model model) throws SQLException {
		ZoneReports.Report r = this.reports.find(this.scopes.of(user), id).orElseThrow(() -> Denied.notFound("report", id));
		model.addAttribute("r", r);
		model.addAttribute("json", Json.pretty(ZoneReportJson.report(r)));
		return "zone-report";
	}

	/** The button on an assessment's or filing's page: a confirming tick is required (no script needed). */
	@PostMapping("/reports")
	String report(@RequestParam(required = false) String kind, @RequestParam(required = false) Long id,
			@RequestParam(required = false) String note, @RequestParam(required = false) String confirm,
			Authentication user, HttpServletRequest request) throws SQLException {
		ZoneReports.Kind k = ZoneReports.Kind.of(kind);
		if (id == null) {
			throw new Denied(Denied.Kind.INVALID, "id", "id: required");
		}
		String back = (k == ZoneReports.Kind.ASSESSMENT) ? "/assessments/" + id : "/filings/" + id;
		if (!"yes".equals(confirm)) {
			return "redirect:" + back + "?report=unconfirmed#zone-report";
		}
		try {
			this.reports.report(this.scopes.of(user), k, id, note, actor(user, request));
		}
		catch (Denied ex) {
			if (ex.kind() != Denied.Kind.CONFLICT && ex.kind() != Denied.Kind.INVALID) {
				throw ex;
			}
			return "redirect:" + back + "?report=" + ex.kind().name().toLowerCase() + "#zone-report";
		}
		return "redirect:" + back + "?report=done#zone-report";
	}

	@PostMapping("/reports/{id}/withdraw")
	String withdrawPage(@PathVariable long id, @RequestParam(required = false) String confirm, Authentication user,
			HttpServletRequest request) throws SQLException {
		if (!"yes".equals(confirm)) {
			return "redirect:/reports?unconfirmed=" + id;
		}
		this.reports.withdraw(this.scopes.of(user), id, actor(user, request));
		return "redirect:/reports?withdrawn=" + id;
	}

	private static Actor actor(Authentication user, HttpServletRequest request) {
		return new Actor(user.getName(), request.getRemoteAddr());
	}

}
