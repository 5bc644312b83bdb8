package cn.outbound.app.ledger;

import java.util.List;

import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.LedgerStatus;
import cn.outbound.ledger.PersonClass;
import cn.outbound.app.rules.RuleBooks;

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

	private final Ledger ledger;

	private final RuleBooks books;

	LedgerPageController(Ledger ledger, RuleBooks books) {
		this.ledger = ledger;
		this.books = books;
	}

	@GetMapping("/ledger/{processor}")
	String page(@PathVariable String processor, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String jurisdiction, Model model) {
		String p = LedgerApiController.processor(processor);
		int y = (year != null && year >= 2000 && year <= 2999) ? year : this.ledger.today().getYear();
		String j = (jurisdiction != null && this.books.current().packs().ids().contains(jurisdiction)) ? jurisdiction
				: LedgerApiController.DEFAULT_JURISDICTION;
		LedgerStatus s = this.ledger.status(p, y, LedgerApiController.thresholds(this.books, this.ledger, j, y));
		model.addAttribute("status", s);
		model.addAttribute("charts", List.of(LedgerChart.of(s, PersonClass.NON_SENSITIVE), LedgerChart.of(s, PersonClass.SENSITIVE)));
		return "ledger";
	}

}
