package cn.outbound.rules.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import cn.outbound.rules.Text;
import cn.outbound.rules.engine.Explanation;

/**
 * Renders {@link Explanation}s in Chinese ({@code zh}) or English ({@code en}) from the bundles
 * {@code explanations_zh.properties} and {@code explanations_en.properties}.
 */
public final class Explanations {

	private static final Properties ZH = load("zh");

	private static final Properties EN = load("en");

	private Explanations() {
	}

	public static Text render(Explanation explanation) {
		return new Text(render(explanation, "zh"), render(explanation, "en"));
	}

	public static String render(Explanation explanation, String lang) {
		String template = bundle(lang).getProperty(explanation.key());
		if (template == null) {
			throw new IllegalStateException("no " + lang + " message for " + explanation.key());
		}
		StringBuilder out = new StringBuilder(template.length() + 32);
		for (int i = 0; i < template.length(); i++) {
			char c = template.charAt(i);
			if (c == '{' && i + 2 < template.length() && Character.isDigit(template.charAt(i + 1))
					&& template.charAt(i + 2) == '}') {
				int index = template.charAt(i + 1) - '0';
				out.append(arg(explanation.args().get(index), lang));
				i += 2;
			}
			else if (c == '{' && i + 2 < template.length() && Character.isDigit(template.charAt(i + 1))
					&& template.charAt(i + 2) == '|') {
				// {1|person|persons}: the number and its noun, singular for 1
				int close = template.indexOf('}', i);
				String[] forms = template.substring(i + 3, close).split("\\|", -1);
				Object value = explanation.args().get(template.charAt(i + 1) - '0');
				out.append(arg(value, lang)).append(' ')
					.append(cn.outbound.rules.source.Bundles.plural(value, forms[0], forms[forms.length - 1]));
				i = close;
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** The keys of a bundle, for the test that keeps both languages complete. */
	public static java.util.Set<String> keys(String lang) {
		return bundle(lang).stringPropertyNames();
	}

	public static String message(String key, String lang) {
		return bundle(lang).getProperty(key, key);
	}

	private static String arg(Object value, String lang) {
		if (value instanceof Text t) {
			return t.in(lang);
		}
		if (value instanceof Explanation e) {
			return render(e, lang);
		}
		if (value instanceof Explanation.Key k) {
			return message(k.key(), lang);
		}
		if (value instanceof Explanation.FactValue fv) {
			String v = arg(fv.value(), lang);
			if (fv.unit() == null || !(fv.value() instanceof Number)) {
				return v;
			}
			String unit = fv.unit().in(lang);
			// Chinese units (人, 户) follow the number directly; symbols and English words take a space
			return (unit.codePointAt(0) >= 0x2E80) ? v + unit : v + " " + unit;
		}
		if (value instanceof Boolean b) {
			return message("bool." + b, lang);
		}
		if (value instanceof Long || value instanceof Integer || value instanceof BigDecimal) {
			return number(value, lang);
		}
		if (value instanceof List<?> list) {
			String separator = "zh".equals(lang) ? "；" : "; ";
			if (!list.isEmpty() && list.get(0) instanceof Text) {
				separator = cn.outbound.rules.source.Bundles.separator(lang);
			}
			StringBuilder sb = new StringBuilder();
			for (Object o : list) {
				if (sb.length() > 0) {
					sb.append(separator);
				}
				sb.append(arg(o, lang));
			}
			return sb.toString();
		}
		return String.valueOf(value);
	}

	/** Digits grouped by thousands with commas, as both zh-CN and en write them: 1,200,000. */
	static String number(Object value, String lang) {
		String plain = (value instanceof BigDecimal bd) ? bd.stripTrailingZeros().toPlainString() : value.toString();
		int start = plain.startsWith("-") ? 1 : 0;
		int dot = plain.indexOf('.');
		int end = (dot >= 0) ? dot : plain.length();
		if (end - start <= 3) {
			return plain;
		}
		StringBuilder sb = new StringBuilder(plain.length() + 8).append(plain, 0, start);
		for (int i = start; i < end; i++) {
			if (i > start && (end - i) % 3 == 0) {
				sb.append(',');
			}
			sb.append(plain.charAt(i));
		}
		return sb.append(plain, end, plain.length()).toString();
	}

	private static Properties bundle(String lang) {
		return "en".equals(lang) ? EN : ZH;
	}

	private static Properties load(String lang) {
		String name = "explanations_" + lang + ".properties";
		try (InputStream in = Explanations.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing " + name);
			}
			Properties p = new Properties();
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return p;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
