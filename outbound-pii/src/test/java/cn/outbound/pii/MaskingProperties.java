package cn.outbound.pii;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingProperties {

	@Property
	void residentIdMasksShowAtMostAThird(@ForAll("ids") String id) {
		String mask = Identifiers.mask(IdentifierKind.RESIDENT_ID, id);
		assertThat(mask).hasSize(18).isNotEqualTo(id);
		assertThat(shown(mask)).isLessThanOrEqualTo(18 / 3);
		// the date of birth is always hidden
		assertThat(mask.substring(6, 14)).isEqualTo("********");
	}

	@Property
	void anyValueOfAnyKindShowsAtMostAThird(@ForAll IdentifierKind kind, @ForAll String raw) {
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

	@Property
	void mobileMasksHideTheSubscriberNumber(@ForAll("mobiles") String mobile) {
		String mask = Identifiers.mask(IdentifierKind.MOBILE, mobile);
		assertThat(shown(mask)).isLessThanOrEqualTo(11 / 3);
		assertThat(mask).doesNotContain(mobile.substring(3, 7));
	}

	private static long shown(String mask) {
		return mask.chars().filter(c -> c != '*').count();
	}

	@Provide
	Arbitrary<String> ids() {
		return ResidentIdNumberProperties.regions()
			.flatMap(region -> Arbitraries.integers()
				.between(0, 40_000)
				.flatMap(day -> Arbitraries.integers()
					.between(0, 999)
					.map(seq -> SyntheticIds.residentId(region, java.time.LocalDate.of(1920, 1, 1).plusDays(day), seq))));
	}

	@Provide
	Arbitrary<String> mobiles() {
		return Arbitraries.strings().numeric().ofLength(9).map(s -> "13" + s);
	}

}
