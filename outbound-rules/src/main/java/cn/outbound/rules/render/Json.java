package cn.outbound.rules.render;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * A small JSON writer for the trees {@link DecisionJson} builds (maps, lists, strings, numbers, booleans, null). It
 * keeps the CLI free of an object mapper, whose start-up alone costs more than a whole decision.
 */
public final class Json {

	private Json() {
	}

	public static String compact(Object value) {
		StringBuilder sb = new StringBuilder(1024);
		write(sb, value, -1);
		return sb.toString();
	}

	public static String pretty(Object value) {
		StringBuilder sb = new StringBuilder(2048);
		write(sb, value, 0);
		return sb.toString();
	}

	/**
	 * An immutable part of a tree that recurs across documents (an obligation, a citation): written compactly once and
	 * reused; written indented like any other value.
	 */
	public static final class Cached {

		private final Object value;

		private volatile String compact;

		public Cached(Object value) {
			this.value = value;
		}

		/** What an object mapper writes for it (Jackson: the wrapped value). */
		@com.fasterxml.jackson.annotation.JsonValue
		public Object value() {
			return this.value;
		}

		String compact() {
			String c = this.compact;
			if (c == null) {
				StringBuilder sb = new StringBuilder(256);
				write(sb, this.value, -1);
				c = sb.toString();
				this.compact = c;
			}
			return c;
		}

	}

	private static void write(StringBuilder sb, Object value, int indent) {
		if (value instanceof Cached cached) {
			if (indent < 0) {
				sb.append(cached.compact());
			}
			else {
				write(sb, cached.value(), indent);
			}
			return;
		}
		if (value == null) {
			sb.append("null");
		}
		else if (value instanceof String s) {
			string(sb, s);
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
			sb.append(value);
		}
		else if (value instanceof BigDecimal bd) {
			sb.append(bd.toPlainString());
		}
		else if (value instanceof Number n) {
			sb.append(n);
		}
		else if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				sb.append("{}");
				return;
			}
			sb.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				if (!first) {
					sb.append(',');
				}
				first = false;
				newline(sb, (indent >= 0) ? indent + 1 : -1);
				string(sb, String.valueOf(e.getKey()));
				sb.append((indent >= 0) ? ": " : ":");
				write(sb, e.getValue(), (indent >= 0) ? indent + 1 : -1);
			}
			newline(sb, indent);
			sb.append('}');
		}
		else if (value instanceof Collection<?> list) {
			if (list.isEmpty()) {
				sb.append("[]");
				return;
			}
			boolean scalars = true;
			for (Object v : list) {
				if (!(v instanceof Number || v instanceof String || v instanceof Boolean)) {
					scalars = false;
					break;
				}
			}
			sb.append('[');
			boolean first = true;
			for (Object v : list) {
				if (!first) {
					sb.append(scalars && indent >= 0 ? ", " : ",");
				}
				first = false;
				if (!scalars) {
					newline(sb, (indent >= 0) ? indent + 1 : -1);
				}
				write(sb, v, (indent >= 0) ? indent + 1 : -1);
			}
			if (!scalars) {
				newline(sb, indent);
			}
			sb.append(']');
		}
		else {
			string(sb, value.toString());
		}
	}

	private static void newline(StringBuilder sb, int indent) {
		if (indent < 0) {
			return;
		}
		sb.append('\n');
		for (int i = 0; i < indent; i++) {
			sb.append("  ");
		}
	}

	static void string(StringBuilder sb, String s) {
		sb.append('"');
		int clean = 0;
		while (clean < s.length()) {
			char c = s.charAt(clean);
			if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
				break;
			}
			clean++;
		}
		if (clean == s.length()) {
			// the common case: nothing to escape
			sb.append(s).append('"');
			return;
		}
		sb.append(s, 0, clean);
		for (int i = clean; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				case '\b' -> sb.append("\\b");
				case '\f' -> sb.append("\\f");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		sb.append('"');
	}

}
