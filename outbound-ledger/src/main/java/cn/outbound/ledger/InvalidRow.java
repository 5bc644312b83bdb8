package cn.outbound.ledger;

/**
 * A row whose identifier could not be read or normalised. {@code maskedValue} shows at most a third of the
 * characters ({@code 110105********002X}); the raw value is never kept.
 *
 * @param row the line in the file where the row starts (1-based; the header is line 1), or the position in the
 * stream for other sources
 * @param maskedValue the value, masked
 * @param reason why it was rejected, e.g. {@code resident ID number: has a wrong check digit}
 */
public record InvalidRow(long row, String maskedValue, String reason) {

	@Override
	public String toString() {
		return "row " + this.row + ": " + this.maskedValue + " (" + this.reason + ")";
	}

}
