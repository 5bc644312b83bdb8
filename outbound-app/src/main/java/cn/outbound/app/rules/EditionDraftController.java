package cn.outbound.app.rules;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.outbound.app.rules.PackViews.Check;
import cn.outbound.app.rules.PackViews.FactThresholds;
import cn.outbound.app.rules.PackViews.ProblemRow;
import cn.outbound.app.rules.PackViews.ThresholdRow;
import cn.outbound.app.system.OutboundSettings;
import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.BeijingTime;
import cn.outbound.app.web.Bodies;
import cn.outbound.app.web.Problems;
import cn.outbound.app.web.ShortTermStore;
import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.render.Json;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.decision.RuleBook;
import cn.outbound.service.decision.RuleBooks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /zone/editions} (REGULATOR, issue #13 item 4): a new edition of the list drafted in the browser. The pack's
 * YAML (starting from the edition in force) is checked as it is typed ({@code /zone/editions/validate}: the problems
 * at file:line:col, or each item's thresholds as a form reads them); then compared with the edition in force item by
 * item and its impact analysed ({@link EditionImpact}: every assessment of this year re-decided, counts only,
 * suppressed); then published (the checks and storage of {@link PublishedEditions}, with the assessments it decides
 * differently kept for each organisation's notice). Every analysis and publication is audited.
 */
@Controller
class EditionDraftController {

	/** The name problems are located in: {@code draft.yaml:LINE:COLUMN}. */
	static final String DRAFT_FILE = "draft.yaml";

	private final RuleBooks books;

	private final PublishedEditions published;

	private final EditionChecks editionChecks;

	private final EditionImpact impact;

	private final Writes writes;

	private final OutboundSettings settings;

	/**
	 * Drafts analysed and waiting for the regulator's publication: their YAML, in the database so that any instance
	 * may publish them (checked and analysed again when published).
	 */
	private final ShortTermStore<String> analysed;

	/** A draft's YAML as it is kept between requests. */
	static final ShortTermStore.Codec<String> YAML = new ShortTermStore.Codec<>() {

		@Override
		public byte[] write(String yaml) {
			return yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}

		@Override
		public String read(byte[] bytes) {
			return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		}

	};

	EditionDraftController(RuleBooks books, PublishedEditions published, EditionChecks editionChecks,
			EditionImpact impact, Writes writes, OutboundSettings settings, javax.sql.DataSource dataSource) {
		this.analysed = new ShortTermStore<>(dataSource, "edition-drafts", 10, Duration.ofMinutes(30), YAML);
		this.books = books;
		this.published = published;
		this.editionChecks = editionChecks;
		this.impact = impact;
		this.writes = writes;
		this.settings = settings;
	}

	@GetMapping("/zone/editions")
	String page(@RequestParam(required = false) String published, Model model) throws SQLException {
		RulePack inForce = this.books.current().defaultList();
		String yaml = this.published.source(inForce.id(), inForce.edition()).orElse("");
		return render(model, yaml, this.editionChecks.check(DRAFT_FILE, bytes(yaml)), null, null, published);
	}

	/** The live check (htmx, on every pause in typing): problems, or the thresholds of each item. */
	@PostMapping("/zone/editions/validate")
	String validate(@RequestParam(defaultValue = "") String yaml, Model model) {
		model.addAttribute("check", this.editionChecks.check(DRAFT_FILE, bytes(yaml)));
		model.addAttribute("thresholds", thresholds(this.editionChecks.check(DRAFT_FILE, bytes(yaml))));
		return "zone/editioncheck";
	}

	/** The same check for a program: {@code valid}, and every problem with its file, line and column. */
	@PostMapping("/api/v1/zone/editions/validate")
	ResponseEntity<String> validateApi(HttpServletRequest request) {
		byte[] body = Bodies.read(request, this.settings.maxBodyBytes(),
				System.nanoTime() + this.settings.bodyTimeout().toNanos());
		Check check = this.editionChecks.check(DRAFT_FILE, body);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("valid", check.valid());
		if (check.pack() != null) {
			out.put("pack", check.pack().id());
			out.put("edition", check.pack().edition());
			out.put("inForceFrom", check.pack().inForceFrom().toString());
		}
		List<Map<String, Object>> problems = new ArrayList<>();
		for (ProblemRow p : check.problems()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("location", p.location());
			m.put("pointer", p.pointer());
			m.put("message", p.en());
			m.put("messageZh", p.zh());
			problems.add(m);
		}
		if (!check.valid() && problems.isEmpty()) {
			problems.add(Map.of("location", "", "pointer", "", "message", check.problemKey()));
		}
		out.put("problems", problems);
		if (check.diff() != null) {
			out.put("itemsAdded", check.diff().count(EditionDiff.Kind.ADDED));
			out.put("itemsRemoved", check.diff().count(EditionDiff.Kind.REMOVED));
			out.put("itemsChanged", check.diff().count(EditionDiff.Kind.CHANGED));
		}
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(out));
	}

	/** Compares the draft with the edition in force and re-decides this year's assessments under it. */
	@PostMapping("/zone/editions/impact")
	String analyse(@RequestParam(defaultValue = "") String yaml, Authentication regulator, HttpServletRequest request,
			Model model, HttpServletResponse response) throws SQLException {
		Check check = this.editionChecks.check(DRAFT_FILE, bytes(yaml));
		if (!check.valid()) {
			response.setStatus(422);
			return render(model, yaml, check, null, null, null);
		}
		EditionImpact.Result result = run(yaml, regulator.getName(), request.getRemoteAddr());
		String id = this.analysed.put(regulator.getName(), yaml);
		return render(model, yaml, check, result, id, null);
	}

	@PostMapping("/zone/editions/{id}/publish")
	String publish(@PathVariable String id, Authentication regulator, HttpServletRequest request, Model model,
			HttpServletResponse response) throws SQLException {
		Optional<String> found = this.analysed.remove(id, regulator.getName());
		if (found.isEmpty()) {
			response.setStatus(404);
			model.addAttribute("notice", "zone.editions.expired");
			return page(null, model);
		}
		String yaml = found.get();
		Check checked = this.editionChecks.check(DRAFT_FILE, bytes(yaml));
		if (!checked.valid()) {
			response.setStatus(422);
			return render(model, yaml, checked, null, null, null);
		}
		String fileName = fileName(checked.pack());
		RulePack pack;
		try {
			// analysed again: assessments stored since the preview count too
			EditionImpact.Result result = run(yaml, regulator.getName(), request.getRemoteAddr());
			pack = this.published.publish(bytes(yaml), fileName, regulator.getName(), request.getRemoteAddr(), result);
		}
		catch (ApiProblem ex) {
			Check again = this.editionChecks.check(DRAFT_FILE, bytes(yaml));
			response.setStatus(409);
			return render(model, yaml, again, null, null, null);
		}
		return "redirect:/zone/editions?published=" + pack.key();
	}

	private EditionImpact.Result run(String yaml, String actor, String remote) throws SQLException {
		RuleBook current = this.books.current();
		RuleBook draftBook = this.published.check(bytes(yaml), DRAFT_FILE);
		RulePack loaded = cn.outbound.rules.pack.RulePackLoader.load(bytes(yaml), DRAFT_FILE);
		RulePack draft = draftBook.packs().edition(loaded.id(), loaded.edition()).orElseThrow();
		int year = LocalDate.now(BeijingTime.ZONE).getYear();
		EditionImpact.Result result = this.impact.analyse(current, draftBook, draft, year);
		this.writes.submit((c, audit) -> {
			audit.append(actor, "EDITION_IMPACT_ANALYSED", "rule-pack:" + draft.key(), remote, "year=" + year
					+ " assessments=" + result.assessments() + " changed=" + result.changed().count());
			return null;
		});
		return result;
	}

	private String render(Model model, String yaml, Check check, EditionImpact.Result result, String analysedId,
			String publishedKey) {
		RulePack inForce = this.books.current().defaultList();
		model.addAttribute("inForce", inForce);
		model.addAttribute("yaml", yaml);
		model.addAttribute("check", check);
		model.addAttribute("thresholds", thresholds(check));
		model.addAttribute("result", result);
		model.addAttribute("analysedId", analysedId);
		model.addAttribute("published", publishedKey);
		if (!model.containsAttribute("notice")) {
			model.addAttribute("notice", null);
		}
		return "zone/editions";
	}

	/** Each item's thresholds, for the form view; empty while the draft does not load. */
	static List<ThresholdRow> thresholds(Check check) {
		List<ThresholdRow> rows = new ArrayList<>();
		if (check.pack() == null) {
			return rows;
		}
		RulePack pack = check.pack();
		for (Item item : pack.items().values()) {
			List<FactThresholds> facts = new ArrayList<>();
			for (String fact : item.facts()) {
				List<Text> t = Thresholds.of(pack, item, fact);
				if (!t.isEmpty()) {
					var f = pack.facts().get(fact);
					facts.add(new FactThresholds(fact, (f != null && f.label() != null) ? f.label() : new Text(fact, fact), t));
				}
			}
			rows.add(new ThresholdRow(item.number(), item.name(), (item.mechanism() != null) ? item.mechanism().name() : "",
					facts));
		}
		return rows;
	}

	private static String fileName(RulePack pack) {
		return (pack.id() + "-" + pack.edition() + ".yaml").replaceAll("[^A-Za-z0-9._-]", "_");
	}

	private static byte[] bytes(String yaml) {
		return yaml.getBytes(StandardCharsets.UTF_8);
	}

}
