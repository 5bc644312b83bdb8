package cn.outbound.tables;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A table to scan, read once from start to end with memory flat in its size: delimited text or
 * JSON Lines ({@link TextSource}), an Excel workbook's sheet ({@link XlsxSource}), a Parquet file
 * ({@link ParquetSource}) or a database table ({@link JdbcSource}). Handed to a {@link RowSink}
 * (the scanner); {@link Rows} is the same table pulled row by row.
 */
public interface TableSource extends AutoCloseable {

	/** The name shown in the report (file name or table). */
	String name();

	/** Reads every row into {@code sink}. */
	void read(RowSink sink) throws IOException;

	/** Problems met while reading (ragged rows, undecodable bytes). */
	TableProblems problems();

	/** Format details for the report, e.g. {@code CSV, GB18030, ','}. */
	String describe();

	@Override
	void close() throws IOException;

	/** {@link Tables#open(Path)}: one table of a file, its format told by the registry ({@link TableFormat}). */
	static TableSource open(Path file) throws IOException {
		return Tables.open(file);
	}

	/**
	 * {@link Tables#open(Path, ReadLimits)}: one table of a file within {@code limits}.
	 * @throws ReadLimitException when the table passes one of them
	 */
	static TableSource open(Path file, ReadLimits limits) throws IOException {
		return Tables.open(file, limits);
	}

}
