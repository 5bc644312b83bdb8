package cn.outbound.rules.scenario;

import cn.outbound.rules.Basis;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A planned export (spec/scenario-v1.md), validated.
 *
 * @param priorThisYear {@code null} when the scenario does not give it
 */
public record Scenario(String jurisdiction, LocalDate date, Processor processor, Recipient recipient,
		List<DataEntry> data, List<PiGroup> personalInformation, Counts priorThisYear, Flags flags) {

	public static final String SCHEMA = "outbound/scenario/v1";

	public record Processor(String id, String name, boolean ciio) {
	}

	public record Recipient(String name, String country) {
	}

	/**
	 * @param facts Boolean, Long (whole numbers), BigDecimal (other numbers) or String (enum values)
	 */
	public record DataEntry(int item, String description, Map<String, Object> facts) {
	}

	public record PiGroup(long individuals, long sensitiveIndividuals, Basis basis) {
	}

	public record Counts(long individuals, long sensitiveIndividuals) {

		public static final Counts ZERO = new Counts(0, 0);

	}

	public record Flags(boolean stateSecrets, boolean coreData, boolean governmentData,
			boolean notifiedImportantData) {

		public static final Flags NONE = new Flags(false, false, false, false);

	}

}
