package cn.outbound.service.decision;

import java.util.List;

import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.service.org.Organisations;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.NodeReader;

/**
 * Reads a scenario and decides it, the one way for every door that decides on the server (the decision API, the
 * assessment API, the questionnaire): parse, read against the rule book in force, decide with the prior counts of
 * the ledger. Malformed JSON and a document that breaks the scenario contract are {@link RejectedRequest}s naming
 * the JSON pointer (and line and column) of every problem; nothing is decided then.
 */
public final class Deciding {

	private final RuleBooks books;

	private final PriorCounts priorCounts;

	public Deciding(RuleBooks books, PriorCounts priorCounts) {
		this.books = books;
		this.priorCounts = priorCounts;
	}

	/** A scenario read, with the node it came from and the book that read it. */
	public record Read(Node root, Node scenarioNode, Scenario scenario, RuleBook book) {
	}

	/**
	 * The JSON of a request body, with locations.
	 * @throws RejectedRequest ({@link RejectedRequest.Reason#MALFORMED_JSON}) when it is not well-formed JSON
	 */
	public static Node parse(byte[] body) {
		try {
			return NodeReader.readJson(body, "request");
		}
		catch (InvalidInputException ex) {
			throw new RejectedRequest(RejectedRequest.Reason.MALFORMED_JSON, null,
					"The request body is not well-formed JSON: " + ex.problems().get(0).message(), ex.problems());
		}
	}

	/**
	 * The scenario at {@code scenarioNode}, read by the book in force now.
	 * @throws RejectedRequest ({@link RejectedRequest.Reason#INVALID_SCENARIO}) with every problem found
	 */
	public Read read(Node root, Node scenarioNode) {
		RuleBook book = this.books.current();
		try {
			return new Read(root, scenarioNode, book.reader().read(scenarioNode), book);
		}
		catch (InvalidInputException ex) {
			throw invalid(ex.problems());
		}
	}

	/**
	 * A scenario document (a request body, or the JSON a form was turned into).
	 * @throws RejectedRequest when it is not well-formed JSON or breaks the scenario contract
	 */
	public Read read(byte[] json) {
		Node root = parse(json);
		return read(root, root);
	}

	/** Parses, reads and decides a scenario document: the whole of {@code POST /api/v1/decisions}. */
	public Decision decide(byte[] json, String orgId) {
		return decide(read(json), orgId);
	}

	/** Decides with the prior counts of organisation {@code orgId}'s ledger (issue #13: never another's). */
	public Decision decide(Read read, String orgId) {
		return read.book().engine().decide(read.scenario(), prior(orgId));
	}

	public Decision decide(Scenario scenario, String orgId) {
		return this.books.current().engine().decide(scenario, prior(orgId));
	}

	/** The prior counts of one organisation: its processors under their ledger keys ({@link Organisations#ledgerKey}). */
	private PriorCounts prior(String orgId) {
		return (processor, date) -> {
			String key;
			try {
				key = Organisations.ledgerKey(orgId, processor);
			}
			catch (IllegalArgumentException tooLong) {
				// no ledger key this long was ever recorded
				return java.util.Optional.empty();
			}
			return this.priorCounts.upTo(key, date);
		};
	}

	public RuleBook book() {
		return this.books.current();
	}

	private static RejectedRequest invalid(List<cn.outbound.rules.source.Problem> problems) {
		int n = problems.size();
		return new RejectedRequest(RejectedRequest.Reason.INVALID_SCENARIO, null,
				n + ((n == 1) ? " problem" : " problems") + " in the scenario (spec outbound/scenario/v1); nothing was"
						+ " decided. First: " + problems.get(0).pointer() + ": " + problems.get(0).message(),
				problems);
	}

}
