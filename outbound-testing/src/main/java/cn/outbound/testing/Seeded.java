package cn.outbound.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.provider.Arguments;

import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Cases for the {@code XxxProperties} tests, which are plain JUnit parameterised tests
 * ({@code @ParameterizedTest @MethodSource}). A property tries its named edge cases first, then random cases, each
 * made by its generator from a {@link SplittableRandom} with its own seed. The seeds are fixed (a property's base
 * seed plus the case's number), so every run tries the same cases, and a case's name says its seed
 * ({@code [42] seed 1000033}). A property class carries {@code @ExtendWith(Seeded.Replay.class)}, so that a failure
 * names its case and says how to run it alone:
 * {@code mvn -pl <module> -am test -Dtest='XxxProperties#method' -Dsurefire.failIfNoSpecifiedTests=false -Dproperties.seed=1000033}.
 * <p>
 * The property tests of every module use this one class (module {@code outbound-testing}, a test-scope dependency).
 */
public final class Seeded {

	/** A system property naming the one seed to run, for replaying a failed case. */
	public static final String SEED_PROPERTY = "properties.seed";

	private Seeded() {
	}

	/**
	 * {@code tries} cases: the edge cases, then random ones from the seeds {@code base}, {@code base + 1}, … Each
	 * random case's arguments are {@code generator.apply(new SplittableRandom(seed))}. With {@link #SEED_PROPERTY}
	 * set, only that seed's case.
	 */
	public static Stream<Arguments> cases(long base, int tries, List<Arguments> edges,
			Function<SplittableRandom, Object[]> generator) {
		String only = System.getProperty(SEED_PROPERTY, "").strip();
		LongStream seeds = only.isEmpty() ? LongStream.range(base, base + Math.max(0, tries - edges.size()))
				: LongStream.of(Long.parseLong(only));
		Stream<Arguments> random = seeds
			.mapToObj(seed -> argumentSet("seed " + seed, generator.apply(new SplittableRandom(seed))));
		return only.isEmpty() ? Stream.concat(edges.stream(), random) : random;
	}

	/** {@code tries} cases, no edge cases. */
	public static Stream<Arguments> cases(long base, int tries, Function<SplittableRandom, Object[]> generator) {
		return cases(base, tries, List.of(), generator);
	}

	/**
	 * Puts the failed case's name (its seed) and the command that replays it in front of the failure: Surefire's
	 * report names a parameterised case by its number only.
	 */
	public static final class Replay implements TestExecutionExceptionHandler {

		@Override
		public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
			String name = context.getDisplayName();
			int seed = name.indexOf("seed ");
			String replay = (seed < 0) ? "" : " (to run it alone: -Dtest='" + context.getRequiredTestClass().getSimpleName()
					+ "#" + context.getRequiredTestMethod().getName() + "' -D" + SEED_PROPERTY + "="
					+ name.substring(seed + 5).strip() + ")";
			AssertionError named = new AssertionError("case " + name + replay + ": " + failure.getMessage(), failure);
			named.setStackTrace(failure.getStackTrace());
			throw named;
		}

	}

	/** A named edge case. */
	public static Arguments edge(String name, Object... arguments) {
		return argumentSet("edge: " + name, arguments);
	}

	/** The arguments of a case (for generators). */
	public static Object[] args(Object... arguments) {
		return arguments;
	}

	/** A whole number in [min, max] (both included). */
	public static int between(SplittableRandom random, int min, int max) {
		return random.nextInt(min, max + 1);
	}

	/** A whole number in [min, max] (both included). */
	public static long between(SplittableRandom random, long min, long max) {
		return random.nextLong(min, max + 1);
	}

	@SafeVarargs
	public static <T> T pick(SplittableRandom random, T... values) {
		return values[random.nextInt(values.length)];
	}

	public static <T> T pick(SplittableRandom random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	/** A string of {@code min} to {@code max} characters, each one of {@code chars}. */
	public static String string(SplittableRandom random, String chars, int min, int max) {
		int length = between(random, min, max);
		StringBuilder sb = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			sb.append(chars.charAt(random.nextInt(chars.length())));
		}
		return sb.toString();
	}

	/** A list of {@code min} to {@code max} elements. */
	public static <T> List<T> list(SplittableRandom random, int min, int max, Function<SplittableRandom, T> element) {
		int size = between(random, min, max);
		List<T> out = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			out.add(element.apply(random));
		}
		return out;
	}

	/** Characters that break careless code: NUL, controls, quotes, backslash, line separators, BOM, U+FFFF. */
	private static final String TRICKY = "\u0000\u0001\u001f\u007f\t\n\r \"'\\/<>&\u00a0\u0085\u2028\u2029\u3000\ufeff\ufffd\uffff";

	/**
	 * Any string of 0 to 255 UTF-16 units (short ones more often), mixing ASCII, tricky characters, Chinese, any BMP
	 * unit (lone surrogates included) and supplementary characters (surrogate pairs).
	 */
	public static String anyString(SplittableRandom random) {
		int length = random.nextBoolean() ? between(random, 0, 12) : between(random, 0, 255);
		StringBuilder sb = new StringBuilder(length);
		while (sb.length() < length) {
			int kind = random.nextInt(20);
			if (kind < 8) {
				sb.append((char) between(random, 0x20, 0x7e));
			}
			else if (kind < 10) {
				sb.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
			}
			else if (kind < 13) {
				sb.append((char) between(random, 0x4e00, 0x9fff));
			}
			else if (kind < 17) {
				sb.append((char) random.nextInt(0x10000));
			}
			else if (kind < 18) {
				sb.append((char) between(random, Character.MIN_SURROGATE, Character.MAX_SURROGATE));
			}
			else {
				sb.appendCodePoint(between(random, Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT));
			}
		}
		return sb.toString();
	}

	/** Any bytes, 0 to 255 of them. */
	public static byte[] anyBytes(SplittableRandom random) {
		byte[] bytes = new byte[random.nextBoolean() ? between(random, 0, 12) : between(random, 0, 255)];
		random.nextBytes(bytes);
		return bytes;
	}

}
