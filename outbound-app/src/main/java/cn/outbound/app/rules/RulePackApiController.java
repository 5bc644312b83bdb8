package cn.outbound.app.rules;

import java.util.ArrayList;
import java.util.List;

import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.Problems;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.render.Json;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/rule-packs}: the editions the server decides with, each pack in full, each item.
 */
@RestController
class RulePackApiController {

	private final RuleBooks books;

	RulePackApiController(RuleBooks books) {
		this.books = books;
	}

	@GetMapping("/api/v1/rule-packs")
	ResponseEntity<String> list() {
		RuleBook book = this.books.current();
		List<Object> out = new ArrayList<>();
		book.editions().forEach(p -> out.add(RulePackJson.summary(p, book)));
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(out));
	}

	@GetMapping("/api/v1/rule-packs/{id}/{edition}")
	ResponseEntity<String> one(@PathVariable String id, @PathVariable String edition) {
		RuleBook book = this.books.current();
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(RulePackJson.full(pack(book, id, edition), book)));
	}

	@GetMapping("/api/v1/rule-packs/{id}/{edition}/items/{number}")
	ResponseEntity<String> item(@PathVariable String id, @PathVariable String edition, @PathVariable int number) {
		RulePack pack = pack(this.books.current(), id, edition);
		Item item = pack.item(number);
		if (item == null) {
			throw ApiProblem.notFound(id + " " + edition + " has no item " + number + "; items: 1-" + pack.items().size() + ".");
		}
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(RulePackJson.item(item)));
	}

	static RulePack pack(RuleBook book, String id, String edition) {
		return book.packs().edition(id, edition)
			.orElseThrow(() -> ApiProblem.notFound("No rule pack " + id + " edition " + edition + "; loaded: "
					+ String.join(", ", book.editions().stream().map(RulePack::key).toList()) + "."));
	}

}
