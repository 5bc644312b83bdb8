package cn.outbound.filing.calendar;

import cn.outbound.rules.source.Bundles;
import java.time.DayOfWeek;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import cn.outbound.rules.Text;
import cn.outbound.rules.source.Message;

/**
 * The filing module's own words, in Chinese and English, from the UTF-8 bundles {@code filing_zh.properties} and
 * {@code filing_en.properties} beside this class: the problems of a calendar or deadline file, the reasons a day is or
 * is not a working day, the sentences of a filing plan. A template names its arguments ({@code {date}}); an argument
 * is a literal, a bilingual {@link Text}, a {@link DayOfWeek} (named in the language), a {@link Part} or a rules
 * {@link Message} (rendered in the same language), or a list of such. A test keeps the two bundles in step.
 */
public final class FilingText {

	private static final Properties ZH = load("zh");

	private static final Properties EN = load("en");

	private FilingText() {
	}

	/** A message not yet rendered: a code of the bundles and its arguments. */
	public record Part(String code, Map<String, Object> args) {

		public Text text() {
			return new Text(render(this, "zh"), render(this, "en"));
		}

		public String in(String lang) {
			return render(this, lang);
		}

	}

	/**
	 * @param namesAndValues alternately an argument's name and its value
	 */
	public static Part part(String code, Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("arguments of " + code + " must come in name, value pairs");
		}
		if (!EN.containsKey(code)) {
			throw new IllegalArgumentException("no text for " + code);
		}
		Map<String, Object> args = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			args.put((String) namesAndValues[i], (namesAndValues[i + 1] != null) ? namesAndValues[i + 1] : "");
		}
		return new Part(code, args);
	}

	/** The text of {@code code} in both languages. */
	public static Text of(String code, Object... namesAndValues) {
		return part(code, namesAndValues).text();
	}

	/** The text of {@code code} in {@code zh} or {@code en}. */
	public static String in(String lang, String code, Object... namesAndValues) {
		return render(part(code, namesAndValues), lang);
	}

	/** The codes a bundle has, for the test that keeps both languages complete. */
	public static Set<String> keys(String lang) {
		return bundle(lang).stringPropertyNames();
	}

	public static String template(String code, String lang) {
		return bundle(lang).getProperty(code);
	}

	static String render(Part part, String lang) {
		String template = bundle(lang).getProperty(part.code());
		if (template == null) {
			template = EN.getProperty(part.code());
		}
		return Bundles.fill(template, part.args(), v -> arg(v, lang));
	}

	private static String arg(Object value, String lang) {
		if (value instanceof Part p) {
			return render(p, lang);
		}
		if (value instanceof Text text) {
			return text.in(lang);
		}
		if (value instanceof Message message) {
			return message.in(lang);
		}
		if (value instanceof DayOfWeek day) {
			return bundle(lang).getProperty("weekday." + day.name());
		}
		if (value instanceof Collection<?> list) {
			return Bundles.list(list, lang, v -> arg(v, lang));
		}
		return String.valueOf(value);
	}

	private static Properties bundle(String lang) {
		return "en".equals(lang) ? EN : ZH;
	}

	private static Properties load(String lang) {
		return Bundles.load(FilingText.class, "filing_" + lang + ".properties");
	}

}
