package cn.outbound.rules.render;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * A small JSON writer for the trees {@link DecisionJson} builds (maps, lists, strings, numbers, booleans, null). It
 * keeps the CLI free of an object mapper, whose start-up alone costs more than a whole decision.
 * <p>
 * It writes UTF-8 bytes directly: a server answers with {@link #compactUtf8}, without building the document as
 * UTF-16 text and encoding it again; {@link Cached} parts are kept encoded.
 */
public final class Json {

	/** Above this a thread's reusable buffer is not kept, so that one large document does not stay in memory. */
	private static final int KEEP_BUFFER = 256 * 1024;

	private static final ThreadLocal<Utf8> BUFFERS = ThreadLocal.withInitial(() -> new Utf8(16 * 1024));

	private Json() {
	}

	/** The compact document as UTF-8 bytes. */
	public static byte[] compactUtf8(Object value) {
		Utf8 out = BUFFERS.get();
		try {
			write(out, value, -1);
			return out.toByteArray();
		}
		finally {
			if (out.buf.length > KEEP_BUFFER) {
				BUFFERS.remove();
			}
			else {
				out.len = 0;
			}
		}
	}

	public static String compact(Object value) {
		return new String(compactUtf8(value), StandardCharsets.UTF_8);
	}

	public static String pretty(Object value) {
		Utf8 out = new Utf8(4096);
		write(out, value, 0);
		return new String(out.buf, 0, out.len, StandardCharsets.UTF_8);
	}

	/**
	 * An immutable part of a tree that recurs across documents (an obligation, a citation): written compactly once and
	 * reused; written indented like any other value.
	 */
	public static final class Cached {

		private final Object value;

		private volatile byte[] compact;

		public Cached(Object value) {
			this.value = value;
		}

		/** What an object mapper writes for it (Jackson: the wrapped value). */
		@com.fasterxml.jackson.annotation.JsonValue
		public Object value() {
			return this.value;
		}

		byte[] compact() {
			byte[] c = this.compact;
			if (c == null) {
				Utf8 out = new Utf8(256);
				write(out, this.value, -1);
				c = out.toByteArray();
				this.compact = c;
			}
			return c;
		}

	}

	private static void write(Utf8 out, Object value, int indent) {
		if (value instanceof Cached cached) {
			if (indent < 0) {
				out.raw(cached.compact());
			}
			else {
				write(out, cached.value(), indent);
			}
			return;
		}
		if (value == null) {
			out.ascii("null");
		}
		else if (value instanceof String s) {
			out.string(s);
		}
		else if (value instanceof Integer i) {
			out.number(i);
		}
		else if (value instanceof Long l) {
			out.number(l);
		}
		else if (value instanceof Boolean b) {
			out.ascii(b ? "true" : "false");
		}
		else if (value instanceof BigDecimal bd) {
			out.ascii(bd.toPlainString());
		}
		else if (value instanceof Number n) {
			out.ascii(n.toString());
		}
		else if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				out.ascii("{}");
				return;
			}
			out.ascii('{');
			boolean first = true;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				if (!first) {
					out.ascii(',');
				}
				first = false;
				newline(out, (indent >= 0) ? indent + 1 : -1);
				out.string(String.valueOf(e.getKey()));
				out.ascii((indent >= 0) ? ": " : ":");
				write(out, e.getValue(), (indent >= 0) ? indent + 1 : -1);
			}
			newline(out, indent);
			out.ascii('}');
		}
		else if (value instanceof Collection<?> list) {
			if (list.isEmpty()) {
				out.ascii("[]");
				return;
			}
			boolean scalars = true;
			for (Object v : list) {
				if (!(v instanceof Number || v instanceof String || v instanceof Boolean)) {
					scalars = false;
					break;
				}
			}
			out.ascii('[');
			boolean first = true;
			for (Object v : list) {
				if (!first) {
					out.ascii(scalars && indent >= 0 ? ", " : ",");
				}
				first = false;
				if (!scalars) {
					newline(out, (indent >= 0) ? indent + 1 : -1);
				}
				write(out, v, (indent >= 0) ? indent + 1 : -1);
			}
			if (!scalars) {
				newline(out, indent);
			}
			out.ascii(']');
		}
		else {
			out.string(value.toString());
		}
	}

	private static void newline(Utf8 out, int indent) {
		if (indent < 0) {
			return;
		}
		out.ascii('\n');
		for (int i = 0; i < indent; i++) {
			out.ascii("  ");
		}
	}

	/** A growable UTF-8 byte buffer. */
	static final class Utf8 {

		private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

		byte[] buf;

		int len;

		Utf8(int capacity) {
			this.buf = new byte[capacity];
		}

		byte[] toByteArray() {
			return Arrays.copyOf(this.buf, this.len);
		}

		private void ensure(int more) {
			if (this.len + more > this.buf.length) {
				this.buf = Arrays.copyOf(this.buf, Math.max(this.buf.length * 2, this.len + more));
			}
		}

		void ascii(char c) {
			ensure(1);
			this.buf[this.len++] = (byte) c;
		}

		/** Text known to be ASCII (literals, numbers). */
		void ascii(String s) {
			int n = s.length();
			ensure(n);
			for (int i = 0; i < n; i++) {
				this.buf[this.len++] = (byte) s.charAt(i);
			}
		}

		void raw(byte[] bytes) {
			ensure(bytes.length);
			System.arraycopy(bytes, 0, this.buf, this.len, bytes.length);
			this.len += bytes.length;
		}

		void number(long v) {
			if (v >= 0 && v < 10) {
				ascii((char) ('0' + v));
			}
			else {
				ascii(Long.toString(v));
			}
		}

		/** A JSON string: quoted, escaped (controls, quote, backslash, U+2028/9), encoded as UTF-8. */
		void string(String s) {
			int n = s.length();
			// at most 3 bytes per UTF-16 unit (a surrogate pair is 2 units for 4 bytes), 6 for an escape
			ensure(2 + 6 * n);
			byte[] b = this.buf;
			int p = this.len;
			b[p++] = '"';
			for (int i = 0; i < n; i++) {
				char c = s.charAt(i);
				if (c < 0x80) {
					if (c >= 0x20 && c != '"' && c != '\\') {
						b[p++] = (byte) c;
						continue;
					}
					b[p++] = '\\';
					switch (c) {
						case '"' -> b[p++] = '"';
						case '\\' -> b[p++] = '\\';
						case '\n' -> b[p++] = 'n';
						case '\r' -> b[p++] = 'r';
						case '\t' -> b[p++] = 't';
						case '\b' -> b[p++] = 'b';
						case '\f' -> b[p++] = 'f';
						default -> p = unicodeEscape(b, p, c);
					}
				}
				else if (c < 0x800) {
					b[p++] = (byte) (0xC0 | (c >> 6));
					b[p++] = (byte) (0x80 | (c & 0x3F));
				}
				else if (c == '\u2028' || c == '\u2029') {
					b[p++] = '\\';
					p = unicodeEscape(b, p, c);
				}
				else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
					int cp = Character.toCodePoint(c, s.charAt(++i));
					b[p++] = (byte) (0xF0 | (cp >> 18));
					b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
					b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
					b[p++] = (byte) (0x80 | (cp & 0x3F));
				}
				else if (Character.isSurrogate(c)) {
					// a lone surrogate has no UTF-8 form: escaped, so that a JSON reader gets the same string back
					b[p++] = '\\';
					p = unicodeEscape(b, p, c);
				}
				else {
					b[p++] = (byte) (0xE0 | (c >> 12));
					b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
					b[p++] = (byte) (0x80 | (c & 0x3F));
				}
			}
			b[p++] = '"';
			this.len = p;
		}

		/** {@code uXXXX} after a backslash already written. */
		private static int unicodeEscape(byte[] b, int p, char c) {
			b[p++] = 'u';
			b[p++] = HEX[(c >> 12) & 0xF];
			b[p++] = HEX[(c >> 8) & 0xF];
			b[p++] = HEX[(c >> 4) & 0xF];
			b[p++] = HEX[c & 0xF];
			return p;
		}

	}

}
