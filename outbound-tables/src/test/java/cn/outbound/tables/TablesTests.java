package cn.outbound.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.outbound.testing.ParquetFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Opening tables through the registry: one column of any format (the ledger's way in), a workbook's sheets, a stream
 * copied aside only when its format needs the whole file, Parquet's values as text, and the one capped stream. Every
 * value is synthetic.
 */
class TablesTests {

	@TempDir
	Path dir;

	private static final Charset GBK = Charset.forName("GBK");

	@Test
	void aColumnOfAGbkCsvIsReadByItsChineseName() throws IOException {
		Path csv = this.dir.resolve("客户.csv");
		Files.write(csv, "姓名;身份证号\n张伟;11010519491231002X\n王芳;\"110105194912310037\"\n".getBytes(GBK));
		assertThat(values(Tables.column(csv, "身份证号", ReadLimits.DEFAULT)))
			.containsExactly("2:11010519491231002X", "3:110105194912310037");
	}

	@Test
	void aColumnIsReadFromEverySheetWithDataInOrderWithEachSheetsRowNumbers() throws IOException {
		Path book = workbook(true);
		try (ColumnReader reader = Tables.column(book, "身份证号", ReadLimits.DEFAULT)) {
			assertThat(values(reader)).containsExactly("3:A1", "4:A2", "2:B1", "3:", "4:B3");
		}
	}

	@Test
	void aSheetWithoutTheColumnIsRefusedBeforeAnyRowIsRead() throws IOException {
		Path book = workbook(false);
		assertThatExceptionOfType(ColumnNotFoundException.class)
			.isThrownBy(() -> Tables.column(book, "身份证号", ReadLimits.DEFAULT))
			.withMessage("column '身份证号' is not in book.xlsx [二月]: its columns are [证件号, 备注]");
	}

	@Test
	void aWorkbookStreamIsCopiedAsideAndTheCopyDeletedOnClose() throws IOException {
		Path spool = Files.createDirectory(this.dir.resolve("spool"));
		byte[] bytes = Files.readAllBytes(workbook(true));
		try (ColumnReader reader = Tables.column(new ByteArrayInputStream(bytes), "upload", "身份证号", ReadLimits.DEFAULT,
				spool)) {
			assertThat(Files.list(spool).toList()).singleElement()
				.satisfies(p -> assertThat(p.getFileName().toString()).startsWith("outbound-table-").endsWith(".xlsx"));
			assertThat(values(reader)).hasSize(5);
		}
		assertThat(Files.list(spool).toList()).isEmpty();
		// text streams as it comes: nothing is copied
		try (ColumnReader reader = Tables.column(new ByteArrayInputStream("{\"id\":\"x\"}\n".getBytes()), "upload", "id",
				ReadLimits.DEFAULT, spool)) {
			assertThat(Files.list(spool).toList()).isEmpty();
			assertThat(values(reader)).containsExactly("1:x");
		}
	}

	@ParameterizedTest
	@EnumSource(value = CompressionCodecName.class, names = { "UNCOMPRESSED", "SNAPPY", "GZIP", "ZSTD", "LZ4_RAW" })
	void parquetValuesComeAsTextInOneFormWithEveryDefaultCodec(CompressionCodecName codec) throws IOException {
		MessageType schema = Types.buildMessage()
			.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("姓名")
			.optional(PrimitiveTypeName.DOUBLE).named("手机")
			.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("出生日期")
			.optional(PrimitiveTypeName.INT64)
			.as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MILLIS)).named("时间")
			.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.decimalType(2, 18)).named("金额")
			.optionalList().optionalElement(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("标签")
			.named("t");
		Path file = this.dir.resolve("t.parquet");
		try (ParquetWriter<Group> w = ParquetFiles.writer(file, schema, codec, 1024)) {
			SimpleGroupFactory f = new SimpleGroupFactory(schema);
			for (int i = 0; i < 300; i++) {
				Group g = f.newGroup().append("姓名", "张伟" + i);
				if (i == 0) {
					g.append("手机", 13812345678.0).append("出生日期", (int) LocalDate.of(1949, 12, 31).toEpochDay())
						.append("时间", 1_780_000_000_123L).append("金额", 12345L);
					Group list = g.addGroup("标签").addGroup("list");
					list.add("element", Binary.fromString("VIP"));
				}
				w.write(g);
			}
		}
		try (ParquetSource source = new ParquetSource(file)) {
			assertThat(source.header()).containsExactly("姓名", "手机", "出生日期", "时间", "金额", "标签");
			List<List<String>> rows = new ArrayList<>();
			while (source.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 0; i < source.header().size(); i++) {
					row.add(source.cells().string(i));
				}
				rows.add(row);
			}
			assertThat(rows).hasSize(300);
			assertThat(rows.get(0)).containsExactly("张伟0", "13812345678", "1949-12-31", "2026-05-28 20:26:40.123",
					new BigDecimal("123.45").toPlainString(), "{\"list\":[{\"element\":\"VIP\"}]}");
			assertThat(rows.get(299)).containsExactly("张伟299", "", "", "", "", "");
			assertThat(source.rowNumber()).isEqualTo(300);
			assertThat(source.describe()).startsWith("Parquet, 6 columns, ");
		}
	}

	@Test
	void parquetBeyondTheColumnLimitOrNotParquetAtAllIsRefused() throws IOException {
		Path file = ParquetFiles.strings(this.dir.resolve("wide.parquet"), List.of("a", "b", "c"),
				List.<String[]>of(new String[] { "1", "2", "3" }), 1024);
		assertThatExceptionOfType(ReadLimitException.class)
			.isThrownBy(() -> new ParquetSource(file, ReadLimits.DEFAULT.withColumns(2)))
			.withMessage("wide.parquet: the header is over the limit columns (at most 2 columns); the file was not read");
		new ParquetSource(file, ReadLimits.DEFAULT.withColumns(3)).close();
		Path fake = Files.writeString(this.dir.resolve("fake.parquet"), "PAR1 but not really");
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> Tables.open(fake))
			.withMessageStartingWith("fake.parquet is not a readable Parquet file");
	}

	@Test
	void theCappedStreamRefusesTheFirstByteOverTheCapAndSaysSo() throws IOException {
		CappedInputStream exact = new CappedInputStream(new ByteArrayInputStream(new byte[10]), 10);
		assertThat(exact.readAllBytes()).hasSize(10);
		assertThat(exact.exceeded()).isFalse();
		CappedInputStream over = new CappedInputStream(new ByteArrayInputStream(new byte[11]), 10);
		assertThatExceptionOfType(CappedInputStream.TooLargeException.class).isThrownBy(over::readAllBytes);
		assertThat(over.exceeded()).isTrue();
		CappedInputStream skipping = new CappedInputStream(new ByteArrayInputStream(new byte[11]), 10);
		assertThatExceptionOfType(CappedInputStream.TooLargeException.class).isThrownBy(() -> skipping.skip(11));
		InputStream late = new CappedInputStream(new ByteArrayInputStream(new byte[1]), 10, System.nanoTime() - 1);
		assertThatExceptionOfType(CappedInputStream.TimeoutException.class).isThrownBy(late::read);
	}

	private static List<String> values(ColumnReader reader) {
		List<String> out = new ArrayList<>();
		while (reader.next()) {
			out.add(reader.row() + ":" + reader.value());
		}
		reader.close();
		return out;
	}

	/**
	 * book.xlsx: sheet 一月 (a blank first row, the header on row 2), sheet 二月 (with the column, or without it), an
	 * empty sheet, which is no table.
	 */
	private Path workbook(boolean secondHasColumn) throws IOException {
		Path file = this.dir.resolve("book.xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet one = wb.createSheet("一月");
			one.createRow(0);
			row(one, 1, "姓名", "身份证号");
			row(one, 2, "张伟", "A1");
			row(one, 3, "王芳", "A2");
			Sheet two = wb.createSheet("二月");
			row(two, 0, secondHasColumn ? "身份证号" : "证件号", "备注");
			row(two, 1, "B1", "x");
			row(two, 2, "", "y");
			row(two, 3, "B3", "z");
			wb.createSheet("空");
			CellStyle unused = wb.createCellStyle();
			assertThat(unused).isNotNull();
			wb.write(out);
		}
		return file;
	}

	private static void row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			if (!values[i].isEmpty()) {
				row.createCell(i).setCellValue(values[i]);
			}
		}
	}

}
