package cn.outbound.app.rules;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.org.Scope;
import cn.outbound.service.user.Account;
import cn.outbound.service.user.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisations' side of a new edition (issue #13 item 4): the notices on the history page
 * ({@code listNotices}) and the one-click re-assessment ({@code POST /assessments/{id}/reassess}, ANALYST): the stored
 * scenario decided again, dated no earlier than the edition's date in force, and stored as a new assessment (audited
 * as every assessment is).
 */
@Controller
class ListChangeController {

	private final ListChangeNotices notices;

	private final Assessments assessments;

	private final Users users;

	private final MessageSource messages;

	ListChangeController(ListChangeNotices notices, Assessments assessments, Users users, MessageSource messages) {
		this.notices = notices;
		this.assessments = assessments;
		this.users = users;
		this.messages = messages;
	}

	@PostMapping("/assessments/{id}/reassess")
	String reassess(@PathVariable long id, @RequestParam String pack, @RequestParam String edition,
			Authentication user, HttpServletRequest request, Locale locale, Model model, HttpServletResponse response)
			throws SQLException {
		String org = organisation(this.users, user);
		Optional<ListChangeNotices.Reassessment> r = (org != null)
				? this.notices.reassessment(id, pack, edition, org) : Optional.empty();
		if (r.isEmpty()) {
			response.setStatus(404);
			model.addAttribute("status", 404);
			return "error";
		}
		String title = this.messages.getMessage("zone.notice.reassessTitle", new Object[] { id, edition }, locale);
		title = (title.length() > Assessments.MAX_TITLE) ? title.substring(0, Assessments.MAX_TITLE) : title;
		Account account = this.users.find(user.getName()).orElseThrow();
		Assessments.Created created = this.assessments.create(Scope.of(account), r.get().scenario(), title, null,
				request.getRemoteAddr());
		return "redirect:/assessments/" + created.assessment().id();
	}

	static String organisation(Users users, Authentication user) throws SQLException {
		if (user == null) {
			return null;
		}
		return users.find(user.getName()).map(Account::orgId).orElse(null);
	}

	/** The notices shown on the history page ({@code /assessments}) of the signed-in user's organisation. */
	@ControllerAdvice(basePackages = "cn.outbound.app.assessment")
	static class NoticeAdvice {

		private final ListChangeNotices notices;

		private final Users users;

		NoticeAdvice(ListChangeNotices notices, Users users) {
			this.notices = notices;
			this.users = users;
		}

		@ModelAttribute("listNotices")
		List<ListChangeNotices.Notice> listNotices(Authentication user, HttpServletRequest request) throws SQLException {
			if (!"/assessments".equals(request.getRequestURI())) {
				return List.of();
			}
			String org = organisation(this.users, user);
			return (org != null) ? this.notices.of(org) : List.of();
		}

	}

}
