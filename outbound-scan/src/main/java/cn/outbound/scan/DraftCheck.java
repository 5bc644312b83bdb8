package cn.outbound.scan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.scenario.ScenarioReader;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Problem;

/**
 * Whether a scan's draft scenario may be handed to {@code outbound assess}: it must be assessable (its persons
 * counted, {@link ScanReport.ScenarioStatus}) and read as {@code assess} reads it, against the rule packs in force on
 * its date. A draft that would understate the export or be refused is not written.
 */
public final class DraftCheck {

	/**
	 * The draft as JSON (with a final line break), or why it must not be written (English, one line each).
	 * @param draft the JSON, when {@code refusals} is empty
	 */
	public record Result(String draft, List<String> refusals) {

		public boolean ok() {
			return this.refusals.isEmpty();
		}

	}

	private DraftCheck() {
	}

	/**
	 * Checks the draft scenario of {@code report}.
	 * @param name what the draft will be called in problems (the file it is written to)
	 */
	public static Result check(ScanReport report, RulePacks packs, String name) {
		ScanReport.ScenarioStatus status = report.scenarioStatus();
		if (!status.assessable()) {
			// a draft that understates the export must not reach 'outbound assess' unnoticed
			List<String> why = new ArrayList<>();
			for (ScanReport.ScenarioProblem p : status.problems()) {
				why.add(p.message().en() + " The draft was not written.");
			}
			return new Result(null, why);
		}
		String draft = ReportJson.writeScenario(report) + "\n";
		try {
			// what 'outbound assess' will do with it: a draft it would refuse is not written
			new ScenarioReader(packs).read(draft.getBytes(StandardCharsets.UTF_8), name);
		}
		catch (InvalidInputException ex) {
			List<String> why = new ArrayList<>();
			for (Problem p : ex.problems()) {
				why.add("'outbound assess' would refuse the draft (" + p.pointer() + ": " + p.message("en")
						+ "); it was not written");
			}
			return new Result(null, why);
		}
		return new Result(draft, List.of());
	}

}
