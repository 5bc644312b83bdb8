package cn.outbound.rules.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects problems while a document is checked, so that all of them are reported at once.
 */
public final class Problems {

	private final List<Problem> list = new ArrayList<>();

	public void add(Node at, String message) {
		this.list.add(new Problem(at.pointer(), at.location(), message));
	}

	public void add(String pointer, SourceLocation location, String message) {
		this.list.add(new Problem(pointer, location, message));
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
