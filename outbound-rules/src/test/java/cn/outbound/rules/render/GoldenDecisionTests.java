package cn.outbound.rules.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import cn.outbound.rules.Fixtures;
import cn.outbound.rules.engine.Decision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole decision (JSON and the text in both languages) for each valid spec example is pinned by a golden file
 * under {@code src/test/resources/golden/}. After an intended change, regenerate with
 * {@code mvn -pl outbound-rules test -Dtest=GoldenDecisionTests -Doutbound.golden.update=true} and review the diff.
 */
class GoldenDecisionTests {

	static final Path GOLDEN = Path.of("src/test/resources/golden");

	@TestFactory
	Stream<DynamicTest> decisionsMatchTheirGoldenFiles() throws IOException {
		boolean update = Boolean.getBoolean("outbound.golden.update");
		Path examples = Fixtures.examples();
		try (Stream<Path> files = Files.list(examples)) {
			return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
				.filter(p -> !p.getFileName().toString().startsWith("invalid-"))
				.sorted()
				.toList()
				.stream()
				.map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
					String name = file.getFileName().toString().replace(".json", "");
					Decision d = Fixtures.ENGINE.decide(Fixtures.READER.read(Files.readAllBytes(file), name + ".json"));
					check(GOLDEN.resolve(name + ".decision.json"), DecisionJson.pretty(DecisionJson.toJson(d)) + "\n", update);
					check(GOLDEN.resolve(name + ".zh.txt"), DecisionText.render(d, "zh"), update);
					check(GOLDEN.resolve(name + ".en.txt"), DecisionText.render(d, "en"), update);
				}));
		}
	}

	private static void check(Path golden, String actual, boolean update) throws IOException {
		if (update || !Files.exists(golden)) {
			Files.createDirectories(golden.getParent());
			Files.writeString(golden, actual, StandardCharsets.UTF_8);
			if (!update) {
				throw new AssertionError("golden file " + golden + " was missing and has been written; review and commit it");
			}
			return;
		}
		assertThat(actual).as("%s (regenerate with -Doutbound.golden.update=true)", golden)
			.isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
	}

}
