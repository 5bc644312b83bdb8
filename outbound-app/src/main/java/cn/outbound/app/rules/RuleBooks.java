package cn.outbound.app.rules;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current {@link RuleBook}; requests read it once and use that book throughout.
 */
public record RuleBooks(AtomicReference<RuleBook> ref) {

	public RuleBook current() {
		return this.ref.get();
	}

	public void replace(RuleBook book) {
		this.ref.set(book);
	}

}
