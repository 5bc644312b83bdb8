package cn.outbound.rules.scenario;

import java.text.Normalizer;

/**
 * The one form of a processor id, used wherever an id is read (a scenario, the ledger from any door), so that two ids
 * that look the same are the same id: NFKC-normalised (full-width letters and digits become ASCII), with no control,
 * format (zero-width, bidirectional) or other invisible characters, which are refused rather than dropped.
 */
public final class ProcessorIds {

	/** The longest id, in characters. */
	public static final int MAX_LENGTH = 200;

	private ProcessorIds() {
	}

	/**
	 * The id in its one form, or {@code null} when it cannot be one: blank, longer than {@value #MAX_LENGTH}
	 * characters, or holding a character {@link #invisible(int)} calls invisible.
	 */
	public static String normalize(String id) {
		if (id == null || id.length() > MAX_LENGTH * 4) {
			return null;
		}
		String n = Normalizer.normalize(id, Normalizer.Form.NFKC).strip();
		if (n.isEmpty() || n.length() > MAX_LENGTH || n.codePoints().anyMatch(ProcessorIds::invisible)) {
			return null;
		}
		return n;
	}

	/** The first invisible character of {@code id} as {@code U+XXXX}, or {@code null} when it has none. */
	public static String firstInvisible(String id) {
		return (id == null) ? null : id.codePoints()
			.filter(ProcessorIds::invisible)
			.mapToObj(cp -> String.format("U+%04X", cp))
			.findFirst()
			.orElse(null);
	}

	/**
	 * Control characters (Cc), format characters (Cf: zero-width spaces and joiners, the BOM, bidirectional marks and
	 * overrides, soft hyphen), line and paragraph separators, unassigned and private-use code points, and the Hangul
	 * and Braille fillers that render as blanks.
	 */
	public static boolean invisible(int cp) {
		int type = Character.getType(cp);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
				|| type == Character.SURROGATE || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0
				|| cp == 0x2800;
	}

}
