package cn.outbound.rules.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Typed access to a located tree that records a {@link Problem} (with pointer, location and what is allowed) instead of
 * failing on the first one. Every accessor returns {@code null} when the value is missing or wrong.
 */
public final class Fields {

	private final Problems problems;

	public Fields(Problems problems) {
		this.problems = problems;
	}

	public Problems problems() {
		return this.problems;
	}

	public void problem(Node at, String message) {
		this.problems.add(at, message);
	}

	public Node.Obj object(Node node, String what) {
		if (node instanceof Node.Obj obj) {
			return obj;
		}
		if (node != null) {
			this.problems.add(node, what + " must be an object, not " + node.describe());
		}
		return null;
	}

	public Node.Obj object(Node.Obj parent, String key, boolean required) {
		Node node = present(parent, key, required, "an object");
		return (node == null) ? null : object(node, "'" + key + "'");
	}

	public List<Node> array(Node.Obj parent, String key, boolean required) {
		Node node = present(parent, key, required, "an array");
		if (node == null) {
			return null;
		}
		if (node instanceof Node.Arr arr) {
			return arr.elements();
		}
		this.problems.add(node, "'" + key + "' must be an array, not " + node.describe());
		return null;
	}

	public String string(Node.Obj parent, String key, boolean required) {
		Node node = present(parent, key, required, "a string");
		return (node == null) ? null : string(node, "'" + key + "'");
	}

	public String string(Node node, String what) {
		if (node instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
			return (String) s.value();
		}
		this.problems.add(node, what + " must be a string, not " + node.describe());
		return null;
	}

	public Boolean bool(Node.Obj parent, String key, boolean required) {
		Node node = present(parent, key, required, "true or false");
		if (node == null) {
			return null;
		}
		if (node instanceof Node.Scalar s && s.kind() == Node.Kind.BOOLEAN) {
			return (Boolean) s.value();
		}
		this.problems.add(node, "'" + key + "' must be true or false, not " + node.describe());
		return null;
	}

	/** A whole number in [min, max]. */
	public Long whole(Node node, String what, long min, long max) {
		if (node instanceof Node.Scalar s && s.isNumber()) {
			BigDecimal v = s.decimal();
			if (v.stripTrailingZeros().scale() <= 0 && s.kind() == Node.Kind.INTEGER) {
				if (v.compareTo(BigDecimal.valueOf(min)) >= 0 && v.compareTo(BigDecimal.valueOf(max)) <= 0) {
					return v.longValueExact();
				}
			}
			this.problems.add(node, what + " must be a whole number from " + min + " to " + max + ", not " + v.toPlainString());
			return null;
		}
		this.problems.add(node, what + " must be a whole number from " + min + " to " + max + ", not " + node.describe());
		return null;
	}

	public Long whole(Node.Obj parent, String key, boolean required, long min, long max) {
		Node node = present(parent, key, required, "a whole number");
		return (node == null) ? null : whole(node, "'" + key + "'", min, max);
	}

	public LocalDate date(Node.Obj parent, String key, boolean required) {
		Node node = present(parent, key, required, "a date (YYYY-MM-DD)");
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
		this.problems.add(node, "'" + key + "' must be an ISO date YYYY-MM-DD, e.g. 2026-03-15");
		return null;
	}

	public <E extends Enum<E>> E enumeration(Node.Obj parent, String key, boolean required, Class<E> type) {
		Node node = present(parent, key, required, "one of " + names(type));
		if (node == null) {
			return null;
		}
		return enumeration(node, "'" + key + "'", type);
	}

	public <E extends Enum<E>> E enumeration(Node node, String what, Class<E> type) {
		Set<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
			.map(Enum::name)
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		if (node instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
			String v = (String) s.value();
			if (allowed.contains(v)) {
				return Enum.valueOf(type, v);
			}
			this.problems.add(node, what + " is '" + v + "'; allowed: " + String.join(", ", allowed)
					+ Suggestions.hint(v, allowed));
			return null;
		}
		this.problems.add(node, what + " must be one of " + String.join(", ", allowed) + ", not " + node.describe());
		return null;
	}

	/** Reports every key of {@code obj} that is not allowed, with a "did you mean" where one is close. */
	public void onlyKeys(Node.Obj obj, Collection<String> allowed, String what) {
		for (Node.Member m : obj.members().values()) {
			if (!allowed.contains(m.key())) {
				this.problems.add(Node.child(obj.pointer(), m.key()), m.keyLocation(),
						"unknown field '" + m.key() + "' in " + what + Suggestions.hint(m.key(), allowed) + "; allowed: "
								+ String.join(", ", allowed));
			}
		}
	}

	private Node present(Node.Obj parent, String key, boolean required, String expected) {
		if (parent == null) {
			return null;
		}
		Node node = parent.get(key);
		if (node == null || (node instanceof Node.Scalar s && s.kind() == Node.Kind.NULL && !required)) {
			if (required && node == null) {
				this.problems.add(Node.child(parent.pointer(), key), parent.location(),
						"missing required field '" + key + "' (" + expected + ")");
			}
			return null;
		}
		return node;
	}

	private static <E extends Enum<E>> String names(Class<E> type) {
		return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
	}

}
