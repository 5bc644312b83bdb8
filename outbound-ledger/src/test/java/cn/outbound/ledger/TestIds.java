package cn.outbound.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.pii.ResidentIdNumber;

/**
 * Synthetic, checksum-valid identifiers for tests. None belongs to a real person: they are made from a counter.
 */
public final class TestIds {

	/** The house's synthetic resident ID number (Beijing Chaoyang, born 1949-12-31). */
	public static final String ZHANG_WEI_ID = "11010519491231002X";

	private static final LocalDate FIRST_BIRTH = LocalDate.of(1940, 1, 1);

	private TestIds() {
	}

	/** The n-th synthetic resident ID number (distinct for n below 30,000,000). */
	public static String residentId(long n) {
		LocalDate birth = FIRST_BIRTH.plusDays(n / 1000);
		String first17 = String.format("110105%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
				birth.getDayOfMonth(), n % 1000);
		return first17 + ResidentIdNumber.checkDigit(first17);
	}

	/** Resident ID numbers for n in [from, to). */
	public static List<String> residentIds(long from, long to) {
		List<String> out = new ArrayList<>();
		for (long n = from; n < to; n++) {
			out.add(residentId(n));
		}
		return out;
	}

	/** The n-th synthetic mobile number (13x...). */
	public static String mobile(long n) {
		return String.format("139%08d", n);
	}

}
