package cn.outbound.tables;

/**
 * The column asked for is not in the table: the message names the table and the columns it has (names only, never
 * a cell value).
 */
public final class ColumnNotFoundException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public ColumnNotFoundException(String message) {
		super(message);
	}

}
