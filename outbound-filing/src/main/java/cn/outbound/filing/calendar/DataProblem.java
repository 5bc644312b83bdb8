package cn.outbound.filing.calendar;

import cn.outbound.rules.Text;
import cn.outbound.rules.source.Problem;
import cn.outbound.rules.source.SourceLocation;

/**
 * One thing wrong with a calendar or deadline file: where (JSON pointer and {@code file:line:column}) and what, in
 * Chinese and English. The same form as a rule pack's {@link Problem}, whose general checks (syntax, duplicate keys,
 * unknown or missing fields, dates) the loaders reuse.
 *
 * @param code a stable code: a rules problem code ({@code unknown-field}, {@code required}, …) or one of this module
 * ({@code calendar.duplicate-date}, …)
 */
public record DataProblem(String pointer, SourceLocation location, String code, Text message) {

	/** A problem found by the rules' general checks, in both languages. */
	public static DataProblem of(Problem p) {
		return new DataProblem(p.pointer(), p.location(), p.code(), new Text(p.message("zh"), p.message("en")));
	}

	public static DataProblem of(String pointer, SourceLocation location, String code, Object... namesAndValues) {
		return new DataProblem(pointer, location, code, FilingText.of(code, namesAndValues));
	}

	/** {@code ERROR: file:line:column: /pointer: message}, as a rule pack's problems are printed. */
	public String render(String lang) {
		StringBuilder sb = new StringBuilder("en".equals(lang) ? "ERROR: " : "错误：");
		String at = this.location.toString();
		if (!at.isEmpty()) {
			sb.append(at).append(": ");
		}
		if (this.pointer != null && !this.pointer.isEmpty()) {
			sb.append(this.pointer).append(": ");
		}
		return sb.append(this.message.in(lang)).toString();
	}

	@Override
	public String toString() {
		return render("en");
	}

}
