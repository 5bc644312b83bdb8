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

	public String number(Object n) {
		if (n == null) {
			return "";
		}
		return NumberFormat.getNumberInstance(zh() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH).format(n);
	}

}
