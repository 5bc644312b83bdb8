package cn.outbound.app.assessment;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.outbound.app.system.OutboundSettings;
import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.Bodies;
import cn.outbound.app.web.Messages;
import cn.outbound.app.web.Problems;
import cn.outbound.report.Document;
import cn.outbound.rules.render.Json;
import cn.outbound.service.assessment.Assessment;
import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.assessment.Reviews;
import cn.outbound.service.decision.RuleBooks;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Sign-off and the record of a decision (#11 item 9), at the API and on the result page: the review
 * ({@code POST /api/v1/assessments/{id}/review}, the page's form), its history, the decision JSON exactly as stored,
 * and the decision as a PDF. Who may review is the service's rule ({@link Reviews}); this class only says its
 * refusals in each door's way.
 */
@Controller
class SignOffController {

	private final cn.outbound.app.web.Scopes scopes;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Assessments assessments;

	private final Reviews reviews;

	private final RuleBooks books;

	private final ObjectProvider<DecisionPdf> pdf;

	private final MessageSource messages;

	private final OutboundSettings settings;

	SignOffController(Assessments assessments, Reviews reviews, RuleBooks books, ObjectProvider<DecisionPdf> pdf,
			MessageSource messages, OutboundSettings settings, cn.outbound.app.web.Scopes scopes) {
		this.scopes = scopes;
		this.assessments = assessments;
		this.reviews = reviews;
		this.books = books;
		this.pdf = pdf;
		this.messages = messages;
		this.settings = settings;
	}

	@PostMapping("/api/v1/assessments/{id}/review")
	@ResponseBody
	ResponseEntity<String> review(@PathVariable long id, HttpServletRequest request, Authentication user)
			throws SQLException {
		Bodies.requireJson(request);
		byte[] body = Bodies.read(request, 64 * 1024, System.nanoTime() + this.settings.bodyTimeout().toNanos());
		Object parsed;
		try {
			parsed = JSON.readValue(body, Object.class);
		}
		catch (RuntimeException ex) {
			throw new ApiProblem(400, "malformed-json", "Malformed JSON", "The body is not a JSON document.");
		}
		if (!(parsed instanceof Map<?, ?> m)) {
			throw ApiProblem.badParameter("verdict", "send {\"verdict\": \"APPROVED\" or \"RETURNED\", \"comment\": \"…\"}");
		}
		for (Object k : m.keySet()) {
			if (!"verdict".equals(k) && !"comment".equals(k)) {
				throw ApiProblem.badParameter(String.valueOf(k), "unknown field; allowed: verdict, comment");
			}
		}
		Reviews.Verdict verdict = verdict(m.get("verdict"));
		if (verdict == null) {
			throw ApiProblem.badParameter("verdict", "must be APPROVED or RETURNED");
		}
		Object comment = m.get("comment");
		if (comment != null && !(comment instanceof String)) {
			throw ApiProblem.badParameter("comment", "must be a string of at most " + Reviews.MAX_COMMENT + " characters");
		}
		Reviews.Review r;
		try {
			r = this.reviews.review(id, verdict, (String) comment, user.getName(), request.getRemoteAddr());
		}
		catch (Reviews.Refused ex) {
			throw problem(ex);
		}
		return ResponseEntity.status(201).contentType(Problems.JSON)
			.body(Json.compact(state(this.reviews.of(this.scopes.of(user).orgId(), id), r)));
	}

	@GetMapping("/api/v1/assessments/{id}/review")
	@ResponseBody
	ResponseEntity<String> reviews(@PathVariable long id, Authentication user) throws SQLException {
		Assessment a = find(user, id);
		return ResponseEntity.ok().contentType(Problems.JSON)
			.body(Json.compact(state(this.reviews.of(this.scopes.of(user).orgId(), a.id()), null)));
	}

	/** The decision JSON exactly as stored: the bytes whose SHA-256 the PDF's footer shows. */
	@GetMapping("/api/v1/assessments/{id}/decision")
	@ResponseBody
	ResponseEntity<String> decision(@PathVariable long id, Authentication user) throws SQLException {
		Assessment a = find(user, id);
		return ResponseEntity.ok().contentType(Problems.JSON).header("Digest-SHA256", DecisionPdf.decisionHash(a))
			.body(a.decision());
	}

	@GetMapping("/api/v1/assessments/{id}/pdf")
	@ResponseBody
	ResponseEntity<byte[]> apiPdf(@PathVariable long id, @RequestParam(defaultValue = "zh") String lang,
			Authentication user) throws SQLException {
		if (!"zh".equals(lang) && !"en".equals(lang)) {
			throw ApiProblem.badParameter("lang", "must be zh or en");
		}
		return pdf(find(user, id), "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE, user);
	}

	@GetMapping("/assessments/{id}/pdf")
	@ResponseBody
	ResponseEntity<byte[]> pagePdf(@PathVariable long id, Locale locale, Authentication user) throws SQLException {
		return pdf(find(user, id), locale, user);
	}

	/** The result page's review form; a refusal comes back to the page, said in its language. */
	@PostMapping("/assessments/{id}/review")
	String pageReview(@PathVariable long id, @RequestParam(required = false) String verdict,
			@RequestParam(required = false) String comment, Authentication user, HttpServletRequest request)
			throws SQLException {
		Reviews.Verdict v = verdict(verdict);
		if (v == null) {
			return "redirect:/assessments/" + id + "?refused=VERDICT#review";
		}
		try {
			this.reviews.review(id, v, comment, user.getName(), request.getRemoteAddr());
		}
		catch (Reviews.Refused ex) {
			return "redirect:/assessments/" + id + "?refused=" + ex.reason().name() + "#review";
		}
		return "redirect:/assessments/" + id + "?reviewed#review";
	}

	private ResponseEntity<byte[]> pdf(Assessment a, Locale locale, Authentication user) throws SQLException {
		DecisionPdf writer = this.pdf.getIfAvailable();
		if (writer == null) {
			throw new ApiProblem(503, "no-cjk-font", "No CJK font for the PDF",
					"The server has no Chinese font to embed: install fonts-wqy-microhei or set OUTBOUND_REPORT_CJK_FONT.");
		}
		Messages t = new Messages(this.messages, locale);
		DecisionView d = DecisionView.of(a.decision());
		AssessedView v = AssessedView.of(a, this.books.current().packs(), t);
		Document doc = DecisionPdf.document(a, d, v, this.reviews.of(this.scopes.of(user).orgId(), a.id()), t);
		byte[] bytes = writer.write(doc, a, t);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", ContentDisposition.attachment()
				.filename("assessment-" + a.id() + "-" + t.lang() + ".pdf")
				.build()
				.toString())
			.body(bytes);
	}

	private Assessment find(Authentication user, long id) throws SQLException {
		return this.assessments.find(this.scopes.of(user), id).orElseThrow(() -> ApiProblem.notFound("No assessment " + id + "."));
	}

	private static Reviews.Verdict verdict(Object value) {
		if (value instanceof String s) {
			try {
				return Reviews.Verdict.valueOf(s.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

	static ApiProblem problem(Reviews.Refused ex) {
		return switch (ex.reason()) {
			case NOT_FOUND -> ApiProblem.notFound(ex.getMessage() + ".");
			case ROLE, OWN_ASSESSMENT -> new ApiProblem(403, "review-forbidden", "Review not allowed", ex.getMessage() + ".",
					List.of(Map.of("reason", ex.reason().name())));
			case ALREADY_APPROVED -> new ApiProblem(409, "already-approved", "Already approved", ex.getMessage() + ".");
			case COMMENT_REQUIRED, COMMENT_TOO_LONG -> ApiProblem.badParameter("comment", ex.getMessage());
		};
	}

	static Map<String, Object> state(List<Reviews.Review> all, Reviews.Review made) {
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("status", Reviews.status(all).name());
		if (made != null) {
			n.put("review", json(made));
		}
		List<Object> list = new ArrayList<>();
		all.forEach(r -> list.add(json(r)));
		n.put("reviews", list);
		return n;
	}

	private static Map<String, Object> json(Reviews.Review r) {
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("id", r.id());
		n.put("reviewer", r.reviewer());
		n.put("verdict", r.verdict().name());
		n.put("comment", r.comment());
		n.put("at", r.at().toString());
		return n;
	}

}
