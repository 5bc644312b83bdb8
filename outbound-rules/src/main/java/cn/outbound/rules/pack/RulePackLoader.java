package cn.outbound.rules.pack;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.NodeReader;
import cn.outbound.rules.source.Problem;
import cn.outbound.rules.source.Problems;

/**
 * Loads one rule-pack file: checks it against {@code rule-pack.schema.json}, then binds it and runs the semantic checks
 * of docs/rule-packs.md. Every problem is reported, each with {@code file:line:column}; a pack with any problem is
 * never returned.
 * <p>
 * The entry only: it reads the document, merges the problems and hashes the content. The schema check is
 * {@link PackSchemaCheck}; binding is {@link PackBinder} (with {@link FactBinder}, {@link ItemBinder},
 * {@link ConditionBinder} and {@link PiRulesBinder}); the checks across bound parts are {@link PackChecks}; what they
 * share is {@link PackContext}. Checks across packs (basedOn references, editions) are {@link RulePacks}'.
 */
public final class RulePackLoader {

	public static final String SCHEMA = "outbound/rule-pack/v1";

	private RulePackLoader() {
	}

	/**
	 * @param content the YAML bytes
	 * @param file the name to cite in problems
	 * @throws InvalidInputException listing every problem found
	 */
	public static RulePack load(byte[] content, String file) {
		Node root = NodeReader.readYaml(content, file);
		List<Problem> schemaProblems = PackSchemaCheck.check(content, root);
		return bind(root, file, sha256(content), schemaProblems);
	}

	/**
	 * Loads a built-in pack that {@link PackCompiler} checked at build time and stored as JSON: the schema check is not
	 * repeated (the semantic checks are), and the pack keeps the content hash of its YAML source.
	 */
	static RulePack loadCompiled(byte[] json, String file, String yamlHash) {
		return bind(NodeReader.readJson(json, file), file, yamlHash, List.of());
	}

	private static RulePack bind(Node root, String file, String hash, List<Problem> schemaProblems) {
		Problems problems = new Problems();
		RulePack pack = new PackBinder(new PackContext(new Fields(problems), file), hash).bind(root);
		List<Problem> all = merge(schemaProblems, problems.list());
		if (!all.isEmpty()) {
			Problems out = new Problems();
			all.forEach(out::add);
			out.throwIfAny();
		}
		return pack;
	}

	/** Schema problems first; a binding problem at or below a pointer the schema already reported is dropped. */
	private static List<Problem> merge(List<Problem> schemaProblems, List<Problem> bindingProblems) {
		List<Problem> all = new ArrayList<>(schemaProblems);
		for (Problem p : bindingProblems) {
			boolean covered = schemaProblems.stream()
				.anyMatch(s -> p.pointer().equals(s.pointer()) || p.pointer().startsWith(s.pointer() + "/"));
			if (!covered) {
				all.add(p);
			}
		}
		return all;
	}

	/** The located node at a JSON pointer, or the deepest existing ancestor. */
	public static Node find(Node root, String pointer) {
		return PackSchemaCheck.find(root, pointer);
	}

	static String sha256(byte[] content) {
		try {
			return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
