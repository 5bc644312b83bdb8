package cn.outbound.scan;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.tables.Cells;
import cn.outbound.tables.RowSink;
import cn.outbound.tables.TableSource;
import cn.outbound.tables.XlsxSource;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Workbooks with several sheets and with real date cells. Every name and number here is synthetic. */
class XlsxSourceTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	@TempDir
	Path dir;

	/** An order sheet without personal information, then a customer sheet with 200 mobile numbers. */
	private Path ordersThenCustomers() throws IOException {
		Path file = this.dir.resolve("book.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet orders = wb.createSheet("订单");
			orders.createRow(0).createCell(0).setCellValue("订单号");
			orders.getRow(0).createCell(1).setCellValue("金额");
			for (int i = 1; i <= 50; i++) {
				Row row = orders.createRow(i);
				row.createCell(0).setCellValue("SO" + (100000 + i));
				row.createCell(1).setCellValue(i * 10.5);
			}
			Sheet customers = wb.createSheet("客户");
			customers.createRow(0).createCell(0).setCellValue("客户名称");
			customers.getRow(0).createCell(1).setCellValue("手机");
			for (int i = 1; i <= 200; i++) {
				Row row = customers.createRow(i);
				row.createCell(0).setCellValue("客户" + i);
				row.createCell(1).setCellValue(String.format("138%08d", i));
			}
			wb.write(out);
		}
		return file;
	}

	private static ScanReport scan(TableSource source) throws IOException {
		try (source) {
			return new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
		}
	}

	@Test // QA: a mobile column on the second sheet was not read, and nothing said so
	void presentsEverySheetWithDataAsATable() throws IOException {
		Path file = ordersThenCustomers();
		List<XlsxSource> sheets = XlsxSource.sheets(file);
		assertThat(sheets).extracting(TableSource::name).containsExactly("book.xlsx [订单]", "book.xlsx [客户]");
		ScanReport orders = scan(sheets.get(0));
		assertThat(orders.rows()).isEqualTo(50);
		assertThat(orders.columns()).allSatisfy(c -> assertThat(c.types()).isEmpty());
		ScanReport customers = scan(sheets.get(1));
		assertThat(customers.source()).isEqualTo("book.xlsx [客户]");
		assertThat(customers.details().format()).contains("客户");
		assertThat(customers.columns().get(1).types()).containsExactly("CN_MOBILE");
		assertThat(customers.persons().distinct()).isEqualTo(200);
	}

	@Test
	void theWholeWorkbookReadsItsFirstSheetAndNamesTheSheetsItDidNotRead() throws IOException {
		ScanReport r = scan(TableSource.open(ordersThenCustomers()));
		assertThat(r.rows()).isEqualTo(50);
		assertThat(r.details().warnings()).singleElement()
			.asString()
			.contains("1 of 2 sheets", "'客户'", "not read");
		assertThat(ReportText.render(r)).contains("Warning:", "'客户'");
		assertThat(ReportJson.write(r)).contains("'客户'");
	}

	@Test
	void emptySheetsAreNotTables() throws IOException {
		Path file = this.dir.resolve("one.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			wb.createSheet("说明");
			Sheet data = wb.createSheet("数据");
			data.createRow(0).createCell(0).setCellValue("邮箱");
			data.createRow(1).createCell(0).setCellValue("a@example.com");
			wb.write(out);
		}
		List<XlsxSource> sheets = XlsxSource.sheets(file);
		assertThat(sheets).extracting(TableSource::name).containsExactly("one.xlsx");
		ScanReport r = scan(sheets.get(0));
		assertThat(r.details().format()).contains("数据");
		assertThat(r.columns().get(0).types()).containsExactly("EMAIL");
		// the whole-workbook source skips the empty sheet too, and has nothing to warn about
		ScanReport whole = scan(TableSource.open(file));
		assertThat(whole.rows()).isEqualTo(1);
		assertThat(whole.details().warnings()).isEmpty();
	}

	@Test // QA: 出生日期 stored as dates (numFmt 14) came out as m/d/yy and was not recognised
	void dateCellsAreReadAsIsoDates() throws IOException {
		Path file = this.dir.resolve("births.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			CellStyle date = wb.createCellStyle();
			date.setDataFormat((short) 14);
			CellStyle dateTime = wb.createCellStyle();
			dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d h:mm"));
			CellStyle time = wb.createCellStyle();
			time.setDataFormat(wb.createDataFormat().getFormat("h:mm:ss"));
			CellStyle chinese = wb.createCellStyle();
			chinese.setDataFormat((short) 31);
			Sheet sheet = wb.createSheet("人员");
			Row header = sheet.createRow(0);
			String[] names = { "姓名", "出生日期", "登记时间", "打卡", "入职日期", "金额" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			for (int i = 1; i <= 30; i++) {
				Row row = sheet.createRow(i);
				row.createCell(0).setCellValue("员工" + i);
				row.createCell(1).setCellValue(LocalDate.of(1960 + i, (i % 12) + 1, (i % 28) + 1));
				row.getCell(1).setCellStyle(date);
				row.createCell(2).setCellValue(LocalDateTime.of(2024, 3, 1, 8, 30).plusDays(i));
				row.getCell(2).setCellStyle(dateTime);
				row.createCell(3).setCellValue(0.5 + i / 1440.0);
				row.getCell(3).setCellStyle(time);
				row.createCell(4).setCellValue(LocalDate.of(2020, 1, 1).plusDays(i));
				row.getCell(4).setCellStyle(chinese);
				row.createCell(5).setCellValue(1234.5);
			}
			wb.write(out);
		}
		List<List<String>> rows = new ArrayList<>();
		try (XlsxSource source = new XlsxSource(file)) {
			source.read(new RowSink() {

				@Override
				public void header(List<String> names) {
				}

				@Override
				public void row(long number, Cells cells) {
					List<String> row = new ArrayList<>();
					for (int i = 0; i < cells.size(); i++) {
						row.add(cells.string(i));
					}
					rows.add(row);
				}

			});
		}
		assertThat(rows.get(0)).containsExactly("员工1", "1961-02-02", "2024-03-02 08:30:00", "12:01:00", "2020-01-02",
				"1234.5");
		ScanReport r = scan(new XlsxSource(file));
		assertThat(r.columns().get(1).types()).containsExactly("BIRTH_DATE");
		assertThat(r.columns().get(2).types()).isEmpty();
	}

	@Test
	void datesOfA1904WorkbookAreNotFourYearsOff() throws IOException {
		Path file = this.dir.resolve("mac.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			var ct = wb.getCTWorkbook();
			(ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
			CellStyle date = wb.createCellStyle();
			date.setDataFormat((short) 14);
			Sheet sheet = wb.createSheet("人员");
			sheet.createRow(0).createCell(0).setCellValue("出生日期");
			sheet.createRow(1).createCell(0).setCellValue(LocalDate.of(1990, 5, 17));
			sheet.getRow(1).getCell(0).setCellStyle(date);
			assertThat(wb.isDate1904()).isTrue();
			wb.write(out);
		}
		List<String> values = new ArrayList<>();
		try (XlsxSource source = new XlsxSource(file)) {
			source.read(new RowSink() {

				@Override
				public void header(List<String> names) {
				}

				@Override
				public void row(long number, Cells cells) {
					values.add(cells.string(0));
				}

			});
		}
		assertThat(values).containsExactly("1990-05-17");
	}

}
