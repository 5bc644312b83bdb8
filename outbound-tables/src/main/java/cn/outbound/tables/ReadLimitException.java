package cn.outbound.tables;

/**
 * A table passed one of its {@link ReadLimits}: reading stopped there. Names the limit and the
 * value allowed, never the content. A {@link TableFormatException}, so that a caller that knows
 * only those still refuses the file cleanly.
 */
public final class ReadLimitException extends TableFormatException {

	private static final long serialVersionUID = 1L;

	private final ReadLimits.Limit limit;

	private final long allowed;

	public ReadLimitException(String name, ReadLimits.Limit limit, long allowed, String where) {
		super(name + ": " + where + " is over the limit " + limit.key() + " (at most " + allowed + describe(limit)
				+ "); the file was not read");
		this.limit = limit;
		this.allowed = allowed;
	}

	/** Which limit was passed. */
	public ReadLimits.Limit limit() {
		return this.limit;
	}

	/** The most that limit allows. */
	public long allowed() {
		return this.allowed;
	}

	private static String describe(ReadLimits.Limit limit) {
		return switch (limit) {
			case COLUMNS -> " columns";
			case HEADER_BYTES, CELL_BYTES, RECORD_BYTES -> " bytes";
			case CELLS_PER_ROW -> " cells";
			case JSON_DEPTH -> " levels of nesting";
		};
	}

}
