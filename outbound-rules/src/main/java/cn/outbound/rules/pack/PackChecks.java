package cn.outbound.rules.pack;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.outbound.rules.Basis;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.pack.PackContext.Located;
import cn.outbound.rules.pack.PiRules.Band;
import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.SourceLocation;

/**
 * The semantic checks of one pack (docs/rule-packs.md): each part, once bound, against the rest of the pack. Ids are
 * unique (sections, provisions, obligations); categories and items are numbered 1, 2, 3, ... and an item's category
 * and section exist; a personal-information item lists no facts; a list pack has items; the exempt bases are
 * complete; the bands of a class run from 0 upward without gap, never weaken and end open; every cited rule is an item
 * or a provision of the pack (art-* may resolve in the basedOn pack: {@link RulePacks} checks those).
 * <p>
 * A check runs over the bound records and the nodes they came from ({@link Located}), right after its part is bound,
 * so that problems at one {@code line:column} keep the order in which they are found. The bands are checked while they
 * are bound ({@link Bands}), as a band after the open one is reported before the band's own fields.
 */
final class PackChecks {

	private final Fields f;

	private final String file;

	PackChecks(PackContext context) {
		this.f = context.f;
		this.file = context.file;
	}

	/** The edition ends no earlier than it starts. */
	void period(Node.Obj root, LocalDate from, LocalDate until) {
		if (from != null && until != null && until.isBefore(from)) {
			this.f.problem(root.get("inForceUntil"), "until-before-from", "until", until, "from", from);
		}
	}

	void sections(List<Located<RulePack.Section>> sections) {
		Set<String> seen = new LinkedHashSet<>();
		for (Located<RulePack.Section> s : sections) {
			String id = s.value().id();
			if (id != null && !seen.add(id)) {
				this.f.problem(s.node().get("id"), "duplicate-section", "id", id);
			}
		}
	}

	/** Numbered 1, 2, 3, ... (a category that is not an object takes no number). */
	void categories(List<Located<RulePack.Category>> categories) {
		for (int i = 0; i < categories.size(); i++) {
			int number = categories.get(i).value().number();
			// 0: the number could not be read (numbers start at 1)
			if (number != 0 && number != i + 1) {
				this.f.problem(categories.get(i).node().get("number"), "category-out-of-order", "number", (long) number,
						"expected", i + 1);
			}
		}
	}

	void provisions(List<Located<Provision>> provisions) {
		Set<String> seen = new LinkedHashSet<>();
		for (Located<Provision> p : provisions) {
			String id = p.value().id();
			if (id != null && !seen.add(id)) {
				this.f.problem(p.node().get("id"), "duplicate-provision", "id", id);
			}
		}
	}

	/** Numbered 1, 2, 3, ... without duplicates; categories and sections exist; PI items take no facts. */
	void items(List<Located<Item>> items, List<RulePack.Section> sections, List<RulePack.Category> categories) {
		Set<String> sectionIds = new LinkedHashSet<>();
		sections.stream().map(RulePack.Section::id).filter(id -> id != null).forEach(sectionIds::add);
		Set<Integer> numbers = new LinkedHashSet<>();
		int expected = 1;
		for (Located<Item> located : items) {
			Item item = located.value();
			Node.Obj obj = located.node();
			// number and category 0: could not be read (both start at 1)
			if (item.number() != 0) {
				if (!numbers.add(item.number())) {
					this.f.problem(obj.get("number"), "duplicate-item", "number", (long) item.number());
				}
				else if (item.number() != expected) {
					this.f.problem(obj.get("number"), "item-out-of-sequence", "number", (long) item.number(), "expected",
							expected);
				}
				expected = item.number() + 1;
			}
			if (item.category() != 0 && !categories.isEmpty() && item.category() > categories.size()) {
				this.f.problem(obj.get("category"), "unknown-category", "category", (long) item.category(), "last",
						categories.size());
			}
			String section = item.section();
			if (section != null && !sectionIds.contains(section)) {
				this.f.problem(obj.get("section"), "unknown-section", "section", section, "allowed",
						List.copyOf(sectionIds), "hint", Fields.hint(section, sectionIds));
			}
			if (item.personalInformation() && !item.facts().isEmpty()) {
				this.f.problem(obj.get("facts"), "pi-item-with-facts");
			}
		}
	}

	/** A pack whose scenario data are decided against items has items. */
	void listed(Node.Obj root, Boolean listItems, Map<Integer, Item> items) {
		if (Boolean.TRUE.equals(listItems) && items.isEmpty()) {
			this.f.problem(root, "list-without-items");
		}
	}

	/** Every basis but NONE is given. */
	void exemptBases(Node.Obj personalInformation, Node.Obj basesNode, Map<Basis, PiRules.ExemptBasis> bases) {
		for (Basis basis : Basis.values()) {
			if (basis != Basis.NONE && !bases.containsKey(basis) && basesNode != null) {
				this.f.problem(basesNode, "missing-exempt-basis", "basis", basis);
			}
		}
		if (basesNode == null) {
			this.f.problem(personalInformation, "missing-exempt-bases");
		}
	}

	Bands bands() {
		return new Bands();
	}

	/** The bands of one class, told band by band as they are bound. */
	final class Bands {

		private long next = 0;

		private Mechanism previous;

		private boolean open;

		private Bands() {
		}

		/** Before a band's fields: no band follows the open-ended one. */
		void next(Node.Obj band) {
			if (this.open) {
				PackChecks.this.f.problem(band, "band-after-open-band");
			}
		}

		/** A band as bound: it starts where the previous one ended, ends above its start, and does not weaken. */
		void bound(Node.Obj band, Long atLeast, Long below, Mechanism m) {
			Fields f = PackChecks.this.f;
			if (atLeast != null && atLeast != this.next) {
				f.problem(band.get("atLeast"), "bands-not-contiguous", "atLeast", atLeast, "next", this.next);
			}
			if (atLeast != null && below != null && below <= atLeast) {
				f.problem(band.get("below"), "below-not-above-at-least", "below", below, "atLeast", atLeast);
			}
			if (m != null && this.previous != null && this.previous.strongerThan(m)) {
				f.problem(band.get("mechanism"), "band-weakens", "mechanism", m, "previous", this.previous);
			}
			if (below == null) {
				this.open = true;
			}
			else {
				this.next = below;
			}
			this.previous = (m != null) ? m : this.previous;
		}

		/** After the last band: it is open-ended, so that every count has a band. */
		void end(Node array, List<Band> bands) {
			if (!this.open && !bands.isEmpty()) {
				PackChecks.this.f.problem(array, "last-band-closed");
			}
		}

	}

	void obligations(List<Located<Obligation>> obligations) {
		Set<String> ids = new LinkedHashSet<>();
		for (Located<Obligation> o : obligations) {
			String id = o.value().id();
			if (id != null && !ids.add(id)) {
				this.f.problem(o.node().get("id"), "duplicate-obligation", "id", id);
			}
		}
	}

	/**
	 * Every cited {@code item-N} is an item; every other rule a provision, unless the pack is based on another (then
	 * {@link RulePacks} resolves it there); every item a remark shares with exists.
	 */
	void references(List<RulePack.Reference> references, Map<Integer, Item> items, Map<String, Provision> provisions,
			String basedOn) {
		for (RulePack.Reference ref : references) {
			String id = ref.ruleId();
			if (id.matches("item-\\d+")) {
				// more than 9 digits: no item has such a number (and it would not parse as an int)
				if (id.length() > 14 || !items.containsKey(Integer.parseInt(id.substring(5)))) {
					this.f.problems().add(ref.pointer(), ref.location(), "rule-item-missing", "rule", id);
				}
			}
			else if (!provisions.containsKey(id) && basedOn == null) {
				Set<String> known = new LinkedHashSet<>(provisions.keySet());
				this.f.problems().add(ref.pointer(), ref.location(), "unknown-rule", "rule", id, "hint",
						Fields.hint(id, known));
			}
		}
		for (Item item : items.values()) {
			if (item.remark() != null) {
				for (int other : item.remark().sharedWith()) {
					if (!items.containsKey(other)) {
						this.f.problems().add("", new SourceLocation(this.file, 0, 0), "shared-with-missing-item", "item",
								item.number(), "other", other);
					}
				}
			}
		}
	}

}
