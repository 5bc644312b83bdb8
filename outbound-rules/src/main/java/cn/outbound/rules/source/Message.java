package cn.outbound.rules.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Text in no language yet: a stable code and its named arguments, rendered in Chinese or English by
 * {@link ProblemMessages} from {@code problems_zh.properties} and {@code problems_en.properties}. An argument is a
 * literal (a name, a number, a value typed by the user: never translated), a list of such (joined as the language
 * joins lists), a bilingual {@link cn.outbound.rules.Text}, or another message (rendered in the same language).
 */
public record Message(String code, Map<String, Object> args) {

	/** Codes already checked: messages are made on every field read, and the set of codes is small. */
	private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*");

	/** No text: an optional part that does not apply (a "did you mean" without a close name). */
	public static final Message NONE = new Message("none", Map.of());

	public Message {
		if (!CHECKED.contains(code)) {
			if (!CODE.matcher(code).matches()) {
				// a sentence passed where a code belongs: the bundles could not render it
				throw new IllegalArgumentException("not a message code: " + code);
			}
			CHECKED.add(code);
		}
		args = args.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
	}

	/**
	 * @param namesAndValues alternately an argument's name and its value
	 */
	public static Message of(String code, Object... namesAndValues) {
		if (namesAndValues.length == 0) {
			return new Message(code, Map.of());
		}
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("arguments of " + code + " must come in name, value pairs");
		}
		Map<String, Object> args = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			args.put((String) namesAndValues[i], (value != null) ? value : "");
		}
		return new Message(code, args);
	}

	/** In {@code zh} or {@code en}. */
	public String in(String lang) {
		return ProblemMessages.render(this, lang);
	}

	/** Chinese for any locale whose language is not English. */
	public String in(Locale locale) {
		return ProblemMessages.render(this, ProblemMessages.lang(locale));
	}

}
