package cn.outbound.rules;

import java.util.Locale;

/**
 * A bilingual text. Chinese is the authority (quoted verbatim from the source where it is a quotation); English is a
 * faithful translation.
 */
public record Text(String zh, String en) {

	public static final Text EMPTY = new Text("", "");

	public String in(Locale locale) {
		return isChinese(locale) ? this.zh : this.en;
	}

	public String in(String lang) {
		return "en".equals(lang) ? this.en : this.zh;
	}

	public boolean isEmpty() {
		return this.zh.isEmpty() && this.en.isEmpty();
	}

	public static boolean isChinese(Locale locale) {
		return locale == null || "zh".equals(locale.getLanguage());
	}

}
