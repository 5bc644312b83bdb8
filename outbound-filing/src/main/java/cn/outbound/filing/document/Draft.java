package cn.outbound.filing.document;

import cn.outbound.report.Document;

/**
 * One document of a filing, ready to write.
 *
 * @param id the document's id in the mechanism's data ({@code sa-application-form}, {@code sa-materials}, …)
 * @param baseName the file name without extension: its place in the set and its title ({@code 01-数据出境安全评估申报表})
 */
public record Draft(String id, String baseName, Document document) {

	/** How many places are left for the company to fill in. */
	public int blanks() {
		return this.document.placeholders().size();
	}

}
