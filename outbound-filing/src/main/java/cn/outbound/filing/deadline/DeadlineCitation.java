package cn.outbound.filing.deadline;

import cn.outbound.rules.Text;
import cn.outbound.rules.engine.Decision;

/**
 * The article a deadline rests on.
 *
 * @param rule the provision id in the rule pack ({@code art-9}), or {@code null} when the article is in no pack and
 * the deadline file names it itself
 * @param pack the rule pack and edition the rule was resolved in ({@code cn-national@2024}), or {@code null}
 * @param document the instrument
 * @param title the article with its instrument: "《数据出境安全评估办法》（国家互联网信息办公室令第11号）第七条"
 * @param text what it says; a quotation when {@code verbatim}, else Outbound's summary (which says so)
 * @param source where in the repository's sources the fact was read
 */
public record DeadlineCitation(String rule, String pack, Text document, Text title, Text text, boolean verbatim,
		String source) {

	/** The same, as a decision's obligation carries it. */
	public Decision.DueCitation toDue() {
		return new Decision.DueCitation(this.rule, this.pack, this.title, this.document, this.text, this.verbatim,
				this.source);
	}

}
