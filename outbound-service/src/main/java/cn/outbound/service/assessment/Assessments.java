package cn.outbound.service.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.rules.render.Json;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.Problem;
import cn.outbound.service.decision.Deciding;
import cn.outbound.service.decision.RejectedRequest;
import cn.outbound.service.org.Denied;
import cn.outbound.service.org.Scope;
/**
 * Creates assessments: reads the scenario, decides it ({@link Deciding}), stores scenario, decision, rule-pack edition,
 * who and when, with the audit entry in the same transaction ({@link AssessmentStore}). The API and the questionnaire
 * both store through here.
 */
public final class Assessments {

	private final Deciding deciding;

	private final AssessmentStore store;

	public Assessments(Deciding deciding, AssessmentStore store) {
		this.deciding = deciding;
		this.store = store;
	}

	/** Assessments for a door that only reads them (the CLI's reports): creating one is refused. */
	public static Assessments reading(AssessmentStore store) {
		return new Assessments(null, store);
	}

	/** A stored assessment; {@code replay}: an idempotency key named one stored earlier for the same request. */
	public record Created(Assessment assessment, boolean replay) {
	}

	/** The longest title of an assessment (and name of a draft), in characters: every door checks it here. */
	public static final int MAX_TITLE = 200;

	/**
	 * @param body a scenario, or {@code {"title": …, "scenario": {…}}}
	 * @throws RejectedRequest for malformed JSON, an invalid scenario or envelope, a title over {@value #MAX_TITLE}
	 * characters, or an idempotency key already used for another body
	 */
	public Created create(Scope scope, byte[] body, String title, String idempotencyKey, String remote)
			throws SQLException {
		Node root = Deciding.parse(body);
		Node scenarioNode = root;
		if (root instanceof Node.Obj obj && obj.has("scenario") && !obj.has("schema")) {
			List<Problem> problems = new ArrayList<>();
			for (String key : obj.members().keySet()) {
				if (!key.equals("scenario") && !key.equals("title")) {
					problems.add(new Problem("/" + key, obj.members().get(key).keyLocation(), "unknown-request-field",
							"field", key, "allowed", List.of("title", "scenario")));
				}
			}
			Node t = obj.get("title");
			if (t != null && !(t instanceof Node.Scalar s && s.kind() == Node.Kind.STRING && ((String) s.value()).length() <= 200)) {
				problems.add(new Problem("/title", t.location(), "too-long", "field", "title", "max", MAX_TITLE));
			}
			if (!problems.isEmpty()) {
				throw new RejectedRequest(RejectedRequest.Reason.INVALID_REQUEST, null, problems.get(0).message(),
						problems);
			}
			if (t != null) {
				title = (String) ((Node.Scalar) t).value();
			}
			scenarioNode = obj.get("scenario");
		}
		if (title != null && title.length() > MAX_TITLE) {
			throw new RejectedRequest(RejectedRequest.Reason.INVALID_PARAMETER, "title",
					"at most " + MAX_TITLE + " characters", List.of());
		}
		Deciding.Read read = this.deciding.read(root, scenarioNode);
		requireAnalyst(scope);
		if (this.deciding == null) {
			throw new IllegalStateException("these assessments only read");
		}
		Decision decision = this.deciding.decide(read, scope.orgId());
		return store(scope, read.scenario(), Json.compact(Nodes.plain(scenarioNode)), decision, title,
				idempotencyKey, sha256(body), remote);
	}

	/** Stores a scenario decided elsewhere (the questionnaire), in the caller's organisation. */
	public Created store(Scope scope, Scenario scenario, String scenarioJson, Decision decision, String title,
			String idempotencyKey, String requestHash, String remote) throws SQLException {
		requireAnalyst(scope);
		Assessment a = new Assessment(0, AssessmentStore.now(), scope.user(), blankToNull(title), scenario.processor().id(),
				scenario.processor().name(), scenario.jurisdiction(), scenario.date(), decision.outcome().name(),
				decision.items(), decision.rulePack().id(), decision.rulePack().edition(),
				decision.rulePack().contentHash(), scenarioJson, DecisionJson.compact(DecisionJson.toJson(decision)));
		AssessmentStore.Saved saved = this.store.save(a, scope.orgId(), idempotencyKey, requestHash, remote);
		if (saved.replay()) {
			if (!saved.sameRequest()) {
				throw new RejectedRequest(RejectedRequest.Reason.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
						"This Idempotency-Key was used for a different request body; use a new key for a new request.",
						List.of());
			}
			return new Created(this.store.find(saved.id(), scope.orgId()).orElseThrow(), true);
		}
		return new Created(new Assessment(saved.id(), a.createdAt(), a.createdBy(), a.title(), a.processorId(),
				a.processorName(), a.jurisdiction(), a.exportDate(), a.outcome(), a.items(), a.packId(), a.packEdition(),
				a.packHash(), a.scenario(), a.decision()), false);
	}

	/**
	 * The assessment {@code id} of the caller's organisation; empty for one of another organisation, as for one that
	 * does not exist (every door answers both alike: 404).
	 */
	public Optional<Assessment> find(Scope scope, long id) throws SQLException {
		return this.store.find(id, scope.orgId());
	}

	/** A page of the caller's organisation's history. */
	public AssessmentStore.Page search(Scope scope, AssessmentStore.Filter filter, int page, int size)
			throws SQLException {
		return this.store.search(scope.orgId(), filter, page, size);
	}

	/** Streams the caller's organisation's history the filter selects, newest first (see {@link AssessmentStore#export}). */
	public long export(Scope scope, AssessmentStore.Filter filter, AssessmentStore.RowSink sink)
			throws SQLException, java.io.IOException {
		return this.store.export(scope.orgId(), filter, sink);
	}

	/** The processor ids the organisation's assessments name (for choosing a processor's ledger), at most {@code limit}. */
	public List<String> processorIds(Scope scope, int limit) throws SQLException {
		return this.store.processorIds(scope.orgId(), limit);
	}

	/**
	 * Refuses a caller who may not write an enterprise's assessments (a VIEWER, a REGULATOR): the same rule for every
	 * door.
	 * @throws Denied {@code FORBIDDEN}
	 */
	public static void requireAnalyst(Scope scope) {
		if (!scope.analyst()) {
			throw Denied.forbidden("Only an ADMIN or an ANALYST of an enterprise may do this.");
		}
	}

	/** The summary fields of an assessment as a JSON object. */
	public static Map<String, Object> summary(Assessment a) {
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("id", a.id());
		n.put("createdAt", a.createdAt().toString());
		n.put("createdBy", a.createdBy());
		n.put("title", a.title());
		Map<String, Object> processor = new LinkedHashMap<>();
		processor.put("id", a.processorId());
		processor.put("name", a.processorName());
		n.put("processor", processor);
		n.put("jurisdiction", a.jurisdiction());
		n.put("date", a.exportDate().toString());
		n.put("outcome", a.outcome());
		n.put("items", new ArrayList<Object>(a.items()));
		Map<String, Object> pack = new LinkedHashMap<>();
		pack.put("id", a.packId());
		pack.put("edition", a.packEdition());
		pack.put("contentHash", a.packHash());
		n.put("rulePack", pack);
		return n;
	}

	/** The whole assessment: the summary, then the scenario and the decision as stored. */
	public static String fullJson(Assessment a) {
		String head = Json.compact(summary(a));
		StringBuilder sb = new StringBuilder(head.length() + a.scenario().length() + a.decision().length() + 32);
		sb.append(head, 0, head.length() - 1);
		sb.append(",\"scenario\":").append(a.scenario());
		sb.append(",\"decision\":").append(a.decision()).append('}');
		return sb.toString();
	}

	static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String sha256(String s) {
		return sha256(s.getBytes(StandardCharsets.UTF_8));
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}


}
