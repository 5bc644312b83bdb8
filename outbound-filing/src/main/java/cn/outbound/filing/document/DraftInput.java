package cn.outbound.filing.document;

import java.time.LocalDate;
import java.util.Objects;

import cn.outbound.rules.engine.Decision;

/**
 * What a filing's drafts are made from: the decision (with its scenario), what the company adds, and the ledger's
 * record of this year's exports.
 *
 * @param details {@link FilingDetails#NONE} when the company gave none
 * @param ledger {@code null} when the ledger was not consulted
 * @param today the day the drafts are dated
 * @param lang {@code zh} or {@code en}
 */
public record DraftInput(Decision decision, FilingDetails details, LedgerHistory ledger, LocalDate today, String lang) {

	public DraftInput {
		Objects.requireNonNull(decision, "decision");
		details = (details != null) ? details : FilingDetails.NONE;
		Objects.requireNonNull(today, "today");
		if (!"zh".equals(lang) && !"en".equals(lang)) {
			throw new IllegalArgumentException("lang must be zh or en, not " + lang);
		}
	}

}
