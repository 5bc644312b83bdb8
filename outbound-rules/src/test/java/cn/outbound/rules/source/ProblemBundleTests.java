package cn.outbound.rules.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem bundles are complete in both languages: every code has a Chinese and an English message with the same
 * arguments, every code the sources use is in the bundles, and the Chinese bundle holds no English left over.
 */
class ProblemBundleTests {

	/** Words that stay as they are in Chinese text: field names, values and formats of the documents themselves. */
	private static final Set<String> KEPT = Set.of("JSON", "Schema", "ISO", "YYYY", "MM", "DD", "true", "false", "null",
			"schema", "id", "personalInformation", "data", "inForceUntil", "inForceFrom", "listItems", "zh", "en",
			"lowerCamelCase", "ASCII", "tianjin", "ftz", "art", "item", "sourceLines", "factNotes", "facts", "in",
			"equals", "all", "any", "not", "NONE", "N", "exemptBases", "below", "atLeast", "basedOn", "sharedWith", "z");

	private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

	@Test
	void everyCodeHasAChineseAndAnEnglishMessage() {
		assertThat(ProblemMessages.keys("zh")).containsExactlyInAnyOrderElementsOf(ProblemMessages.keys("en"));
	}

	@Test
	void bothLanguagesUseTheSameArguments() {
		for (String key : ProblemMessages.keys("en")) {
			assertThat(ProblemMessages.placeholders(ProblemMessages.template(key, "zh")))
				.as("arguments of %s", key)
				.containsExactlyInAnyOrderElementsOf(ProblemMessages.placeholders(ProblemMessages.template(key, "en")));
		}
	}

	@Test
	void noEnglishIsLeftInTheChineseBundle() {
		for (String key : ProblemMessages.keys("zh")) {
			String text = ProblemMessages.template(key, "zh")
				.replaceAll("\\{[A-Za-z0-9]+\\}", "")
				.replace("[a-z][a-z0-9-]*", "");
			assertThat(text).as("zh %s is only placeholders and ASCII", key).isNotBlank().matches(t -> !t.chars().allMatch(c -> c < 128));
			Matcher m = WORD.matcher(text);
			while (m.find()) {
				assertThat(KEPT).as("English word '%s' in zh %s", m.group(), key).contains(m.group());
			}
		}
	}

	@Test
	void everyCodeTheSourcesUseIsInTheBundles() throws IOException {
		Set<String> used = usedCodes();
		assertThat(used).hasSizeGreaterThan(60);
		assertThat(ProblemMessages.keys("en")).containsAll(used);
	}

	@Test
	void everyProblemCodeIsUsedBySomeSource() throws IOException {
		Set<String> used = usedCodes();
		Set<String> unused = new TreeSet<>();
		for (String key : ProblemMessages.keys("en")) {
			if (!key.contains(".") && !used.contains(key) && !SERVER_CODES.contains(key)
					&& !FILING_DETAILS_CODES.contains(key)) {
				unused.add(key);
			}
		}
		assertThat(unused).as("codes no source produces").isEmpty();
	}

	@Test
	void aMessageRendersItsArgumentsInTheSameLanguage() {
		Problem p = new Problem("/flags/stateSecret", SourceLocation.UNKNOWN, "unknown-field", "field", "stateSecret",
				"where", Message.of("subject.object", "name", "flags"), "hint",
				Message.of("hint.did-you-mean", "name", "stateSecrets"), "allowed", List.of("stateSecrets", "coreData"));
		assertThat(p.message()).isEqualTo(
				"unknown field 'stateSecret' in flags (did you mean 'stateSecrets'?); allowed: stateSecrets, coreData");
		assertThat(p.message("zh"))
			.isEqualTo("“flags”中有未知字段“stateSecret”（是否应为“stateSecrets”？）；允许的字段：stateSecrets、coreData");
		assertThat(p.render("zh")).isEqualTo("错误：/flags/stateSecret: " + p.message("zh"));
		assertThat(p.message(java.util.Locale.ENGLISH)).isEqualTo(p.message());
		assertThat(p.message(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo(p.message("zh"));
	}

	/**
	 * The string literals in the sources that make problems ({@code source}, {@code scenario}, {@code pack}) that look
	 * like codes ({@code unknown-fact}, {@code subject.fact}), and the codes that have no hyphen.
	 */
	static Set<String> usedCodes() throws IOException {
		Set<String> out = new TreeSet<>(Set.of("required", "schema"));
		Pattern literal = Pattern.compile("(?<!\\bs\\()\"([a-z]+(?:[.-][a-z]+)+)\"");
		// RulePackLoader names subjects by s("section") for "subject.section"
		Pattern subject = Pattern.compile("\\bs\\(\"([a-z]+(?:-[a-z]+)*)\"");
		for (String pkg : List.of("source", "scenario", "pack")) {
			try (Stream<Path> files = Files.walk(Path.of("src", "main", "java", "cn", "outbound", "rules", pkg))) {
				for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
					String src = Files.readString(f);
					Matcher m = literal.matcher(src);
					while (m.find()) {
						out.add(m.group(1));
					}
					m = subject.matcher(src);
					while (m.find()) {
						out.add("subject." + m.group(1));
					}
				}
			}
		}
		out.removeAll(NOT_CODES);
		return out;
	}

	/** Codes of the server's requests that wrap a scenario (outbound-app's {@code Assessments}). */
	private static final Set<String> SERVER_CODES = Set.of("unknown-request-field", "too-long");

	/** Codes of the filing details file, produced by outbound-filing's FilingDetailsReader (its tests pin them). */
	private static final Set<String> FILING_DETAILS_CODES = Set.of("identity-number-not-taken", "bad-credit-code",
			"bad-credit-code-check");

	/** Literals in those sources that are not codes. */
	private static final Set<String> NOT_CODES = Set.of("index.txt", "processor.id", "tianjin-ftz");

}
