package cn.outbound.app.decision;

import cn.outbound.app.rules.RuleBook;
import cn.outbound.app.rules.RuleBooks;
import cn.outbound.app.web.ApiProblem;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.NodeReader;

import org.springframework.stereotype.Component;

/**
 * Reads a scenario from a request body and decides it: malformed JSON is 400, a document that breaks the scenario
 * contract is 422, both naming the JSON pointer (and line and column) of every problem.
 */
@Component
public class Deciding {

	private final RuleBooks books;

	private final PriorCounts priorCounts;

	public Deciding(RuleBooks books, PriorCounts priorCounts) {
		this.books = books;
		this.priorCounts = priorCounts;
	}

	/** A scenario read, with the node it came from and the book that read it. */
	public record Read(Node root, Node scenarioNode, Scenario scenario, RuleBook book) {
	}

	public static Node parse(byte[] body) {
		try {
			return NodeReader.readJson(body, "request");
		}
		catch (InvalidInputException ex) {
			throw ApiProblem.of(400, "malformed-json", "Malformed JSON",
					"The request body is not well-formed JSON: " + ex.problems().get(0).message(), ex.problems());
		}
	}

	public Read read(Node root, Node scenarioNode) {
		RuleBook book = this.books.current();
		try {
			return new Read(root, scenarioNode, book.reader().read(scenarioNode), book);
		}
		catch (InvalidInputException ex) {
			int n = ex.problems().size();
			throw ApiProblem.of(422, "invalid-scenario", "Invalid scenario",
					n + ((n == 1) ? " problem" : " problems") + " in the scenario (spec outbound/scenario/v1); nothing was decided. First: "
							+ ex.problems().get(0).pointer() + ": " + ex.problems().get(0).message(),
					ex.problems());
		}
	}

	public Decision decide(Read read) {
		return read.book().engine().decide(read.scenario(), this.priorCounts);
	}

	public Decision decide(Scenario scenario) {
		return this.books.current().engine().decide(scenario, this.priorCounts);
	}

	public RuleBook book() {
		return this.books.current();
	}

}
