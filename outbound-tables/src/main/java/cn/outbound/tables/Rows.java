package cn.outbound.tables;

import java.nio.charset.Charset;
import java.util.List;

/**
 * A table read row by row, whatever its format: {@link #next()} moves to a row, {@link #cells()} gives its cells (one
 * per header column, valid until the next move). What the ledger reads an identifier column from
 * ({@link ColumnReader}); opened by {@link Tables#rows}. Not thread-safe.
 */
public interface Rows extends AutoCloseable {

	/** The name given when opening (a file name, {@code book.xlsx [Sheet]}, a table). */
	String name();

	/** The column names, in order. */
	List<String> header();

	/** Moves to the next data row; false at the end. */
	boolean next();

	/** The current row's number for messages: the line of a text file, the row of a sheet, 1-based otherwise. */
	long rowNumber();

	/** The current row's cells; valid until the next call to {@link #next()}. */
	Cells cells();

	/** Problems so far (ragged rows, undecodable bytes, lines that are not JSON objects). */
	TableProblems problems();

	/** The character set the text was read in (UTF-8 for formats that fix it: workbooks, Parquet). */
	Charset charset();

	/** Format details for a person, e.g. {@code delimited text, GB18030, delimiter ','}. */
	String describe();

	@Override
	void close();

}
