package cn.outbound.tables;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The one registry of formats: extensions, media types, content and the messages it gives. */
class TableFormatTests {

	private static final byte[] ZIP = { 'P', 'K', 3, 4, 0, 0 };

	private static final byte[] PARQUET = { 'P', 'A', 'R', '1', 0, 0 };

	private static final byte[] TEXT = "姓名,手机\n".getBytes(StandardCharsets.UTF_8);

	@Test
	void extensionsNameTheirFormatsInAnyCase() {
		assertThat(TableFormat.byExtension("a.CSV")).contains(TableFormat.DELIMITED);
		assertThat(TableFormat.byExtension("a.tsv")).contains(TableFormat.DELIMITED);
		assertThat(TableFormat.byExtension("a.ndjson")).contains(TableFormat.JSON_LINES);
		assertThat(TableFormat.byExtension("客户.xlsx")).contains(TableFormat.XLSX);
		assertThat(TableFormat.byExtension("a.parquet")).contains(TableFormat.PARQUET);
		assertThat(TableFormat.byExtension("a.xls")).isEmpty();
		assertThat(TableFormat.byExtension("parquet")).isEmpty();
		assertThat(TableFormat.byExtension("a.")).isEmpty();
		assertThat(TableFormat.extensions()).containsExactly("csv", "tsv", "txt", "psv", "jsonl", "ndjson", "json",
				"xlsx", "xlsm", "parquet");
		assertThat(TableFormat.extensionList()).startsWith(".csv, .tsv").endsWith(".parquet");
	}

	@Test
	void mediaTypesNameTheirFormatsWithoutParameters() {
		assertThat(TableFormat.byMediaType("text/csv; charset=GBK")).contains(TableFormat.DELIMITED);
		assertThat(TableFormat.byMediaType("Application/X-NDJSON")).contains(TableFormat.JSON_LINES);
		assertThat(TableFormat.byMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.contains(TableFormat.XLSX);
		assertThat(TableFormat.byMediaType("application/vnd.apache.parquet")).contains(TableFormat.PARQUET);
		assertThat(TableFormat.byMediaType("application/json")).isEmpty();
		assertThat(TableFormat.byMediaType(null)).isEmpty();
	}

	@Test
	void contentDecidesForAnUntellingNameAndTheNameForText() {
		assertThat(TableFormat.detect("upload", ZIP, ZIP.length)).isEqualTo(TableFormat.XLSX);
		assertThat(TableFormat.detect("upload", PARQUET, PARQUET.length)).isEqualTo(TableFormat.PARQUET);
		assertThat(TableFormat.detect("upload", TEXT, TEXT.length)).isEqualTo(TableFormat.DELIMITED);
		assertThat(TableFormat.detect("a.jsonl", TEXT, TEXT.length)).isEqualTo(TableFormat.JSON_LINES);
		assertThat(TableFormat.detect("a.xlsx", ZIP, ZIP.length)).isEqualTo(TableFormat.XLSX);
		// a workbook's name on text: the workbook reader says it is not one
		assertThat(TableFormat.detect("a.xlsx", TEXT, TEXT.length)).isEqualTo(TableFormat.XLSX);
		assertThat(TableFormat.detect("a.bin", PARQUET, 3)).isEqualTo(TableFormat.DELIMITED);
	}

	@Test
	void aLegacyWorkbookOrABinaryFileNamedAsTextIsRefusedWithAMessage() {
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> TableFormat.detect("old.XLS", ZIP, 6))
			.withMessage("old.XLS is a legacy .xls workbook; save it as .xlsx or CSV and read that");
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> TableFormat.detect("a.csv", ZIP, 6))
			.withMessageContaining("a.csv is a ZIP archive (an Excel workbook?)");
		assertThatExceptionOfType(TableFormatException.class)
			.isThrownBy(() -> TableFormat.detect("a.jsonl", PARQUET, 6))
			.withMessage("a.jsonl is a Parquet file, not JSON Lines; name it .parquet");
	}

	@Test
	void theFormatsHaveNamesInBothLanguages() {
		assertThat(TableFormat.names(Locale.ENGLISH)).isEqualTo(
				"delimited text (CSV/TSV, UTF-8 or GBK), JSON Lines, Excel workbook (.xlsx), Parquet");
		assertThat(TableFormat.names(Locale.SIMPLIFIED_CHINESE)).startsWith("分隔符文本").contains("、Excel 工作簿（.xlsx）、");
	}

	@Test // #11 item 5: the scan page's format line in the page's language
	void aSourcesDescriptionReadsInChinese() {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		assertThat(TableFormat.described(TableReader.describeDelimited(StandardCharsets.UTF_8, ','), zh))
			.isEqualTo("分隔符文本，UTF-8，分隔符为“,”");
		assertThat(TableFormat.described(TableReader.describeDelimited(StandardCharsets.UTF_8, '\t'), zh))
			.isEqualTo("分隔符文本，UTF-8，分隔符为制表符");
		assertThat(TableFormat.described("JSON Lines, GBK", zh)).isEqualTo("JSON Lines，GBK");
		assertThat(TableFormat.described("Excel workbook, sheet '客户', 1 of 2", zh))
			.isEqualTo("Excel 工作簿，工作表“客户”（第 1 个，共 2 个）");
		assertThat(TableFormat.described("Parquet, 3 columns, 1 row group", zh)).isEqualTo("Parquet，3 列，1 个行组");
		assertThat(TableFormat.described("delimited text, UTF-8, delimiter ','", Locale.ENGLISH))
			.isEqualTo("delimited text, UTF-8, delimiter ','");
		assertThat(TableFormat.described("something else", zh)).isEqualTo("something else");
	}

}
