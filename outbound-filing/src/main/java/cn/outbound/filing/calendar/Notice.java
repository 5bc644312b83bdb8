package cn.outbound.filing.calendar;

import java.time.LocalDate;

import cn.outbound.rules.Text;

/**
 * The State Council notice a year's calendar is taken from.
 *
 * @param issuer e.g. 国务院办公厅
 * @param number the document number, e.g. 国办发明电〔2024〕12号, or {@code null} where the source does not give it
 * @param issued the day the notice was issued
 */
public record Notice(Text issuer, String number, LocalDate issued) {

	/** How a person names it: "国办发明电〔2024〕12号（2024-11-12）", or the issuer and date without a number. */
	public Text name() {
		if (this.number != null) {
			return FilingText.of("notice.numbered", "number", this.number, "issued", this.issued, "issuer", this.issuer);
		}
		return FilingText.of("notice.unnumbered", "issued", this.issued, "issuer", this.issuer);
	}

}
