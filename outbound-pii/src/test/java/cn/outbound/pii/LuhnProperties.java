package cn.outbound.pii;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

class LuhnProperties {

	@Property
	void appendingTheCheckDigitAlwaysValidates(@ForAll @StringLength(min = 1, max = 18) @NumericChars String payload) {
		String number = payload + Luhn.checkDigit(payload);
		assertThat(Luhn.isValid(number)).isTrue();
		char wrong = (char) ('0' + (number.charAt(number.length() - 1) - '0' + 1) % 10);
		assertThat(Luhn.isValid(payload + wrong)).isFalse();
	}

}
