package cn.outbound.ledger.db;

/**
 * The ledger could not do what was asked. Messages never hold a raw identifier: values are masked.
 *
 * <p>
 * It sits in the ledger's bottom package, beside the database, so that every layer of the ledger (the facade in
 * {@code cn.outbound.ledger}, its parts in {@code ledger.internal}, the database here) throws the same exception and
 * no package below the facade depends on it.
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
