package cn.outbound.app.rules;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.app.system.OutboundSettings;
import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.Bodies;
import cn.outbound.app.web.Problems;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.render.Json;
import cn.outbound.service.decision.RuleBook;
import cn.outbound.service.decision.RuleBooks;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/rule-packs}: the editions the server decides with, each pack in full, each item; an administrator
 * publishes and withdraws editions.
 */
@RestController
class RulePackApiController {

	private final RuleBooks books;

	private final PublishedEditions published;

	private final OutboundSettings settings;

	RulePackApiController(RuleBooks books, PublishedEditions published, OutboundSettings settings) {
		this.books = books;
		this.published = published;
		this.settings = settings;
	}

	/** ADMIN: check a new edition (YAML, the format of docs/rule-packs.md) and, unless {@code dryRun}, publish it. */
	@PostMapping("/api/v1/rule-packs")
	ResponseEntity<String> publish(HttpServletRequest request, Authentication admin,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "uploaded.yaml") String fileName) throws SQLException {
		String type = request.getContentType();
		if (type != null && !(type.contains("yaml") || type.contains("json") || type.startsWith("text/plain"))) {
			throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
					"Send the rule pack as application/yaml.");
		}
		byte[] body = Bodies.read(request, this.settings.maxBodyBytes(),
				System.nanoTime() + this.settings.bodyTimeout().toNanos());
		String name = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
		if (dryRun) {
			RuleBook book = this.published.check(body, name);
			return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(java.util.Map.of("valid", true,
					"editions", book.editions().stream().map(RulePack::key).toList())));
		}
		RulePack pack = this.published.publish(body, name, admin.getName(), request.getRemoteAddr());
		return ResponseEntity.created(java.net.URI.create("/api/v1/rule-packs/" + pack.id() + "/" + pack.edition()))
			.contentType(Problems.JSON)
			.body(Json.compact(RulePackJson.summary(pack, this.books.current())));
	}

	/** ADMIN: withdraw a published edition (shipped editions stay). */
	@DeleteMapping("/api/v1/rule-packs/{id}/{edition}")
	ResponseEntity<Void> withdraw(@PathVariable String id, @PathVariable String edition, HttpServletRequest request,
			Authentication admin) throws SQLException {
		this.published.withdraw(id, edition, admin.getName(), request.getRemoteAddr());
		return ResponseEntity.noContent().build();
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
