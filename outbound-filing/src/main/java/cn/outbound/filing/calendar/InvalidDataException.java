package cn.outbound.filing.calendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A calendar or deadline file that cannot be loaded, with every problem found in it (not just the first). Nothing is
 * loaded from a file that raises this.
 */
public class InvalidDataException extends RuntimeException {

	private final List<DataProblem> problems;

	public InvalidDataException(List<DataProblem> problems) {
		super(problems.stream().map(p -> p.render("en")).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<DataProblem> problems() {
		return this.problems;
	}

	/** Throws when there is any problem, sorted by file, line and column. */
	public static void throwIfAny(List<DataProblem> problems) {
		if (!problems.isEmpty()) {
			List<DataProblem> sorted = new ArrayList<>(problems);
			sorted.sort(Comparator.comparing((DataProblem p) -> p.location().file())
				.thenComparingInt(p -> p.location().line())
				.thenComparingInt(p -> p.location().column()));
			throw new InvalidDataException(sorted);
		}
	}

}
