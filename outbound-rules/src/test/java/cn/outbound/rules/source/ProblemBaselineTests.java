package cn.outbound.rules.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.outbound.rules.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every invalid scenario under {@code src/test/resources/problems} is reported exactly as its
 * {@code NAME.en.baseline} says, and in Chinese as {@code NAME.zh.baseline} says (cel-java's {@code expected_errors.baseline}). Run with
 * {@code -Doutbound.baseline.update=true} to rewrite the baselines, then review the diff.
 */
class ProblemBaselineTests {

	static final Path DIR = Path.of("src", "test", "resources", "problems");

	static final boolean UPDATE = Boolean.getBoolean("outbound.baseline.update");

	@TestFactory
	Stream<DynamicTest> everyInvalidScenarioIsReportedAsItsBaselineSays() throws IOException {
		return inputs().stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
			String name = input.getFileName().toString().replace(".json", "");
			compare(input.resolveSibling(name + ".en.baseline"), rendered(input, "en"));
		}));
	}

	@TestFactory
	Stream<DynamicTest> everyInvalidScenarioIsReportedInChineseAsItsBaselineSays() throws IOException {
		return inputs().stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
			String name = input.getFileName().toString().replace(".json", "");
			compare(input.resolveSibling(name + ".zh.baseline"), rendered(input, "zh"));
		}));
	}

	static List<Problem> problems(Path input) throws IOException {
		try {
			Fixtures.READER.read(Files.readAllBytes(input), input.getFileName().toString());
		}
		catch (InvalidInputException ex) {
			return ex.problems();
		}
		return fail(input + " was accepted");
	}

	static String rendered(Path input, String lang) throws IOException {
		return problems(input).stream().map(p -> p.render(lang)).collect(Collectors.joining("\n", "", "\n"));
	}

	static void compare(Path baseline, String actual) throws IOException {
		if (UPDATE) {
			Files.writeString(baseline, actual, StandardCharsets.UTF_8);
			return;
		}
		assertThat(baseline).as("baseline " + baseline + " (run with -Doutbound.baseline.update=true)").exists();
		assertThat(actual).isEqualTo(Files.readString(baseline, StandardCharsets.UTF_8));
	}

	static List<Path> inputs() throws IOException {
		try (Stream<Path> files = Files.list(DIR)) {
			return new ArrayList<>(files.filter(p -> p.toString().endsWith(".json")).sorted().toList());
		}
	}

}
