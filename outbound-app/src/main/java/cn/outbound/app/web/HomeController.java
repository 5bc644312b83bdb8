package cn.outbound.app.web;

import cn.outbound.service.decision.RuleBooks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page (what Outbound does, where to start) and the sign-in page. Public.
 */
@Controller
class HomeController {

	private final RuleBooks books;

	HomeController(RuleBooks books) {
		this.books = books;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("editions", this.books.current().editions());
		return "home";
	}

	@GetMapping("/login")
	String login(@org.springframework.web.bind.annotation.RequestParam(required = false) String error,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String locked,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String ended,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String resume, Model model) {
		model.addAttribute("resume", resume != null);
		model.addAttribute("failed", error != null);
		model.addAttribute("locked", locked != null);
		model.addAttribute("ended", ended != null);
		return "login";
	}

}
