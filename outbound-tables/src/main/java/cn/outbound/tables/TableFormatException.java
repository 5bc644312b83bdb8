package cn.outbound.tables;

/**
 * The input cannot be read as a table at all (binary, empty, an unsupported format). The message
 * says which file and why, and never quotes its content.
 */
public class TableFormatException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public TableFormatException(String message) {
		super(message);
	}

}
