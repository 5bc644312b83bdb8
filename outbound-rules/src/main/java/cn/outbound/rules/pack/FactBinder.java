package cn.outbound.rules.pack;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Fact.FactRole;
import cn.outbound.rules.pack.Fact.FactType;
import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.Message;
import cn.outbound.rules.source.Node;

import static cn.outbound.rules.pack.PackContext.keys;
import static cn.outbound.rules.pack.PackContext.s;

/**
 * Binds the pack's {@code facts:}, the typed questions that items' conditions compare. A definition is checked as it is
 * bound (a name in lower camel case, an enum with values and only an enum with values, an exemption that is boolean),
 * because its type decides how {@link ConditionBinder} binds every comparison on it.
 */
final class FactBinder {

	private final PackContext c;

	private final Fields f;

	FactBinder(PackContext context) {
		this.c = context;
		this.f = context.f;
	}

	Map<String, Fact> facts(Node.Obj obj) {
		Map<String, Fact> out = new LinkedHashMap<>();
		if (obj == null) {
			return out;
		}
		for (Node.Member m : obj.members().values()) {
			Node.Obj def = this.f.object(m.value(), Message.of("subject.fact", "name", m.key()));
			if (def == null) {
				continue;
			}
			if (!m.key().matches("[a-z][A-Za-z0-9]*")) {
				this.f.problem(def, "bad-fact-name", "name", m.key());
			}
			this.f.onlyKeys(def, keys("type", "role", "unit", "label", "question", "values"), s("fact-definition"));
			FactType type = lowerEnum(def, "type", FactType.class);
			FactRole role = lowerEnum(def, "role", FactRole.class);
			Map<String, Text> values = new LinkedHashMap<>();
			Node.Obj valuesNode = this.f.object(def, "values", false);
			if (valuesNode != null) {
				for (Node.Member v : valuesNode.members().values()) {
					Node.Obj t = this.f.object(v.value(), s("value-label", "name", v.key()));
					if (t != null) {
						values.put(v.key(), this.c.text(t, keys("zh", "en")));
					}
				}
			}
			if (type == FactType.ENUM && values.isEmpty()) {
				this.f.problem(def, "enum-without-values", "name", m.key());
			}
			if (type != null && type != FactType.ENUM && valuesNode != null) {
				this.f.problem(valuesNode, "values-not-enum", "name", m.key(), "type", type.name().toLowerCase());
			}
			if (role == FactRole.EXEMPTION && type != null && type != FactType.BOOLEAN) {
				this.f.problem(def.get("type"), "exemption-not-boolean");
			}
			out.put(m.key(), new Fact(m.key(), type, role, unit(def), this.c.text(def, "label", true),
					this.c.text(def, "question", true), Collections.unmodifiableMap(values)));
		}
		return Collections.unmodifiableMap(out);
	}

	/** A unit: a symbol such as {@code MW} (the same in both languages) or {zh: 人, en: persons}. */
	private Text unit(Node.Obj def) {
		Node node = def.get("unit");
		if (node == null) {
			return null;
		}
		if (node instanceof Node.Obj obj) {
			return this.c.text(obj, keys("zh", "en"));
		}
		String symbol = this.f.string(node, Fields.field("unit"));
		return (symbol != null) ? new Text(symbol, symbol) : null;
	}

	private <E extends Enum<E>> E lowerEnum(Node.Obj obj, String key, Class<E> type) {
		String v = this.f.string(obj, key, true);
		if (v == null) {
			return null;
		}
		for (E e : type.getEnumConstants()) {
			if (e.name().equalsIgnoreCase(v)) {
				return e;
			}
		}
		List<String> allowed = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase()).toList();
		this.f.problem(obj.get(key), "unknown-name", "key", key, "value", v, "allowed", allowed, "hint",
				Fields.hint(v, allowed));
		return null;
	}

}
