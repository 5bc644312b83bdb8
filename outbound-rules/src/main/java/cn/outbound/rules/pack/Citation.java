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

	/** The title with its instrument where the title alone would be ambiguous: "《促进和规范数据跨境流动规定》第十条". */
	public Text fullTitle() {
		if (this.item != null || this.document == null) {
			return this.title;
		}
		String zh = this.title.zh().startsWith("《") ? this.title.zh() : this.document.zh() + this.title.zh();
		String document = this.document.en();
		String core = document.contains(" (") ? document.substring(0, document.indexOf(" (")) : document;
		String en = this.title.en().contains(core) ? this.title.en() : this.title.en() + ", " + document;
		return new Text(zh, en);
	}

}
