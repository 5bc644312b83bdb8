package cn.outbound.pii;

import cn.outbound.pii.InvalidIdentifierException.Reason;
import org.junit.jupiter.api.Test;

import static cn.outbound.pii.IdentifierKind.EMAIL;
import static cn.outbound.pii.IdentifierKind.MOBILE;
import static cn.outbound.pii.IdentifierKind.OPAQUE;
import static cn.outbound.pii.IdentifierKind.PASSPORT;
import static cn.outbound.pii.IdentifierKind.RESIDENT_ID;
import static cn.outbound.pii.SyntheticIds.ZHANG_WEI_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdentifiersTests {

	@Test
	void normalisesResidentIdPresentation() {
		assertThat(Identifiers.normalise(RESIDENT_ID, "  11010519491231002x ")).isEqualTo(ZHANG_WEI_ID);
		assertThat(Identifiers.normalise(RESIDENT_ID, "110105 19491231 002X")).isEqualTo(ZHANG_WEI_ID);
		assertThat(Identifiers.normalise(RESIDENT_ID, "\u3000１１０１０５１９４９１２３１００２Ｘ")).isEqualTo(ZHANG_WEI_ID);
		assertThat(Identifiers.normalise(RESIDENT_ID, "110105491231002")).isEqualTo(ZHANG_WEI_ID);
	}

	@Test
	void rejectsResidentIdWithReasonAndWithoutValue() {
		assertThatExceptionOfType(InvalidIdentifierException.class)
			.isThrownBy(() -> Identifiers.normalise(RESIDENT_ID, "110105194912310021"))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.BAD_CHECK_DIGIT))
			.withMessageNotContaining("110105194912310021")
			.withMessageNotContaining("1101051949");
		assertThatExceptionOfType(InvalidIdentifierException.class)
			.isThrownBy(() -> Identifiers.normalise(RESIDENT_ID, "990105194912310021"))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_REGION));
		assertThatExceptionOfType(InvalidIdentifierException.class)
			.isThrownBy(() -> Identifiers.normalise(RESIDENT_ID, "1101051949123"))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.BAD_LENGTH));
		assertThatExceptionOfType(InvalidIdentifierException.class)
			.isThrownBy(() -> Identifiers.normalise(RESIDENT_ID, "110105X9491231002"))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.BAD_CHARACTER));
		assertThatExceptionOfType(InvalidIdentifierException.class)
			.isThrownBy(() -> Identifiers.normalise(RESIDENT_ID, "   "))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.EMPTY));
		assertThatExceptionOfType(InvalidIdentifierException.class)
			.isThrownBy(() -> Identifiers.normalise(RESIDENT_ID, "110105491331002"))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(Reason.BAD_DATE));
	}

	@Test
	void normalisesMobileNumbers() {
		// synthetic numbers
		assertThat(Identifiers.normalise(MOBILE, "138 1234 5678")).isEqualTo("13812345678");
		assertThat(Identifiers.normalise(MOBILE, "+86 138-1234-5678")).isEqualTo("13812345678");
		assertThat(Identifiers.normalise(MOBILE, "0086 13812345678")).isEqualTo("13812345678");
		assertThat(Identifiers.normalise(MOBILE, "(+86) 138 1234 5678")).isEqualTo("13812345678");
		assertThat(Identifiers.normalise(MOBILE, "8613812345678")).isEqualTo("13812345678");
		assertThat(Identifiers.isValid(MOBILE, "12812345678")).isFalse();
		assertThat(Identifiers.isValid(MOBILE, "1381234567")).isFalse();
		assertThat(Identifiers.isValid(MOBILE, "+1 212 555 0100")).isFalse();
		assertThat(Identifiers.isValid(MOBILE, "022-23456789")).isFalse();
	}

	@Test
	void normalisesEmail() {
		assertThat(Identifiers.normalise(EMAIL, "  Zhang.Wei@Example.COM ")).isEqualTo("zhang.wei@example.com");
		assertThat(Identifiers.isValid(EMAIL, "zhang@example")).isFalse();
		assertThat(Identifiers.isValid(EMAIL, "zhang@@example.com")).isFalse();
		assertThat(Identifiers.isValid(EMAIL, "zhang wei@example.com")).isFalse();
		assertThat(Identifiers.isValid(EMAIL, ".zhang@example.com")).isFalse();
	}

	@Test
	void normalisesPassports() {
		assertThat(Identifiers.normalise(PASSPORT, " e12345678 ")).isEqualTo("E12345678");
		assertThat(Identifiers.normalise(PASSPORT, "EA1234567")).isEqualTo("EA1234567");
		assertThat(Identifiers.normalise(PASSPORT, "G12345678")).isEqualTo("G12345678");
		assertThat(Identifiers.normalise(PASSPORT, "D1234567")).isEqualTo("D1234567");
		assertThat(Identifiers.isValid(PASSPORT, "EI1234567")).isFalse();
		assertThat(Identifiers.isValid(PASSPORT, "X12345678")).isFalse();
		assertThat(Identifiers.isValid(PASSPORT, "E1234567")).isFalse();
	}

	@Test
	void opaqueIdentifiersAreTrimmedOnly() {
		assertThat(Identifiers.normalise(OPAQUE, "  Cust-0001\t")).isEqualTo("Cust-0001");
		assertThatExceptionOfType(InvalidIdentifierException.class).isThrownBy(() -> Identifiers.normalise(OPAQUE, " "));
	}

	@Test
	void masksInTheHouseFormat() {
		assertThat(Identifiers.mask(RESIDENT_ID, " 11010519491231002x")).isEqualTo("110************02X");
		assertThat(Identifiers.mask(MOBILE, "+86 138 1234 5678")).isEqualTo("13********8");
		assertThat(Identifiers.mask(EMAIL, "Zhang@Example.com")).isEqualTo("z***@example.com");
		assertThat(Identifiers.mask(PASSPORT, "E12345678")).isEqualTo("E1******8");
		assertThat(Identifiers.mask(OPAQUE, "ab")).isEqualTo("**");
		assertThat(Identifiers.mask(RESIDENT_ID, "not an id")).doesNotContain("not an");
	}

}
