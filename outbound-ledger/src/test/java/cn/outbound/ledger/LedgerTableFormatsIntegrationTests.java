package cn.outbound.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.outbound.ledger.db.Database;
import cn.outbound.rules.Basis;
import cn.outbound.testing.ParquetFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger records identifier columns from every format of the table module (issue #10): a GBK CSV, JSON Lines, a
 * workbook of several sheets and a Parquet file, each a real file, on embedded H2. Every identifier is synthetic.
 */
class LedgerTableFormatsIntegrationTests {

	@TempDir
	Path dir;

	private Database database;

	private Ledger ledger;

	@BeforeEach
	void open() throws IOException {
		this.database = TestDatabases.h2(this.dir);
		this.ledger = Ledger.open(this.database, LedgerSuite.KEY,
				LedgerSettings.defaults().withSpillDirectory(Files.createDirectory(this.dir.resolve("spill"))));
	}

	@AfterEach
	void close() {
		this.database.close();
	}

	private RecordResult record(String processor, IdentifierSource source) {
		return this.ledger.record(EventSpec.of(processor, "e1", LocalDate.of(2026, 3, 1), Basis.NONE),
				new Persons(PersonClass.NON_SENSITIVE, Persons.AUTO, source));
	}

	private long persons(String processor) {
		return this.ledger.status(processor, 2026, LocalDate.of(2026, 12, 31), Thresholds.NATIONAL_2024).individuals();
	}

	@Test
	void aGbkCsvIsRecordedByItsChineseColumnName() throws IOException {
		StringBuilder csv = new StringBuilder("姓名,身份证号\n");
		for (String id : TestIds.residentIds(0, 40)) {
			csv.append("张伟,").append(id).append('\n');
		}
		csv.append("王芳,").append(TestIds.residentId(3)).append('\n');
		Path file = Files.write(this.dir.resolve("客户.csv"), csv.toString().getBytes(Charset.forName("GBK")));
		RecordResult r = record("gbk", IdentifierSource.column(file, "身份证号"));
		assertThat(r.part(PersonClass.NON_SENSITIVE).identifiers()).isEqualTo(41);
		assertThat(persons("gbk")).isEqualTo(40);
	}

	@Test
	void jsonLinesAreRecordedAndALineThatIsNoObjectIsAnUnreadableRow() throws IOException {
		StringBuilder jsonl = new StringBuilder();
		for (String id : TestIds.residentIds(0, 10)) {
			jsonl.append("{\"id\":\"").append(id).append("\",\"extra\":{\"a\":[1,2]}}\n");
		}
		jsonl.append("[1,2]\n");
		Path file = Files.writeString(this.dir.resolve("ids.jsonl"), jsonl, StandardCharsets.UTF_8);
		assertThatThrownBy(() -> record("jsonl", IdentifierSource.column(file, "id")))
			.isInstanceOfSatisfying(InvalidIdentifiersException.class, ex -> {
				assertThat(ex.rows()).extracting(InvalidRow::row).containsExactly(11L);
				assertThat(ex.rows().get(0).reason()).contains("not a JSON object");
			});
		assertThat(persons("jsonl")).isZero();
		this.ledger.record(EventSpec.of("jsonl", "e1", LocalDate.of(2026, 3, 1), Basis.NONE),
				List.of(new Persons(PersonClass.NON_SENSITIVE, Persons.AUTO, IdentifierSource.column(file, "id"))),
				IngestOptions.DEFAULT.withSkipInvalid(true));
		assertThat(persons("jsonl")).isEqualTo(10);
	}

	@Test
	void everySheetOfAWorkbookIsRecordedAsOneEventAndASheetWithoutTheColumnRecordsNothing() throws IOException {
		Path book = this.dir.resolve("book.xlsx");
		workbook(book, "身份证号");
		RecordResult r = record("book", IdentifierSource.column(book, "身份证号"));
		assertThat(r.part(PersonClass.NON_SENSITIVE).persons()).isEqualTo(30);
		assertThat(persons("book")).isEqualTo(30);
		// the same workbook as an upload stream: copied aside, read, the copy deleted
		Path spool = Files.createDirectory(this.dir.resolve("uploads"));
		RecordResult again = this.ledger.record(EventSpec.of("book", "e2", LocalDate.of(2026, 3, 2), Basis.NONE),
				new Persons(PersonClass.NON_SENSITIVE, Persons.AUTO, IdentifierSource
					.column(new ByteArrayInputStream(Files.readAllBytes(book)), "upload", "身份证号", spool)));
		assertThat(again.part(PersonClass.NON_SENSITIVE).newThisYear()).isZero();
		assertThat(Files.list(spool).toList()).isEmpty();

		Path other = this.dir.resolve("other.xlsx");
		workbook(other, "证件号");
		assertThatThrownBy(() -> record("other", IdentifierSource.column(other, "身份证号")))
			.isInstanceOf(LedgerInputException.class)
			.hasMessageContaining("other.xlsx [二月]")
			.hasMessageContaining("证件号");
		assertThat(persons("other")).isZero();
	}

	@Test
	void aParquetFileOfSeveralRowGroupsIsRecorded() throws IOException {
		List<String[]> rows = new ArrayList<>();
		for (String id : TestIds.residentIds(0, 2000)) {
			rows.add(new String[] { id, "13900000000" });
		}
		Path file = ParquetFiles.strings(this.dir.resolve("ids.parquet"), List.of("身份证号", "手机"), rows, 8 * 1024);
		RecordResult r = record("parquet", IdentifierSource.column(file, "身份证号"));
		assertThat(r.part(PersonClass.NON_SENSITIVE).persons()).isEqualTo(2000);
		assertThat(persons("parquet")).isEqualTo(2000);
	}

	/** Sheet 一月: IDs 0–19; sheet 二月 (its column named {@code secondColumn}): IDs 10–29; an empty sheet. */
	private static void workbook(Path file, String secondColumn) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			fill(wb.createSheet("一月"), "身份证号", TestIds.residentIds(0, 20));
			fill(wb.createSheet("二月"), secondColumn, TestIds.residentIds(10, 30));
			wb.createSheet("说明");
			wb.write(out);
		}
	}

	private static void fill(Sheet sheet, String column, List<String> ids) {
		Row header = sheet.createRow(0);
		header.createCell(0).setCellValue("姓名");
		header.createCell(1).setCellValue(column);
		for (int i = 0; i < ids.size(); i++) {
			Row row = sheet.createRow(i + 1);
			row.createCell(0).setCellValue("张伟");
			row.createCell(1).setCellValue(ids.get(i));
		}
	}

}
