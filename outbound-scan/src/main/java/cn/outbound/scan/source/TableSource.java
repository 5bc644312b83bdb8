package cn.outbound.scan.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import cn.outbound.pii.io.ReadLimits;
import cn.outbound.pii.io.TableProblems;

/**
 * A table to scan, read once from start to end with memory flat in its size: delimited text or
 * JSON Lines ({@link TextSource}), an Excel workbook's first sheet ({@link XlsxSource}) or a
 * database table ({@link JdbcSource}).
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

	/**
	 * Opens a file by its content and extension: {@code .xlsx} as a workbook, anything else as
	 * delimited text or JSON Lines.
	 */
	static TableSource open(Path file) throws IOException {
		return open(file, ReadLimits.DEFAULT);
	}

	/**
	 * As {@link #open(Path)}, the table read within {@code limits}.
	 * @throws cn.outbound.pii.io.ReadLimitException when the table passes one of them
	 */
	static TableSource open(Path file, ReadLimits limits) throws IOException {
		if (Files.isDirectory(file)) {
			throw new IllegalArgumentException(file + " is a directory; scan its files one by one");
		}
		String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
			return new XlsxSource(file, limits);
		}
		if (lower.endsWith(".xls")) {
			throw new cn.outbound.pii.io.TableFormatException(file.getFileName()
					+ " is a legacy .xls workbook; save it as .xlsx or CSV and scan that");
		}
		return new TextSource(file, limits);
	}

}
