package cn.outbound.filing.document;

import java.time.LocalDate;
import java.util.List;

/**
 * A processor's exports this year as the ledger records them, for the drafts' account of the data exported (the door
 * that drafts reads them from the ledger; the drafts themselves open no database).
 *
 * @param processor the processor's ledger id
 * @param asOf the last day included
 */
public record LedgerHistory(String processor, LocalDate asOf, List<Event> events) {

	public LedgerHistory {
		events = List.copyOf(events);
	}

	/**
	 * @param persons distinct persons of the event
	 * @param newThisYear of them, persons not exported earlier this year
	 */
	public record Event(LocalDate date, String key, long persons, long newThisYear) {
	}

}
