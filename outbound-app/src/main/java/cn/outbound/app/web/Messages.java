package cn.outbound.app.web;

import java.text.NumberFormat;
import java.util.Locale;

import cn.outbound.rules.Text;

import org.springframework.context.MessageSource;

/**
 * The message bundle in the request's language, for templates: {@code t.get("home.title")}, a rule pack's
 * bilingual {@link Text} in the same language, numbers as the language writes them.
 */
public record Messages(MessageSource source, Locale locale) {

	public String get(String key, Object... args) {
		return this.source.getMessage(key, args, this.locale);
	}

	public String text(Text text) {
		return (text == null) ? "" : text.in(lang());
	}

	public String lang() {
		return Text.isChinese(this.locale) ? "zh" : "en";
	}

	public boolean zh() {
		return "zh".equals(lang());
	}

	/**
	 * What a user typed (a processor's or an organisation's name, a title, a column's header), escaped as any text,
	 * and on an English page marked {@code lang="zh"} when it holds Chinese characters, so that a screen reader reads
	 * it in Chinese and the browser picks a Chinese font (WCAG 3.1.2). For an element's body, never an attribute.
	 */
	public gg.jte.Content user(String text) {
		return out -> {
			if (text == null) {
				return;
			}
			boolean mark = !zh() && hasHan(text);
			if (mark) {
				out.writeContent("<span lang=\"zh\">");
			}
			out.writeUserContent(text);
			if (mark) {
				out.writeContent("</span>");
			}
		};
	}

	static boolean hasHan(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	public String number(Object n) {
		if (n == null) {
			return "";
		}
		return NumberFormat.getNumberInstance(zh() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH).format(n);
	}

}
