package cn.outbound.pii;

import cn.outbound.testing.Seeded;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.outbound.testing.Seeded.anyString;
import static cn.outbound.testing.Seeded.args;
import static cn.outbound.testing.Seeded.between;
import static cn.outbound.testing.Seeded.edge;
import static cn.outbound.testing.Seeded.pick;
import static cn.outbound.testing.Seeded.string;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(Seeded.Replay.class)
class MaskingProperties {

	private static final LocalDate FIRST_BIRTH = LocalDate.of(1920, 1, 1);

	static Stream<Arguments> ids() {
		return Seeded.cases(1_000_000, 1000,
				List.of(edge("first", SyntheticIds.residentId("110105", FIRST_BIRTH, 0)),
						edge("last", SyntheticIds.residentId("130602", FIRST_BIRTH.plusDays(40_000), 999))),
				r -> args(SyntheticIds.residentId(pick(r, ResidentIdNumberProperties.REGIONS),
						FIRST_BIRTH.plusDays(between(r, 0, 40_000)), between(r, 0, 999))));
	}

	@ParameterizedTest
	@MethodSource("ids")
	void residentIdMasksShowAtMostAThird(String id) {
		String mask = Identifiers.mask(IdentifierKind.RESIDENT_ID, id);
		assertThat(mask).hasSize(18).isNotEqualTo(id);
		assertThat(shown(mask)).isLessThanOrEqualTo(18 / 3);
		// the date of birth is always hidden
		assertThat(mask.substring(6, 14)).isEqualTo("********");
	}

	/** Every kind with the empty string, blanks, one character, NUL, U+FFFF, a lone surrogate, stars, an at sign. */
	static Stream<Arguments> values() {
		List<Arguments> edges = new ArrayList<>();
		for (IdentifierKind kind : IdentifierKind.values()) {
			for (String raw : List.of("", " ", "   ", "a", "ab", "abc", "\u0000", "\uffff", "\ud800", "***", "@", "a@b",
					"中文名")) {
				edges.add(edge(kind + " " + escaped(raw), kind, raw));
			}
		}
		return Seeded.cases(2_000_000, 1000, edges,
				r -> args(pick(r, IdentifierKind.values()), anyString(r)));
	}

	@ParameterizedTest
	@MethodSource("values")
	void anyValueOfAnyKindShowsAtMostAThird(IdentifierKind kind, String raw) {
		String mask = Identifiers.mask(kind, raw);
		String identifying = (kind == IdentifierKind.EMAIL && mask.indexOf('@') >= 0)
				? mask.substring(0, mask.lastIndexOf('@')) : mask;
		int length = (kind == IdentifierKind.EMAIL && mask.indexOf('@') >= 0) ? Math.max(3, identifying.length())
				: mask.length();
		assertThat(shown(identifying)).isLessThanOrEqualTo(Math.max(1, length / 3));
		if (raw.strip().length() >= 3 && raw.indexOf('*') < 0 && kind != IdentifierKind.EMAIL) {
			assertThat(mask).isNotEqualTo(raw.strip());
		}
	}

	static Stream<Arguments> mobiles() {
		return Seeded.cases(3_000_000, 1000,
				List.of(edge("lowest", "13000000000"), edge("highest", "13999999999")),
				r -> args("13" + string(r, "0123456789", 9, 9)));
	}

	@ParameterizedTest
	@MethodSource("mobiles")
	void mobileMasksHideTheSubscriberNumber(String mobile) {
		String mask = Identifiers.mask(IdentifierKind.MOBILE, mobile);
		assertThat(shown(mask)).isLessThanOrEqualTo(11 / 3);
		assertThat(mask).doesNotContain(mobile.substring(3, 7));
	}

	private static long shown(String mask) {
		return mask.chars().filter(c -> c != '*').count();
	}

	/** A case name shows invisible characters as {@code \}{@code uXXXX}. */
	private static String escaped(String s) {
		StringBuilder sb = new StringBuilder("\"");
		s.chars().forEach(c -> sb.append((c < 0x20 || c > 0x7e && c < 0xa0 || Character.isSurrogate((char) c) || c == 0xffff)
				? String.format("\\u%04x", c) : String.valueOf((char) c)));
		return sb.append('"').toString();
	}

}
