package cn.outbound.rules.source;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TypedNumbersTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1200000|1200000", "'1,200,000'|1200000", "1 200 000|1200000",
			"120万|1200000", "１２０万|1200000", "120 万人|1200000", "1.2亿|120000000", "3千|3000", "'１，２００，０００'|1200000",
			"0|0", "2.5|2.5", "99999|99999", "100000|100000", "12.5万|125000", "00120|120",
			"12345678901234567890|12345678901234567890", "-5|-5", "－3|-3" })
	void readsWhatAPersonTypes(String typed, String expected) {
		assertThat(TypedNumbers.parse(typed)).contains(new BigDecimal(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "--5", "5-", "1e6", "万", "12万万", "1.2.3", "", " ", "十万", "1/2",
			"123456789012345678901234567890123456789012345" })
	void refusesWhatIsNotACount(String typed) {
		assertThat(TypedNumbers.parse(typed)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "120万|true", "'1,200,000'|true", "1200000|false", " 1200000 |false" })
	void echoesOnlyWhatWasNotPlainDigits(String typed, boolean echo) {
		assertThat(TypedNumbers.needsEcho(typed, TypedNumbers.parse(typed).orElseThrow())).isEqualTo(echo);
	}

}
