package cn.outbound.filing.life;

import cn.outbound.filing.calendar.FilingText;
import cn.outbound.rules.Text;

/**
 * Where a filing stands. A security assessment goes DRAFT → SUBMITTED → ACCEPTED → APPROVED, REJECTED or WITHDRAWN; a
 * standard contract DRAFT → CONTRACT_EFFECTIVE → FILED (or WITHDRAWN). {@link Lifecycle} holds which moves are
 * allowed.
 */
public enum FilingState {

	DRAFT,
	/** The materials were submitted to the provincial cyberspace department (security assessment). */
	SUBMITTED,
	/** The national cyberspace department accepted the filing (受理). */
	ACCEPTED,
	/** The result was issued and the export passed: valid 3 years from the result. */
	APPROVED,
	/** Not accepted, or the result was issued and the export did not pass. */
	REJECTED,
	/** Withdrawn by the processor. */
	WITHDRAWN,
	/** The standard contract took effect (the 10 working days to file it run from here). */
	CONTRACT_EFFECTIVE,
	/** The standard contract was filed with the provincial cyberspace department (filing number). */
	FILED;

	public Text label() {
		return FilingText.of("life.state." + name());
	}

	/** No move leads out of it. */
	public boolean terminal() {
		return this == APPROVED || this == REJECTED || this == WITHDRAWN || this == FILED;
	}

	/** Whether another filing of the same assessment may be opened beside one in this state. */
	public boolean closed() {
		return this == REJECTED || this == WITHDRAWN;
	}

	/**
	 * The state {@code value} names (any case, {@code -} for {@code _}), or {@code null}.
	 */
	public static FilingState parse(String value) {
		if (value == null) {
			return null;
		}
		String v = value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
		for (FilingState s : values()) {
			if (s.name().equals(v)) {
				return s;
			}
		}
		return null;
	}

}
