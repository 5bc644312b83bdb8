package cn.outbound.rules.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects problems while a document is checked, so that all of them are reported at once.
 */
public final class Problems {

	private final List<Problem> list = new ArrayList<>();

	/**
	 * @param code the problem's code (a key of the problem bundles)
	 * @param namesAndValues its arguments, alternately name and value
	 */
	public void add(Node at, String code, Object... namesAndValues) {
		this.list.add(new Problem(at.pointer(), at.location(), code, namesAndValues));
	}

	public void add(String pointer, SourceLocation location, String code, Object... namesAndValues) {
		this.list.add(new Problem(pointer, location, code, namesAndValues));
	}

	public void add(Problem problem) {
		this.list.add(problem);
	}

	public boolean isEmpty() {
		return this.list.isEmpty();
	}

	public List<Problem> list() {
		return List.copyOf(this.list);
	}

	public void throwIfAny() {
		if (!this.list.isEmpty()) {
			List<Problem> sorted = new ArrayList<>(this.list);
			sorted.sort(Comparator.comparingInt((Problem p) -> p.location().line())
				.thenComparingInt(p -> p.location().column()));
			throw new InvalidInputException(sorted);
		}
	}

}
