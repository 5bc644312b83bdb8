package cn.outbound.rules.pack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.rules.source.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Build step (Maven {@code process-classes}): checks every built-in pack with the full loader (schema and semantic
 * checks, references across packs) and stores it as JSON beside its YAML source, so the CLI starts without a YAML
 * parser. A pack with a problem fails the build with every problem listed.
 */
public final class PackCompiler {

	static final String DIRECTORY = "compiled/";

	static final String INDEX = DIRECTORY + "index.txt";

	private PackCompiler() {
	}

	/**
	 * @param args the classes folder holding {@code rulepacks/}
	 */
	public static void main(String[] args) throws IOException {
		Path root = Path.of(args[0]).resolve(RulePacks.BUILT_IN);
		List<String> names = Files.readAllLines(root.resolve("index.txt"), StandardCharsets.UTF_8)
			.stream()
			.map(String::strip)
			.filter(l -> !l.isEmpty() && !l.startsWith("#"))
			.toList();
		List<RulePack> packs = new ArrayList<>();
		try {
			for (String name : names) {
				packs.add(RulePackLoader.load(Files.readAllBytes(root.resolve(name)), name));
			}
			RulePacks.of(packs);
		}
		catch (InvalidInputException ex) {
			System.err.println(ex.getMessage());
			throw new IllegalStateException("rule packs have problems; see above");
		}
		Path out = root.resolve(DIRECTORY);
		Files.createDirectories(out);
		YAMLMapper yaml = YAMLMapper.builder().build();
		JsonMapper json = JsonMapper.builder().build();
		StringBuilder index = new StringBuilder();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			byte[] source = Files.readAllBytes(root.resolve(name));
			Files.write(out.resolve(name.replace(".yaml", ".json")), json.writeValueAsBytes(yaml.readTree(source)));
			index.append(name).append(' ').append(packs.get(i).contentHash()).append('\n');
		}
		Files.writeString(out.resolve("index.txt"), index, StandardCharsets.UTF_8);
	}

}
