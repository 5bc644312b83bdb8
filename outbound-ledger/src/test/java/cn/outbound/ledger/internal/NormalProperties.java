package cn.outbound.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.outbound.testing.Seeded;
import cn.outbound.ledger.TestIds;
import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;
import cn.outbound.pii.InvalidIdentifierException;

import static cn.outbound.testing.Seeded.args;
import static cn.outbound.testing.Seeded.between;
import static cn.outbound.testing.Seeded.edge;
import static cn.outbound.testing.Seeded.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The no-copy normal form agrees with {@link Identifiers#normalise} on every input: valid numbers, lower-case x,
 * blanks, full-width digits, wrong check digits, other lengths.
 */
@ExtendWith(Seeded.Replay.class)
class NormalProperties {

	/** What is done to a valid number: nothing, or one of the changes the normal form must agree on. */
	private static final List<UnaryOperator<String>> CHANGES = List.of(v -> v, String::toLowerCase, v -> " " + v + " ",
			v -> v.substring(0, 17) + ((v.charAt(17) == '0') ? '1' : '0'),
			v -> (char) (v.charAt(0) - '0' + '\uFF10') + v.substring(1), v -> v.substring(0, 6) + v.substring(8, 17));

	private static final String[] CHANGE_NAMES = { "valid", "lower case", "blanks around", "wrong check digit",
			"full-width first digit", "15 digits" };

	private static final String CHARS = "0123456789Xx ";

	/**
	 * First the lowest and highest synthetic numbers with each change, and strings of 14 and 19 zeros, blanks and
	 * Xs; then, one kind in seven each, a valid number as it is or changed, or 14 to 19 of the characters
	 * {@code 0-9 X x} and blank.
	 */
	static Stream<Arguments> values() {
		List<Arguments> edges = new ArrayList<>();
		for (long n : new long[] { 0, 29_999_999 }) {
			for (int c = 0; c < CHANGES.size(); c++) {
				edges.add(edge(CHANGE_NAMES[c] + " #" + n, CHANGES.get(c).apply(TestIds.residentId(n))));
			}
		}
		for (int length : new int[] { 14, 15, 17, 18, 19 }) {
			for (char c : new char[] { '0', ' ', 'X', 'x' }) {
				edges.add(edge(length + " times '" + c + "'", String.valueOf(c).repeat(length)));
			}
		}
		return Seeded.cases(1_000_000, 3000, edges, NormalProperties::value);
	}

	private static Object[] value(SplittableRandom r) {
		int kind = r.nextInt(CHANGES.size() + 1);
		if (kind == CHANGES.size()) {
			return args(string(r, CHARS, 14, 19));
		}
		return args(CHANGES.get(kind).apply(TestIds.residentId(between(r, 0L, 29_999_999L))));
	}

	@ParameterizedTest
	@MethodSource("values")
	void agreesWithIdentifiersNormalise(String value) {
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

}
