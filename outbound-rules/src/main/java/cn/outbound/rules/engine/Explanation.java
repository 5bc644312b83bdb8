package cn.outbound.rules.engine;

import java.util.List;

/**
 * Why a step was taken, as a message key and its arguments; rendered in Chinese or English on demand
 * ({@link cn.outbound.rules.render.Explanations}), so deciding stays cheap.
 *
 * @param args {@link cn.outbound.rules.Text}, numbers, strings, {@link FactValue}s or lists of them
 */
public record Explanation(String key, List<Object> args) {

	public static Explanation of(String key, Object... args) {
		return new Explanation(key, List.of(args));
	}

	/** A fact's value as given, with its unit ({@code null} when it has none); enum values come as their label. */
	public record FactValue(Object value, cn.outbound.rules.Text unit) {
	}

	/** An argument rendered as another message of the bundle (a label such as a basis or a class). */
	public record Key(String key) {
	}

}
