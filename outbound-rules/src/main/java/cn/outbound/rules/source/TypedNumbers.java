package cn.outbound.rules.source;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number as a person types it into a form: {@code 1200000}, {@code 1,200,000}, {@code 1 200 000}, {@code 120万},
 * {@code 1.2亿}, full-width digits ({@code １２０万}), an optional {@code 人} after it. A leading minus is read too,
 * so that the reader can say the number is below its minimum rather than not a number. The one reading of typed counts
 * for every form; a JSON document's numbers are read by {@link Fields} and need none of this.
 */
public final class TypedNumbers {

	/** Digits with an optional fraction, then an optional 千/万/亿 and an optional 人. */
	private static final Pattern TYPED = Pattern.compile("(-?\\d+(?:\\.\\d+)?)([千万亿])?人?");

	/** At most this many characters are looked at: a longer text is not a count. */
	private static final int MAX_LENGTH = 40;

	private TypedNumbers() {
	}

	/**
	 * The number {@code typed} stands for, or empty when it is not a number in one of the forms above. Group
	 * separators (commas, full-width commas, spaces, no-break and thin spaces) are dropped wherever they are.
	 */
	public static Optional<BigDecimal> parse(String typed) {
		if (typed == null || typed.isBlank() || typed.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		StringBuilder s = new StringBuilder(typed.length());
		for (int i = 0; i < typed.length(); i++) {
			char c = typed.charAt(i);
			if (c >= '０' && c <= '９') {
				s.append((char) ('0' + (c - '０')));
			}
			else if (c == '－') {
				s.append('-');
			}
			else if (c == '．' || c == '。') {
				s.append('.');
			}
			else if (c == ',' || c == '，' || c == ' ' || c == '\u00a0' || c == '\u2009' || c == '\u202f'
					|| c == '\u3000') {
				continue;
			}
			else {
				s.append(c);
			}
		}
		Matcher m = TYPED.matcher(s);
		if (!m.matches()) {
			return Optional.empty();
		}
		BigDecimal n = new BigDecimal(m.group(1));
		if (m.group(2) != null) {
			n = n.multiply(switch (m.group(2)) {
				case "千" -> BigDecimal.valueOf(1_000);
				case "万" -> BigDecimal.valueOf(10_000);
				default -> BigDecimal.valueOf(100_000_000);
			});
		}
		n = n.stripTrailingZeros();
		return Optional.of((n.scale() < 0) ? n.setScale(0) : n);
	}

	/**
	 * Whether {@code typed} was written other than as its plain digits ({@code 120万}, {@code 1,200,000}), so that a
	 * form should echo the number it understood.
	 */
	public static boolean needsEcho(String typed, BigDecimal understood) {
		return typed != null && !typed.strip().equals(understood.toPlainString());
	}

}
