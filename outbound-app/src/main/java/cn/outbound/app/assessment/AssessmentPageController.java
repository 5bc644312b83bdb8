package cn.outbound.app.assessment;

import java.sql.SQLException;
import java.util.Locale;

import cn.outbound.app.web.ApiProblem;
import cn.outbound.service.assessment.Assessment;
import cn.outbound.service.assessment.AssessmentStore;
import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.assessment.DraftStore;
import cn.outbound.service.assessment.Reviews;
import cn.outbound.service.decision.RuleBooks;
import cn.outbound.app.web.Messages;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * History of assessments with filters, and the result page of one.
 */
@Controller
class AssessmentPageController {

	private final cn.outbound.app.web.Scopes scopes;

	private final Assessments assessments;

	private final DraftStore drafts;

	private final MessageSource messages;

	private final Reviews reviews;

	private final RuleBooks books;

	private final cn.outbound.service.org.ZoneReports zoneReports;

	AssessmentPageController(Assessments assessments, DraftStore drafts, MessageSource messages, Reviews reviews,
			RuleBooks books, cn.outbound.app.web.Scopes scopes, cn.outbound.service.org.ZoneReports zoneReports) {
		this.zoneReports = zoneReports;
		this.scopes = scopes;
		this.reviews = reviews;
		this.books = books;
		this.assessments = assessments;
		this.drafts = drafts;
		this.messages = messages;
	}

	@GetMapping("/assessments")
	String history(@RequestParam(required = false) String outcome, @RequestParam(required = false) String processor,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, Authentication user, Locale locale, Model model)
			throws SQLException {
		AssessmentStore.Filter filter;
		String problem = null;
		try {
			filter = AssessmentApiController.filter(outcome, processor, from, to);
		}
		catch (ApiProblem ex) {
			filter = AssessmentStore.Filter.NONE;
			// in the page's language: which filter, and that the list is not filtered
			Object parameter = ex.errors().isEmpty() ? "" : ex.errors().get(0).getOrDefault("parameter", "");
			problem = this.messages.getMessage("history.badFilter", new Object[] { parameter },
					"en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
		}
		cn.outbound.service.org.Scope scope = this.scopes.of(user);
		AssessmentStore.Page result = this.assessments.search(scope, filter, Math.max(0, page), 25);
		model.addAttribute("page", result);
		model.addAttribute("filter", filter);
		model.addAttribute("problem", problem);
		model.addAttribute("drafts", this.drafts.list(scope));
		return "history";
	}

	@GetMapping("/assessments/{id}")
	String one(@PathVariable long id, @RequestParam(required = false) String refused,
			@RequestParam(required = false) String report, Authentication user,
			jakarta.servlet.http.HttpServletResponse response,
			Locale locale, Model model) throws SQLException {
		cn.outbound.service.org.Scope scope = this.scopes.of(user);
		Assessment a = this.assessments.find(scope, id).orElse(null);
		if (a == null) {
			// #13: another organisation's assessment is 404, as one that does not exist
			response.setStatus(404);
			model.addAttribute("status", 404);
			return "error";
		}
		model.addAttribute("a", a);
		model.addAttribute("d", DecisionView.of(a.decision()));
		// #11: everything assessed, the rules' pages, and the sign-off
		Messages t = new Messages(this.messages, locale);
		var packs = this.books.current().packs();
		model.addAttribute("v", AssessedView.of(a, packs, t));
		model.addAttribute("links", ResultLinks.of(packs, a));
		java.util.List<Reviews.Review> history = this.reviews.of(scope.orgId(), id);
		model.addAttribute("reviews", history);
		// #13: reported to the zone?
		model.addAttribute("zoneReport", this.zoneReports
			.openReportOf(scope, cn.outbound.service.org.ZoneReports.Kind.ASSESSMENT, id).orElse(null));
		model.addAttribute("reportState", report);
		model.addAttribute("reviewState", new ResultLinks.ReviewState(Reviews.status(history),
				!a.createdBy().equals(user.getName()), (refused != null && refused.matches("[A-Z_]{1,40}")) ? refused : null));
		return "result";
	}

}
