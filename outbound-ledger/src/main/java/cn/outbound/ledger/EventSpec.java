package cn.outbound.ledger;

import cn.outbound.rules.Basis;
import java.time.LocalDate;

import cn.outbound.rules.scenario.ProcessorIds;

/**
 * What an export event is, apart from its persons.
 *
 * @param processor the processor's ledger id (a scenario's {@code processor.id})
 * @param eventKey the caller's key for this event: recording the same event twice under it counts once, and a
 * different event under a used key is refused
 * @param date the export's date in the calendar of Asia/Shanghai; its year is the counting year
 * @param recipient the recipient abroad, or {@code null}
 * @param basis the legal basis ({@link Basis#NONE} is counted)
 * @param assessmentId the id of a stored assessment this export was decided by, or {@code null}
 */
public record EventSpec(String processor, String eventKey, LocalDate date, String recipient, Basis basis,
		String assessmentId) {

	/** Longest processor id, event key, recipient or assessment id. */
	public static final int MAX_TEXT = 200;

	public EventSpec {
		processor = processor(processor);
		eventKey = required("event-key", eventKey);
		if (date == null) {
			throw new LedgerInputException("date", "date is required (ISO yyyy-MM-dd, calendar of Asia/Shanghai)");
		}
		if (date.getYear() < 2000 || date.getYear() > 2999) {
			throw new LedgerInputException("date", "date " + date + " is out of range: expected a year from 2000 to 2999");
		}
		recipient = optional("recipient", recipient);
		basis = (basis != null) ? basis : Basis.NONE;
		assessmentId = optional("assessment", assessmentId);
	}

	/** An event with no recipient or assessment. */
	public static EventSpec of(String processor, String eventKey, LocalDate date, Basis basis) {
		return new EventSpec(processor, eventKey, date, null, basis, null);
	}

	public int year() {
		return this.date.getYear();
	}

	/**
	 * A processor id in its one form ({@link ProcessorIds}: NFKC, no invisible or control characters), the same form a
	 * scenario's {@code processor.id} takes, so that the ledger and the decisions count the same processor.
	 */
	static String processor(String value) {
		String v = required("processor", value);
		String invisible = ProcessorIds.firstInvisible(v);
		if (invisible != null) {
			throw new LedgerInputException("processor", "processor holds an invisible or control character (" + invisible
					+ "); type the id with visible characters only");
		}
		String n = ProcessorIds.normalize(v);
		if (n == null) {
			throw new LedgerInputException("processor", "processor must be 1 to " + ProcessorIds.MAX_LENGTH + " characters");
		}
		return n;
	}

	/**
	 * The basis named {@code text} ({@link Basis#parse}).
	 * @throws LedgerInputException naming the allowed values
	 */
	public static Basis basis(String text) {
		try {
			return Basis.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new LedgerInputException("basis", ex.getMessage());
		}
	}

	static String required(String field, String value) {
		String v = optional(field, value);
		if (v == null) {
			throw new LedgerInputException(field, field + " is required (1 to " + MAX_TEXT + " characters)");
		}
		return v;
	}

	static String optional(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (v.length() > MAX_TEXT) {
			throw new LedgerInputException(field, field + " is longer than " + MAX_TEXT + " characters");
		}
		for (int i = 0; i < v.length(); i++) {
			if (Character.isISOControl(v.charAt(i))) {
				throw new LedgerInputException(field, field + " contains a control character");
			}
		}
		return v;
	}

}
