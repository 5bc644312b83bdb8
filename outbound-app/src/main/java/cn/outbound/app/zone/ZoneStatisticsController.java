package cn.outbound.app.zone;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.BeijingTime;
import cn.outbound.app.web.Messages;
import cn.outbound.app.web.Problems;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.render.Json;
import cn.outbound.service.decision.RuleBooks;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The zone's statistics (REGULATOR, issue #13 item 3): {@code /zone/statistics?year=Y} (tables and SVG charts),
 * {@code GET /api/v1/zone/statistics?year=Y} (JSON) and {@code /zone/statistics.csv?year=Y}; a suppressed figure
 * reads {@value Suppression#SUPPRESSED} everywhere (docs/zone.md).
 */
@Controller
class ZoneStatisticsController {

	private final ZoneStatistics statistics;

	private final RuleBooks books;

	private final MessageSource messages;

	ZoneStatisticsController(ZoneStatistics statistics, RuleBooks books, MessageSource messages) {
		this.statistics = statistics;
		this.books = books;
		this.messages = messages;
	}

	@GetMapping("/zone/statistics")
	String page(@RequestParam(required = false) String year, Locale locale, Model model, HttpServletResponse response)
			throws SQLException {
		Messages t = new Messages(this.messages, locale);
		Integer y = parseYear(year);
		if (y == null) {
			response.setStatus(400);
			model.addAttribute("yearError", t.get("zone.stats.badYear", year));
			y = thisYear();
		}
		else {
			model.addAttribute("yearError", null);
		}
		RulePack list = this.books.current().defaultList();
		ZoneStatistics.Result r = this.statistics.of(y, list);
		model.addAttribute("s", r);
		model.addAttribute("list", list);
		model.addAttribute("outcomeChart", BarChart.of("chart-outcome", r.byOutcome(),
				r.byOutcome().stream().map(c -> t.get("outcome.short." + c.key())).toList()));
		model.addAttribute("monthChart", BarChart.of("chart-month", r.byMonth(),
				r.byMonth().stream().map(Suppression.Shown::key).toList()));
		model.addAttribute("categoryChart", BarChart.of("chart-category", r.byCategory(),
				r.byCategory().stream().map(Suppression.Shown::key).toList()));
		return "zone/statistics";
	}

	@GetMapping("/api/v1/zone/statistics")
	ResponseEntity<String> api(@RequestParam(required = false) String year) throws SQLException {
		ZoneStatistics.Result r = this.statistics.of(requireYear(year), this.books.current().defaultList());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("year", r.year());
		out.put("list", r.list());
		out.put("organisations", r.organisations());
		out.put("organisationsWithAssessments", r.organisationsAssessing());
		out.put("assessments", value(r.assessments()));
		out.put("byOutcome", map(r.byOutcome()));
		out.put("byItem", map(r.byItem()));
		out.put("byCategory", map(r.byCategory()));
		out.put("byMonth", map(r.byMonth()));
		out.put("personsExported", map(r.persons()));
		out.put("suppression", Map.of("minOrganisations", Suppression.MIN_ORGANISATIONS, "marker", Suppression.SUPPRESSED));
		return ResponseEntity.ok().contentType(Problems.JSON).body(Json.compact(out));
	}

	/** One row per figure: breakdown, key, value (a count or {@value Suppression#SUPPRESSED}). UTF-8 with a BOM. */
	@GetMapping("/zone/statistics.csv")
	void csv(@RequestParam(required = false) String year, HttpServletResponse response) throws SQLException, IOException {
		ZoneStatistics.Result r = this.statistics.of(requireYear(year), this.books.current().defaultList());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"zone-statistics-" + r.year() + ".csv\"");
		PrintWriter out = response.getWriter();
		out.write('\uFEFF');
		out.print("breakdown,key,value\r\n");
		row(out, "year", "", String.valueOf(r.year()));
		row(out, "organisations", "", String.valueOf(r.organisations()));
		row(out, "organisationsWithAssessments", "", String.valueOf(r.organisationsAssessing()));
		row(out, "assessments", "", (r.assessments() != null) ? r.assessments().toString() : Suppression.SUPPRESSED);
		rows(out, "byOutcome", r.byOutcome());
		rows(out, "byItem", r.byItem());
		rows(out, "byCategory", r.byCategory());
		rows(out, "byMonth", r.byMonth());
		rows(out, "personsExported", r.persons());
		out.flush();
	}

	private static void rows(PrintWriter out, String breakdown, List<Suppression.Shown> cells) {
		for (Suppression.Shown c : cells) {
			row(out, breakdown, c.key(), c.display());
		}
	}

	private static void row(PrintWriter out, String breakdown, String key, String value) {
		out.print(breakdown + "," + key + "," + value + "\r\n");
	}

	private static Object value(Long n) {
		return (n != null) ? n : Suppression.SUPPRESSED;
	}

	private static Map<String, Object> map(List<Suppression.Shown> cells) {
		Map<String, Object> out = new LinkedHashMap<>();
		cells.forEach(c -> out.put(c.key(), value(c.count())));
		return out;
	}

	private static int thisYear() {
		return LocalDate.now(BeijingTime.ZONE).getYear();
	}

	/** The year asked (this year when none), or {@code null} when it is not a year from 2000 to 2999. */
	private static Integer parseYear(String year) {
		if (year == null || year.isBlank()) {
			return thisYear();
		}
		try {
			int y = Integer.parseInt(year.strip());
			return (y >= 2000 && y <= 2999) ? y : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static int requireYear(String year) {
		Integer y = parseYear(year);
		if (y == null) {
			throw ApiProblem.badParameter("year", "must be a year from 2000 to 2999");
		}
		return y;
	}

}
