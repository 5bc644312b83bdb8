package cn.outbound.ledger.internal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import cn.outbound.ledger.TestIds;
import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;
import cn.outbound.pii.InvalidIdentifierException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The no-copy normal form agrees with {@link Identifiers#normalise} on every input: valid numbers, lower-case x,
 * blanks, full-width digits, wrong check digits, other lengths.
 */
class NormalProperties {

	@Property(tries = 3000)
	void agreesWithIdentifiersNormalise(@ForAll("values") String value) {
		String expected;
		try {
			expected = Identifiers.normalise(IdentifierKind.RESIDENT_ID, value);
		}
		catch (InvalidIdentifierException ex) {
			expected = null;
		}
		String actual;
		try {
			actual = Normal.of(IdentifierKind.RESIDENT_ID, value).toString();
		}
		catch (InvalidIdentifierException ex) {
			actual = null;
		}
		assertThat(actual).isEqualTo(expected);
	}

	@Provide
	Arbitrary<String> values() {
		Arbitrary<String> valid = Arbitraries.longs().between(0, 29_999_999).map(TestIds::residentId);
		return Arbitraries.oneOf(valid, valid.map(String::toLowerCase), valid.map(v -> " " + v + " "),
				valid.map(v -> v.substring(0, 17) + ((v.charAt(17) == '0') ? '1' : '0')),
				valid.map(v -> (char) (v.charAt(0) - '0' + '\uFF10') + v.substring(1)),
				valid.map(v -> v.substring(0, 6) + v.substring(8, 17)),
				Arbitraries.strings().withChars("0123456789Xx ").ofMinLength(14).ofMaxLength(19));
	}

}
