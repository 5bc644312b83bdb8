package cn.outbound.rules.pack;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Condition.Compare;
import cn.outbound.rules.pack.Condition.Op;
import cn.outbound.rules.pack.Fact.FactType;
import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.Node;

import static cn.outbound.rules.pack.PackContext.keys;
import static cn.outbound.rules.pack.PackContext.s;

/**
 * Binds an item's conditions ({@code exemptWhen}, {@code triggerWhen}): {@code all}, {@code any}, {@code not} and
 * comparisons of one fact, whose value is bound against the fact's declared type (a number for a numeric operator, a
 * whole number for an integer fact, declared values for an enum, true or false for a boolean). A compared fact must be
 * declared and listed on the item.
 */
final class ConditionBinder {

	private final PackContext c;

	private final Fields f;

	private final Map<String, Fact> facts;

	ConditionBinder(PackContext context, Map<String, Fact> facts) {
		this.c = context;
		this.f = context.f;
		this.facts = facts;
	}

	/**
	 * @param itemFacts the facts of the item the condition belongs to
	 * @return the condition, or {@code null} when it cannot be bound (the problem is reported)
	 */
	Condition condition(Node node, List<String> itemFacts) {
		Node.Obj obj = this.f.object(node, s("condition"));
		if (obj == null) {
			return null;
		}
		if (obj.has("all") || obj.has("any")) {
			String key = obj.has("all") ? "all" : "any";
			this.f.onlyKeys(obj, keys(key), s("condition-of", "name", key));
			List<Node> nodes = this.f.array(obj, key, true);
			if (nodes == null) {
				return null;
			}
			List<Condition> parts = new ArrayList<>();
			for (Node n : nodes) {
				Condition part = condition(n, itemFacts);
				if (part != null) {
					parts.add(part);
				}
			}
			return key.equals("all") ? new Condition.All(List.copyOf(parts)) : new Condition.Any(List.copyOf(parts));
		}
		if (obj.has("not")) {
			this.f.onlyKeys(obj, keys("not"), s("not-condition"));
			Condition inner = condition(obj.get("not"), itemFacts);
			return (inner != null) ? new Condition.Not(inner) : null;
		}
		Set<String> ops = new LinkedHashSet<>();
		for (Op op : Op.values()) {
			ops.add(op.key());
		}
		Set<String> allowed = new LinkedHashSet<>(ops);
		allowed.add("fact");
		allowed.add("quote");
		this.f.onlyKeys(obj, allowed, s("comparison"));
		String factName = this.f.string(obj, "fact", true);
		Op op = null;
		for (Op candidate : Op.values()) {
			if (obj.has(candidate.key())) {
				if (op != null) {
					this.f.problem(obj.get(candidate.key()), "two-operators", "first", op.key(), "second", candidate.key());
				}
				op = candidate;
			}
		}
		if (op == null) {
			this.f.problem(obj, "no-operator", "ops", List.copyOf(ops));
			return null;
		}
		Text quote = obj.has("quote") ? this.c.text(obj, "quote", false) : null;
		if (factName == null) {
			return null;
		}
		Fact fact = this.facts.get(factName);
		if (fact == null) {
			this.f.problem(obj.get("fact"), "unknown-condition-fact", "fact", factName, "hint",
					Fields.hint(factName, this.facts.keySet()));
			return null;
		}
		if (!itemFacts.contains(factName)) {
			this.f.problem(obj.get("fact"), "condition-fact-not-listed", "fact", factName);
		}
		Node valueNode = obj.get(op.key());
		Object value = comparisonValue(fact, op, valueNode);
		return (value != null) ? new Compare(factName, op, value, quote) : null;
	}

	private Object comparisonValue(Fact fact, Op op, Node node) {
		if (fact.type() == null) {
			return null;
		}
		if (op.numeric()) {
			if (fact.type() != FactType.INTEGER && fact.type() != FactType.NUMBER) {
				this.f.problem(node, "numeric-op-on-non-number", "op", op.key(), "fact", fact.name(), "type",
						fact.type().name().toLowerCase());
				return null;
			}
			if (node instanceof Node.Scalar s && s.isNumber()) {
				BigDecimal v = s.decimal();
				if (fact.type() == FactType.INTEGER && v.stripTrailingZeros().scale() > 0) {
					this.f.problem(node, "threshold-not-whole", "fact", fact.name(), "actual", v.toPlainString());
					return null;
				}
				return v;
			}
			this.f.problem(node, "threshold-not-number", "op", op.key(), "actual", Fields.kind(node));
			return null;
		}
		if (op == Op.IN) {
			if (fact.type() != FactType.ENUM) {
				this.f.problem(node, "in-on-non-enum", "fact", fact.name(), "type", fact.type().name().toLowerCase());
				return null;
			}
			List<String> values = new ArrayList<>();
			if (node instanceof Node.Arr arr) {
				for (Node e : arr.elements()) {
					String v = enumValue(fact, e);
					if (v != null) {
						values.add(v);
					}
				}
				return List.copyOf(values);
			}
			this.f.problem(node, "in-not-array", "fact", fact.name());
			return null;
		}
		// EQUALS
		return switch (fact.type()) {
			case BOOLEAN -> {
				if (node instanceof Node.Scalar s && s.kind() == Node.Kind.BOOLEAN) {
					yield s.value();
				}
				this.f.problem(node, "equals-not-boolean", "fact", fact.name(), "actual", Fields.kind(node));
				yield null;
			}
			case ENUM -> enumValue(fact, node);
			case INTEGER, NUMBER -> {
				if (node instanceof Node.Scalar s && s.isNumber()) {
					yield s.decimal();
				}
				this.f.problem(node, "equals-not-number", "fact", fact.name(), "actual", Fields.kind(node));
				yield null;
			}
		};
	}

	private String enumValue(Fact fact, Node node) {
		if (node instanceof Node.Scalar s && s.kind() == Node.Kind.STRING) {
			String v = (String) s.value();
			if (fact.values().containsKey(v)) {
				return v;
			}
			this.f.problem(node, "not-a-fact-value", "value", v, "fact", fact.name(), "allowed",
					List.copyOf(fact.values().keySet()), "hint", Fields.hint(v, fact.values().keySet()));
			return null;
		}
		this.f.problem(node, "fact-value-not-string", "fact", fact.name(), "actual", Fields.kind(node));
		return null;
	}

}
