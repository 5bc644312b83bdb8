package cn.outbound.app.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.Provision;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.service.decision.RuleBook;
import cn.outbound.service.decision.RuleBooks;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The list browser (public): the negative list as the official table reads it, searchable in Chinese and English,
 * each item with its facts and thresholds explained.
 */
@Controller
class ListPageController {

	private final RuleBooks books;

	ListPageController(RuleBooks books) {
		this.books = books;
	}

	@GetMapping("/list")
	String list(@RequestParam(required = false) String q, Model model) {
		RuleBook book = this.books.current();
		return show(book, book.defaultList(), q, model);
	}

	@GetMapping("/list/{id}/{edition}")
	String edition(@PathVariable String id, @PathVariable String edition, @RequestParam(required = false) String q,
			Model model, HttpServletResponse response) {
		RuleBook book = this.books.current();
		RulePack pack = book.packs().edition(id, edition).orElse(null);
		if (pack == null) {
			model.addAttribute("status", 404);
			response.setStatus(404);
			return "error";
		}
		return show(book, pack, q, model);
	}

	@GetMapping("/list/{id}/{edition}/items/{number}")
	String item(@PathVariable String id, @PathVariable String edition, @PathVariable int number, Model model,
			HttpServletResponse response) {
		RuleBook book = this.books.current();
		RulePack pack = book.packs().edition(id, edition).orElse(null);
		Item item = (pack != null) ? pack.item(number) : null;
		if (item == null) {
			model.addAttribute("status", 404);
			response.setStatus(404);
			return "error";
		}
		model.addAttribute("pack", pack);
		model.addAttribute("item", Questionnaire.item(pack, item));
		model.addAttribute("category", pack.categories().stream().filter(c -> c.number() == item.category()).findFirst()
			.map(RulePack.Category::numbered).orElse(null));
		model.addAttribute("conditions", RulePackJson.item(item));
		return "item";
	}

	/** A provision of a pack (#11 item 12): an article with its sub-items, or a sub-item, or a related provision. */
	@GetMapping("/list/{id}/{edition}/provisions/{provision}")
	String provision(@PathVariable String id, @PathVariable String edition, @PathVariable String provision,
			Model model, HttpServletResponse response) {
		RuleBook book = this.books.current();
		RulePack pack = book.packs().edition(id, edition).orElse(null);
		Provision p = (pack != null) ? pack.provisions().get(provision) : null;
		if (p == null) {
			model.addAttribute("status", 404);
			response.setStatus(404);
			return "error";
		}
		List<Provision> subItems = new ArrayList<>();
		for (Provision other : pack.provisions().values()) {
			if (other.id().startsWith(p.id() + "-") && other.id().substring(p.id().length() + 1).matches("\\d+")) {
				subItems.add(other);
			}
		}
		String parent = p.id().matches("art-\\d+-\\d+") ? p.id().substring(0, p.id().lastIndexOf('-')) : null;
		model.addAttribute("pack", pack);
		model.addAttribute("provision", p);
		model.addAttribute("subItems", subItems);
		model.addAttribute("parent", (parent != null) ? pack.provisions().get(parent) : null);
		return "provision";
	}

	private String show(RuleBook book, RulePack pack, String q, Model model) {
		String query = (q == null || q.isBlank()) ? null : fold(q);
		List<ListRow> rows = new ArrayList<>();
		int matches = 0;
		for (RulePack.Category cat : pack.categories()) {
			List<Questionnaire.ItemQuestions> items = new ArrayList<>();
			for (Item item : pack.items().values()) {
				if (item.category() != cat.number()) {
					continue;
				}
				Questionnaire.ItemQuestions iq = Questionnaire.item(pack, item);
				if (query == null || fold(iq.searchText()).contains(query) || factsMatch(iq, query)
						|| (iq.remark() != null && fold(iq.remark().zh() + " " + iq.remark().en()).contains(query))) {
					items.add(iq);
				}
			}
			matches += items.size();
			if (!items.isEmpty()) {
				rows.add(new ListRow(cat.numbered(), items));
			}
		}
		model.addAttribute("pack", pack);
		model.addAttribute("editions", book.editions());
		model.addAttribute("rows", rows);
		model.addAttribute("query", (q != null) ? q.strip() : "");
		model.addAttribute("matches", matches);
		model.addAttribute("provisions", ProvisionRows.of(pack, query));
		return "list";
	}

	/**
	 * Text as search compares it: lower case, hyphens, slashes and underscores as spaces, runs of spaces as one, so
	 * that "remote sensing" finds "Remote-sensing".
	 */
	static String fold(String text) {
		return SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

	private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s\\-‐‑–—_/／、，,]+");

	private static boolean factsMatch(Questionnaire.ItemQuestions iq, String query) {
		for (Questionnaire.FactQuestion f : iq.facts()) {
			if (fold(f.label().zh() + " " + f.label().en()).contains(query)) {
				return true;
			}
		}
		return false;
	}

}
