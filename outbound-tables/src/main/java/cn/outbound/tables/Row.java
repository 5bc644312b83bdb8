package cn.outbound.tables;

/**
 * One data row. {@code number} is the line in the file where the row starts (1-based, the
 * header is line 1 when it is the first line); {@code cells} has exactly one entry per header
 * column, empty strings where the row had none.
 */
public record Row(long number, String[] cells) {

	public String cell(int index) {
		return this.cells[index];
	}

}
