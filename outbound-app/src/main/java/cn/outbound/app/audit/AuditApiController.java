package cn.outbound.app.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.Problems;
import cn.outbound.rules.render.Json;
import cn.outbound.service.audit.AuditEvent;
import cn.outbound.service.audit.AuditLog;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/audit} (ADMIN): the audit log, newest first, and a check of its hash chain.
 */
@RestController
class AuditApiController {

	private final AuditLog log;

	AuditApiController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/v1/audit")
	ResponseEntity<String> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@RequestParam(required = false) String action) throws SQLException {
		if (page < 0) {
			throw ApiProblem.badParameter("page", "must be 0 or more");
		}
		if (size < 1 || size > 500) {
			throw ApiProblem.badParameter("size", "must be 1 to 500");
		}
		String a = (action == null || action.isBlank()) ? null : action.strip();
		List<Object> items = new ArrayList<>();
		for (AuditEvent e : this.log.page(page * size, size, a)) {
			items.add(json(e));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", items);
		body.put("page", page);
		body.put("size", size);
		body.put("total", this.log.count(a));
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(body));
	}

	/**
	 * The chain check; with {@code head}, also whether the intact chain still reaches that head hash, kept elsewhere
	 * earlier. A kept head it does not reach makes the answer {@code intact: false} (entries were removed or
	 * rewritten).
	 */
	@GetMapping("/api/v1/audit/verify")
	ResponseEntity<String> verify(@RequestParam(required = false) String head) throws SQLException {
		String kept = null;
		if (head != null) {
			try {
				kept = AuditLog.keptHead(head);
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.badParameter("head", ex.getMessage());
			}
		}
		AuditLog.Verification v = this.log.verify(kept);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("intact", v.intact());
		body.put("entries", v.entries());
		body.put("headHash", v.headHash());
		body.put("headAt", (v.headAt() != null) ? v.headAt().toString() : null);
		if (v.keptHead() != null) {
			Map<String, Object> k = new LinkedHashMap<>();
			k.put("hash", v.keptHead().hash());
			k.put("found", v.keptHead().found());
			k.put("seq", v.keptHead().seq());
			k.put("at", (v.keptHead().at() != null) ? v.keptHead().at().toString() : null);
			body.put("keptHead", k);
		}
		body.put("problems", new ArrayList<Object>(v.problems()));
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(body));
	}

	static Map<String, Object> json(AuditEvent e) {
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("seq", e.seq());
		n.put("at", e.at().toString());
		n.put("actor", e.actor());
		n.put("action", e.action());
		n.put("target", e.target());
		n.put("remote", e.remote());
		n.put("details", e.details());
		n.put("hash", e.hash());
		return n;
	}

}
