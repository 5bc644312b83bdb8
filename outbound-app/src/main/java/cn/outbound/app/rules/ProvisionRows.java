package cn.outbound.app.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.outbound.rules.Text;
import cn.outbound.rules.pack.Provision;
import cn.outbound.rules.pack.RulePack;

/**
 * A pack's provisions as the list browser shows them (#11 item 12): the articles of its own instrument
 * ({@code art-N}), each with its sub-items ({@code art-N-M}) beneath it, then the provisions of related instruments
 * grouped by instrument. Counts: articles, sub-items, related provisions.
 */
public record ProvisionRows(List<Article> articles, List<Related> related, int articleCount, int subItemCount,
		int relatedCount) {

	private static final Pattern ARTICLE = Pattern.compile("art-(\\d+)(?:-(\\d+))?");

	public record Article(Provision provision, List<Provision> subItems) {
	}

	public record Related(Text document, List<Provision> provisions) {
	}

	public boolean isEmpty() {
		return this.articleCount == 0 && this.relatedCount == 0;
	}

	public int total() {
		return this.articleCount + this.subItemCount + this.relatedCount;
	}

	/**
	 * @param query folded search text ({@link ListPageController#fold}), or {@code null} for all; an article shows when
	 * it or one of its sub-items matches
	 */
	public static ProvisionRows of(RulePack pack, String query) {
		Map<Integer, Provision> heads = new LinkedHashMap<>();
		Map<Integer, List<Provision>> subs = new LinkedHashMap<>();
		Map<String, Related> related = new LinkedHashMap<>();
		for (Provision p : pack.provisions().values()) {
			Matcher m = ARTICLE.matcher(p.id());
			if (m.matches()) {
				int n = Integer.parseInt(m.group(1));
				if (m.group(2) == null) {
					heads.put(n, p);
				}
				else {
					subs.computeIfAbsent(n, k -> new ArrayList<>()).add(p);
				}
			}
			else if (matches(p, query)) {
				Text doc = (p.document() != null) ? p.document() : new Text("", "");
				related.computeIfAbsent(doc.zh(), k -> new Related(doc, new ArrayList<>())).provisions().add(p);
			}
		}
		List<Article> articles = new ArrayList<>();
		int subCount = 0;
		List<Integer> numbers = new ArrayList<>(heads.keySet());
		subs.keySet().stream().filter(n -> !heads.containsKey(n)).forEach(numbers::add);
		numbers.sort(Integer::compare);
		for (int n : numbers) {
			Provision head = heads.get(n);
			List<Provision> mine = subs.getOrDefault(n, List.of());
			List<Provision> shown = mine.stream().filter(p -> matches(p, query)).toList();
			if (head != null && (matches(head, query) || !shown.isEmpty())) {
				articles.add(new Article(head, matches(head, query) ? mine : shown));
				subCount += (matches(head, query) ? mine : shown).size();
			}
		}
		int relatedCount = related.values().stream().mapToInt(r -> r.provisions().size()).sum();
		return new ProvisionRows(articles, new ArrayList<>(related.values()), articles.size(), subCount, relatedCount);
	}

	private static boolean matches(Provision p, String query) {
		if (query == null) {
			return true;
		}
		StringBuilder sb = new StringBuilder(p.id()).append(' ');
		for (Text t : new Text[] { p.title(), p.text(), p.document() }) {
			if (t != null) {
				sb.append(t.zh()).append(' ').append(t.en()).append(' ');
			}
		}
		return ListPageController.fold(sb.toString()).contains(query);
	}

}
