package cn.outbound.rules.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * What the zh/en message bundles of every module share: loading a bundle as UTF-8 from beside its class, and a list
 * written in the language ({@code 、} in Chinese, {@code , } in English).
 */
public final class Bundles {

	private Bundles() {
	}

	/** The UTF-8 properties file {@code name} beside {@code owner}; a missing one is a build error, said so. */
	public static Properties load(Class<?> owner, String name) {
		try (InputStream in = owner.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing bundle " + name);
			}
			Properties p = new Properties();
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return p;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The separator of a list in {@code lang} ({@code en}, else Chinese). */
	public static String separator(String lang) {
		return "en".equals(lang) ? ", " : "、";
	}

	/**
	 * The noun that goes with a count, for the bundles' {@code {n|singular|plural}} placeholders: {@code one} when
	 * {@code value} is the number 1, else {@code other} ("1 person", "0 persons", "2 persons").
	 */
	public static String plural(Object value, String one, String other) {
		boolean isOne = (value instanceof Number n) ? new java.math.BigDecimal(n.toString()).compareTo(java.math.BigDecimal.ONE) == 0
				: "1".equals(String.valueOf(value));
		return isOne ? one : other;
	}

	/**
	 * A named placeholder of the bundles: {@code {field}}, or {@code {days|day|days}} for a count written with its
	 * noun ("1 day", "3 days").
	 */
	private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern
		.compile("\\{([A-Za-z][A-Za-z0-9]*)(?:\\|([^|}]*)\\|([^|}]*))?\\}");

	/**
	 * {@code template} with each named placeholder replaced by its argument, written by {@code write}; a placeholder
	 * with no argument stays as it is.
	 */
	public static String fill(String template, Map<String, ?> args, Function<Object, String> write) {
		java.util.regex.Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder(template.length() + 32);
		while (m.find()) {
			String name = m.group(1);
			String value = m.group();
			if (args.containsKey(name)) {
				Object arg = args.get(name);
				value = write.apply(arg);
				if (m.group(2) != null) {
					value = value + " " + plural(arg, m.group(2), m.group(3));
				}
			}
			m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** The names a template uses, in order of first use. */
	public static java.util.Set<String> placeholders(String template) {
		java.util.Set<String> out = new java.util.LinkedHashSet<>();
		java.util.regex.Matcher m = PLACEHOLDER.matcher(template);
		while (m.find()) {
			out.add(m.group(1));
		}
		return out;
	}

	/** The values, each written by {@code each}, joined as a list in {@code lang}. */
	public static String list(Collection<?> values, String lang, Function<Object, String> each) {
		StringBuilder sb = new StringBuilder();
		for (Object v : values) {
			if (sb.length() > 0) {
				sb.append(separator(lang));
			}
			sb.append(each.apply(v));
		}
		return sb.toString();
	}

}
