package cn.outbound.app.assessment;

import java.sql.SQLException;
import java.util.Locale;

import cn.outbound.app.web.ApiProblem;
import cn.outbound.service.assessment.Assessment;
import cn.outbound.service.assessment.AssessmentStore;
import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.assessment.DraftStore;

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

	private final Assessments assessments;

	private final DraftStore drafts;

	private final MessageSource messages;

	AssessmentPageController(Assessments assessments, DraftStore drafts, MessageSource messages) {
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
		AssessmentStore.Page result = this.assessments.search(filter, Math.max(0, page), 25);
		model.addAttribute("page", result);
		model.addAttribute("filter", filter);
		model.addAttribute("problem", problem);
		model.addAttribute("drafts", this.drafts.list(user.getName()));
		return "history";
	}

	@GetMapping("/assessments/{id}")
	String one(@PathVariable long id, Model model) throws SQLException {
		Assessment a = this.assessments.find(id).orElse(null);
		if (a == null) {
			model.addAttribute("status", 404);
			return "error";
		}
		model.addAttribute("a", a);
		model.addAttribute("d", DecisionView.of(a.decision()));
		return "result";
	}

}
