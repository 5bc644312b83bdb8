package cn.outbound.rules.source;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON or YAML value that remembers its JSON pointer and where it stood in the source, so that every problem
 * and every explanation can cite {@code file:line:column}.
 */
public sealed interface Node permits Node.Obj, Node.Arr, Node.Scalar {

	String pointer();

	SourceLocation location();

	/** A short word for messages: "an object", "an array", "a string", ... */
	String describe();

	record Member(String key, SourceLocation keyLocation, Node value) {
	}

	record Obj(String pointer, SourceLocation location, Map<String, Member> members) implements Node {

		public Node get(String key) {
			Member m = this.members.get(key);
			return (m != null) ? m.value() : null;
		}

		public boolean has(String key) {
			return this.members.containsKey(key);
		}

		@Override
		public String describe() {
			return "an object";
		}

	}

	record Arr(String pointer, SourceLocation location, List<Node> elements) implements Node {

		@Override
		public String describe() {
			return "an array";
		}

	}

	enum Kind {

		STRING, INTEGER, DECIMAL, BOOLEAN, NULL

	}

	record Scalar(String pointer, SourceLocation location, Kind kind, Object value) implements Node {

		public boolean isInteger() {
			return this.kind == Kind.INTEGER;
		}

		public boolean isNumber() {
			return this.kind == Kind.INTEGER || this.kind == Kind.DECIMAL;
		}

		public BigDecimal decimal() {
			if (this.value instanceof BigInteger bi) {
				return new BigDecimal(bi);
			}
			if (this.value instanceof BigDecimal bd) {
				return bd;
			}
			if (this.value instanceof Long l) {
				return BigDecimal.valueOf(l);
			}
			return BigDecimal.valueOf(((Number) this.value).doubleValue());
		}

		@Override
		public String describe() {
			return switch (this.kind) {
				case STRING -> "a string";
				case INTEGER, DECIMAL -> "a number";
				case BOOLEAN -> "a boolean";
				case NULL -> "null";
			};
		}

	}

	static String child(String pointer, String key) {
		return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
	}

	static String child(String pointer, int index) {
		return pointer + "/" + index;
	}

}
