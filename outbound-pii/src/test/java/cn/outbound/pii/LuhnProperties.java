package cn.outbound.pii;

import cn.outbound.testing.Seeded;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.outbound.testing.Seeded.args;
import static cn.outbound.testing.Seeded.edge;
import static cn.outbound.testing.Seeded.string;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(Seeded.Replay.class)
class LuhnProperties {

	static Stream<Arguments> payloads() {
		return Seeded.cases(1_000_000, 1000,
				List.of(edge("0", "0"), edge("9", "9"), edge("18 zeros", "0".repeat(18)),
						edge("18 nines", "9".repeat(18))),
				r -> args(string(r, "0123456789", 1, 18)));
	}

	@ParameterizedTest
	@MethodSource("payloads")
	void appendingTheCheckDigitAlwaysValidates(String payload) {
		String number = payload + Luhn.checkDigit(payload);
		assertThat(Luhn.isValid(number)).isTrue();
		char wrong = (char) ('0' + (number.charAt(number.length() - 1) - '0' + 1) % 10);
		assertThat(Luhn.isValid(payload + wrong)).isFalse();
	}

}
