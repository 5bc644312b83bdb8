package cn.outbound.pii;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LuhnTests {

	@Test
	void knownTestCardNumbers() {
		// well-known public test numbers, not real cards
		assertThat(Luhn.isValid("4111111111111111")).isTrue();
		assertThat(Luhn.isValid("6222020200112233441")).isFalse();
		assertThat(Luhn.isValid("79927398713")).isTrue();
		assertThat(Luhn.isValid("79927398710")).isFalse();
		assertThat(Luhn.isValid("7992739871a")).isFalse();
		assertThat(Luhn.isValid("0")).isFalse();
	}

}
