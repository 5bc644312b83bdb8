package cn.outbound.pii;

import cn.outbound.testing.Seeded;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.outbound.testing.Seeded.args;
import static cn.outbound.testing.Seeded.between;
import static cn.outbound.testing.Seeded.edge;
import static cn.outbound.testing.Seeded.pick;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(Seeded.Replay.class)
class ResidentIdNumberProperties {

	static final String[] REGIONS = { "110105", "120101", "310115", "440305", "510104", "650102", "429004", "130602" };

	/** The first 17 characters: the lowest and the highest the generator makes. */
	private static final String FIRST = "110105" + "19000101" + "000";

	private static final String LAST = "130602" + "20231228" + "999";

	static Stream<Arguments> first17s() {
		return Seeded.cases(1_000_000, 1000, List.of(edge("lowest", FIRST), edge("highest", LAST)),
				r -> args(first17(r)));
	}

	@ParameterizedTest
	@MethodSource("first17s")
	void appendingComputedCheckDigitAlwaysValidates(String first17) {
		assertThat(ResidentIdNumber.isValid(first17 + ResidentIdNumber.checkDigit(first17))).isTrue();
	}

	static Stream<Arguments> otherCheckCharacters() {
		return Seeded.cases(2_000_000, 1000,
				List.of(edge("lowest, 0", FIRST, 0), edge("lowest, X", FIRST, 10), edge("highest, 0", LAST, 0),
						edge("highest, X", LAST, 10)),
				r -> args(first17(r), between(r, 0, 10)));
	}

	@ParameterizedTest
	@MethodSource("otherCheckCharacters")
	void anyOtherCheckCharacterFails(String first17, int other) {
		char right = ResidentIdNumber.checkDigit(first17);
		char wrong = (other == 10) ? 'X' : (char) ('0' + other);
		if (wrong != right) {
			assertThat(ResidentIdNumber.isValid(first17 + wrong)).isFalse();
		}
	}

	static Stream<Arguments> digitChanges() {
		return Seeded.cases(3_000_000, 1000,
				List.of(edge("first digit +1", FIRST, 0, 1), edge("first digit +9", LAST, 0, 9),
						edge("last digit +1", LAST, 16, 1), edge("last digit +9", FIRST, 16, 9)),
				r -> args(first17(r), between(r, 0, 16), between(r, 1, 9)));
	}

	@ParameterizedTest
	@MethodSource("digitChanges")
	void singleDigitChangeIsCaught(String first17, int at, int delta) {
		String id = first17 + ResidentIdNumber.checkDigit(first17);
		char[] chars = id.toCharArray();
		chars[at] = (char) ('0' + (chars[at] - '0' + delta) % 10);
		String changed = new String(chars);
		assertThat(changed.charAt(17)).isNotEqualTo(ResidentIdNumber.checkDigit(changed.substring(0, 17)));
	}

	static Stream<Arguments> legacies() {
		return Seeded.cases(4_000_000, 1000,
				List.of(edge("lowest", "110105" + "000101" + "000"), edge("highest", "130602" + "991228" + "999")),
				r -> args(pick(r, REGIONS)
						+ String.format("%02d%02d%02d%03d", between(r, 0, 99), between(r, 1, 12), between(r, 1, 28),
								between(r, 0, 999))));
	}

	@ParameterizedTest
	@MethodSource("legacies")
	void upgradedLegacyNumbersValidateAndKeepTheirDate(String legacy) {
		String upgraded = ResidentIdNumber.upgrade15(legacy);
		assertThat(ResidentIdNumber.isValid(upgraded)).isTrue();
		assertThat(ResidentIdNumber.birthDate(upgraded)).isEqualTo(ResidentIdNumber.birthDate(legacy));
		assertThat(Identifiers.normalise(IdentifierKind.RESIDENT_ID, legacy)).isEqualTo(upgraded);
	}

	/** A region, a date from 1900 to 2023 (days 1 to 28) and a sequence number. */
	static String first17(SplittableRandom r) {
		return pick(r, REGIONS) + String.format("%04d%02d%02d%03d", between(r, 1900, 2023), between(r, 1, 12),
				between(r, 1, 28), between(r, 0, 999));
	}

}
