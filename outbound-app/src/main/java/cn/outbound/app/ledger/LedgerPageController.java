package cn.outbound.app.ledger;

import java.util.List;

import cn.outbound.ledger.LedgerStatus;
import cn.outbound.ledger.PersonClass;
import cn.outbound.service.decision.RuleBooks;
import cn.outbound.service.filing.ApprovalWatch;
import cn.outbound.service.ledger.LedgerService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /ledger/{processor}?year=Y} (VIEWER): counted and exempt persons, a monthly cumulative chart per class
 * against the threshold lines (inline SVG drawn here, no script), and the alerts at 80, 95 and 100 %.
 */
@Controller
class LedgerPageController {

	private final LedgerService ledger;

	private final RuleBooks books;

	private final ApprovalWatch watch;

	LedgerPageController(LedgerService ledger, RuleBooks books, ApprovalWatch watch) {
		this.ledger = ledger;
		this.books = books;
		this.watch = watch;
	}

	@GetMapping("/ledger/{processor}")
	String page(@PathVariable String processor, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String jurisdiction, Model model) {
		String p = LedgerApiController.processor(processor);
		Integer y = (year != null && year >= 2000 && year <= 2999) ? year : null;
		String j = (jurisdiction != null && this.books.current().packs().ids().contains(jurisdiction)) ? jurisdiction
				: LedgerService.DEFAULT_JURISDICTION;
		LedgerStatus s = this.ledger.status(p, y, null, j);
		model.addAttribute("status", s);
		model.addAttribute("notices", LedgerApiController.notices(this.watch, s));
		model.addAttribute("charts", List.of(LedgerChart.of(s, PersonClass.NON_SENSITIVE), LedgerChart.of(s, PersonClass.SENSITIVE)));
		return "ledger";
	}

}
