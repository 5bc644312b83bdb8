package cn.outbound.rules.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
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
