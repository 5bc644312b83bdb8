package cn.outbound.app.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Condition;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.Provision;
import cn.outbound.rules.pack.RulePack;

/**
 * What a new edition changes against the edition in force, for an administrator to read before publishing: the
 * dates, the categories, the list items by number (name, category, section, description, facts asked, thresholds,
 * remark exemptions) and the provisions by id. A plain comparison, not a legal reading.
 *
 * @param before the edition compared against, or {@code null} for a pack that has none yet (then everything is new)
 * @param after the new edition
 */
public record EditionDiff(RulePack before, RulePack after, List<Field> general, List<Change> categories,
		List<Change> items, List<Change> provisions) {

	public enum Kind {

		ADDED, REMOVED, CHANGED

	}

	/** One field that differs; {@code key} names it for the page ({@code packs.field.KEY}). */
	public record Field(String key, Text before, Text after) {
	}

	/** An item, category or provision added, removed or changed, with the fields that changed. */
	public record Change(Kind kind, String id, Text name, List<Field> fields) {
	}

	public boolean empty() {
		return this.general.isEmpty() && this.categories.isEmpty() && this.items.isEmpty() && this.provisions.isEmpty();
	}

	public long count(Kind kind) {
		return this.items.stream().filter(c -> c.kind() == kind).count();
	}

	public static EditionDiff of(RulePack before, RulePack after) {
		List<Field> general = new ArrayList<>();
		if (before != null) {
			field(general, "inForceFrom", plain(before.inForceFrom()), plain(after.inForceFrom()));
			field(general, "inForceUntil", plain(before.inForceUntil()), plain(after.inForceUntil()));
			field(general, "title", before.title(), after.title());
			field(general, "issuer", before.issuer(), after.issuer());
		}
		Map<String, Text> beforeCategories = new LinkedHashMap<>();
		Map<String, Text> afterCategories = new LinkedHashMap<>();
		if (before != null) {
			before.categories().forEach(c -> beforeCategories.put(String.valueOf(c.number()), c.name()));
		}
		after.categories().forEach(c -> afterCategories.put(String.valueOf(c.number()), c.name()));
		List<Change> categories = new ArrayList<>();
		for (String n : numbers(beforeCategories.keySet(), afterCategories.keySet())) {
			Text b = beforeCategories.get(n);
			Text a = afterCategories.get(n);
			if (b == null) {
				categories.add(new Change(Kind.ADDED, n, a, List.of()));
			}
			else if (a == null) {
				categories.add(new Change(Kind.REMOVED, n, b, List.of()));
			}
			else if (!b.equals(a)) {
				categories.add(new Change(Kind.CHANGED, n, a, List.of(new Field("name", b, a))));
			}
		}
		List<Change> items = new ArrayList<>();
		Map<Integer, Item> beforeItems = (before != null) ? before.items() : Map.of();
		TreeSet<Integer> numbers = new TreeSet<>(beforeItems.keySet());
		numbers.addAll(after.items().keySet());
		for (int n : numbers) {
			Item b = beforeItems.get(n);
			Item a = after.items().get(n);
			if (b == null) {
				items.add(new Change(Kind.ADDED, String.valueOf(n), a.name(), List.of()));
			}
			else if (a == null) {
				items.add(new Change(Kind.REMOVED, String.valueOf(n), b.name(), List.of()));
			}
			else {
				List<Field> fields = itemFields(before, b, after, a);
				if (!fields.isEmpty()) {
					items.add(new Change(Kind.CHANGED, String.valueOf(n), a.name(), fields));
				}
			}
		}
		List<Change> provisions = new ArrayList<>();
		Map<String, Provision> beforeProvisions = (before != null) ? before.provisions() : Map.of();
		TreeSet<String> ids = new TreeSet<>(beforeProvisions.keySet());
		ids.addAll(after.provisions().keySet());
		for (String id : ids) {
			Provision b = beforeProvisions.get(id);
			Provision a = after.provisions().get(id);
			if (b == null) {
				provisions.add(new Change(Kind.ADDED, id, a.title(), List.of()));
			}
			else if (a == null) {
				provisions.add(new Change(Kind.REMOVED, id, b.title(), List.of()));
			}
			else {
				List<Field> fields = new ArrayList<>();
				field(fields, "title", b.title(), a.title());
				field(fields, "text", b.text(), a.text());
				if (!fields.isEmpty()) {
					provisions.add(new Change(Kind.CHANGED, id, a.title(), fields));
				}
			}
		}
		return new EditionDiff(before, after, general, categories, items, provisions);
	}

	private static List<Field> itemFields(RulePack beforePack, Item b, RulePack afterPack, Item a) {
		List<Field> fields = new ArrayList<>();
		field(fields, "name", b.name(), a.name());
		field(fields, "category", plain(b.category()), plain(a.category()));
		field(fields, "mechanism", plain(b.mechanism()), plain(a.mechanism()));
		field(fields, "description", b.description(), a.description());
		field(fields, "examples", b.examples(), a.examples());
		field(fields, "facts", plain(String.join(", ", b.facts())), plain(String.join(", ", a.facts())));
		field(fields, "threshold", conditions(beforePack, nullable(b.triggerWhen())),
				conditions(afterPack, nullable(a.triggerWhen())));
		field(fields, "exemptions", conditions(beforePack, b.exemptWhen()), conditions(afterPack, a.exemptWhen()));
		field(fields, "remark", (b.remark() != null) ? b.remark().text() : null,
				(a.remark() != null) ? a.remark().text() : null);
		if (!Arrays.equals(b.sourceLines(), a.sourceLines())) {
			field(fields, "sourceLines", plain(Arrays.toString(b.sourceLines())), plain(Arrays.toString(a.sourceLines())));
		}
		return fields;
	}

	private static List<Condition> nullable(Condition c) {
		return (c != null) ? List.of(c) : List.of();
	}

	/** Every comparison of the conditions, as the list reads it: "affectedCustomers ≥ 1,000,000 persons". */
	private static Text conditions(RulePack pack, List<Condition> conditions) {
		List<String> zh = new ArrayList<>();
		List<String> en = new ArrayList<>();
		for (Condition condition : conditions) {
			condition.comparisons(c -> {
				Text t = Thresholds.describe(c, pack.facts().get(c.fact()));
				zh.add(c.fact() + " " + t.zh());
				en.add(c.fact() + " " + t.en());
			});
		}
		return new Text(String.join("；", zh), String.join("; ", en));
	}

	private static void field(List<Field> fields, String key, Text before, Text after) {
		Text b = (before != null) ? before : Text.EMPTY;
		Text a = (after != null) ? after : Text.EMPTY;
		if (!Objects.equals(b, a)) {
			fields.add(new Field(key, b, a));
		}
	}

	private static Text plain(Object value) {
		String s = (value != null) ? value.toString() : "";
		return new Text(s, s);
	}

	private static List<String> numbers(Set<String> a, Set<String> b) {
		TreeSet<Integer> all = new TreeSet<>();
		a.forEach(s -> all.add(Integer.parseInt(s)));
		b.forEach(s -> all.add(Integer.parseInt(s)));
		return all.stream().map(String::valueOf).toList();
	}

}
