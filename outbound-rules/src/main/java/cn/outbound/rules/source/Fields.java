package cn.outbound.rules.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Typed access to a located tree that records a {@link Problem} (with pointer, location and what is allowed) instead of
 * failing on the first one. Every accessor returns {@code null} when the value is missing or wrong.
 * <p>
 * A {@code what} names the value in the message: a {@link Message} (translated, e.g. {@link #field(String)} or
 * {@code subject.scenario}) or a string (shown as it is).
 */
public final class Fields {

	private final Problems problems;

	public Fields(Problems problems) {
		this.problems = problems;
	}

	public Problems problems() {
		return this.problems;
	}

	/**
	 * @param code the problem's code (a key of the problem bundles)
	 * @param namesAndValues its arguments, alternately name and value
	 */
	public void problem(Node at, String code, Object... namesAndValues) {
		this.problems.add(at, code, namesAndValues);
	}

	/** A field named in a message: {@code 'key'}, {@code “key”}. */
	public static Message field(String key) {
		return Message.of("subject.field", "name", key);
	}

	/** A subject of a message by its code, e.g. {@code subject("subject.scenario")}. */
	public static Message subject(String code) {
		return Message.of(code);
	}

	/** What a node is, for "…, not an array". */
	public static Message kind(Node node) {
		if (node instanceof Node.Obj) {
			return Message.of("kind.object");
		}
		if (node instanceof Node.Arr) {
			return Message.of("kind.array");
		}
		return switch (((Node.Scalar) node).kind()) {
			case STRING -> Message.of("kind.string");
			case INTEGER, DECIMAL -> Message.of("kind.number");
			case BOOLEAN -> Message.of("kind.boolean");
			case NULL -> Message.of("kind.null");
		};
	}

	/** " (did you mean 'x'?)" where a name is close, else nothing. */
	public static Message hint(String typed, Collection<String> allowed) {
		return Suggestions.closest(typed, allowed).map(s -> Message.of("hint.did-you-mean", "name", s)).orElse(Message.NONE);
	}

	public Node.Obj object(Node node, Object what) {
		if (node instanceof Node.Obj obj) {
			return obj;
		}
		if (node != null) {
			this.problems.add(node, "not-object", "what", what, "actual", kind(node));
		}
		return null;
	}

	public Node.Obj object(Node.Obj parent, String key, boolean required) {
		Node node = present(parent, key, required, "expected.object");
		return (node == null) ? null : object(node, field(key));
	}

	public List<Node> array(Node.Obj parent, String key, boolean required) {
		Node node = present(parent, key, required, "expected.array");
		if (node == null) {
			return null;
		}
		if (node instanceof Node.Arr arr) {
			return arr.elements();
		}
		this.problems.add(node, "not-array", "what", field(key), "actual", kind(node));
		return null;
	}

	public String string(Node.Obj parent, String key, boolean required) {
		Node node = present(parent, key, required, "expected.string");
		return (node == null) ? null : string(node, field(key));
	}

	public String string(Node node, Object what) {
		if (node instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
			return (String) s.value();
		}
		this.problems.add(node, "not-string", "what", what, "actual", kind(node));
		return null;
	}

	public Boolean bool(Node.Obj parent, String key, boolean required) {
		Node node = present(parent, key, required, "expected.boolean");
		if (node == null) {
			return null;
		}
		if (node instanceof Node.Scalar s && s.kind() == Node.Kind.BOOLEAN) {
			return (Boolean) s.value();
		}
		this.problems.add(node, "not-boolean", "what", field(key), "actual", kind(node));
		return null;
	}

	/**
	 * A whole number in [min, max]: {@code below-minimum} or {@code above-maximum} for a whole number outside,
	 * {@code not-whole-number} for anything else. A whole number may be written with an exponent or a zero fraction
	 * ({@code 1E6}, {@code 1.2e6}, {@code 1000000.0}): its value is what counts.
	 */
	public Long whole(Node node, Object what, long min, long max) {
		if (node instanceof Node.Scalar s && s.isNumber()) {
			BigDecimal v = s.decimal();
			String code = "not-whole-number";
			if (v.signum() == 0 || v.stripTrailingZeros().scale() <= 0) {
				if (v.compareTo(BigDecimal.valueOf(min)) < 0) {
					code = "below-minimum";
				}
				else if (v.compareTo(BigDecimal.valueOf(max)) > 0) {
					code = "above-maximum";
				}
				else {
					return v.longValueExact();
				}
			}
			this.problems.add(node, code, "what", what, "min", min, "max", max, "actual", shown(v));
			return null;
		}
		this.problems.add(node, "not-whole-number", "what", what, "min", min, "max", max, "actual", kind(node));
		return null;
	}

	/**
	 * A number as a message shows it: plain digits, or scientific notation when plain digits would be long (a value
	 * such as {@code 1E999999999} must not become a billion characters).
	 */
	public static String shown(BigDecimal v) {
		long digitsBeforePoint = (long) v.precision() - v.scale();
		return (digitsBeforePoint > 40 || v.scale() > 40) ? v.toString() : v.toPlainString();
	}

	public Long whole(Node.Obj parent, String key, boolean required, long min, long max) {
		Node node = present(parent, key, required, "expected.whole");
		return (node == null) ? null : whole(node, field(key), min, max);
	}

	public LocalDate date(Node.Obj parent, String key, boolean required) {
		Node node = present(parent, key, required, "expected.date");
		if (node == null) {
			return null;
		}
		if (node instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
			try {
				return LocalDate.parse((String) s.value());
			}
			catch (DateTimeParseException ex) {
				// fall through
			}
		}
		this.problems.add(node, "not-date", "what", field(key));
		return null;
	}

	public <E extends Enum<E>> E enumeration(Node.Obj parent, String key, boolean required, Class<E> type) {
		Node node = present(parent, key, required, Message.of("expected.one-of", "allowed", names(type)));
		if (node == null) {
			return null;
		}
		return enumeration(node, field(key), type);
	}

	public <E extends Enum<E>> E enumeration(Node node, Object what, Class<E> type) {
		List<String> allowed = names(type);
		if (node instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
			String v = (String) s.value();
			if (allowed.contains(v)) {
				return Enum.valueOf(type, v);
			}
			this.problems.add(node, "unknown-value", "what", what, "value", v, "allowed", allowed, "hint",
					hint(v, allowed));
			return null;
		}
		this.problems.add(node, "not-one-of", "what", what, "allowed", allowed, "actual", kind(node));
		return null;
	}

	/**
	 * Reports every key of {@code obj} that is not allowed ({@code unknown-field}), with a "did you mean" where one is
	 * close.
	 */
	public void onlyKeys(Node.Obj obj, Collection<String> allowed, Object what) {
		for (Node.Member m : obj.members().values()) {
			if (!allowed.contains(m.key())) {
				this.problems.add(Node.child(obj.pointer(), m.key()), m.keyLocation(), "unknown-field", "field", m.key(),
						"where", what, "hint", hint(m.key(), allowed), "allowed", List.copyOf(allowed));
			}
		}
	}

	/** A required field that is absent: {@code required}, saying what it should be. */
	public void required(Node.Obj parent, String key, Object expected) {
		this.problems.add(Node.child(parent.pointer(), key), parent.location(), "required", "field", key, "expected",
				expected);
	}

	private Node present(Node.Obj parent, String key, boolean required, Object expected) {
		if (parent == null) {
			return null;
		}
		Node node = parent.get(key);
		if (node == null || (node instanceof Node.Scalar s && s.kind() == Node.Kind.NULL && !required)) {
			if (required && node == null) {
				required(parent, key, (expected instanceof String code) ? Message.of(code) : expected);
			}
			return null;
		}
		return node;
	}

	private static <E extends Enum<E>> List<String> names(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
	}

}
