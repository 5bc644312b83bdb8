package cn.outbound.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The scan report for a person to read. */
public final class ReportText {

	private ReportText() {
	}

	public static String render(ScanReport r) {
		StringBuilder sb = new StringBuilder();
		sb.append("Scan of ").append(r.source()).append(": ").append(r.rows()).append(" rows, ")
			.append(r.columns().size()).append(" columns (").append(r.details().format()).append(")\n");
		sb.append("Sensitivity standard: ").append(r.details().standard()).append("; as of ").append(r.details().asOf())
			.append("\n\n");
		List<String> shownAbove = new ArrayList<>();
		for (ScanReport.ScenarioProblem p : r.scenarioStatus().problems()) {
			sb.append("WARNING: the draft scenario is not assessable: ").append(p.message().en()).append("\n  ")
				.append(p.message().zh()).append("\n\n");
			shownAbove.add(p.message().en());
		}
		sb.append("Columns with personal information\n");
		boolean any = false;
		for (ScanReport.Column c : r.columns()) {
			if (c.types().isEmpty()) {
				continue;
			}
			any = true;
			sb.append("  ").append(c.name()).append(": ").append(String.join(", ", c.types()));
			if (c.sensitive()) {
				sb.append("  [SENSITIVE]");
			}
			sb.append('\n');
			for (ScanReport.Finding f : c.findings()) {
				sb.append("      ").append(f.type()).append(": ").append(f.matched()).append(" of ").append(c.nonEmpty())
					.append(" values (").append(String.format(Locale.ROOT, "%.1f%%", f.share() * 100)).append("), ")
					.append(f.confidence()).append(" confidence, ").append(f.basis()).append('\n');
			}
			if (!c.sample().isEmpty()) {
				sb.append("      sample: ").append(String.join("  ", c.sample())).append('\n');
			}
		}
		for (ScanReport.Column c : r.columns()) {
			for (ScanReport.AttributeFinding a : c.attributes()) {
				any = true;
				sb.append("  ").append(c.name()).append(": ").append(a.attribute());
				if (a.sensitive()) {
					sb.append("  [SENSITIVE]");
				}
				sb.append("\n      ").append(a.name().en()).append(": ").append(a.basis().en()).append('\n');
			}
		}
		if (!any) {
			sb.append("  none found\n");
		}
		ScanReport.Persons p = r.persons();
		sb.append("\nPersons\n");
		if (p.identifierColumns().isEmpty()) {
			sb.append("  no identifier column found; persons not counted (use --id-column)\n");
		}
		else {
			sb.append("  identifier columns: ").append(String.join(", ", p.identifierColumns())).append(" (")
				.append(p.how()).append(")\n");
			sb.append("  distinct persons: ").append(p.distinct()).append('\n');
			sb.append("  with non-sensitive PI: ").append(p.individuals()).append('\n');
			sb.append("  with sensitive PI: ").append(p.sensitiveIndividuals()).append('\n');
			sb.append("  minors (by resident ID on ").append(r.details().asOf()).append("): ").append(p.minors())
				.append('\n');
			if (p.rowsWithoutIdentifier() > 0) {
				sb.append("  rows without a valid identifier: ").append(p.rowsWithoutIdentifier()).append('\n');
			}
		}
		sb.append("\nSuggested list items (for a person to confirm, not decisions)\n");
		if (r.suggestedItems().isEmpty()) {
			sb.append("  none\n");
		}
		for (ScanReport.SuggestedItem s : r.suggestedItems()) {
			sb.append("  item ").append(s.item()).append(" (").append(s.confidence()).append("): ")
				.append(s.because().en()).append("\n      ").append(s.because().zh()).append('\n');
		}
		if (r.details().problems() > 0) {
			sb.append("\nInput problems: ").append(r.details().problems()).append(' ')
				.append(r.details().problemCounts()).append('\n');
			for (String line : r.details().firstProblems()) {
				sb.append("  ").append(line).append('\n');
			}
		}
		for (String w : r.details().warnings()) {
			if (!shownAbove.contains(w)) {
				sb.append("\nWarning: ").append(w).append('\n');
			}
		}
		return sb.toString();
	}

}
