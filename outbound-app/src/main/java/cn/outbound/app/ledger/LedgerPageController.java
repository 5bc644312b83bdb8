package cn.outbound.app.ledger;

import java.util.List;

import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.LedgerStatus;
import cn.outbound.ledger.PersonClass;
import cn.outbound.ledger.Thresholds;

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

	LedgerPageController(Ledger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/ledger/{processor}")
	String page(@PathVariable String processor, @RequestParam(required = false) Integer year, Model model) {
		String p = LedgerApiController.processor(processor);
		int y = (year != null && year >= 2000 && year <= 2999) ? year : this.ledger.today().getYear();
		LedgerStatus s = this.ledger.status(p, y, Thresholds.NATIONAL_2024);
		model.addAttribute("status", s);
		model.addAttribute("charts", List.of(LedgerChart.of(s, PersonClass.NON_SENSITIVE), LedgerChart.of(s, PersonClass.SENSITIVE)));
		return "ledger";
	}

}
