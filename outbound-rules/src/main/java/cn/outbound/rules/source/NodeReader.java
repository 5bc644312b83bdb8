package cn.outbound.rules.source;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads JSON or YAML into a located {@link Node} tree. Syntax errors and duplicate keys become {@link Problem}s with
 * their line and column.
 */
public final class NodeReader {

	private static final JsonFactory JSON = new JsonFactory();

	private NodeReader() {
	}

	public static Node readJson(byte[] content, String file) {
		return read(JSON, content, file);
	}

	public static Node readYaml(byte[] content, String file) {
		return read(Yaml.FACTORY, content, file);
	}

	/** Loaded only when YAML is read, so that reading JSON never loads the YAML parser. */
	private static final class Yaml {

		static final YAMLFactory FACTORY = new YAMLFactory();

	}

	private static Node read(TokenStreamFactory factory, byte[] content, String file) {
		Problems problems = new Problems();
		try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), content)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				problems.add("", new SourceLocation(file, 1, 1), "empty-document");
				problems.throwIfAny();
			}
			Node root = readValue(parser, "", file, problems);
			JsonToken trailing = parser.nextToken();
			if (trailing != null) {
				problems.add("", location(parser.currentTokenLocation(), file), "trailing-content");
			}
			problems.throwIfAny();
			return root;
		}
		catch (StreamReadException ex) {
			problems.add("", location(ex.getLocation(), file), "malformed-document", "detail",
					clean(ex.getOriginalMessage()));
			problems.throwIfAny();
			throw ex;
		}
		catch (JacksonException ex) {
			problems.add("", new SourceLocation(file, 0, 0), "malformed-document", "detail",
					clean(ex.getOriginalMessage()));
			problems.throwIfAny();
			throw ex;
		}
	}

	private static String clean(String message) {
		if (message == null) {
			return "unreadable";
		}
		// Jackson quotes a window of the input; keep only the first sentence so no content is echoed.
		int cut = message.indexOf('\n');
		return (cut > 0) ? message.substring(0, cut) : message;
	}

	private static Node readValue(JsonParser parser, String pointer, String file, Problems problems) {
		SourceLocation at = location(parser.currentTokenLocation(), file);
		JsonToken token = parser.currentToken();
		switch (token) {
			case START_OBJECT: {
				Map<String, Node.Member> members = new LinkedHashMap<>();
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String key = parser.currentName();
					SourceLocation keyAt = location(parser.currentTokenLocation(), file);
					parser.nextToken();
					Node value = readValue(parser, Node.child(pointer, key), file, problems);
					if (members.containsKey(key)) {
						problems.add(Node.child(pointer, key), keyAt, "duplicate-key", "key", key, "firstLine",
								members.get(key).keyLocation().line());
					}
					else {
						members.put(key, new Node.Member(key, keyAt, value));
					}
				}
				return new Node.Obj(pointer, at, members);
			}
			case START_ARRAY: {
				List<Node> elements = new ArrayList<>();
				int i = 0;
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					elements.add(readValue(parser, Node.child(pointer, i++), file, problems));
				}
				return new Node.Arr(pointer, at, elements);
			}
			case VALUE_STRING:
				return new Node.Scalar(pointer, at, Node.Kind.STRING, parser.getString());
			case VALUE_NUMBER_INT: {
				Object v = (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) ? parser.getBigIntegerValue()
						: (Object) parser.getLongValue();
				if (v instanceof BigInteger bi && bi.bitLength() < 64) {
					v = bi.longValue();
				}
				return new Node.Scalar(pointer, at, Node.Kind.INTEGER, v);
			}
			case VALUE_NUMBER_FLOAT:
				return new Node.Scalar(pointer, at, Node.Kind.DECIMAL, parser.getDecimalValue());
			case VALUE_TRUE:
				return new Node.Scalar(pointer, at, Node.Kind.BOOLEAN, Boolean.TRUE);
			case VALUE_FALSE:
				return new Node.Scalar(pointer, at, Node.Kind.BOOLEAN, Boolean.FALSE);
			case VALUE_NULL:
				return new Node.Scalar(pointer, at, Node.Kind.NULL, null);
			default:
				problems.add(pointer, at, "unexpected-token", "token", token);
				return new Node.Scalar(pointer, at, Node.Kind.NULL, null);
		}
	}

	static SourceLocation location(TokenStreamLocation loc, String file) {
		if (loc == null) {
			return new SourceLocation(file, 0, 0);
		}
		return new SourceLocation(file, loc.getLineNr(), loc.getColumnNr());
	}

}
