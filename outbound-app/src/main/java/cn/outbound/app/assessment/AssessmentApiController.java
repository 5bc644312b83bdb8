package cn.outbound.app.assessment;

import java.net.URI;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.app.system.OutboundSettings;
import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.Bodies;
import cn.outbound.app.web.Problems;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.render.Json;
import cn.outbound.service.assessment.Assessment;
import cn.outbound.service.assessment.AssessmentStore;
import cn.outbound.service.assessment.Assessments;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/assessments}: store a decided scenario, list the stored ones with filters, fetch one.
 */
@RestController
class AssessmentApiController {

	private final cn.outbound.app.web.Scopes scopes;

	private final Assessments assessments;

	private final OutboundSettings settings;

	AssessmentApiController(Assessments assessments, OutboundSettings settings, cn.outbound.app.web.Scopes scopes) {
		this.scopes = scopes;
		this.assessments = assessments;
		this.settings = settings;
	}

	@PostMapping("/api/v1/assessments")
	ResponseEntity<byte[]> create(HttpServletRequest request, Authentication user,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestParam(required = false) String title) throws SQLException {
		Bodies.requireJson(request);
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw new ApiProblem(400, "invalid-header", "Invalid Idempotency-Key",
					"Idempotency-Key must be 1 to 200 characters.",
					List.of(Map.of("header", "Idempotency-Key", "message", "1 to 200 characters")));
		}
		byte[] body = Bodies.read(request, this.settings.maxBodyBytes(),
				System.nanoTime() + this.settings.bodyTimeout().toNanos());
		Assessments.Created created = this.assessments.create(this.scopes.of(user), body, title, idempotencyKey,
				request.getRemoteAddr());
		var builder = created.replay() ? ResponseEntity.ok().header("Idempotent-Replayed", "true")
				: ResponseEntity.created(URI.create("/api/v1/assessments/" + created.assessment().id()));
		return builder.contentType(Problems.JSON).body(utf8(Assessments.fullJson(created.assessment())));
	}

	@GetMapping("/api/v1/assessments/{id}")
	ResponseEntity<byte[]> one(@PathVariable long id, Authentication user) throws SQLException {
		Assessment a = this.assessments.find(this.scopes.of(user), id)
			.orElseThrow(() -> ApiProblem.notFound("No assessment " + id + "."));
		return ResponseEntity.ok().contentType(Problems.JSON).body(utf8(Assessments.fullJson(a)));
	}

	/**
	 * A whole assessment as bytes, encoded once: a {@code String} body is encoded twice by Spring (once for its
	 * length), which for a decision of 35 KB was a tenth of the server's time per assessment.
	 */
	private static byte[] utf8(String json) {
		return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	@GetMapping("/api/v1/assessments")
	ResponseEntity<String> list(@RequestParam(required = false) String outcome,
			@RequestParam(required = false) String processor, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Authentication user) throws SQLException {
		AssessmentStore.Filter filter = filter(outcome, processor, from, to);
		if (page < 0) {
			throw ApiProblem.badParameter("page", "must be 0 or more");
		}
		if (size < 1 || size > 200) {
			throw ApiProblem.badParameter("size", "must be 1 to 200");
		}
		AssessmentStore.Page result = this.assessments.search(this.scopes.of(user), filter, page, size);
		Map<String, Object> body = new LinkedHashMap<>();
		List<Object> items = new ArrayList<>();
		result.items().forEach(a -> items.add(Assessments.summary(a)));
		body.put("items", items);
		body.put("page", result.page());
		body.put("size", result.size());
		body.put("total", result.total());
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(body));
	}

	static AssessmentStore.Filter filter(String outcome, String processor, String from, String to) {
		if (outcome != null && !outcome.isBlank()) {
			try {
				Mechanism.valueOf(outcome);
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.badParameter("outcome", "'" + clip(outcome) + "' is not an outcome; allowed: "
						+ String.join(", ", java.util.Arrays.stream(Mechanism.values()).map(Enum::name).toList()));
			}
		}
		LocalDate f = date("from", from);
		LocalDate t = date("to", to);
		if (f != null && t != null && t.isBefore(f)) {
			throw ApiProblem.badParameter("to", "must not be before 'from'");
		}
		return new AssessmentStore.Filter(blank(outcome), blank(processor), f, t);
	}

	private static LocalDate date(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.badParameter(name, "'" + clip(value) + "' is not a date (YYYY-MM-DD)");
		}
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private static String clip(String s) {
		return (s.length() > 40) ? s.substring(0, 40) + "…" : s;
	}

}
