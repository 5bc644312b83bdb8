package cn.outbound.pii;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class ResidentIdNumberProperties {

	@Property
	void appendingComputedCheckDigitAlwaysValidates(@ForAll("first17") String first17) {
		assertThat(ResidentIdNumber.isValid(first17 + ResidentIdNumber.checkDigit(first17))).isTrue();
	}

	@Property
	void anyOtherCheckCharacterFails(@ForAll("first17") String first17, @ForAll @IntRange(min = 0, max = 10) int other) {
		char right = ResidentIdNumber.checkDigit(first17);
		char wrong = (other == 10) ? 'X' : (char) ('0' + other);
		if (wrong != right) {
			assertThat(ResidentIdNumber.isValid(first17 + wrong)).isFalse();
		}
	}

	@Property
	void singleDigitChangeIsCaught(@ForAll("first17") String first17, @ForAll @IntRange(min = 0, max = 16) int at,
			@ForAll @IntRange(min = 1, max = 9) int delta) {
		String id = first17 + ResidentIdNumber.checkDigit(first17);
		char[] chars = id.toCharArray();
		chars[at] = (char) ('0' + (chars[at] - '0' + delta) % 10);
		String changed = new String(chars);
		assertThat(changed.charAt(17)).isNotEqualTo(ResidentIdNumber.checkDigit(changed.substring(0, 17)));
	}

	@Property
	void upgradedLegacyNumbersValidateAndKeepTheirDate(@ForAll("legacy") String legacy) {
		String upgraded = ResidentIdNumber.upgrade15(legacy);
		assertThat(ResidentIdNumber.isValid(upgraded)).isTrue();
		assertThat(ResidentIdNumber.birthDate(upgraded)).isEqualTo(ResidentIdNumber.birthDate(legacy));
		assertThat(Identifiers.normalise(IdentifierKind.RESIDENT_ID, legacy)).isEqualTo(upgraded);
	}

	@Provide
	Arbitrary<String> first17() {
		return Combinators
			.combine(regions(), Arbitraries.integers().between(1900, 2023), Arbitraries.integers().between(1, 12),
					Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 999))
			.as((region, y, m, d, seq) -> region + String.format("%04d%02d%02d%03d", y, m, d, seq));
	}

	@Provide
	Arbitrary<String> legacy() {
		return Combinators
			.combine(regions(), Arbitraries.integers().between(0, 99), Arbitraries.integers().between(1, 12),
					Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 999))
			.as((region, y, m, d, seq) -> region + String.format("%02d%02d%02d%03d", y, m, d, seq));
	}

	static Arbitrary<String> regions() {
		return Arbitraries.of("110105", "120101", "310115", "440305", "510104", "650102", "429004", "130602");
	}

	static LocalDate anyDate() {
		return LocalDate.of(1990, 1, 1);
	}

}
