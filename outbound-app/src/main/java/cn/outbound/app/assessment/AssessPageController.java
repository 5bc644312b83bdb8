package cn.outbound.app.assessment;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import cn.outbound.app.rules.Questionnaire;
import cn.outbound.app.web.PendingAnswers;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.render.Json;
import cn.outbound.rules.source.Bundles;
import cn.outbound.rules.source.Problem;
import cn.outbound.rules.source.ProblemMessages;
import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.assessment.DraftStore;
import cn.outbound.service.decision.Deciding;
import cn.outbound.service.decision.RejectedRequest;
import cn.outbound.service.decision.RuleBook;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The questionnaire: generated from the rule pack in force, answered in the browser, decided and stored as an
 * assessment; or saved half-finished as a draft. Problems with the answers are shown in the page's language.
 */
@Controller
class AssessPageController {

	private final cn.outbound.app.web.Scopes scopes;

	private final Deciding deciding;

	private final Assessments assessments;

	private final DraftStore drafts;

	private final org.springframework.context.MessageSource messages;

	private final PendingAnswers pending;

	AssessPageController(Deciding deciding, Assessments assessments, DraftStore drafts,
			org.springframework.context.MessageSource messages, PendingAnswers pending, cn.outbound.app.web.Scopes scopes) {
		this.scopes = scopes;
		this.messages = messages;
		this.pending = pending;
		this.deciding = deciding;
		this.assessments = assessments;
		this.drafts = drafts;
	}

	/**
	 * Back from signing in again after the session ended (or a page's token went stale) under the questionnaire: the
	 * kept answers are saved as a draft at once, and the form opens on it.
	 */
	@GetMapping(path = "/assess", params = "resume")
	String resume(Authentication user, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
			throws SQLException {
		var kept = this.pending.take(request, response);
		if (kept.isEmpty()) {
			return "redirect:/assess";
		}
		ScenarioForm form = ScenarioForm.of(kept.get());
		long id = this.drafts.save(null, this.scopes.of(user), draftName(form), form.values(), request.getRemoteAddr());
		return "redirect:/assess?draft=" + id + "&resumed";
	}

	@GetMapping("/assess")
	String form(@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) Long draft,
			@RequestParam(required = false) String saved, @RequestParam(required = false) String resumed,
			Authentication user, Model model) throws SQLException {
		Map<String, String> values = new TreeMap<>();
		Long draftId = null;
		if (draft != null) {
			var found = this.drafts.find(draft, this.scopes.of(user));
			if (found.isPresent()) {
				values.putAll(found.get().form());
				draftId = found.get().id();
			}
		}
		if (jurisdiction != null) {
			values.put("jurisdiction", jurisdiction);
		}
		values.putIfAbsent("date", LocalDate.now().toString());
		values.putIfAbsent("processor.ciio", "false");
		model.addAttribute("resumed", resumed != null && draftId != null);
		return render(new ScenarioForm(values), Map.of(), List.of(), draftId, saved != null, model);
	}

	@PostMapping("/assess")
	String submit(HttpServletRequest request, @RequestParam(defaultValue = "decide") String action,
			@RequestParam(name = "draftId", required = false) Long draftId, Authentication user, Locale locale,
			Model model) throws SQLException {
		ScenarioForm form = ScenarioForm.of(request.getParameterMap());
		String title = form.get("title");
		if (title != null && title.length() > Assessments.MAX_TITLE) {
			return render(form, Map.of("title", List.of(this.messages.getMessage("form.title.too-long",
					new Object[] { Assessments.MAX_TITLE, title.length() }, locale))), List.of(), draftId, false, model);
		}
		if ("draft".equals(action)) {
			long id = this.drafts.save(draftId, this.scopes.of(user), draftName(form), form.values(), request.getRemoteAddr());
			return "redirect:/assess?draft=" + id + "&saved";
		}
		if ("addGroup".equals(action)) {
			Map<String, String> values = new TreeMap<>(form.values());
			values.put("pi." + form.piGroups() + ".basis", "NONE");
			return render(new ScenarioForm(values), Map.of(), List.of(), draftId, false, model);
		}
		if ("switch".equals(action)) {
			return render(form, Map.of(), List.of(), draftId, false, model);
		}
		RuleBook book = this.deciding.book();
		RulePack pack = pack(book, form);
		if ("dropItems".equals(action)) {
			// the person chose to remove the answers the pack in force cannot assess
			return render(form.without(form.dropped(pack)), Map.of(), List.of(), draftId, false, model);
		}
		ScenarioForm.Built built = form.build(pack);
		FieldLabels labels = new FieldLabels(pack, this.messages, locale);
		Checked checked = check(built, labels, locale);
		if (!checked.ok()) {
			return render(form, checked.errors(), checked.general(), draftId, false, model);
		}
		cn.outbound.service.org.Scope scope = this.scopes.of(user);
		Decision decision = this.deciding.decide(checked.read(), scope.orgId());
		Assessments.Created created = this.assessments.store(scope, checked.read().scenario(), checked.json(), decision,
				form.get("title"), null, null, request.getRemoteAddr());
		if (draftId != null) {
			this.drafts.delete(draftId, scope, request.getRemoteAddr());
		}
		// #11: a copy of a stored assessment, once decided, is shown beside the one it was copied from
		String copyOf = form.get("copyOf");
		if (copyOf != null && copyOf.matches("[0-9]{1,18}")) {
			return "redirect:/assessments/compare?left=" + copyOf + "&right=" + created.assessment().id();
		}
		return "redirect:/assessments/" + created.assessment().id();
	}

	/** The answers checked as the decision would take them, every problem told against its question. */
	private record Checked(Deciding.Read read, String json, Map<String, List<String>> errors, List<String> general) {

		boolean ok() {
			return this.read != null && this.errors.isEmpty() && this.general.isEmpty();
		}

	}

	/**
	 * What stands between the answers and a decision: ticked items the pack in force cannot assess (never dropped in
	 * silence), an empty questionnaire, numbers that are not numbers, and every problem the scenario reader finds,
	 * each under its question's label.
	 */
	private Checked check(ScenarioForm.Built built, FieldLabels labels, Locale locale) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		List<String> general = new ArrayList<>();
		if (!built.dropped().isEmpty()) {
			general.add(this.messages.getMessage("assess.dropped", new Object[] { itemList(built.dropped(), locale),
					built.dropped().size() }, locale));
		}
		else if (built.empty()) {
			general.add(this.messages.getMessage("assess.empty", null, locale));
		}
		built.unreadable().forEach((field, raw) -> errors.computeIfAbsent(field, k -> new ArrayList<>())
			.add(this.messages.getMessage("assess.number.unreadable", new Object[] { labels.label(field), raw }, locale)));
		String json = Json.compact(built.scenario());
		Deciding.Read read = null;
		try {
			read = this.deciding.read(json.getBytes(StandardCharsets.UTF_8));
		}
		catch (RejectedRequest ex) {
			for (Problem p : ex.problems()) {
				String field = built.field(p.pointer());
				if (field != null && built.unreadable().containsKey(field)) {
					continue; // told above, in the form's words
				}
				if (field != null) {
					errors.computeIfAbsent(field, k -> new ArrayList<>()).add(labels.message(p, field));
				}
				else {
					general.add(p.message(locale));
				}
			}
		}
		return new Checked(read, json, errors, general);
	}

	private String itemList(List<Integer> items, Locale locale) {
		List<String> names = new ArrayList<>();
		for (int n : items) {
			names.add(this.messages.getMessage("item.title", new Object[] { n }, locale));
		}
		return String.join(Bundles.separator(ProblemMessages.lang(locale)), names);
	}

	/**
	 * Live check of the answers so far (htmx, on every change): the problems in the page's language, or that there
	 * are none.
	 */
	@PostMapping("/assess/validate")
	String validate(HttpServletRequest request, Locale locale, Model model) {
		ScenarioForm form = ScenarioForm.of(request.getParameterMap());
		RuleBook book = this.deciding.book();
		RulePack pack = pack(book, form);
		ScenarioForm.Built built = form.build(pack);
		FieldLabels labels = new FieldLabels(pack, this.messages, locale);
		Checked checked = check(built, labels, locale);
		List<String> problems = new ArrayList<>(checked.general());
		checked.errors().forEach((field, list) -> list.forEach(m -> problems.add(labels.label(field) + ": " + m)));
		List<String> understood = new ArrayList<>();
		built.understood().forEach((field, n) -> understood.add(this.messages.getMessage("assess.understood",
				new Object[] { labels.label(field), form.get(field), n }, locale)));
		model.addAttribute("problems", problems);
		model.addAttribute("understood", understood);
		return "validation";
	}

	@PostMapping("/drafts/{id}/delete")
	String deleteDraft(@PathVariable long id, Authentication user, HttpServletRequest request) throws SQLException {
		this.drafts.delete(id, this.scopes.of(user), request.getRemoteAddr());
		return "redirect:/assessments";
	}

	private String render(ScenarioForm form, Map<String, List<String>> errors, List<String> general, Long draftId,
			boolean saved, Model model) {
		RuleBook book = this.deciding.book();
		RulePack pack = pack(book, form);
		List<Integer> dropped = form.dropped(pack);
		Map<String, String> carried = new TreeMap<>(form.values());
		carried.keySet().removeAll(form.without(dropped).values().keySet());
		Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		FieldLabels labels = new FieldLabels(pack, this.messages, locale);
		Map<String, String> labelled = new LinkedHashMap<>();
		errors.keySet().forEach(f -> labelled.put(f, labels.label(f)));
		model.addAttribute("q", Questionnaire.of(book.packs(), pack));
		model.addAttribute("form", new FormView(form.values(), errors, general, form.piGroups(), draftId, saved,
				book.packs().ids(), dropped, carried, labelled));
		return "assess";
	}

	private static RulePack pack(RuleBook book, ScenarioForm form) {
		String id = form.get("jurisdiction", book.defaultList().id());
		if (!book.packs().ids().contains(id)) {
			id = book.defaultList().id();
		}
		LocalDate date;
		try {
			date = LocalDate.parse(form.get("date", ""));
		}
		catch (RuntimeException ex) {
			date = LocalDate.now();
		}
		return book.packs().inForce(id, date).or(() -> book.current(book.defaultList().id())).orElseThrow();
	}

	/** The title, else the processor's name, else the date: cut to what a draft's name may hold. */
	private static String draftName(ScenarioForm form) {
		String title = form.get("title");
		String name = (title != null) ? title : form.get("processor.name");
		name = (name != null) ? name : form.get("date", "");
		return (name.length() > Assessments.MAX_TITLE) ? name.substring(0, Assessments.MAX_TITLE - 1) + "…" : name;
	}

}
