package cn.outbound.pii.detect;

/**
 * Recognises one type in a single prepared value. Implementations are stateless and thread-safe
 * and do not allocate on the common path.
 */
public interface Detector {

	/** Not this type. */
	int NO = 0;

	/** Plausible but ambiguous (a date, a 2-character name): counts only with a header or a confirmation. */
	int WEAK = 1;

	/** Validated by checksum, range or dictionary. */
	int STRONG = 2;

	PiType type();

	/** {@link #NO}, {@link #WEAK} or {@link #STRONG}. */
	int match(Value value);

	/**
	 * A slower second opinion on a weak match (dictionary segmentation), run on a bounded sample
	 * of each column's values only. Default: none.
	 */
	default boolean confirm(String value) {
		return false;
	}

	/** Whether {@link #confirm(String)} is implemented. */
	default boolean confirms() {
		return false;
	}

}
