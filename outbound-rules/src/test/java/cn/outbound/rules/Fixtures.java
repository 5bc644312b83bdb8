package cn.outbound.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.Engine;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.scenario.ScenarioReader;

/**
 * Shared test fixtures: the built-in packs, the engine, and scenario builders.
 */
public final class Fixtures {

	public static final RulePacks PACKS = RulePacks.builtIn();

	public static final Engine ENGINE = new Engine(PACKS);

	public static final ScenarioReader READER = new ScenarioReader(PACKS);

	private Fixtures() {
	}

	/**
	 * The repository's root: its in-repo copies of the spec, its examples and the source list live under
	 * {@code spec/} and {@code docs/source/}. The build passes it as {@code outbound.repo}; otherwise the nearest folder
	 * above the working directory that holds {@code spec/examples}.
	 */
	public static Path repo() {
		String configured = System.getProperty("outbound.repo");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
			if (Files.isDirectory(p.resolve("spec/examples")) && Files.isRegularFile(p.resolve("pom.xml"))) {
				return p;
			}
		}
		throw new IllegalStateException("cannot find the repository root (spec/examples) above "
				+ Path.of("").toAbsolutePath());
	}

	/** The in-repo copy of the spec's examples. */
	public static Path examples() {
		return repo().resolve("spec/examples");
	}

	public static Scenario scenario(String json) {
		return READER.read(json.getBytes(StandardCharsets.UTF_8), "test.json");
	}

	public static Decision decide(String json) {
		return ENGINE.decide(scenario(json));
	}

	/** A Tianjin FTZ scenario (not a CIIO) with the given JSON fragments spliced in, dated 2026-06-15. */
	public static String tianjin(String... fragments) {
		return scenarioJson("tianjin-ftz", false, fragments);
	}

	public static String tianjinCiio(String... fragments) {
		return scenarioJson("tianjin-ftz", true, fragments);
	}

	public static String national(String... fragments) {
		return scenarioJson("cn-national", false, fragments);
	}

	public static String scenarioJson(String jurisdiction, boolean ciio, String... fragments) {
		StringBuilder sb = new StringBuilder("{\"schema\":\"outbound/scenario/v1\",\"jurisdiction\":\"" + jurisdiction
				+ "\",\"date\":\"2026-06-15\",\"processor\":{\"name\":\"测试企业（天津）有限公司\",\"ciio\":" + ciio + "}");
		for (String f : fragments) {
			sb.append(',').append(f);
		}
		return sb.append('}').toString();
	}

	/** One personal-information group with basis NONE. */
	public static String pi(long individuals, long sensitive) {
		return "\"personalInformation\":[{\"individuals\":" + individuals + ",\"sensitiveIndividuals\":" + sensitive
				+ ",\"basis\":\"NONE\"}]";
	}

	public static String prior(long individuals, long sensitive) {
		return "\"priorThisYear\":{\"individuals\":" + individuals + ",\"sensitiveIndividuals\":" + sensitive + "}";
	}

	public static String item(int number, String factsJson) {
		return "\"data\":[{\"item\":" + number + ((factsJson != null) ? ",\"facts\":" + factsJson : "") + "}]";
	}

}
