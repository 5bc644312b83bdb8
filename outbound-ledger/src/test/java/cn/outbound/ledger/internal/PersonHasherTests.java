package cn.outbound.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import cn.outbound.pii.IdentifierKind;

import static org.assertj.core.api.Assertions.assertThat;

class PersonHasherTests {

	@Test
	void isStandardHmacSha256OfTheTaggedNormalForm() throws Exception {
		Random random = new Random(42);
		for (int keyLength : new int[] { 32, 64, 65, 100 }) {
			byte[] key = new byte[keyLength];
			random.nextBytes(key);
			PersonHasher hasher = new PersonHasher(key);
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			for (String value : new String[] { "11010519491231002X", "zhang.wei@example.cn", "客户-007", "",
					"x".repeat(200) }) {
				byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
				byte[] input = new byte[utf8.length + 1];
				input[0] = 3;
				System.arraycopy(utf8, 0, input, 1, utf8.length);
				assertThat(hasher.hash(IdentifierKind.EMAIL, value)).isEqualTo(mac.doFinal(input));
			}
		}
	}

	@Test
	void kindsAreSeparated() {
		PersonHasher hasher = new PersonHasher(new byte[32]);
		assertThat(hasher.hash(IdentifierKind.OPAQUE, "E12345678"))
			.isNotEqualTo(hasher.hash(IdentifierKind.PASSPORT, "E12345678"));
	}

	@Test
	void keysAreSeparated() {
		byte[] other = new byte[32];
		other[0] = 1;
		assertThat(new PersonHasher(new byte[32]).hash(IdentifierKind.RESIDENT_ID, "11010519491231002X"))
			.isNotEqualTo(new PersonHasher(other).hash(IdentifierKind.RESIDENT_ID, "11010519491231002X"));
	}

}
