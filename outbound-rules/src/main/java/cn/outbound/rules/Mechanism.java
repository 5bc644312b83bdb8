package cn.outbound.rules;

/**
 * What an export needs, strongest first. The outcome of a decision is the strongest mechanism any finding calls for.
 */
public enum Mechanism {

	/**
	 * State secrets, core data or government data: other laws govern (under a free trade zone's list they are outside
	 * the list; the finding's explanation says so where a list applies, so the label names no list).
	 */
	SEPARATE_REGIME(new Text("另行适用其他法律法规", "Separate regime (other laws govern)")),

	/** Declare a data-export security assessment (数据出境安全评估). */
	SECURITY_ASSESSMENT(new Text("申报数据出境安全评估", "Data-export security assessment")),

	/** Sign and file the PI standard contract, or pass PI protection certification. */
	STANDARD_CONTRACT_OR_CERTIFICATION(new Text("订立个人信息出境标准合同或通过个人信息保护认证",
			"Personal-information standard contract or certification")),

	/** None of the three mechanisms is needed. */
	EXEMPT(new Text("免予申报安全评估、订立标准合同、通过认证", "Exempt from all three mechanisms"));

	private final Text label;

	Mechanism(Text label) {
		this.label = label;
	}

	public Text label() {
		return this.label;
	}

	/** Higher is stronger. */
	public int strength() {
		return values().length - ordinal();
	}

	public boolean strongerThan(Mechanism other) {
		return strength() > other.strength();
	}

	public static Mechanism strongest(Mechanism a, Mechanism b) {
		return (a.strength() >= b.strength()) ? a : b;
	}

}
