package cn.outbound.ledger;

/**
 * The legal basis of an export event, as in spec/scenario-v1.md. {@link #NONE} is counted toward the cumulative
 * thresholds; the others are exempt from all three mechanisms and, by default, kept apart and not counted (see
 * {@link LedgerSettings#countExemptBases()}).
 */
public enum Basis {

	/** No exemption: counted. */
	NONE,
	/** Art. 5(1) of the 2024 Provisions: a contract to which the individual is a party. */
	CONTRACT,
	/** Art. 5(2): cross-border HR management under lawful labour rules. */
	HR,
	/** Art. 5(3): to protect life, health or property in an emergency. */
	EMERGENCY,
	/** Art. 4: collected and generated abroad, processed in China, nothing domestic introduced. */
	FOREIGN_ORIGIN;

	/** Whether persons under this basis are exempt (every basis but {@link #NONE}). */
	public boolean exempt() {
		return this != NONE;
	}

	/**
	 * The basis named {@code text} (case-insensitive, {@code -} for {@code _}).
	 * @throws LedgerInputException naming the allowed values
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
		throw new LedgerInputException("basis",
				"basis '" + text + "' is not one of NONE, CONTRACT, HR, EMERGENCY, FOREIGN_ORIGIN");
	}

}
