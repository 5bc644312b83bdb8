package cn.outbound.app.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import cn.outbound.service.assessment.DraftStore;
import cn.outbound.service.decision.RuleBook;
import cn.outbound.service.decision.RuleBooks;
import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.Problems;
import cn.outbound.app.web.ShortTermStore;
import cn.outbound.app.web.Uploads;
import cn.outbound.app.assessment.ScenarioFields;
import cn.outbound.rules.Text;
import cn.outbound.scan.DraftScenario;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.scan.ReportJson;
import cn.outbound.scan.ScanReport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /scan} (ANALYST): upload a table, see its scan report (masked samples, persons per class, suggested list
 * items to confirm), download the report as JSON, and carry the draft scenario into the questionnaire as a draft.
 * The report is kept in memory for its owner for {@code outbound.scan.keep-reports}; nothing of the data is stored.
 */
@Controller
class ScanPageController {

	private final cn.outbound.app.web.Scopes scopes;

	private final DatasetScans scans;

	private final DraftStore drafts;

	private final RuleBooks books;

	private final MessageSource messages;

	private final ShortTermStore<ScanReport> reports;

	ScanPageController(DatasetScans scans, DraftStore drafts, RuleBooks books, MessageSource messages, cn.outbound.app.web.Scopes scopes) {
		this.scopes = scopes;
		this.scans = scans;
		this.drafts = drafts;
		this.books = books;
		this.messages = messages;
		this.reports = new ShortTermStore<>(200, scans.settings().keepReports());
	}

	/**
	 * Whose a kept report is: the user within the organisation (#13), so a user moved to another organisation no
	 * longer reads the reports of the one left.
	 */
	private String owner(Authentication user) throws SQLException {
		cn.outbound.service.org.Scope scope = this.scopes.of(user);
		return scope.orgId() + "/" + scope.user();
	}

	@GetMapping("/scan")
	String form(Model model) {
		return render(model, form(null, List.of(), null), null);
	}

	/** The upload (multipart); the CSRF token comes in the query string, see scan.jte. */
	@PostMapping("/scan")
	String upload(HttpServletRequest request, Authentication user, Model model, HttpServletResponse response)
			throws IOException, SQLException {
		String owner = owner(user);
		ScanReport report;
		try (DatasetScans.Slot slot = this.scans.slot();
				ScanRequests.Parsed parsed = ScanRequests.read(request, this.scans, false)) {
			report = this.scans.scan(parsed.upload(), parsed.settings(), parsed.field(), user.getName(),
					request.getRemoteAddr());
		}
		catch (ApiProblem ex) {
			response.setStatus(ex.status());
			return render(model, failure(ex), null);
		}
		return "redirect:/scan/" + this.reports.put(owner, report);
	}

	@GetMapping("/scan/{id}")
	String report(@PathVariable String id, Authentication user, Model model, HttpServletResponse response)
			throws SQLException {
		Optional<ScanReport> report = this.reports.get(id, owner(user));
		if (report.isEmpty()) {
			response.setStatus(404);
			return render(model, form("scan.error.expired", List.of(), null), null);
		}
		return render(model, form(null, List.of(), null), view(id, report.get()));
	}

	@GetMapping("/scan/{id}/report.json")
	ResponseEntity<String> json(@PathVariable String id, Authentication user) throws SQLException {
		ScanReport report = this.reports.get(id, owner(user))
			.orElseThrow(() -> ApiProblem.notFound("No scan report " + id + " (reports are kept for a while after the scan)."));
		String name = report.source().replaceAll("\\.[A-Za-z]+$", "") + ".scan.json";
		return ResponseEntity.ok()
			.contentType(Problems.JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(ReportJson.write(report));
	}

	/**
	 * The draft scenario into the questionnaire: saved as a draft of the user (audited as every draft is) with the
	 * suggested items the user ticked, then opened.
	 */
	@PostMapping("/scan/{id}/draft")
	String draft(@PathVariable String id, @RequestParam(name = "item", required = false) List<Integer> items,
			Authentication user, HttpServletRequest request, Model model, HttpServletResponse response)
			throws SQLException {
		cn.outbound.service.org.Scope scope = this.scopes.of(user);
		Optional<ScanReport> report = this.reports.get(id, owner(user));
		if (report.isEmpty()) {
			response.setStatus(404);
			return render(model, form("scan.error.expired", List.of(), null), null);
		}
		Locale locale = LocaleContextHolder.getLocale();
		String lang = "en".equals(locale.getLanguage()) ? "en" : "zh";
		Map<String, String> form = draftForm(report.get(), (items != null) ? new HashSet<>(items) : Set.of(), lang);
		String title = this.messages.getMessage("scan.draftTitle", new Object[] { report.get().source() },
				"en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
		form.put("title", (title.length() > 200) ? title.substring(0, 200) : title);
		long draft = this.drafts.save(null, scope, form.get("title"), form, request.getRemoteAddr());
		return "redirect:/assess?draft=" + draft + "&saved";
	}

	/**
	 * The questionnaire's fields for the scan's draft scenario ({@link DraftScenario}, the CLI's too) with the ticked
	 * suggestions declared, under the edition in force (published editions included). Only items the scan suggested
	 * can be ticked.
	 */
	Map<String, String> draftForm(ScanReport report, Set<Integer> ticked, String lang) {
		Map<String, Object> scenario = report.scenario();
		String date = String.valueOf(scenario.getOrDefault("date", LocalDate.now().toString()));
		LocalDate day;
		try {
			day = LocalDate.parse(date);
		}
		catch (RuntimeException ex) {
			day = LocalDate.now();
		}
		List<ScanReport.SuggestedItem> accepted = report.suggestedItems()
			.stream()
			.filter(s -> ticked.contains(s.item()))
			.toList();
		Map<String, Object> draft = DraftScenario.of(report.persons(), accepted, day,
				pack(ScanReport.DRAFT_JURISDICTION, day.toString()), s -> {
					String because = ("en".equals(lang) ? s.because().en() : s.because().zh());
					return (because != null && because.length() > 500) ? because.substring(0, 500) : because;
				});
		if (!(scenario.get("personalInformation") instanceof List<?> groups) || groups.isEmpty()) {
			// persons not counted: no group, as in the report's own draft
			draft.put("personalInformation", List.of());
		}
		Map<String, String> form = ScenarioFields.of(draft);
		// the scan's figure for a count the draft leaves for the user: a hint next to the question, never its answer
		for (DraftScenario.Hint hint : DraftScenario.hints(report.persons(), draft,
				pack(ScanReport.DRAFT_JURISDICTION, day.toString()))) {
			form.put("hint." + hint.item() + "." + hint.fact(), "en".equals(lang) ? hint.note().en() : hint.note().zh());
		}
		return form;
	}

	private RulePack pack(String jurisdiction, String date) {
		RuleBook book = this.books.current();
		try {
			return book.packs().inForce(jurisdiction, LocalDate.parse(date)).or(() -> book.current(jurisdiction)).orElse(null);
		}
		catch (RuntimeException ex) {
			return book.current(jurisdiction).orElse(null);
		}
	}

	private ScanView view(String id, ScanReport report) {
		String jurisdiction = String.valueOf(report.scenario().getOrDefault("jurisdiction", "tianjin-ftz"));
		RulePack pack = pack(jurisdiction, String.valueOf(report.scenario().get("date")));
		return ScanView.of(id, report, n -> {
			Item item = (pack != null) ? pack.item(n) : null;
			return (item != null) ? item.name() : null;
		});
	}

	private ScanForm form(String errorKey, List<Object> args, String detail) {
		return new ScanForm(Uploads.size(this.scans.maxUpload()), this.scans.maxUpload(), errorKey, args, detail);
	}

	/** What went wrong, for the page: a message in its language, and the scanner's own words where it gave some. */
	private ScanForm failure(ApiProblem ex) {
		String size = Uploads.size(this.scans.maxUpload());
		return switch (ex.type()) {
			case "payload-too-large" -> form("scan.error.tooLarge", List.of(size), null);
			case "read-limit-exceeded" -> form("scan.error.limit." + ex.errors().get(0).get("limit"),
					List.of(ex.errors().get(0).get("allowed")), null);
			case "request-timeout" -> form("scan.error.timeout", List.of(), null);
			case "scanner-busy" -> form("scan.error.busy", List.of(), null);
			case "unreadable-table" -> form(detail(ex).contains("Parquet") || detail(ex).contains("row group")
					? "scan.error.unreadable.parquet" : "scan.error.unreadable", List.of(), detail(ex));
			case "invalid-scan-option" -> form("scan.error.option", List.of(), detail(ex));
			case "invalid-parameter" -> form("scan.error.parameter", List.of(parameter(ex)), detail(ex));
			case "internal-error" -> form("scan.error.internal", List.of(), ex.getMessage());
			default -> form("scan.error.upload", List.of(), ex.getMessage());
		};
	}

	private static String detail(ApiProblem ex) {
		List<String> messages = new ArrayList<>();
		ex.errors().forEach(e -> messages.add(String.valueOf(e.get("message"))));
		return messages.isEmpty() ? ex.getMessage() : String.join("; ", messages);
	}

	private static String parameter(ApiProblem ex) {
		return ex.errors().isEmpty() ? "" : String.valueOf(ex.errors().get(0).get("parameter"));
	}

	private String render(Model model, ScanForm form, ScanView view) {
		model.addAttribute("form", form);
		model.addAttribute("view", view);
		model.addAttribute("standards", List.of("PIPL", "GB_T_35273", "TC260"));
		model.addAttribute("today", LocalDate.now().toString());
		return "scan";
	}

}
