package cn.outbound.scan.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.pii.io.TableFormatException;
import cn.outbound.pii.io.TableProblem;
import cn.outbound.pii.io.TableProblems;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an {@code .xlsx} workbook, read with POI's SAX event API: rows stream and
 * are never held as a sheet. The shared-strings table is held in memory (it holds each distinct
 * string once). The first row is the header.
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
						new DataFormatter(), false));
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
