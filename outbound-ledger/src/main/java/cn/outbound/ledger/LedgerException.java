package cn.outbound.ledger;

/**
 * The ledger could not do what was asked. Messages never hold a raw identifier: values are masked.
 */
public class LedgerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public LedgerException(String message) {
		super(message);
	}

	public LedgerException(String message, Throwable cause) {
		super(message, cause);
	}

}
