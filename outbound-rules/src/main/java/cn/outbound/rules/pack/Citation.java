package cn.outbound.rules.pack;

import cn.outbound.rules.Text;

/**
 * What a rule id refers to, resolved: a list item or a provision, with the text a decision quotes.
 *
 * @param item the list item number, or {@code null} for a provision
 * @param document the instrument the provision belongs to, or the list's title for an item
 * @param verbatim whether {@code text.zh} is a word-for-word quotation
 */
public record Citation(String rule, String pack, String edition, Integer item, Text title, Text text, Text document,
		boolean verbatim) {
}
