package cn.outbound.rules.source;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import cn.outbound.rules.Text;

/**
 * Renders {@link Problem}s and {@link Message}s in Chinese ({@code zh}) or English ({@code en}) from the UTF-8 bundles
 * {@code problems_zh.properties} and {@code problems_en.properties} beside this class. A template names its arguments:
 * {@code {field}}. The English bundle is the authority for {@link Problem#message()}, which tools and tests compare.
 */
public final class ProblemMessages {

	private static final Properties ZH = load("zh");

	private static final Properties EN = load("en");

	private ProblemMessages() {
	}

	/** {@code en} for an English locale, {@code zh} for any other (Chinese first), as {@link Text#in(Locale)}. */
	public static String lang(Locale locale) {
		return (locale != null && "en".equals(locale.getLanguage())) ? "en" : "zh";
	}

	public static String render(Problem problem, Locale locale) {
		return render(problem.text(), lang(locale));
	}

	public static String render(Message message, String lang) {
		if (message == Message.NONE || Message.NONE.code().equals(message.code())) {
			return "";
		}
		String template = bundle(lang).getProperty(message.code());
		if (template == null) {
			template = EN.getProperty(message.code());
		}
		if (template == null) {
			// never expected (a test keeps the bundles complete); still say something rather than fail
			return message.code() + message.args().values();
		}
		return Bundles.fill(template, message.args(), v -> arg(v, lang));
	}

	/** The codes (and the parts of messages) a bundle has, for the test that keeps both languages complete. */
	public static Set<String> keys(String lang) {
		return bundle(lang).stringPropertyNames();
	}

	public static String template(String key, String lang) {
		return bundle(lang).getProperty(key);
	}

	/** The names a template uses, in order of first use. */
	public static Set<String> placeholders(String template) {
		return Bundles.placeholders(template);
	}

	private static String arg(Object value, String lang) {
		if (value instanceof Message message) {
			return render(message, lang);
		}
		if (value instanceof Text text) {
			return text.in(lang);
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
		return Bundles.load(ProblemMessages.class, "problems_" + lang + ".properties");
	}

}
