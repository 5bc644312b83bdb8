package cn.outbound.app.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.app.web.Multipart;
import cn.outbound.app.web.Uploads;
import cn.outbound.ledger.EventKeyConflictException;
import cn.outbound.ledger.EventSpec;
import cn.outbound.ledger.EventSummary;
import cn.outbound.ledger.IdentifierSource;
import cn.outbound.ledger.IngestOptions;
import cn.outbound.ledger.InvalidIdentifiersException;
import cn.outbound.ledger.LedgerInputException;
import cn.outbound.ledger.LedgerStatus;
import cn.outbound.ledger.PersonClass;
import cn.outbound.ledger.Persons;
import cn.outbound.ledger.RecordResult;
import cn.outbound.rules.Basis;
import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.audit.AuditLog;
import cn.outbound.service.decision.RuleBooks;
import cn.outbound.service.filing.ApprovalWatch;
import cn.outbound.service.ledger.LedgerService;
import cn.outbound.tables.TableFormatException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ledger (台账) in the browser. {@code /ledger} (VIEWER): choose a processor (those the stored assessments name are
 * listed). {@code /ledger/{processor}?year=Y}: counted and exempt persons, a monthly cumulative chart per class
 * against the threshold lines (inline SVG drawn here, no script), the alerts at 80, 95 and 100 %, the year's events
 * (date, basis, persons, recipient, and who recorded each, from its audit entry), and for an ANALYST an upload form
 * that records an event through {@link LedgerService#record} exactly as {@code POST /api/v1/ledger/{processor}/events}
 * does.
 */
@Controller
class LedgerPageController {

	private final cn.outbound.app.web.Scopes scopes;

	private static final Logger log = LoggerFactory.getLogger(LedgerPageController.class);

	private final LedgerService ledger;

	private final RuleBooks books;

	private final ApprovalWatch watch;

	private final AuditLog audit;

	private final Assessments assessments;

	private final long maxUpload;

	LedgerPageController(LedgerService ledger, RuleBooks books, ApprovalWatch watch, AuditLog audit,
			Assessments assessments, Environment env, cn.outbound.app.web.Scopes scopes) {
		this.scopes = scopes;
		this.ledger = ledger;
		this.books = books;
		this.watch = watch;
		this.audit = audit;
		this.assessments = assessments;
		this.maxUpload = env.getProperty("outbound.ledger.max-upload-bytes", Long.class, 4L << 30);
	}

	@GetMapping("/ledger")
	String index(@RequestParam(required = false) String processor, Authentication user, Model model)
			throws SQLException {
		if (processor != null && !processor.isBlank()) {
			return "redirect:/ledger/" + org.springframework.web.util.UriUtils.encodePathSegment(processor.strip(),
					java.nio.charset.StandardCharsets.UTF_8);
		}
		model.addAttribute("processors", this.assessments.processorIds(this.scopes.of(user), 200));
		return "ledger-index";
	}

	@GetMapping("/ledger/{processor}")
	String page(@PathVariable String processor, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String jurisdiction, Authentication user, Model model) throws SQLException {
		return render(this.scopes.of(user).orgId(), processor, year, jurisdiction, null, model);
	}

	/** The upload (multipart, the file last); the CSRF token comes in the query string, as for the scan page. */
	@PostMapping("/ledger/{processor}/events")
	String upload(@PathVariable String processor, HttpServletRequest request, HttpServletResponse response,
			Authentication auth, Model model) throws IOException, SQLException {
		String p = LedgerApiController.processor(processor);
		String org = this.scopes.of(auth).orgId();
		Map<String, String> fields = new HashMap<>();
		LedgerRows.Outcome outcome;
		String boundary = Multipart.boundary(request.getContentType());
		if (boundary == null) {
			response.setStatus(400);
			return render(org, p, null, null, new LedgerRows.Outcome(false, "ledger.upload.noFile", List.of()), model);
		}
		InputStream body = Uploads.limited(request.getInputStream(), this.maxUpload + 64 * 1024,
				System.nanoTime() + 600_000_000_000L);
		try {
			Multipart parts = new Multipart(body, boundary);
			outcome = null;
			for (Multipart.Part part = parts.next(); part != null; part = parts.next()) {
				if (!"file".equals(part.name())) {
					fields.put(part.name(), part.text(4096).strip());
					continue;
				}
				outcome = record(org, p, fields, part.body(), auth, request);
				break;
			}
			if (outcome == null) {
				outcome = new LedgerRows.Outcome(false, "ledger.upload.noFile", List.of());
			}
		}
		catch (Uploads.TooLargeException ex) {
			outcome = new LedgerRows.Outcome(false, "ledger.upload.tooLarge", List.of(this.maxUpload / (1024 * 1024)));
		}
		catch (Uploads.TimeoutException | Multipart.MalformedException ex) {
			outcome = new LedgerRows.Outcome(false, "ledger.upload.unreadable", List.of());
		}
		if (!outcome.ok()) {
			response.setStatus(422);
		}
		Integer year = null;
		try {
			year = LocalDate.parse(fields.getOrDefault("date", "")).getYear();
		}
		catch (DateTimeParseException ex) {
			// the page's default year
		}
		return render(org, p, year, null, outcome, model);
	}

	private LedgerRows.Outcome record(String org, String processor, Map<String, String> fields, InputStream file, Authentication auth,
			HttpServletRequest request) throws IOException {
		LocalDate date;
		try {
			date = LocalDate.parse(fields.getOrDefault("date", ""));
		}
		catch (DateTimeParseException ex) {
			return new LedgerRows.Outcome(false, "ledger.upload.badDate", List.of());
		}
		String column = fields.getOrDefault("column", "");
		if (column.isEmpty()) {
			return new LedgerRows.Outcome(false, "ledger.upload.noColumn", List.of());
		}
		try {
			Basis basis = EventSpec.basis(fields.getOrDefault("basis", "NONE"));
			EventSpec event = new EventSpec(processor, fields.get("eventKey"), date, blank(fields.get("recipient")), basis,
					null);
			Persons persons = new Persons(PersonClass.of("on".equals(fields.get("sensitive")) || "true".equals(fields.get("sensitive"))),
					Persons.AUTO, IdentifierSource.column(file, "upload", column, Path.of(System.getProperty("java.io.tmpdir"))));
			RecordResult r = this.ledger.record(org, event, List.of(persons),
					IngestOptions.DEFAULT.withSkipInvalid("on".equals(fields.get("skipInvalid"))),
					new Actor(auth.getName(), request.getRemoteAddr()),
					ex -> log.warn("Could not audit a ledger event: {}", ex.getMessage()));
			return (r.outcome() == RecordResult.Outcome.RECORDED)
					? new LedgerRows.Outcome(true, "ledger.upload.recorded", List.of(event.eventKey(), r.rowsRead()))
					: new LedgerRows.Outcome(true, "ledger.upload.repeat", List.of(event.eventKey()));
		}
		catch (InvalidIdentifiersException ex) {
			return new LedgerRows.Outcome(false, "ledger.upload.invalidRows", List.of(ex.invalidCount(), ex.rowsRead()));
		}
		catch (EventKeyConflictException ex) {
			return new LedgerRows.Outcome(false, "ledger.upload.conflict", List.of(fields.getOrDefault("eventKey", "")));
		}
		catch (TableFormatException ex) {
			return new LedgerRows.Outcome(false, "ledger.upload.notATable", List.of(ex.getMessage()));
		}
		catch (LedgerInputException ex) {
			return new LedgerRows.Outcome(false, "ledger.upload.invalid", List.of(ex.field(), ex.getMessage()));
		}
	}

	private String render(String org, String processor, Integer year, String jurisdiction, LedgerRows.Outcome outcome, Model model)
			throws SQLException {
		String p = LedgerApiController.processor(processor);
		Integer y = (year != null && year >= 2000 && year <= 2999) ? year : null;
		String j = (jurisdiction != null && this.books.current().packs().ids().contains(jurisdiction)) ? jurisdiction
				: LedgerService.DEFAULT_JURISDICTION;
		LedgerStatus s = this.ledger.status(org, p, y, null, j);
		// s.processor() is the ledger key (#13), as the audit entries name it
		Map<String, String> by = this.audit.actorsByTarget(LedgerService.RECORD_ACTION, "ledger:" + s.processor() + "/",
				10_000);
		List<LedgerRows.EventRow> events = this.ledger.events(org, p, s.year())
			.stream()
			.map(e -> new LedgerRows.EventRow(e, by.get(clip("ledger:" + s.processor() + "/" + e.event().eventKey()))))
			.toList();
		model.addAttribute("status", s);
		model.addAttribute("processor", p);
		model.addAttribute("notices", LedgerApiController.notices(this.watch, org, s));
		model.addAttribute("charts", List.of(LedgerChart.of(s, PersonClass.NON_SENSITIVE), LedgerChart.of(s, PersonClass.SENSITIVE)));
		model.addAttribute("events", events);
		model.addAttribute("outcome", outcome);
		model.addAttribute("bases", Basis.values());
		return "ledger";
	}

	/** The audit log keeps a target to 200 characters. */
	private static String clip(String target) {
		return (target.length() <= 200) ? target : target.substring(0, 200);
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
