package cn.outbound.ledger;

import cn.outbound.ledger.db.LedgerException;

/**
 * Invalid input: nothing was recorded. {@link #field()} names what was wrong (an option or field such as
 * {@code processor}, {@code date}, {@code ids}, {@code column}, {@code OUTBOUND_LEDGER_KEY}); the message says
 * what is allowed. The CLI maps it to exit status 2 and the REST API to 400.
 */
public class LedgerInputException extends LedgerException {

	private static final long serialVersionUID = 1L;

	private final String field;

	public LedgerInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
