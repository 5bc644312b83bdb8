package cn.outbound.app.assessment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.BeijingTime;
import cn.outbound.rules.render.Json;
import cn.outbound.service.assessment.AssessmentStore;
import cn.outbound.service.assessment.Assessments;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The history exported (#11 item 10), with the history's filters, as CSV or JSON Lines, streamed row by row from the
 * database to the response: {@code /assessments/export} (the page's link) and {@code /api/v1/assessments/export}, both
 * for a VIEWER as the history is. CSV: UTF-8 with a byte-order mark (so that Excel reads it as UTF-8), RFC 4180
 * quoting, and any cell starting with {@code = + - @}, a tab or a carriage return prefixed with {@code '}, so that a
 * spreadsheet runs no formula from stored text.
 */
@Controller
class HistoryExport {

	private final cn.outbound.app.web.Scopes scopes;

	/** The CSV's columns, in order. */
	static final List<String> COLUMNS = List.of("id", "createdAt", "createdAtBeijing", "createdBy", "title", "processorId",
			"processorName", "jurisdiction", "exportDate", "outcome", "items", "packId", "packEdition", "packHash",
			"reviewStatus", "approvedBy");

	private final Assessments assessments;

	HistoryExport(Assessments assessments, cn.outbound.app.web.Scopes scopes) {
		this.scopes = scopes;
		this.assessments = assessments;
	}

	@GetMapping({ "/assessments/export", "/api/v1/assessments/export" })
	void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String processor, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, org.springframework.security.core.Authentication user,
			HttpServletResponse response) throws IOException, SQLException {
		boolean csv = "csv".equals(format);
		if (!csv && !"jsonl".equals(format)) {
			throw ApiProblem.badParameter("format", "must be csv or jsonl");
		}
		AssessmentStore.Filter filter = AssessmentApiController.filter(outcome, processor, from, to);
		cn.outbound.service.org.Scope scope = this.scopes.of(user);
		response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/x-ndjson;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"assessments." + format + "\"");
		response.setHeader("Cache-Control", "no-store");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 16 * 1024);
		if (csv) {
			out.write('\uFEFF');
			line(out, COLUMNS);
		}
		this.assessments.export(scope, filter, row -> {
			if (csv) {
				line(out, cells(row));
			}
			else {
				Map<String, Object> n = Assessments.summary(row.assessment());
				n.put("review", Map.of("status", row.reviewStatus()));
				if (row.approvedBy() != null) {
					n.put("review", Map.of("status", row.reviewStatus(), "approvedBy", row.approvedBy()));
				}
				out.write(Json.compact(n));
				out.write('\n');
			}
		});
		out.flush();
	}

	static List<String> cells(AssessmentStore.ExportRow row) {
		var a = row.assessment();
		return java.util.Arrays.asList(String.valueOf(a.id()), a.createdAt().toString(), BeijingTime.format(a.createdAt()),
				a.createdBy(), a.title(), a.processorId(), a.processorName(), a.jurisdiction(), a.exportDate().toString(),
				a.outcome(), AssessmentStore.joinItems(a.items()).replace(',', ' '), a.packId(), a.packEdition(),
				a.packHash(), row.reviewStatus(), row.approvedBy());
	}

	static void line(Writer out, List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(cell(cells.get(i)));
		}
		out.write("\r\n");
	}

	/** One CSV cell: neutralised when a spreadsheet would read it as a formula, quoted when it must be. */
	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String v = value;
		char first = v.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			v = "'" + v;
		}
		if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
			v = '"' + v.replace("\"", "\"\"") + '"';
		}
		return v;
	}

}
