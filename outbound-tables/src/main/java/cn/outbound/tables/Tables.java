package cn.outbound.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Opens tables by what the format registry ({@link TableFormat}) says they are: the one entry for the scanner
 * ({@link #open}, {@link #openAll}), the ledger ({@link #column}) and the uploads ({@link #column(InputStream, String,
 * String, ReadLimits, Path)}, {@link #spool}).
 */
public final class Tables {

	/** Bytes the registry looks at to tell a format by its content. */
	private static final int SNIFF = 8;

	private Tables() {
	}

	/**
	 * The format of {@code file}, by its extension and its first bytes ({@link TableFormat#detect}).
	 * @throws TableFormatException for a format that is not read (a legacy {@code .xls}) or a name that belies the
	 * content
	 */
	public static TableFormat format(Path file) throws IOException {
		byte[] head = new byte[SNIFF];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, SNIFF);
		}
		return TableFormat.detect(file.getFileName().toString(), head, n);
	}

	/** One table of {@code file} within the default limits ({@link #open(Path, ReadLimits)}). */
	public static TableSource open(Path file) throws IOException {
		return open(file, ReadLimits.DEFAULT);
	}

	/**
	 * One table of {@code file}, for callers that take one table per file: a workbook's first sheet with data (which
	 * warns, naming the sheets with data it did not read), the table of any other file.
	 * @throws ReadLimitException when the table passes one of {@code limits}
	 * @throws TableFormatException when the file is not a table of a format in the registry
	 */
	public static TableSource open(Path file, ReadLimits limits) throws IOException {
		if (Files.isDirectory(file)) {
			throw new IllegalArgumentException(file + " is a directory; scan its files one by one");
		}
		return switch (format(file)) {
			case XLSX -> new XlsxSource(file, limits);
			case PARQUET -> new ParquetSource(file, limits);
			case DELIMITED, JSON_LINES -> new TextSource(file, limits);
		};
	}

	/** Every table of {@code file}: each sheet with data of a workbook, the one table of any other file. */
	public static List<TableSource> openAll(Path file, ReadLimits limits) throws IOException {
		if (format(file) == TableFormat.XLSX) {
			return List.copyOf(XlsxSource.sheets(file, limits));
		}
		return List.of(open(file, limits));
	}

	/** Whether {@code file} is a workbook (several tables), by the registry. */
	public static boolean isWorkbook(Path file) throws IOException {
		return !Files.isDirectory(file) && format(file) == TableFormat.XLSX;
	}

	/** The files of {@code dir} whose extension names a format of the registry, sorted by name. */
	public static List<Path> tablesIn(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile).filter(f -> TableFormat.isTable(f.getFileName().toString()))
				.sorted()
				.toList();
		}
	}

	/**
	 * The column {@code column} of every table of {@code file} (each sheet with data of a workbook, in order; the one
	 * table of any other file), row by row within {@code limits}. Every table must have the column.
	 * @throws ColumnNotFoundException naming the table without it and the columns it has
	 */
	public static ColumnReader column(Path file, String column, ReadLimits limits) throws IOException {
		if (format(file) != TableFormat.XLSX) {
			return new ColumnReader(rows(file, limits), column);
		}
		List<XlsxSource> sheets = XlsxSource.sheets(file, limits);
		// every sheet must have the column before any is read: no persons left out unseen
		for (XlsxSource sheet : sheets.subList(1, sheets.size())) {
			try (Rows r = sheet.rows()) {
				ColumnReader.index(r, column);
			}
		}
		List<ColumnReader.Opener> rest = new ArrayList<>();
		for (XlsxSource sheet : sheets.subList(1, sheets.size())) {
			rest.add(sheet::rows);
		}
		return new ColumnReader(sheets.get(0).rows(), column, rest);
	}

	/** The one table of a file that is not a workbook, row by row. */
	private static Rows rows(Path file, ReadLimits limits) throws IOException {
		return switch (format(file)) {
			case PARQUET -> new ParquetSource(file, limits);
			case XLSX -> new XlsxSource(file, limits).rows();
			case DELIMITED, JSON_LINES -> TableReader.open(file, limits);
		};
	}

	/**
	 * As {@link #column(Path, String, ReadLimits)} for a stream named {@code name} (an upload, standard input): text
	 * is read as it streams; a workbook or Parquet file, which must be read from its end, is first copied to a
	 * temporary file of its owner's only in {@code tempDir}, deleted when the reader closes (or when opening fails).
	 * The stream is closed with the reader.
	 */
	public static ColumnReader column(InputStream in, String name, String column, ReadLimits limits, Path tempDir)
			throws IOException {
		PushbackInputStream pushback = new PushbackInputStream(in, SNIFF);
		TableFormat format;
		try {
			byte[] head = pushback.readNBytes(SNIFF);
			pushback.unread(head);
			format = TableFormat.detect(name, head, head.length);
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
		if (!format.needsFile()) {
			return new ColumnReader(TableReader.open(pushback, name, limits), column);
		}
		Path file = spool(pushback, name, format, tempDir);
		try {
			ColumnReader reader = column(file, column, limits);
			reader.onClose(() -> delete(file));
			return reader;
		}
		catch (IOException | RuntimeException ex) {
			delete(file);
			throw ex;
		}
	}

	/**
	 * Copies {@code in} (closed afterwards) to a new file of its owner's only in {@code dir}, named for
	 * {@code format}, so that a reader that needs the whole file can open it. The caller deletes it.
	 */
	public static Path spool(InputStream in, String name, TableFormat format, Path dir) throws IOException {
		Files.createDirectories(dir);
		String suffix = "." + format.fileExtensions().get(0);
		Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
				? Files.createTempFile(dir, "outbound-table-", suffix,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createTempFile(dir, "outbound-table-", suffix);
		try (in) {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			delete(file);
			throw ex;
		}
		return file;
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete the temporary copy of a table", ex);
		}
	}

}
