package cn.outbound.rules.scenario;

/**
 * The legal basis of a personal-information group (spec/scenario-v1.md). {@link #NONE} is counted toward the
 * cumulative thresholds; the others are exempt from all three mechanisms.
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
	FOREIGN_ORIGIN

}
