package cn.outbound.pii;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
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

	@Property
	void appendingTheCheckDigitAlwaysValidates(@ForAll @StringLength(min = 1, max = 18) @NumericChars String payload) {
		String number = payload + Luhn.checkDigit(payload);
		assertThat(Luhn.isValid(number)).isTrue();
		char wrong = (char) ('0' + (number.charAt(number.length() - 1) - '0' + 1) % 10);
		assertThat(Luhn.isValid(payload + wrong)).isFalse();
	}

}
