package cn.outbound.pii;

import java.time.LocalDate;

/**
 * Synthetic, checksum-valid test identifiers. None belongs to a real person.
 */
public final class SyntheticIds {

	/** The house's synthetic resident ID number (Beijing Chaoyang, born 1949-12-31). */
	public static final String ZHANG_WEI_ID = "11010519491231002X";

	/** Its 15-digit legacy form. */
	public static final String ZHANG_WEI_LEGACY_ID = "110105491231002";

	private SyntheticIds() {
	}

	/** An 18-character resident ID number with a correct check character. */
	public static String residentId(String region6, LocalDate birth, int sequence) {
		String first17 = region6 + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
				birth.getDayOfMonth(), sequence);
		return first17 + ResidentIdNumber.checkDigit(first17);
	}

}
