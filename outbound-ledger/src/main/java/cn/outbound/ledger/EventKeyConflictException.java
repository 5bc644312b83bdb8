package cn.outbound.ledger;

/**
 * The event key is already used by an event with different content (other persons, date, recipient, basis or
 * assessment). A re-sent identical event is not a conflict: it is reported as already recorded.
 */
public class EventKeyConflictException extends LedgerInputException {

	private static final long serialVersionUID = 1L;

	public EventKeyConflictException(String processor, String eventKey) {
		super("event-key", "event key '" + eventKey + "' of processor '" + processor
				+ "' is already used by a different event (other persons, date, recipient, basis or assessment);"
				+ " choose a new key, or re-send exactly the recorded event");
	}

}
