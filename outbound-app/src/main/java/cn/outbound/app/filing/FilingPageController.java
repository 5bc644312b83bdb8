package cn.outbound.app.filing;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.outbound.filing.life.Advance;
import cn.outbound.filing.life.ApprovedScale;
import cn.outbound.filing.life.DeadlinesCalendar;
import cn.outbound.filing.life.Filing;
import cn.outbound.filing.life.FilingDeadlines;
import cn.outbound.filing.life.FilingException;
import cn.outbound.filing.life.Lifecycle;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.filing.ApprovalWatch;
import cn.outbound.service.filing.Filings;
import cn.outbound.service.ledger.LedgerService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of a filing's life: {@code /filings?assessment=ID} (the filings of an assessment, and a button to open
 * one), {@code /filings/{id}} (its timeline, open deadlines and the form to move it), {@code /deadlines} (every open
 * deadline, soonest first, overdue ones in red and said in words) and {@code /deadlines.ics} (the same as an iCalendar
 * feed, for a session or a bearer token). Viewers read; analysts create and move (SecurityConfiguration).
 */
@Controller
class FilingPageController {

	private final cn.outbound.app.web.Scopes scopes;

	/** The longest text of the recipients box, in characters. */
	static final int MAX_RECIPIENTS_TEXT = ApprovedScale.MAX_RECIPIENTS * (ApprovedScale.MAX_RECIPIENT + 2);

	private final Filings filings;

	private final LedgerService ledger;

	private final cn.outbound.service.org.ZoneReports zoneReports;

	FilingPageController(Filings filings, LedgerService ledger, cn.outbound.app.web.Scopes scopes,
			cn.outbound.service.org.ZoneReports zoneReports) {
		this.zoneReports = zoneReports;
		this.scopes = scopes;
		this.filings = filings;
		this.ledger = ledger;
	}

	@GetMapping("/filings")
	String list(@RequestParam(required = false) Long assessment, Authentication user, Model model) throws SQLException {
		model.addAttribute("assessment", assessment);
		model.addAttribute("filings", this.filings.list(this.scopes.of(user).orgId(), assessment, null, null));
		model.addAttribute("error", null);
		return "filings";
	}

	@PostMapping("/filings")
	String create(@RequestParam long assessment, Authentication user, HttpServletRequest request,
			HttpServletResponse response, Model model) throws SQLException {
		cn.outbound.service.org.Scope scope = this.scopes.of(user);
		try {
			Filing f = this.filings.create(scope, assessment, new Actor(user.getName(), request.getRemoteAddr()));
			return "redirect:/filings/" + f.id();
		}
		catch (FilingException ex) {
			response.setStatus(status(ex));
			model.addAttribute("assessment", assessment);
			model.addAttribute("filings", this.filings.list(scope.orgId(), assessment, null, null));
			model.addAttribute("error", ex.text());
			return "filings";
		}
	}

	@GetMapping("/filings/{id}")
	String one(@PathVariable long id, @RequestParam(required = false) String report, Authentication user,
			HttpServletResponse response, Model model) throws SQLException {
		model.addAttribute("reportState", report);
		cn.outbound.service.org.Scope scope = this.scopes.of(user);
		try {
			return page(scope, this.filings.find(scope.orgId(), id), null, null, model);
		}
		catch (FilingException ex) {
			response.setStatus(404);
			model.addAttribute("status", 404);
			return "error";
		}
	}

	@PostMapping("/filings/{id}/transitions")
	String advance(@PathVariable long id, @RequestParam(required = false) String to,
			@RequestParam(required = false) String date, @RequestParam(required = false) String number,
			@RequestParam(required = false) String individuals, @RequestParam(required = false) String sensitive,
			@RequestParam(required = false) String recipients, Authentication user, HttpServletRequest request,
			HttpServletResponse response, Model model) throws SQLException {
		Filing f;
		cn.outbound.service.org.Scope scope = this.scopes.of(user);
		try {
			f = this.filings.find(scope.orgId(), id);
		}
		catch (FilingException ex) {
			response.setStatus(404);
			model.addAttribute("status", 404);
			return "error";
		}
		try {
			ApprovedScale scale = null;
			if (notBlank(individuals) || notBlank(sensitive) || notBlank(recipients)) {
				if (recipients != null && recipients.length() > MAX_RECIPIENTS_TEXT) {
					throw new FilingException(FilingException.Kind.INVALID, "too-long", "recipients",
							cn.outbound.filing.calendar.FilingText.of("life.scale-recipients", "max",
									ApprovedScale.MAX_RECIPIENTS));
				}
				List<String> names = (recipients == null) ? List.of()
						: Arrays.stream(recipients.split("\\R")).filter(s -> !s.isBlank()).toList();
				scale = new ApprovedScale(persons(individuals), persons(sensitive), names);
			}
			Advance advance = new Advance(Lifecycle.state(to), Lifecycle.date("date", date),
					notBlank(number) ? number : null, scale);
			this.filings.advance(scope, id, advance, new Actor(user.getName(), request.getRemoteAddr()));
			return "redirect:/filings/" + id;
		}
		catch (FilingException ex) {
			response.setStatus(status(ex));
			return page(scope, f, ex, new String[] { to, date, number, individuals, sensitive, recipients }, model);
		}
	}

	@GetMapping("/deadlines")
	String deadlines(Authentication user, Model model) throws SQLException {
		model.addAttribute("deadlines", this.filings.openDeadlines(this.scopes.of(user).orgId()));
		model.addAttribute("today", this.filings.today());
		return "deadlines";
	}

	@GetMapping("/deadlines.ics")
	ResponseEntity<String> feed(@RequestParam(required = false) String lang, Authentication user) throws SQLException {
		String l = "en".equals(lang) ? "en" : "zh";
		String ics = DeadlinesCalendar.ics(this.filings.openDeadlines(this.scopes.of(user).orgId()), this.filings.today(), Instant.now(), l);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Disposition", "inline; filename=\"outbound-deadlines.ics\"")
			.body(ics);
	}

	private String page(cn.outbound.service.org.Scope scope, Filing f, FilingException error, String[] form,
			Model model) throws SQLException {
		List<FilingDeadlines.Open> open = this.filings.open(f);
		model.addAttribute("f", f);
		model.addAttribute("open", open);
		model.addAttribute("validUntil", this.filings.deadlines().validUntil(f));
		model.addAttribute("today", this.filings.today());
		model.addAttribute("error", (error != null) ? error.text() : null);
		model.addAttribute("errorField", (error != null) ? error.field() : null);
		model.addAttribute("form", (form != null) ? form : new String[6]);
		model.addAttribute("growth", (f.state() == cn.outbound.filing.life.FilingState.APPROVED && f.processorId() != null)
				? ApprovalWatch.growth(f, this.ledger.status(scope.orgId(), f.processorId(), null, null, ApprovalWatch.NATIONAL))
				: null);
		model.addAttribute("zoneReport", this.zoneReports
			.openReportOf(scope, cn.outbound.service.org.ZoneReports.Kind.FILING, f.id()).orElse(null));
		return "filing";
	}

	/**
	 * @throws FilingException ({@code scale}) for a count that is not a whole number
	 */
	private static Long persons(String value) {
		if (!notBlank(value)) {
			return null;
		}
		try {
			return Long.valueOf(value.strip().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new FilingException(FilingException.Kind.INVALID, "invalid", "scale",
					cn.outbound.filing.calendar.FilingText.of("life.scale-persons", "value",
							(value.length() > 20) ? value.substring(0, 20) + "…" : value, "max",
							ApprovedScale.MAX_PERSONS));
		}
	}

	private static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}

	static int status(FilingException ex) {
		return switch (ex.kind()) {
			case NOT_FOUND -> 404;
			case CONFLICT -> 409;
			case INVALID -> 422;
		};
	}


}
