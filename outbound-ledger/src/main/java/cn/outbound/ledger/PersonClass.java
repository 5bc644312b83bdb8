package cn.outbound.ledger;

/**
 * The two classes the thresholds count separately. A person can be in both.
 */
public enum PersonClass {

	/** Personal information other than sensitive PI ({@code individuals}). */
	NON_SENSITIVE("individuals"),

	/** Sensitive personal information ({@code sensitiveIndividuals}). */
	SENSITIVE("sensitiveIndividuals");

	private final String field;

	PersonClass(String field) {
		this.field = field;
	}

	/** The scenario field that counts this class: {@code individuals} or {@code sensitiveIndividuals}. */
	public String field() {
		return this.field;
	}

	public boolean sensitive() {
		return this == SENSITIVE;
	}

	public static PersonClass of(boolean sensitive) {
		return sensitive ? SENSITIVE : NON_SENSITIVE;
	}

}
