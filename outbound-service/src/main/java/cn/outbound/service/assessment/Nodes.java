package cn.outbound.service.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.rules.source.Node;

/**
 * Turns a located {@link Node} tree back into plain maps, lists and scalars (to store a document as read).
 */
final class Nodes {

	private Nodes() {
	}

	static Object plain(Node node) {
		if (node instanceof Node.Obj obj) {
			Map<String, Object> out = new LinkedHashMap<>();
			obj.members().forEach((k, m) -> out.put(k, plain(m.value())));
			return out;
		}
		if (node instanceof Node.Arr arr) {
			List<Object> out = new ArrayList<>(arr.elements().size());
			arr.elements().forEach(e -> out.add(plain(e)));
			return out;
		}
		return ((Node.Scalar) node).value();
	}

}
