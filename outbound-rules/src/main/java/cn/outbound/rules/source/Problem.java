package cn.outbound.rules.source;

import java.util.Locale;
import java.util.Map;

/**
 * One thing wrong with an input document: where (JSON pointer and source location) and what, including what is
 * allowed. What is a {@link Message}: a stable {@link #code()} with its {@link #args()}, in Chinese or English on
 * demand; {@link #message()} is the English text. Never contains a raw personal identifier.
 */
public record Problem(String pointer, SourceLocation location, Message text) {

	/**
	 * @param namesAndValues the message's arguments, alternately name and value
	 */
	public Problem(String pointer, SourceLocation location, String code, Object... namesAndValues) {
		this(pointer, location, Message.of(code, namesAndValues));
	}

	/** The stable code of what is wrong, e.g. {@code unknown-fact}: see the bundles for every code. */
	public String code() {
		return this.text.code();
	}

	public Map<String, Object> args() {
		return this.text.args();
	}

	/** What is wrong, in English. */
	public String message() {
		return this.text.in("en");
	}

	/** What is wrong, in {@code zh} or {@code en}. */
	public String message(String lang) {
		return this.text.in(lang);
	}

	public String message(Locale locale) {
		return this.text.in(locale);
	}

	/** cel-java style: {@code ERROR: file:line:column: /pointer: message}. */
	public String render() {
		return render("en");
	}

	/** As {@link #render()}, in {@code zh} ({@code 错误：…}) or {@code en}. */
	public String render(String lang) {
		StringBuilder sb = new StringBuilder("en".equals(lang) ? "ERROR: " : "错误：");
		String at = this.location.toString();
		if (!at.isEmpty()) {
			sb.append(at).append(": ");
		}
		if (this.pointer != null && !this.pointer.isEmpty()) {
			sb.append(this.pointer).append(": ");
		}
		return sb.append(message(lang)).toString();
	}

	@Override
	public String toString() {
		return render();
	}

}
