package cn.outbound.scan.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.pii.io.TableFormatException;
import cn.outbound.pii.io.TableProblem;
import cn.outbound.pii.io.TableProblems;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
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
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an {@code .xlsx} workbook, read with POI's SAX event API: rows stream and
 * are never held as a sheet. The shared-strings table is held in memory (it holds each distinct
 * string once). The first row is the header.
 * <p>
 * Cells come as Excel shows them (POI's {@link DataFormatter}), except numbers in a date or time
 * format: those are written {@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm:ss} when they have a time
 * of day, or {@code HH:mm:ss} for a time alone, whatever the display format ({@code m/d/yy},
 * {@code yyyy"年"m"月"d"日"}, …), so that the detectors see one unambiguous form.
 */
public final class XlsxSource implements TableSource {

	static {
		// POI logs through log4j-api; without a provider log4j prints a warning to stderr on first use
		if (System.getProperty("log4j2.loggerContextFactory") == null) {
			System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
		}
	}

	private final Path file;

	private final TableProblems problems = new TableProblems();

	public XlsxSource(Path file) {
		this.file = file;
	}

	@Override
	public String name() {
		return this.file.getFileName().toString();
	}

	@Override
	public void read(RowSink sink) throws IOException {
		OPCPackage pkg;
		try {
			pkg = OPCPackage.open(this.file.toFile(), PackageAccess.READ);
		}
		catch (Exception ex) {
			throw new TableFormatException(name() + " is not a readable .xlsx workbook");
		}
		try {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new TableFormatException(name() + " has no worksheet");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Handler(sink),
						new IsoDates(date1904(reader)), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (TableFormatException | IOException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new TableFormatException(name() + " could not be read as a workbook: " + ex.getClass().getSimpleName());
		}
		finally {
			pkg.revert();
		}
	}

	@Override
	public TableProblems problems() {
		return this.problems;
	}

	@Override
	public String describe() {
		return "Excel workbook (first sheet)";
	}

	@Override
	public void close() {
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

	private final class Handler implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowSink sink;

		private List<String> header;

		private ArrayCells cells;

		private final List<String> headerCells = new ArrayList<>();

		private boolean ragged;

		Handler(RowSink sink) {
			this.sink = sink;
		}

		@Override
		public void startRow(int rowNum) {
			this.ragged = false;
			if (this.cells != null) {
				this.cells.clear();
			}
		}

		@Override
		public void endRow(int rowNum) {
			if (this.header == null) {
				this.header = new ArrayList<>();
				for (int i = 0; i < this.headerCells.size(); i++) {
					String h = this.headerCells.get(i);
					this.header.add((h == null || h.isBlank()) ? "column " + (i + 1) : h.strip());
				}
				if (this.header.isEmpty()) {
					this.header = null;
					return;
				}
				this.cells = new ArrayCells(this.header.size());
				this.sink.header(this.header);
				return;
			}
			if (this.ragged) {
				XlsxSource.this.problems.add(rowNum + 1, TableProblem.Kind.RAGGED_ROW,
						"cells beyond the header's " + this.header.size() + " columns are ignored");
			}
			this.sink.row(rowNum + 1, this.cells);
		}

		@Override
		public void cell(String ref, String formatted, XSSFComment comment) {
			int col = (ref != null) ? new CellReference(ref).getCol() : 0;
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

	}

}
