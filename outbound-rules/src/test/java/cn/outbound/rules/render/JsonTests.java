package cn.outbound.rules.render;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small JSON writer writes what a real JSON parser reads back.
 */
class JsonTests {

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

	@Property(tries = 300)
	void anyStringRoundTrips(@ForAll String s) {
		Map<String, Object> tree = Map.of("k" + s, s);
		assertThat(MAPPER.readTree(Json.compact(tree)).get("k" + s).asString()).isEqualTo(s);
	}

}
