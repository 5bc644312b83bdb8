package cn.outbound.service.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import cn.outbound.rules.engine.EngineSettings;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;

/**
 * Holds the current {@link RuleBook}; requests read it once and use that book throughout. The book is the shipped
 * editions ({@code base}: built in, plus {@code outbound.rules-dir}) and the editions an administrator published.
 */
public final class RuleBooks {

	private final List<RulePack> base;

	private final EngineSettings settings;

	private final AtomicReference<RuleBook> ref = new AtomicReference<>();

	public RuleBooks(List<RulePack> base, List<RulePack> published, EngineSettings settings) {
		this.base = List.copyOf(base);
		this.settings = settings;
		this.ref.set(build(published));
	}

	public RuleBook current() {
		return this.ref.get();
	}

	/** Whether an edition ships with the server (and so cannot be withdrawn). */
	public boolean shipped(String id, String edition) {
		return this.base.stream().anyMatch(p -> p.id().equals(id) && p.edition().equals(edition));
	}

	/**
	 * The book with these published editions.
	 * @throws cn.outbound.rules.source.InvalidInputException when they do not fit together
	 */
	public RuleBook build(List<RulePack> published) {
		List<RulePack> all = new ArrayList<>(this.base);
		all.addAll(published);
		return RuleBook.of(RulePacks.of(all), this.settings);
	}

	public void replace(RuleBook book) {
		this.ref.set(book);
	}

}
