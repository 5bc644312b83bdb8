package cn.outbound.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails when a template holds text that is not from the message bundle, when a key is missing in either language,
 * or when a template names a key that neither bundle has (as petclinic's I18nPropertiesSyncTest does).
 */
class I18nPropertiesSyncTests {

	private static final Path TEMPLATES = Path.of("src/main/jte");

	/** Words that are the same in both languages: the product, formats, codes. */
	private static final Set<String> SAME_IN_BOTH = Set.of("Outbound", "API", "JSON", "中文", "English", "#");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Properties zh = load("messages/messages.properties");
		Properties en = load("messages/messages_en.properties");
		assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
		for (String key : zh.stringPropertyNames()) {
			assertThat(zh.getProperty(key)).as("zh " + key).isNotBlank();
			assertThat(en.getProperty(key)).as("en " + key).isNotBlank();
		}
	}

	@Test
	void englishMessagesAreEnglishAndChineseMessagesAreChinese() throws IOException {
		Properties zh = load("messages/messages.properties");
		Properties en = load("messages/messages_en.properties");
		for (String key : zh.stringPropertyNames()) {
			assertThat(zh.getProperty(key).codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF) || SAME_IN_BOTH.contains(zh.getProperty(key)))
				.as("zh " + key + " has Chinese").isTrue();
			String e = en.getProperty(key).replaceAll("[\"“][^\"”]*[\"”]", "");
			assertThat(e.codePoints().noneMatch(c -> c >= 0x4E00 && c <= 0x9FFF)).as("en " + key + " has no Chinese").isTrue();
		}
	}

	@Test
	void messagesWithArgumentsEscapeTheirApostrophes() throws IOException {
		Properties en = load("messages/messages_en.properties");
		for (String key : en.stringPropertyNames()) {
			String v = en.getProperty(key);
			if (v.contains("{0")) {
				assertThat(v.replace("''", "")).as(key).doesNotContain("'");
			}
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties zh = load("messages/messages.properties");
		Pattern call = Pattern.compile("t\\.get\\(\"([^\"]+)\"");
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher m = call.matcher(Files.readString(template));
			while (m.find()) {
				String key = m.group(1);
				boolean found = key.endsWith(".") ? zh.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
						: zh.containsKey(key);
				if (!found) {
					missing.add(template.getFileName() + ": " + key);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesHoldNoUntranslatedText() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			String text = Files.readString(template);
			String stripped = text.replaceAll("(?s)<script.*?</script>", " ")
				.replaceAll("(?m)^\\s*@(import|param).*$", " ")
				.replaceAll("(?s)!\\{.*?}", " ")
				.replaceAll("(?s)\\$\\{(?:[^{}]|\\{[^{}]*})*}", " ")
				.replaceAll("@(if|elseif|for)\\((?:[^()]|\\((?:[^()]|\\([^()]*\\))*\\))*\\)", " ")
				.replaceAll("@(else|endif|endfor)", " ")
				// a call of a template without a content block (field-errors, a part shared by pages: its arguments are code)
				.replaceAll("@template\\.[a-z./-]+\\((?:[^()@`]|\\([^()`]*\\))*\\)", " ")
				.replaceAll("(?s)@template\\.[a-z./]+\\(.*?@`", " ")
				// a template called without a content block: its parameters are code
				.replaceAll("@template\\.[a-zA-Z./]+\\((?:[^()]|\\((?:[^()]|\\([^()]*\\))*\\))*\\)", " ")
				.replaceAll("`\\)", " ")
				.replaceAll("(?<![\\w])/[a-z][a-z0-9/._-]*", " ")
				.replaceAll("(?s)<!--.*?-->", " ")
				.replaceAll("(?s)<[^>]*>", " ")
				.replaceAll("&[a-z]+;", " ");
			for (String word : stripped.split("[\\s()\\[\\]·:,.;|/→←`=+*?!-]+")) {
				if (word.isBlank() || SAME_IN_BOTH.contains(word) || word.matches("[0-9%#)\"']+")) {
					continue;
				}
				if (word.codePoints().anyMatch(Character::isLetter)) {
					found.add(template.getFileName() + ": " + word);
				}
			}
		}
		assertThat(found).as("literal text in templates (put it in messages*.properties)").isEmpty();
	}

	@Test
	void theCheckFindsLiteralText() {
		// the stripping above must not hide text outside tags and expressions
		String sample = "<p>${t.get(\"x\")} Hello</p>".replaceAll("(?s)\\$\\{(?:[^{}]|\\{[^{}]*})*}", " ")
			.replaceAll("(?s)<[^>]*>", " ");
		assertThat(sample).contains("Hello");
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".jte")).sorted().toList();
		}
	}

	private static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = I18nPropertiesSyncTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

	static Set<String> keys(Properties p) {
		return new TreeSet<>(p.stringPropertyNames());
	}

}
