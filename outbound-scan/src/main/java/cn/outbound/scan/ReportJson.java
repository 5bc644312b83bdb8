package cn.outbound.scan;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The scan report as JSON (spec/scan-v1.md). */
public final class ReportJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final JsonMapper COMPACT = JsonMapper.builder().build();

	private ReportJson() {
	}

	public static String write(ScanReport report) {
		return MAPPER.writeValueAsString(report);
	}

	/** The report on one line (for one JSON line per file). */
	public static String writeCompact(ScanReport report) {
		return COMPACT.writeValueAsString(report);
	}

	/** Only the draft scenario, ready for {@code outbound assess}. */
	public static String writeScenario(ScanReport report) {
		return MAPPER.writeValueAsString(report.scenario());
	}

}
