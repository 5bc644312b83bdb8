package cn.outbound.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bilingual lexicon behind item suggestions ({@code item-lexicon.tsv}): for each list item
 * (1–43), Chinese terms from its description and examples and their English translations.
 * Chinese terms match as substrings; English terms at the start of a word (so {@code loan} in
 * {@code loan_amount} and {@code loanAmount}, not in {@code sloan}).
 */
final class ItemLexicon {

	record Entry(int item, List<String> zh, List<String> en, String labelZh, String labelEn) {
	}

	private final List<Entry> entries;

	private ItemLexicon(List<Entry> entries) {
		this.entries = entries;
	}

	static ItemLexicon load() {
		try (InputStream in = ItemLexicon.class.getResourceAsStream("item-lexicon.tsv")) {
			if (in == null) {
				throw new IllegalStateException("item-lexicon.tsv missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<Entry> entries = new ArrayList<>();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\t");
				entries.add(new Entry(Integer.parseInt(f[0]), List.of(f[1].split("\\|")),
						List.of(f[2].toLowerCase(Locale.ROOT).split("\\|")), f[3], f[4]));
			}
			return new ItemLexicon(List.copyOf(entries));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Entry> entries() {
		return this.entries;
	}

	/** The first term of {@code entry} found in {@code text}, or {@code null}. */
	static String find(Entry entry, String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		for (String term : entry.zh()) {
			if (text.contains(term)) {
				return term;
			}
		}
		String lower = text.toLowerCase(Locale.ROOT);
		for (String term : entry.en()) {
			int from = 0;
			while (true) {
				int i = lower.indexOf(term, from);
				if (i < 0) {
					break;
				}
				if (i == 0 || !Character.isLetter(lower.charAt(i - 1)) || lower.charAt(i - 1) > 0x7F
						|| Character.isUpperCase(text.charAt(i))) {
					return term;
				}
				from = i + 1;
			}
		}
		return null;
	}

}
