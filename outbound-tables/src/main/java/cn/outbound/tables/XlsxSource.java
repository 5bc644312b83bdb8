package cn.outbound.tables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One sheet of an {@code .xlsx} workbook, read with POI's SAX event API: rows stream and are never
 * held as a sheet. The shared-strings table is held in memory (it holds each distinct string
 * once). The sheet's first row with a value is the header; a sheet without any value is empty and
 * is no table.
 * <p>
 * {@link #sheets(Path)} gives every sheet with data as a table of its own (as a directory gives its
 * files), named {@code book.xlsx [Sheet]} when there are several. {@link #XlsxSource(Path)} (what
 * {@link TableSource#open(Path)} gives, for callers that take one table per file) reads the first
 * sheet with data and {@linkplain #warnings() warns}, naming them, about the other sheets with
 * data that it did not read.
 * <p>
 * Cells come as Excel shows them (POI's {@link DataFormatter}), except numbers in a date or time
 * format: those are written {@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm:ss} when they have a time
 * of day, or {@code HH:mm:ss} for a time alone, whatever the display format ({@code m/d/yy},
 * {@code yyyy"年"m"月"d"日"}, …), so that the detectors see one unambiguous form.
 * <p>
 * Limits: the sheet's rows within {@link ReadLimits} (columns, header, cells per row, cell, row),
 * and no part of the ZIP may expand to more than {@value #MAX_ENTRY_BYTES} bytes or to more than
 * {@code 1 / }{@value #MIN_INFLATE_RATIO} times its compressed size (a ZIP bomb): such a workbook
 * is refused as unreadable, before it is expanded.
 */
public final class XlsxSource implements TableSource, SourceWarnings {

	/** A part of the workbook may expand to at most 1 / this times its compressed size (100 times). */
	static final double MIN_INFLATE_RATIO = 0.01;

	/** A part of the workbook may expand to at most this many bytes (1 GiB). */
	static final long MAX_ENTRY_BYTES = 1L << 30;

	static {
		// POI logs through log4j-api; without a provider log4j prints a warning to stderr on first use
		if (System.getProperty("log4j2.loggerContextFactory") == null) {
			System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
		}
		// POI's own guard against ZIP bombs, set explicitly: it is global, and these are the values documented
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
	}


	/** Sheet names listed in a warning; the rest are counted. */
	private static final int NAMED = 20;

	private final Path file;

	/** The sheet's position among all the workbook's sheets (0-based), or -1: the first sheet with data. */
	private int index;

	private String sheet;

	private final String name;

	private int sheetCount;

	private final TableProblems problems = new TableProblems();

	private final List<String> warnings = new ArrayList<>();

	private final ReadLimits limits;

	/** The workbook's first sheet with data; the other sheets with data are named in {@link #warnings()}. */
	public XlsxSource(Path file) {
		this(file, ReadLimits.DEFAULT);
	}

	/** As {@link #XlsxSource(Path)}, the sheet read within {@code limits}. */
	public XlsxSource(Path file, ReadLimits limits) {
		this(file, -1, null, file.getFileName().toString(), 0, limits);
	}

	private XlsxSource(Path file, int index, String sheet, String name, int sheetCount, ReadLimits limits) {
		this.limits = limits;
		this.file = file;
		this.index = index;
		this.sheet = sheet;
		this.name = name;
		this.sheetCount = sheetCount;
	}

	/**
	 * Every sheet of the workbook that holds a value, in workbook order (hidden sheets too), each a
	 * table: named after the file alone when it is the only one, {@code book.xlsx [Sheet]} otherwise.
	 * @throws TableFormatException when the file is not a workbook or no sheet holds a value
	 */
	public static List<XlsxSource> sheets(Path file) throws IOException {
		return sheets(file, ReadLimits.DEFAULT);
	}

	/** As {@link #sheets(Path)}, each sheet read within {@code limits}. */
	public static List<XlsxSource> sheets(Path file, ReadLimits limits) throws IOException {
		String fileName = file.getFileName().toString();
		List<String> all = new ArrayList<>();
		List<Integer> withData = new ArrayList<>();
		workbook(file, (reader, strings, styles, date1904) -> {
			XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (it.hasNext()) {
				try (InputStream in = it.next()) {
					if (hasData(in, strings, styles)) {
						withData.add(all.size());
					}
				}
				all.add(it.getSheetName());
			}
		});
		if (withData.isEmpty()) {
			throw new TableFormatException(fileName + " has no sheet with data"
					+ (all.isEmpty() ? "" : " (sheets: " + String.join(", ", all) + ")"));
		}
		List<XlsxSource> out = new ArrayList<>();
		for (int i : withData) {
			String sheet = all.get(i);
			out.add(new XlsxSource(file, i, sheet, (withData.size() == 1) ? fileName : fileName + " [" + sheet + "]",
					all.size(), limits));
		}
		return out;
	}

	/** The sheet's name as the workbook gives it (known after {@link #read} for the whole-workbook source). */
	public String sheet() {
		return this.sheet;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void read(RowSink sink) throws IOException {
		workbook(this.file, (reader, strings, styles, date1904) -> {
			XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
			List<String> unread = new ArrayList<>();
			boolean whole = this.index < 0;
			int position = 0;
			boolean done = false;
			while (it.hasNext()) {
				int at = position++;
				try (InputStream in = it.next()) {
					String sheetName = it.getSheetName();
					if (done || (!whole && at != this.index)) {
						// the whole-workbook source looks at the other sheets only to say what it did not read
						if (whole && hasData(in, strings, styles)) {
							unread.add(sheetName);
						}
						continue;
					}
					Handler handler = new Handler(sink, this.problems, this.limits, this.name);
					XMLReader parser = XMLHelper.newXMLReader();
					parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler,
							new IsoDates(date1904), false));
					parser.parse(new InputSource(in));
					if (handler.header != null) {
						this.sheet = sheetName;
						this.index = at;
						done = true;
					}
					else if (!whole) {
						throw new TableFormatException(this.name + " has no header row");
					}
				}
			}
			this.sheetCount = position;
			if (!done) {
				throw new TableFormatException(this.name + " has no sheet with data");
			}
			if (!unread.isEmpty()) {
				int total = unread.size() + 1;
				List<String> named = new ArrayList<>();
				for (String u : unread.subList(0, Math.min(NAMED, unread.size()))) {
					named.add("'" + u + "'");
				}
				this.warnings.add(this.name + ": " + unread.size() + " of " + total + " sheets with data "
						+ ((unread.size() == 1) ? "was" : "were") + " not read: " + String.join(", ", named)
						+ ((unread.size() > NAMED) ? " and " + (unread.size() - NAMED) + " more" : "")
						+ "; only the first, '" + this.sheet + "', was scanned (outbound scan on the command line"
						+ " scans every sheet, or save each sheet as its own file)");
			}
		});
	}

	@Override
	public TableProblems problems() {
		return this.problems;
	}

	/** For the whole-workbook source: the sheets with data it did not read, counted and named. */
	@Override
	public List<String> warnings() {
		return List.copyOf(this.warnings);
	}

	@Override
	public String describe() {
		if (this.sheet == null) {
			return "Excel workbook";
		}
		return "Excel workbook, sheet '" + this.sheet + "', " + (this.index + 1) + " of " + this.sheetCount;
	}

	@Override
	public void close() {
	}

	/**
	 * The sheet row by row, for readers that pull rows (the ledger): the same header, cells, limits and problems as
	 * {@link #read}, with the sheet's XML pulled (StAX) into POI's sheet handler one row at a time. The workbook stays
	 * open until the rows are closed.
	 * @throws TableFormatException when the sheet has no header row (the whole-workbook source: no sheet has data)
	 */
	public Rows rows() throws IOException {
		if (this.index < 0) {
			List<XlsxSource> sheets = sheets(this.file, this.limits);
			XlsxSource first = sheets.get(0);
			this.index = first.index;
			this.sheet = first.sheet;
			this.sheetCount = first.sheetCount;
		}
		return new SheetRows();
	}

	/** A sheet pulled row by row: StAX events fed to {@link XSSFSheetXMLHandler}, stopping after each row. */
	private final class SheetRows implements Rows, RowSink {

		private final OPCPackage pkg;

		private final InputStream in;

		private final XMLStreamReader xml;

		private final XSSFSheetXMLHandler handler;

		private final AttributesImpl attributes = new AttributesImpl();

		private List<String> header;

		private long number;

		private Cells cells;

		private boolean row;

		SheetRows() throws IOException {
			String fileName = XlsxSource.this.file.getFileName().toString();
			this.pkg = openPackage(XlsxSource.this.file);
			try {
				XSSFReader reader = new XSSFReader(this.pkg);
				ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(this.pkg);
				StylesTable styles = reader.getStylesTable();
				boolean date1904 = date1904(reader);
				XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
				InputStream found = null;
				for (int at = 0; it.hasNext(); at++) {
					InputStream sheetIn = it.next();
					if (at == XlsxSource.this.index) {
						found = sheetIn;
						break;
					}
					sheetIn.close();
				}
				if (found == null) {
					throw new TableFormatException(XlsxSource.this.name + " has no sheet with data");
				}
				this.in = found;
				XMLInputFactory factory = XMLInputFactory.newFactory();
				factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
				factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
				this.xml = factory.createXMLStreamReader(found);
				this.handler = new XSSFSheetXMLHandler(styles, null, strings,
						new Handler(this, XlsxSource.this.problems, XlsxSource.this.limits, XlsxSource.this.name),
						new IsoDates(date1904), false);
				while (this.header == null && pump()) {
					// up to the header row
				}
				if (this.header == null) {
					throw new TableFormatException(XlsxSource.this.name + " has no header row");
				}
			}
			catch (RuntimeException | IOException ex) {
				this.pkg.revert();
				throw ex;
			}
			catch (Exception ex) {
				this.pkg.revert();
				throw zipBomb(ex) ? expandsTooMuch(fileName)
						: new TableFormatException(fileName + " could not be read as a workbook: " + ex.getClass().getSimpleName());
			}
		}

		/** Feeds the handler the next XML event; false at the end of the sheet. */
		private boolean pump() {
			try {
				if (!this.xml.hasNext()) {
					return false;
				}
				switch (this.xml.next()) {
					case XMLStreamConstants.START_ELEMENT -> {
						this.attributes.clear();
						for (int i = 0; i < this.xml.getAttributeCount(); i++) {
							String ns = this.xml.getAttributeNamespace(i);
							String local = this.xml.getAttributeLocalName(i);
							String prefix = this.xml.getAttributePrefix(i);
							this.attributes.addAttribute((ns != null) ? ns : "", local,
									(prefix == null || prefix.isEmpty()) ? local : prefix + ":" + local, "CDATA",
									this.xml.getAttributeValue(i));
						}
						this.handler.startElement(uri(), this.xml.getLocalName(), qName(), this.attributes);
					}
					case XMLStreamConstants.END_ELEMENT -> this.handler.endElement(uri(), this.xml.getLocalName(), qName());
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> this.handler
						.characters(this.xml.getTextCharacters(), this.xml.getTextStart(), this.xml.getTextLength());
					default -> {
					}
				}
				return true;
			}
			catch (SinkFailure ex) {
				throw ex.getCause();
			}
			catch (XMLStreamException | SAXException ex) {
				String fileName = XlsxSource.this.file.getFileName().toString();
				throw zipBomb(ex) ? expandsTooMuch(fileName)
						: new TableFormatException(fileName + " could not be read as a workbook: " + ex.getClass().getSimpleName());
			}
		}

		private String uri() {
			String ns = this.xml.getNamespaceURI();
			return (ns != null) ? ns : "";
		}

		private String qName() {
			String prefix = this.xml.getPrefix();
			return (prefix == null || prefix.isEmpty()) ? this.xml.getLocalName() : prefix + ":" + this.xml.getLocalName();
		}

		@Override
		public void header(List<String> names) {
			this.header = List.copyOf(names);
		}

		@Override
		public void row(long number, Cells cells) {
			this.number = number;
			this.cells = cells;
			this.row = true;
		}

		@Override
		public String name() {
			return XlsxSource.this.name;
		}

		@Override
		public List<String> header() {
			return this.header;
		}

		@Override
		public boolean next() {
			this.row = false;
			while (!this.row && pump()) {
				// up to the end of the next row
			}
			return this.row;
		}

		@Override
		public long rowNumber() {
			return this.number;
		}

		@Override
		public Cells cells() {
			return this.cells;
		}

		@Override
		public TableProblems problems() {
			return XlsxSource.this.problems;
		}

		@Override
		public Charset charset() {
			return StandardCharsets.UTF_8;
		}

		@Override
		public String describe() {
			return XlsxSource.this.describe();
		}

		@Override
		public void close() {
			try {
				this.xml.close();
				this.in.close();
			}
			catch (XMLStreamException | IOException ex) {
				// read-only: nothing is lost
			}
			finally {
				this.pkg.revert();
			}
		}

	}

	/** What to do with an open workbook. */
	private interface WorkbookAction {

		void accept(XSSFReader reader, ReadOnlySharedStringsTable strings, StylesTable styles, boolean date1904)
				throws Exception;

	}

	/**
	 * Opens the workbook read-only, hands it to {@code action} and closes it. Exceptions of the row
	 * sink pass through as they are; anything else wrong with the file is a {@link TableFormatException}.
	 */
	private static void workbook(Path file, WorkbookAction action) throws IOException {
		String fileName = file.getFileName().toString();
		OPCPackage pkg = openPackage(file);
		try {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			action.accept(reader, strings, reader.getStylesTable(), date1904(reader));
		}
		catch (SinkFailure ex) {
			throw ex.getCause();
		}
		catch (TableFormatException ex) {
			throw ex;
		}
		catch (IOException ex) {
			if (zipBomb(ex)) {
				throw expandsTooMuch(fileName);
			}
			throw ex;
		}
		catch (Exception ex) {
			if (zipBomb(ex)) {
				throw expandsTooMuch(fileName);
			}
			throw new TableFormatException(fileName + " could not be read as a workbook: " + ex.getClass().getSimpleName());
		}
		finally {
			pkg.revert();
		}
	}

	/** Opens the workbook read-only, or a {@link TableFormatException}. */
	private static OPCPackage openPackage(Path file) {
		try {
			return OPCPackage.open(file.toFile(), PackageAccess.READ);
		}
		catch (Exception ex) {
			String fileName = file.getFileName().toString();
			throw zipBomb(ex) ? expandsTooMuch(fileName)
					: new TableFormatException(fileName + " is not a readable .xlsx workbook");
		}
	}

	/** Whether POI refused to expand a part of the workbook (its messages say "Zip bomb detected"). */
	private static boolean zipBomb(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private static TableFormatException expandsTooMuch(String fileName) {
		return new TableFormatException(fileName + " cannot be read: a part of it expands to more than "
				+ Math.round(1 / MIN_INFLATE_RATIO) + " times its compressed size or more than "
				+ (MAX_ENTRY_BYTES >> 20) + " MB (a ZIP bomb?); it was not expanded. Export the sheet as CSV to scan it");
	}

	/** Whether the sheet holds any value (stops at the first). */
	private static boolean hasData(InputStream sheet, ReadOnlySharedStringsTable strings, StylesTable styles)
			throws Exception {
		XMLReader parser = XMLHelper.newXMLReader();
		parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new XSSFSheetXMLHandler.SheetContentsHandler() {

			@Override
			public void startRow(int rowNum) {
			}

			@Override
			public void endRow(int rowNum) {
			}

			@Override
			public void cell(String ref, String formatted, XSSFComment comment) {
				if (formatted != null && !formatted.isBlank()) {
					throw Found.INSTANCE;
				}
			}

		}, new DataFormatter(), false));
		try {
			parser.parse(new InputSource(sheet));
			return false;
		}
		catch (Found found) {
			return true;
		}
	}

	/** Stops parsing a sheet at its first value. */
	private static final class Found extends RuntimeException {

		static final Found INSTANCE = new Found();

		private Found() {
			super(null, null, false, false);
		}

	}

	/** An exception of the row sink (the scanner), carried through the XML parser unchanged. */
	private static final class SinkFailure extends RuntimeException {

		SinkFailure(RuntimeException cause) {
			super(cause);
		}

		@Override
		public synchronized RuntimeException getCause() {
			return (RuntimeException) super.getCause();
		}

	}

	/** Whether the workbook counts dates from 1904 (set by Excel for Mac workbooks of old). */
	static boolean date1904(XSSFReader reader) throws Exception {
		boolean[] found = new boolean[1];
		try (InputStream workbook = reader.getWorkbookData()) {
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new DefaultHandler() {

				@Override
				public void startElement(String uri, String localName, String qName, Attributes attributes) {
					if ("workbookPr".equals(localName)) {
						String v = attributes.getValue("date1904");
						found[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
					}
				}

			});
			parser.parse(new InputSource(workbook));
		}
		return found[0];
	}

	/**
	 * A {@link DataFormatter} that writes date and time cells in ISO form. Besides the formats POI
	 * recognises as dates, the built-in East Asian date and time formats 27–36 and 50–58 (which a
	 * workbook may use without defining them, and POI shows as {@code reserved-0x1F}) count as dates.
	 */
	static final class IsoDates extends DataFormatter {

		private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

		private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

		private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

		private final boolean date1904;

		IsoDates(boolean date1904) {
			this.date1904 = date1904;
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return formatRawCellContents(value, formatIndex, formatString, this.date1904);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			if (isDate(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime t = DateUtil.getLocalDateTime(value, use1904Windowing || this.date1904, true);
				if (t != null) {
					if (value < 1) {
						return t.toLocalTime().format(TIME);
					}
					return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.format(DATE) : t.format(DATE_TIME);
				}
			}
			return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
		}

		static boolean isDate(int formatIndex, String formatString) {
			if ((formatIndex >= 27 && formatIndex <= 36) || (formatIndex >= 50 && formatIndex <= 58)) {
				return true;
			}
			return formatString != null && DateUtil.isADateFormat(formatIndex, formatString);
		}

	}

	private static final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowSink sink;

		List<String> header;

		private ArrayCells cells;

		private final List<String> headerCells = new ArrayList<>();

		private boolean ragged;

		private final TableProblems problems;

		private final ReadLimits limits;

		private final String name;

		/** Characters of the row being read, and its row number. */
		private long rowChars;

		private int rowNum;

		Handler(RowSink sink, TableProblems problems, ReadLimits limits, String name) {
			this.sink = sink;
			this.problems = problems;
			this.limits = limits;
			this.name = name;
		}

		@Override
		public void startRow(int rowNum) {
			this.ragged = false;
			this.rowChars = 0;
			this.rowNum = rowNum + 1;
			if (this.cells != null) {
				this.cells.clear();
			}
		}

		@Override
		public void endRow(int rowNum) {
			if (this.header == null) {
				boolean any = false;
				for (String h : this.headerCells) {
					any |= h != null && !h.isBlank();
				}
				if (!any) {
					// rows before the header that hold no value are skipped
					this.headerCells.clear();
					return;
				}
				this.header = new ArrayList<>();
				long size = -1;
				for (int i = 0; i < this.headerCells.size(); i++) {
					String h = this.headerCells.get(i);
					this.header.add((h == null || h.isBlank()) ? "column " + (i + 1) : h.strip());
					size += ((h != null) ? h.length() : 0) + 1;
				}
				if (size > this.limits.headerBytes()) {
					throw exceeded(ReadLimits.Limit.HEADER_BYTES, "the header (row " + this.rowNum + ")");
				}
				this.cells = new ArrayCells(this.header.size());
				try {
					this.sink.header(this.header);
				}
				catch (RuntimeException ex) {
					throw new SinkFailure(ex);
				}
				return;
			}
			if (this.ragged) {
				this.problems.add(rowNum + 1, TableProblem.Kind.RAGGED_ROW,
						"cells beyond the header's " + this.header.size() + " columns are ignored");
			}
			try {
				this.sink.row(rowNum + 1, this.cells);
			}
			catch (RuntimeException ex) {
				throw new SinkFailure(ex);
			}
		}

		@Override
		public void cell(String ref, String formatted, XSSFComment comment) {
			int col = (ref != null) ? new CellReference(ref).getCol() : 0;
			int length = (formatted != null) ? formatted.length() : 0;
			if (this.header == null) {
				if (col >= this.limits.columns()) {
					throw exceeded(ReadLimits.Limit.COLUMNS, "the header (row " + this.rowNum + ")");
				}
			}
			else if (length > 0) {
				if (col >= this.limits.cellsPerRow()) {
					throw exceeded(ReadLimits.Limit.CELLS_PER_ROW, "row " + this.rowNum);
				}
				if (length > this.limits.cellBytes()) {
					throw exceeded(ReadLimits.Limit.CELL_BYTES, "cell " + ref);
				}
				this.rowChars += length;
				if (this.rowChars > this.limits.recordBytes()) {
					throw exceeded(ReadLimits.Limit.RECORD_BYTES, "row " + this.rowNum);
				}
			}
			if (this.header == null) {
				while (this.headerCells.size() <= col) {
					this.headerCells.add(null);
				}
				this.headerCells.set(col, formatted);
				return;
			}
			if (col >= this.cells.values.length) {
				this.ragged = true;
				return;
			}
			this.cells.values[col] = formatted;
		}

		private ReadLimitException exceeded(ReadLimits.Limit limit, String where) {
			return new ReadLimitException(this.name, limit, this.limits.allowed(limit), where);
		}

	}

}
