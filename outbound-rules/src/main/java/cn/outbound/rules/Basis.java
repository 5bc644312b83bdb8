package cn.outbound.rules;

/**
 * The legal basis of a personal-information group (spec/scenario-v1.md) and of a ledger's export event: the one list
 * of bases, for scenarios and the ledger alike. {@link #NONE} is counted toward the cumulative thresholds; the others
 * are exempt from all three mechanisms (the ledger keeps them apart and, by default, does not count them).
 */
public enum Basis {

	/** No exemption: counted. */
	NONE,
	/** Art. 5(1): necessary to conclude or perform a contract to which the individual is a party. */
	CONTRACT,
	/** Art. 5(2): cross-border HR management under lawful labour rules. */
	HR,
	/** Art. 5(3): to protect life, health or property in an emergency. */
	EMERGENCY,
	/** Art. 4: collected and generated abroad, processed in China, nothing domestic introduced. */
	FOREIGN_ORIGIN,
	/**
	 * Art. 35(6) of the Network Data Security Management Regulations (in force from 2025-01-01): necessary to perform a
	 * statutory duty or obligation. A pack states from when it applies ({@code inForceFrom}); before that date a group
	 * under it is counted as {@link #NONE}, and the decision says so.
	 */
	STATUTORY_DUTY;

	/** Whether persons under this basis are exempt (every basis but {@link #NONE}). */
	public boolean exempt() {
		return this != NONE;
	}

	/**
	 * The basis named {@code text} (case-insensitive, {@code -} for {@code _}).
	 * @throws IllegalArgumentException naming the allowed values
	 */
	public static Basis parse(String text) {
		if (text != null) {
			String t = text.strip().replace('-', '_');
			for (Basis b : values()) {
				if (b.name().equalsIgnoreCase(t)) {
					return b;
				}
			}
		}
		throw new IllegalArgumentException("basis '" + text + "' is not one of " + java.util.Arrays.stream(values())
			.map(Enum::name)
			.collect(java.util.stream.Collectors.joining(", ")));
	}

}
