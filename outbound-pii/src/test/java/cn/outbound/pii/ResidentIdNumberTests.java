package cn.outbound.pii;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static cn.outbound.pii.SyntheticIds.ZHANG_WEI_ID;
import static cn.outbound.pii.SyntheticIds.ZHANG_WEI_LEGACY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResidentIdNumberTests {

	@Test
	void acceptsSyntheticValidNumber() {
		assertThat(ResidentIdNumber.isValid(ZHANG_WEI_ID)).isTrue();
		assertThat(ResidentIdNumber.isValid(ZHANG_WEI_ID.toLowerCase())).isTrue();
		assertThat(ResidentIdNumber.checkDigit(ZHANG_WEI_ID.substring(0, 17))).isEqualTo('X');
	}

	@Test
	void rejectsWrongCheckDigit() {
		assertThat(ResidentIdNumber.isValid("110105194912310021")).isFalse();
	}

	@Test
	void rejectsUnknownRegionAndImpossibleDates() {
		assertThat(ResidentIdNumber.isValid(SyntheticIds.residentId("990105", LocalDate.of(1990, 1, 1), 12))).isFalse();
		assertThat(ResidentIdNumber.isValid(SyntheticIds.residentId("110005", LocalDate.of(1990, 1, 1), 12))).isFalse();
		String feb30 = "11010519900230001";
		assertThat(ResidentIdNumber.isValid(feb30 + ResidentIdNumber.checkDigit(feb30))).isFalse();
		String future = "11010521990101001";
		assertThat(ResidentIdNumber.isValid(future + ResidentIdNumber.checkDigit(future))).isFalse();
		assertThat(ResidentIdNumber.isValid("110105490230002")).isFalse();
	}

	@Test
	void acceptsLeapDays() {
		assertThat(ResidentIdNumber.isValid(SyntheticIds.residentId("120101", LocalDate.of(2000, 2, 29), 7))).isTrue();
		String notLeap = "12010119000229007";
		assertThat(ResidentIdNumber.isValid(notLeap + ResidentIdNumber.checkDigit(notLeap))).isFalse();
	}

	@Test
	void upgradesLegacyNumber() {
		assertThat(ResidentIdNumber.isValid(ZHANG_WEI_LEGACY_ID)).isTrue();
		assertThat(ResidentIdNumber.upgrade15(ZHANG_WEI_LEGACY_ID)).isEqualTo(ZHANG_WEI_ID);
	}

	@Test
	void readsBirthDateAndAge() {
		assertThat(ResidentIdNumber.birthDate(ZHANG_WEI_ID)).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(ResidentIdNumber.birthDate(ZHANG_WEI_LEGACY_ID)).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(ResidentIdNumber.ageOn(ZHANG_WEI_ID, 0, LocalDate.of(2024, 12, 30))).isEqualTo(74);
		assertThat(ResidentIdNumber.ageOn(ZHANG_WEI_ID, 0, LocalDate.of(2024, 12, 31))).isEqualTo(75);
		assertThat(ResidentIdNumber.isMale(ZHANG_WEI_ID)).isFalse();
	}

	@Test
	void birthDateOfInvalidNumberFailsWithoutTheValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.birthDate("110105194912310021"))
			.withMessageNotContaining("110105");
	}

	@Test
	void validatesSubRangesWithoutCopying() {
		String text = "ID:" + ZHANG_WEI_ID + ";";
		assertThat(ResidentIdNumber.isValid(text, 3, 21)).isTrue();
	}

}
