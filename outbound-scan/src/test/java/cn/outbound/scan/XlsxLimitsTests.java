package cn.outbound.scan;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import cn.outbound.tables.ReadLimitException;
import cn.outbound.tables.ReadLimits;
import cn.outbound.tables.TableFormatException;
import cn.outbound.tables.TableSource;
import cn.outbound.tables.XlsxSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import cn.outbound.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Workbooks within and over the {@link ReadLimits}, and a ZIP bomb. Every value here is synthetic. */
class XlsxLimitsTests {

	private static final ReadLimits SMALL = new ReadLimits(4, 20, 6, 10, 40, 3);

	@TempDir
	Path dir;

	@Test // #9
	void columnsAtTheLimitAreReadOneMoreIsRefused() throws IOException {
		assertThat(scan(workbook("at.xlsx", 4, "1"), SMALL).columns()).hasSize(4);
		assertThatExceptionOfType(ReadLimitException.class)
			.isThrownBy(() -> scan(workbook("over.xlsx", 5, "1"), SMALL))
			.satisfies(ex -> assertThat(ex.limit()).isEqualTo(ReadLimits.Limit.COLUMNS))
			.withMessageContaining("over.xlsx: the header (row 1) is over the limit columns (at most 4 columns)");
	}

	@Test // #9
	void cellBytesAtTheLimitAreReadOneMoreIsRefused() throws IOException {
		assertThat(scan(workbook("at.xlsx", 2, "x".repeat(10)), SMALL).rows()).isEqualTo(1);
		assertThatExceptionOfType(ReadLimitException.class)
			.isThrownBy(() -> scan(workbook("over.xlsx", 2, "x".repeat(11)), SMALL))
			.satisfies(ex -> assertThat(ex.limit()).isEqualTo(ReadLimits.Limit.CELL_BYTES));
	}

	@Test // #9: a ZIP bomb gave an IOException, a 500 in the server
	void aZipBombIsRefusedAsUnreadableBeforeItIsExpanded() throws IOException {
		Path bomb = Workbooks.zipBomb(this.dir, "bomb.xlsx", 50 << 20);
		assertThat(Files.size(bomb)).isLessThan(1 << 20);
		long start = System.nanoTime();
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> scan(new XlsxSource(bomb), ReadLimits.DEFAULT))
			.withMessageContaining("bomb.xlsx cannot be read: a part of it expands to more than 100 times")
			.withMessageContaining("ZIP bomb");
		// listing the sheets stops at their first value; reading one expands it
		XlsxSource sheet = XlsxSource.sheets(bomb).get(0);
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> scan(sheet, ReadLimits.DEFAULT))
			.withMessageContaining("ZIP bomb");
		assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5_000);
	}

	private Path workbook(String name, int columns, String value) throws IOException {
		Path file = this.dir.resolve(name);
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = wb.createSheet("表");
			Row header = sheet.createRow(0);
			Row row = sheet.createRow(1);
			for (int c = 0; c < columns; c++) {
				header.createCell(c).setCellValue("c" + c);
				row.createCell(c).setCellValue(value);
			}
			wb.write(out);
		}
		return file;
	}

	private static ScanReport scan(Path file, ReadLimits limits) throws IOException {
		return scan(TableSource.open(file, limits), limits);
	}

	private static ScanReport scan(TableSource source, ReadLimits limits) throws IOException {
		try (source) {
			return new Scanner(ScanSettings.defaults(LocalDate.of(2026, 6, 30))).scan(source);
		}
	}

}
