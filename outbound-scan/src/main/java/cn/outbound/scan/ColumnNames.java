package cn.outbound.scan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;

/**
 * Column names as reports show them. A file without a header row gives its first record as the names, so a "name"
 * can be a resident ID number, a phone number or an e-mail address: runs of seven or more digits and e-mail addresses
 * in a name are masked like samples, so that no raw identifier reaches a report through a header.
 */
final class ColumnNames {

	/** Seven or more digits, possibly with spaces or hyphens between them, and an optional ID check character. */
	private static final Pattern DIGITS = Pattern.compile("\\d(?:[\\d \\-]{5,}\\d)[0-9Xx]?");

	private static final Pattern EMAIL = Pattern.compile("[^\\s@,;，；]+@[^\\s@,;，；]+\\.[A-Za-z]{2,}");

	private ColumnNames() {
	}

	static String masked(String name) {
		if (name == null) {
			return null;
		}
		String out = EMAIL.matcher(name)
			.replaceAll(m -> Matcher.quoteReplacement(Identifiers.mask(IdentifierKind.EMAIL, m.group())));
		return DIGITS.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
				(m.group().replaceAll("\\D", "").length() >= 7) ? Identifiers.maskMiddle(m.group()) : m.group()));
	}

}
