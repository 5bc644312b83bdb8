package cn.outbound.app.assessment;

import java.sql.SQLException;
import java.util.Locale;

import cn.outbound.app.web.Messages;
import cn.outbound.service.assessment.Assessment;
import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.assessment.DraftStore;
import cn.outbound.service.decision.RuleBooks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Copy as new assessment and the comparison of two (#11 item 10). A copy is a new draft of the user (saved through
 * {@link DraftStore}, audited as every draft is) holding the stored scenario's answers; once decided, the
 * questionnaire shows the new result beside the one it was copied from ({@code /assessments/compare}).
 */
@Controller
class CopyCompareController {

	private final cn.outbound.app.web.Scopes scopes;

	private final Assessments assessments;

	private final DraftStore drafts;

	private final RuleBooks books;

	private final MessageSource messages;

	CopyCompareController(Assessments assessments, DraftStore drafts, RuleBooks books, MessageSource messages, cn.outbound.app.web.Scopes scopes) {
		this.scopes = scopes;
		this.assessments = assessments;
		this.drafts = drafts;
		this.books = books;
		this.messages = messages;
	}

	@PostMapping("/assessments/{id}/copy")
	String copy(@PathVariable long id, Authentication user, HttpServletRequest request, Locale locale, Model model,
			HttpServletResponse response) throws SQLException {
		cn.outbound.service.org.Scope scope = this.scopes.of(user);
		Assessment a = this.assessments.find(scope, id).orElse(null);
		if (a == null) {
			response.setStatus(404);
			model.addAttribute("status", 404);
			return "error";
		}
		String title = this.messages.getMessage("copy.title", new Object[] { a.id(),
				(a.title() != null) ? a.title() : (a.processorName() != null ? a.processorName() : "") }, locale);
		title = (title.length() > Assessments.MAX_TITLE) ? title.substring(0, Assessments.MAX_TITLE) : title;
		long draft = this.drafts.save(null, scope, title, ScenarioCopy.formValues(a.scenario(), a.id(), title),
				request.getRemoteAddr());
		return "redirect:/assess?draft=" + draft + "&saved";
	}

	@GetMapping("/assessments/compare")
	String compare(@RequestParam long left, @RequestParam long right, Authentication user, Locale locale, Model model,
			HttpServletResponse response) throws SQLException {
		cn.outbound.service.org.Scope scope = this.scopes.of(user);
		Assessment l = this.assessments.find(scope, left).orElse(null);
		Assessment r = this.assessments.find(scope, right).orElse(null);
		if (l == null || r == null) {
			response.setStatus(404);
			model.addAttribute("status", 404);
			return "error";
		}
		Messages t = new Messages(this.messages, locale);
		var packs = this.books.current().packs();
		model.addAttribute("c", Comparison.of(l, AssessedView.of(l, packs, t), r, AssessedView.of(r, packs, t)));
		return "compare";
	}

}
