package cn.outbound.rules.pack;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Problem;
import cn.outbound.rules.source.SourceLocation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins what the pack loader says and builds, so that its parts can be moved without changing either:
 * <ul>
 * <li>every broken pack under {@code src/test/resources/pack-problems/} (each names what is wrong in its first line)
 * gives the problems in its {@code .problems.txt}: code, pointer, line:column, Chinese and English, in order; once
 * through {@link RulePackLoader#load} (schema and semantic checks) and once as JSON through
 * {@link RulePackLoader#loadCompiled} (semantic checks only, as the built-in packs are loaded), so a binder's own
 * messages are pinned even where the schema reports the same place first;</li>
 * <li>every valid pack binds to the records in {@code src/test/resources/golden/packs/}, the compiled built-in packs
 * bind exactly as their YAML sources, and the built-in packs keep their content hashes.</li>
 * </ul>
 * After an intended change, regenerate with
 * {@code mvn -pl outbound-rules test -Dtest=PackLoaderGoldenTests -Doutbound.golden.update=true} and review the diff.
 */
class PackLoaderGoldenTests {

	static final Path FIXTURES = Path.of("src/test/resources/pack-problems");

	static final Path BOUND = Path.of("src/test/resources/golden/packs");

	/** The built-in packs' hashes, as {@code sha256sum outbound-rules/src/main/resources/rulepacks/*.yaml} prints them. */
	static final Map<String, String> BUILT_IN_HASHES = Map.of(
			"cn-national-2024.yaml", "sha256:d6f85396c086c28c28bd95580e6dd00967885ac6a48f30fa4dd7af7f46c6681c",
			"tianjin-ftz-2024.yaml", "sha256:f33ee63cd6f8f54bdf1b9d09092c4d2732ab90c3e276db692f0cb1f135b89f02");

	@TestFactory
	Stream<DynamicTest> everyBrokenPackGivesTheProblemsOfItsGoldenFile() throws IOException {
		boolean update = Boolean.getBoolean("outbound.golden.update");
		List<Path> files;
		try (Stream<Path> list = Files.list(FIXTURES)) {
			files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(20);
		return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			String name = file.getFileName().toString();
			byte[] yaml = Files.readAllBytes(file);
			StringBuilder sb = new StringBuilder("# load: schema and semantic checks\n");
			sb.append(problems(() -> RulePackLoader.load(yaml, name)));
			byte[] json = toJson(yaml);
			if (json != null) {
				String jsonName = name.replace(".yaml", ".json");
				sb.append("\n# loadCompiled: semantic checks only, the pack as pretty-printed JSON\n");
				sb.append(problems(() -> RulePackLoader.loadCompiled(json, jsonName, "sha256:test")));
			}
			check(FIXTURES.resolve(name.replace(".yaml", ".problems.txt")), sb.toString(), update);
		}));
	}

	@TestFactory
	Stream<DynamicTest> everyValidPackBindsToTheRecordsOfItsGoldenFile() {
		boolean update = Boolean.getBoolean("outbound.golden.update");
		Map<String, Supplier<RulePack>> packs = new LinkedHashMap<>();
		for (RulePack pack : RulePacks.loadBuiltInSources()) {
			packs.put(pack.file(), () -> pack);
		}
		packs.put("minimal.yaml", () -> RulePackLoaderTests.load(RulePackLoaderTests.minimal()));
		return packs.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(
				BOUND.resolve(e.getKey().replace(".yaml", ".bound.txt")), dump(e.getValue().get()) + "\n", update)));
	}

	@Test
	void compiledBuiltInPacksBindExactlyAsTheirSources() {
		List<RulePack> sources = RulePacks.loadBuiltInSources();
		List<RulePack> compiled = RulePacks.loadBuiltIn();
		assertThat(compiled).hasSameSizeAs(sources);
		for (int i = 0; i < sources.size(); i++) {
			// the same records; only the references' locations differ (the compiled JSON is one line)
			assertThat(dump(compiled.get(i), false)).as(sources.get(i).file()).isEqualTo(dump(sources.get(i), false));
		}
	}

	@Test
	void builtInPacksKeepTheirContentHashes() {
		Map<String, String> fromSources = new LinkedHashMap<>();
		RulePacks.loadBuiltInSources().forEach(p -> fromSources.put(p.file(), p.contentHash()));
		Map<String, String> compiled = new LinkedHashMap<>();
		RulePacks.loadBuiltIn().forEach(p -> compiled.put(p.file(), p.contentHash()));
		assertThat(fromSources).isEqualTo(BUILT_IN_HASHES);
		assertThat(compiled).isEqualTo(BUILT_IN_HASHES);
		assertThat(RulePacks.readResource(RulePacks.BUILT_IN + PackCompiler.INDEX))
			.isEqualTo("cn-national-2024.yaml " + BUILT_IN_HASHES.get("cn-national-2024.yaml") + "\n"
					+ "tianjin-ftz-2024.yaml " + BUILT_IN_HASHES.get("tianjin-ftz-2024.yaml") + "\n");
	}

	/** Every problem: where, code and pointer, then the message in both languages. */
	static String problems(Supplier<RulePack> load) {
		List<Problem> problems;
		try {
			load.get();
			throw new AssertionError("the pack loaded although it is broken");
		}
		catch (InvalidInputException ex) {
			problems = ex.problems();
		}
		StringBuilder sb = new StringBuilder();
		for (Problem p : problems) {
			sb.append(p.location().file())
				.append(':')
				.append(p.location().line())
				.append(':')
				.append(p.location().column())
				.append("  ")
				.append(p.code())
				.append("  ")
				.append(p.pointer().isEmpty() ? "(root)" : p.pointer())
				.append('\n');
			sb.append("  zh: ").append(p.message("zh")).append('\n');
			sb.append("  en: ").append(p.message("en")).append('\n');
		}
		return sb.toString();
	}

	/** The pack as pretty-printed JSON (so problems fall on distinct lines), or {@code null} when it is not YAML. */
	static byte[] toJson(byte[] yaml) {
		try {
			return JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
				.writeValueAsBytes(YAMLMapper.builder().build().readTree(yaml));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** Every component of a bound pack, in order, numbers with their type: what a refactoring must not change. */
	static String dump(Object value) {
		return dump(value, true);
	}

	static String dump(Object value, boolean locations) {
		StringBuilder sb = new StringBuilder();
		dump(value, "", locations, sb);
		return sb.toString();
	}

	private static void dump(Object v, String indent, boolean locations, StringBuilder sb) {
		String inner = indent + "  ";
		if (v instanceof SourceLocation && !locations) {
			sb.append("(location)");
		}
		else if (v == null || v instanceof Boolean || v instanceof Enum<?> || v instanceof LocalDate) {
			sb.append(v);
		}
		else if (v instanceof String s) {
			sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
		}
		else if (v instanceof Number n) {
			sb.append(n.getClass().getSimpleName()).append(' ')
				.append((n instanceof BigDecimal d) ? d.toPlainString() : n.toString());
		}
		else if (v instanceof int[] a) {
			sb.append(Arrays.toString(a));
		}
		else if (v instanceof Record r) {
			sb.append(r.getClass().getSimpleName()).append(" {");
			for (RecordComponent c : r.getClass().getRecordComponents()) {
				sb.append('\n').append(inner).append(c.getName()).append(": ");
				try {
					dump(c.getAccessor().invoke(r), inner, locations, sb);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
			sb.append('\n').append(indent).append('}');
		}
		else if (v instanceof Map<?, ?> m) {
			if (m.isEmpty()) {
				sb.append("{}");
				return;
			}
			sb.append('{');
			for (Map.Entry<?, ?> e : m.entrySet()) {
				sb.append('\n').append(inner);
				dump(e.getKey(), inner, locations, sb);
				sb.append(": ");
				dump(e.getValue(), inner, locations, sb);
			}
			sb.append('\n').append(indent).append('}');
		}
		else if (v instanceof Collection<?> c) {
			if (c.isEmpty()) {
				sb.append("[]");
				return;
			}
			sb.append('[');
			for (Object e : new ArrayList<>(c)) {
				sb.append('\n').append(inner).append("- ");
				dump(e, inner, locations, sb);
			}
			sb.append('\n').append(indent).append(']');
		}
		else {
			throw new IllegalArgumentException("cannot dump a " + v.getClass());
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
