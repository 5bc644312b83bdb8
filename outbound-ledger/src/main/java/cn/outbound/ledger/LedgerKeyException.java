package cn.outbound.ledger;

/**
 * The deployment key is missing, malformed, or is not the key the ledger was created with.
 */
public class LedgerKeyException extends LedgerInputException {

	private static final long serialVersionUID = 1L;

	public LedgerKeyException(String message) {
		super(LedgerKey.ENV, message);
	}

}
