package cn.outbound.app.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.outbound.app.rules.PackViews.Check;
import cn.outbound.app.rules.PackViews.ProblemRow;
import cn.outbound.app.web.ApiProblem;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePackLoader;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Problem;
import cn.outbound.service.decision.RuleBook;
import cn.outbound.service.decision.RuleBooks;

import org.springframework.stereotype.Component;

/**
 * The check of a new edition as the pages show it (the administrator's upload, the regulator's draft): its located
 * problems, or the edition and what it changes against the edition of its pack in force. The same checks as the API
 * ({@link PublishedEditions#check}).
 */
@Component
class EditionChecks {

	private final RuleBooks books;

	private final PublishedEditions published;

	EditionChecks(RuleBooks books, PublishedEditions published) {
		this.books = books;
		this.published = published;
	}

	/** Checks an edition exactly as the API does, and compares it with the edition of its pack in force. */
	Check check(String uploadedName, byte[] yaml) {
		String fileName = uploadedName.replaceAll("[^A-Za-z0-9._-]", "_");
		RulePack pack;
		try {
			pack = RulePackLoader.load(yaml, fileName);
		}
		catch (InvalidInputException ex) {
			return new Check(fileName, null, null, null, "packs.problem.invalid", List.of(fileName, ex.problems().size()),
					rows(ex.problems()));
		}
		try {
			this.published.check(yaml, fileName);
		}
		catch (ApiProblem ex) {
			return switch (ex.type()) {
				case "edition-exists" -> new Check(fileName, null, pack, null, "packs.problem.exists",
						List.of(pack.id(), pack.edition()), List.of());
				case "edition-order" -> {
					RulePack other = this.books.current()
						.packs()
						.editions(pack.id())
						.stream()
						.filter(o -> !o.inForceFrom().isBefore(pack.inForceFrom()) && o.inForceUntil() == null)
						.findFirst()
						.orElse(pack);
					yield new Check(fileName, null, pack, null, "packs.problem.order", List.of(pack.id(),
							pack.edition(), pack.inForceFrom().toString(), other.edition(), other.inForceFrom().toString()),
							List.of());
				}
				default -> new Check(fileName, null, pack, null, "packs.problem.fit", List.of(fileName),
						ex.errors().stream().map(EditionChecks::row).toList());
			};
		}
		RuleBook book = this.books.current();
		RulePack before = book.packs()
			.inForce(pack.id(), LocalDate.now())
			.or(() -> book.packs().editions(pack.id()).stream().reduce((a, b) -> b))
			.orElse(null);
		return new Check(fileName, yaml, pack, EditionDiff.of(before, pack), null, List.of(), List.of());
	}

	/** The problems as the page shows them, in both languages (the page may be switched after the check). */
	private static List<ProblemRow> rows(List<Problem> problems) {
		List<ProblemRow> out = new ArrayList<>();
		for (Problem p : problems) {
			out.add(new ProblemRow(p.location().toString(), (p.pointer() != null) ? p.pointer() : "", p.message("zh"),
					p.message("en")));
		}
		return out;
	}

	private static ProblemRow row(Map<String, Object> error) {
		String location = "";
		if (error.get("line") != null) {
			location = error.get("line") + ":" + error.get("column");
		}
		String message = String.valueOf(error.getOrDefault("message", ""));
		return new ProblemRow(location, String.valueOf(error.getOrDefault("pointer", "")), message, message);
	}

}
