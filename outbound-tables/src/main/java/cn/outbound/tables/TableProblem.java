package cn.outbound.tables;

/**
 * Something wrong with one row that did not stop the reading. {@code detail} never holds a cell
 * value.
 */
public record TableProblem(long row, Kind kind, String detail) {

	public enum Kind {

		/** The row has more or fewer cells than the header. */
		RAGGED_ROW,

		/** Bytes that are not valid in the detected encoding; replaced by U+FFFD. */
		UNDECODABLE_BYTES,

		/** A quote in the middle of a quoted field, not doubled and not closing it. */
		STRAY_QUOTE,

		/** The file ended inside a quoted field. */
		UNTERMINATED_QUOTE,

		/** A JSON Lines line that is not a JSON object, or not valid JSON; the line is skipped. */
		BAD_JSON_LINE,

		/**
		 * A JSON Lines key beyond the column limit, its value dropped. No longer produced: more keys than
		 * {@link ReadLimits#columns()} refuse the file ({@link ReadLimitException}); kept for readers of reports.
		 */
		UNKNOWN_KEY

	}

	@Override
	public String toString() {
		return "line " + this.row + ": " + this.kind + " (" + this.detail + ")";
	}

}
