package cn.outbound.app.scan;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import cn.outbound.pii.detect.PiType;
import cn.outbound.pii.detect.SensitiveAttribute;
import cn.outbound.rules.Text;
import cn.outbound.scan.ScanReport;

/**
 * A scan report as its page shows it: the report itself, the list items suggested with their names in the list, and
 * the sensitive types found.
 *
 * @param id the id the report is kept under (for its JSON and the draft)
 */
public record ScanView(String id, ScanReport report, List<Suggestion> suggestions, List<String> sensitiveTypes) {

	/** A suggested item with its name in the rule pack in force (or {@code null} when the pack has no such item). */
	public record Suggestion(ScanReport.SuggestedItem item, Text name) {
	}

	static ScanView of(String id, ScanReport report, java.util.function.IntFunction<Text> itemName) {
		TreeSet<String> sensitive = new TreeSet<>();
		for (ScanReport.Column c : report.columns()) {
			for (ScanReport.Finding f : c.findings()) {
				if (f.sensitive()) {
					sensitive.add(f.type());
				}
			}
			for (ScanReport.AttributeFinding a : c.attributes()) {
				if (a.sensitive()) {
					sensitive.add(a.attribute());
				}
			}
		}
		List<Suggestion> suggestions = report.suggestedItems()
			.stream()
			.map(s -> new Suggestion(s, itemName.apply(s.item())))
			.toList();
		return new ScanView(id, report, suggestions, List.copyOf(sensitive));
	}

	/** {@code matched / nonEmpty} as a percentage, e.g. {@code 99.5%}. */
	public String share(ScanReport.Column column) {
		if (column.nonEmpty() == 0) {
			return "–";
		}
		return percent((double) column.matched() / column.nonEmpty());
	}

	public String percent(double share) {
		double p = share * 100;
		return ((p == Math.rint(p)) ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
	}

	/** How the table was read, in the page's language. */
	public String format(String lang) {
		return cn.outbound.tables.TableFormat.described(this.report.details().format(),
				"en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * A type's or a sensitive attribute's name in {@code zh} or {@code en} ({@code CN_MOBILE}: 手机号码, mobile number).
	 */
	public String type(String id, String lang) {
		for (PiType t : PiType.values()) {
			if (t.id().equals(id)) {
				return "en".equals(lang) ? t.en() : t.zh();
			}
		}
		for (SensitiveAttribute a : SensitiveAttribute.values()) {
			if (a.id().equals(id)) {
				return "en".equals(lang) ? a.en() : a.zh();
			}
		}
		return id;
	}

	public String because(ScanReport.SuggestedItem item, String lang) {
		return "en".equals(lang) ? item.because().en() : item.because().zh();
	}

	/** Columns with personal information first, in the table's order. */
	public List<ScanReport.Column> piColumns() {
		return this.report.columns().stream().filter(c -> !c.types().isEmpty() || !c.attributes().isEmpty()).toList();
	}

	public List<ScanReport.Column> otherColumns() {
		return this.report.columns().stream().filter(c -> c.types().isEmpty() && c.attributes().isEmpty()).toList();
	}

}
