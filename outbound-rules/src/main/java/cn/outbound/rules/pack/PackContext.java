package cn.outbound.rules.pack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;
import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.Message;
import cn.outbound.rules.source.Node;

/**
 * What the binders of one pack share: the problems found so far ({@link #f}), the file, the rule references collected
 * as they are bound (checked by {@link PackChecks#references}), and the readers every part uses the same way: the
 * subjects of messages ({@link #s}, {@link #key}), key sets in the order written ({@link #keys}), bilingual texts,
 * mechanisms, rule references and source lines.
 */
final class PackContext {

	final Fields f;

	final String file;

	private final List<RulePack.Reference> references = new ArrayList<>();

	PackContext(Fields fields, String file) {
		this.f = fields;
		this.file = file;
	}

	/** A bound part with the node it was bound from, for the checks that locate their problems on it. */
	record Located<T>(T value, Node.Obj node) {

		static <T> List<T> values(List<Located<T>> located) {
			return List.copyOf(located.stream().map(Located::value).toList());
		}

	}

	/** A subject of a message, e.g. {@code s("section")} for "a section". */
	static Message s(String name, Object... namesAndValues) {
		return Message.of("subject." + name, namesAndValues);
	}

	/** An object named by its key: {@code flags}. */
	static Message key(String name) {
		return Message.of("subject.object", "name", name);
	}

	/** Names in the order written, so that "allowed: ..." and "did you mean" read the same on every run. */
	static Set<String> keys(String... names) {
		return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
	}

	/** The rule ids cited so far, in the order bound. */
	List<RulePack.Reference> references() {
		return List.copyOf(this.references);
	}

	Text text(Node.Obj parent, String key, boolean required) {
		Node.Obj obj = this.f.object(parent, key, required);
		return (obj != null) ? text(obj, keys("zh", "en")) : null;
	}

	Text text(Node.Obj obj, Set<String> allowed) {
		this.f.onlyKeys(obj, allowed, s("bilingual-text"));
		String zh = this.f.string(obj, "zh", true);
		String en = this.f.string(obj, "en", true);
		if (zh != null && zh.isBlank()) {
			this.f.problem(obj.get("zh"), "empty-zh");
		}
		if (en != null && en.isBlank()) {
			this.f.problem(obj.get("en"), "empty-en");
		}
		return new Text((zh != null) ? zh.strip() : "", (en != null) ? en.strip() : "");
	}

	Mechanism mechanism(Node.Obj obj, String key) {
		return this.f.enumeration(obj, key, true, Mechanism.class);
	}

	/** A rule id, remembered with its place for {@link PackChecks#references}. */
	String rule(Node.Obj obj, String key, boolean required) {
		String id = this.f.string(obj, key, required);
		if (id != null) {
			this.references.add(new RulePack.Reference(id, Node.child(obj.pointer(), key), obj.get(key).location()));
		}
		return id;
	}

	/** {@code sourceLines: [first, last]}, or {@code null}. */
	int[] lines(Node.Obj obj) {
		List<Node> nodes = this.f.array(obj, "sourceLines", false);
		if (nodes == null) {
			return null;
		}
		if (nodes.size() != 2) {
			this.f.problem(obj.get("sourceLines"), "bad-source-lines");
			return null;
		}
		Long a = this.f.whole(nodes.get(0), s("first-source-line"), 1, 1_000_000);
		Long b = this.f.whole(nodes.get(1), s("last-source-line"), 1, 1_000_000);
		if (a == null || b == null) {
			return null;
		}
		if (b < a) {
			this.f.problem(obj.get("sourceLines"), "source-lines-reversed", "first", a, "last", b);
		}
		return new int[] { a.intValue(), b.intValue() };
	}

}
