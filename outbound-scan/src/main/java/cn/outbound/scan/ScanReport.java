package cn.outbound.scan;

import cn.outbound.rules.Text;
import java.util.List;
import java.util.Map;

/**
 * The scan report of spec/scan-v1.md. The fixed fields come first; {@code findings},
 * {@code details}, {@code scenarioStatus} and the extra person counts are this project's additions.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = "scenarioHints", allowGetters = true)
public record ScanReport(String schema, String source, long rows, List<Column> columns, Persons persons,
		List<SuggestedItem> suggestedItems, Map<String, Object> scenario, Details details,
		ScenarioStatus scenarioStatus) {

	public static final String SCHEMA = "outbound/scan/v1";

	/**
	 * The scan's figures for the threshold count facts the draft {@link #scenario()} leaves for the user
	 * ({@link DraftScenario#hints}): in the JSON report as {@code scenarioHints}, shown next to the question.
	 */
	@com.fasterxml.jackson.annotation.JsonProperty("scenarioHints")
	public List<DraftScenario.Hint> scenarioHints() {
		if (this.scenario == null || !(this.scenario.get("date") instanceof String date)) {
			return List.of();
		}
		java.time.LocalDate day;
		try {
			day = java.time.LocalDate.parse(date);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return List.of();
		}
		return DraftScenario.hints(this.persons, this.scenario,
				DraftScenario.pack(cn.outbound.rules.pack.RulePacks.builtIn(), day));
	}

	/** The jurisdiction of the draft scenario: the Tianjin FTZ negative list. */
	public static final String DRAFT_JURISDICTION = "tianjin-ftz";

	/**
	 * One column: its types, whether sensitive, how many values matched, masked samples; and the sensitive
	 * information its header names and its values bear out though no identifier carries it (an account balance:
	 * {@link cn.outbound.pii.detect.SensitiveAttribute}).
	 */
	public record Column(String name, List<String> types, boolean sensitive, long matched, long nonEmpty,
			List<String> sample, List<Finding> findings, List<AttributeFinding> attributes) {
	}

	/**
	 * A {@link cn.outbound.pii.detect.SensitiveAttribute} found in a column: its id, its name, whether sensitive under
	 * the scan's standard, and why (the header's word, and how many of the first values bore it out).
	 */
	public record AttributeFinding(String attribute, Text name, boolean sensitive, Text basis) {
	}

	/** How one type was found in a column. */
	public record Finding(String type, long matched, double share, String confidence, boolean sensitive,
			String basis) {
	}

	/**
	 * Persons: exact distinct count by the identifier columns; {@code individuals} and
	 * {@code sensitiveIndividuals} as the scenario counts them.
	 */
	public record Persons(List<String> identifierColumns, long distinct, long minors, long individuals,
			long sensitiveIndividuals, long rowsWithoutIdentifier, String how) {
	}

	/** A list item suggested for a person to confirm. */
	public record SuggestedItem(int item, Text because, String confidence, String status, List<Evidence> evidence) {
	}

	public record Evidence(String where, String term) {
	}

	public record Details(String format, String standard, String asOf, long problems, Map<String, Long> problemCounts,
			List<String> firstProblems, List<String> warnings) {
	}

	/**
	 * Whether {@link #scenario()} can be assessed as it is. Not when it would understate the export,
	 * e.g. personal information was found but its persons could not be counted (the draft then has
	 * no personal-information group, and {@code outbound assess} would answer as if there were none).
	 */
	public record ScenarioStatus(boolean assessable, List<ScenarioProblem> problems) {

		public static final ScenarioStatus OK = new ScenarioStatus(true, List.of());

	}

	/** Why a draft scenario is not assessable: a stable code and what to do, in Chinese and English. */
	public record ScenarioProblem(String code, Text message) {
	}

}
