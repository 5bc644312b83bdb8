package cn.outbound.rules.pack;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.outbound.rules.Text;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.Problem;
import cn.outbound.rules.source.SourceLocation;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.i18n.DefaultMessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The check of a YAML pack against {@code rule-pack.schema.json}: each validator error becomes a located problem
 * ({@code schema}, or {@code schema-value} naming the value) with the validator's own message in Chinese and English.
 * Owns the schema and the mapping of the validator's locations and messages; the semantic checks are
 * {@link PackBinder}'s and {@link PackChecks}'.
 */
final class PackSchemaCheck {

	private static volatile Schema schema;

	/** Built once, and only when a YAML pack is checked (the CLI's compiled packs never need it). */
	private static final class Yaml {

		static final YAMLMapper MAPPER = YAMLMapper.builder().build();

	}

	private PackSchemaCheck() {
	}

	/** Every schema error of {@code content}, located on {@code root} (the same document, read with locations). */
	static List<Problem> check(byte[] content, Node root) {
		JsonNode tree = Yaml.MAPPER.readTree(content);
		List<Problem> out = new ArrayList<>();
		for (com.networknt.schema.Error error : schema().validate(tree)) {
			String pointer = pointer(error.getInstanceLocation());
			String property = error.getProperty();
			Node at = find(root, pointer);
			String target = pointer;
			if ("required".equals(error.getKeyword()) && property != null) {
				target = pointer + "/" + property;
			}
			Text detail = new Text(message(error, Locale.SIMPLIFIED_CHINESE), message(error, Locale.ENGLISH));
			JsonNode value = error.getInstanceNode();
			SourceLocation location = (at != null) ? at.location() : root.location();
			if (value != null && value.isValueNode() && !"required".equals(error.getKeyword())) {
				out.add(new Problem(target, location, "schema-value", "value", value.toString(), "detail", detail));
			}
			else {
				out.add(new Problem(target, location, "schema", "detail", detail));
			}
		}
		return out;
	}

	/** The validator's message in a language (its own bundles), without the instance location it starts with. */
	private static String message(com.networknt.schema.Error error, Locale locale) {
		String message = error.getMessage();
		if (!Locale.ENGLISH.equals(locale) && error.getMessageKey() != null && !error.isCustomMessage()) {
			message = DefaultMessageSource.getInstance().getMessage(error.getMessageKey(), message, locale,
					error.getArguments());
		}
		// networknt prefixes the message with the instance location; the problem already carries it
		int colon = message.indexOf(": ");
		if (message.startsWith("$") || message.startsWith("/")) {
			message = (colon > 0) ? message.substring(colon + 2) : message;
		}
		return message;
	}

	private static String pointer(com.networknt.schema.path.NodePath path) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < path.getNameCount(); i++) {
			Object element = path.getElement(i);
			sb.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
		}
		return sb.toString();
	}

	/** The located node at a JSON pointer, or the deepest existing ancestor. */
	static Node find(Node root, String pointer) {
		if (pointer.isEmpty()) {
			return root;
		}
		Node current = root;
		for (String raw : pointer.substring(1).split("/")) {
			String key = raw.replace("~1", "/").replace("~0", "~");
			if (current instanceof Node.Obj obj && obj.get(key) != null) {
				current = obj.get(key);
			}
			else if (current instanceof Node.Arr arr && key.matches("\\d+") && Integer.parseInt(key) < arr.elements().size()) {
				current = arr.elements().get(Integer.parseInt(key));
			}
			else {
				return current;
			}
		}
		return current;
	}

	private static Schema schema() {
		Schema s = schema;
		if (s == null) {
			try (InputStream in = PackSchemaCheck.class.getResourceAsStream("/rulepacks/rule-pack.schema.json")) {
				s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
			}
			catch (IOException ex) {
				throw new IllegalStateException("rule-pack.schema.json missing from the classpath", ex);
			}
			schema = s;
		}
		return s;
	}

}
