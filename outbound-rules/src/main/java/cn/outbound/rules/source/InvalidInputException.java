package cn.outbound.rules.source;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A document that cannot be accepted, with every problem found in it (not just the first). Nothing is decided or
 * loaded from a document that raises this.
 */
public class InvalidInputException extends RuntimeException {

	private final List<Problem> problems;

	public InvalidInputException(List<Problem> problems) {
		super(problems.stream().map(Problem::render).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

}
