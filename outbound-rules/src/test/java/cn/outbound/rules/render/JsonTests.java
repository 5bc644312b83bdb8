package cn.outbound.rules.render;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import cn.outbound.testing.Seeded;

import static cn.outbound.testing.Seeded.anyString;
import static cn.outbound.testing.Seeded.args;
import static cn.outbound.testing.Seeded.edge;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small JSON writer writes what a real JSON parser reads back.
 */
@ExtendWith(Seeded.Replay.class)
class JsonTests {

	/**
	 * Edge strings first (empty, blank, NUL and the other controls, quote, backslash, slash, DEL, U+2028/2029, BOM,
	 * U+FFFF, lone and reversed surrogates, a pair, Chinese, a long run), then any strings.
	 */
	static Stream<Arguments> strings(long base) {
		List<Arguments> edges = List.of(edge("empty", ""), edge("blank", " "), edge("NUL", "\u0000"),
				edge("controls", "\u0001\u001f\b\f\n\r\t"), edge("quote and backslash", "\"\\"), edge("slash", "/"),
				edge("DEL and U+0085", "\u007f\u0085"), edge("line separators", "\u2028\u2029"), edge("BOM", "\ufeff"),
				edge("U+FFFF", "\uffff"), edge("lone high surrogate", "\ud800"), edge("lone low surrogate", "\udfff"),
				edge("reversed pair", "\ude00\ud83d"), edge("pair", "\ud83d\ude00"), edge("Chinese", "中文"),
				edge("long", "a\"中\n".repeat(300)));
		return Seeded.cases(base, 300, edges, r -> args(anyString(r)));
	}

	static Stream<Arguments> roundTripStrings() {
		return strings(1_000_000);
	}

	static Stream<Arguments> utf8Strings() {
		return strings(2_000_000);
	}

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void compactIsOneLineAndPrettyIsIndented() {
		Map<String, Object> tree = new LinkedHashMap<>();
		tree.put("a", List.of(1, 2));
		tree.put("b", Map.of("c", "中文"));
		tree.put("d", List.of(Map.of("e", true)));
		tree.put("f", new BigDecimal("500.5"));
		tree.put("g", null);
		assertThat(Json.compact(tree)).isEqualTo("{\"a\":[1,2],\"b\":{\"c\":\"中文\"},\"d\":[{\"e\":true}],\"f\":500.5,\"g\":null}");
		assertThat(Json.pretty(tree)).contains("\n  \"a\": [1, 2],").contains("\n    \"c\": \"中文\"");
		assertThat(MAPPER.readTree(Json.pretty(tree))).isEqualTo(MAPPER.readTree(Json.compact(tree)));
	}

	@Test
	void cachedPartsWriteLikeTheirValueAndJacksonSeesTheValue() {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("x", List.of("a", "b"));
		Map<String, Object> tree = new LinkedHashMap<>();
		tree.put("c", new Json.Cached(inner));
		Map<String, Object> plain = Map.of("c", inner);
		assertThat(Json.compact(tree)).isEqualTo(Json.compact(plain)).isEqualTo(Json.compact(tree));
		assertThat(Json.pretty(tree)).isEqualTo(Json.pretty(plain));
		assertThat(MAPPER.writeValueAsString(tree)).isEqualTo(Json.compact(plain));
	}

	@Test
	void numbersAreGroupedByThousands() {
		assertThat(Explanations.number(1200000L, "zh")).isEqualTo("1,200,000");
		assertThat(Explanations.number(999L, "en")).isEqualTo("999");
		assertThat(Explanations.number(-1000L, "en")).isEqualTo("-1,000");
		assertThat(Explanations.number(new BigDecimal("1000.50"), "en")).isEqualTo("1,000.5");
	}

	@ParameterizedTest
	@MethodSource("roundTripStrings")
	void anyStringRoundTrips(String s) {
		// Jackson refuses a lone surrogate in a name (escaped or not), so the name has none; the value keeps them
		String key = "k" + wellFormed(s);
		Map<String, Object> tree = Map.of(key, s);
		assertThat(MAPPER.readTree(Json.compact(tree)).get(key).asString()).isEqualTo(s);
		assertThat(MAPPER.readTree(Json.compactUtf8(tree)).get(key).asString()).isEqualTo(s);
	}

	@ParameterizedTest
	@MethodSource("utf8Strings")
	void utf8IsWhatTheJdkEncodes(String s) {
		// every well-formed string encodes as the JDK encodes it (lone surrogates are escaped instead)
		String wellFormed = wellFormed(s);
		List<Object> tree = List.of(wellFormed, 12L, Map.of("x", new Json.Cached(List.of(wellFormed))));
		assertThat(Json.compactUtf8(tree)).isEqualTo(Json.compact(tree).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void escapesControlsQuotesLineSeparatorsAndLoneSurrogates() {
		String s = "a\"b\\c\n\t\u0001\u2028\u2029\ud800x😀中";
		assertThat(Json.compact(List.of(s))).isEqualTo("[\"a\\\"b\\\\c\\n\\t\\u0001\\u2028\\u2029\\ud800x😀中\"]");
		assertThat(MAPPER.readTree(Json.compactUtf8(List.of(s))).get(0).asString()).isEqualTo(s);
	}

	@Test
	void aLargeDocumentDoesNotStayInTheThreadsBuffer() {
		String big = "中".repeat(100_000);
		assertThat(Json.compactUtf8(List.of(big))).hasSize(300_002 + 2);
		assertThat(Json.compactUtf8(List.of("a"))).isEqualTo("[\"a\"]".getBytes(StandardCharsets.UTF_8));
	}

	/** The string without its lone surrogates (pairs stay). */
	private static String wellFormed(String s) {
		return s.codePoints()
			.filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
