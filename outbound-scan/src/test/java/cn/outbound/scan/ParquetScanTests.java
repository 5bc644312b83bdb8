package cn.outbound.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.outbound.tables.ParquetSource;
import cn.outbound.tables.TableSource;
import cn.outbound.tables.Tables;
import cn.outbound.testing.ParquetFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parquet on one machine (issue #12): a Parquet file of several row groups is scanned to the same report as a CSV file
 * of the same rows; only the table's name and format differ. Every value is synthetic (LabelledDataset).
 */
class ParquetScanTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	@TempDir
	Path dir;

	@Test // #12
	void aParquetFileOfSeveralRowGroupsIsReportedAsTheCsvOfTheSameRows() throws Exception {
		LabelledDataset data = new LabelledDataset(7, 3000, AS_OF);
		List<String> header = new ArrayList<>(data.labels.keySet());
		Path csv = this.dir.resolve("people.csv");
		Files.writeString(csv, csv(header, data.rows), StandardCharsets.UTF_8);
		Path parquet = ParquetFiles.strings(this.dir.resolve("people.parquet"), header, data.rows, 32 * 1024);

		try (TableSource source = Tables.open(parquet)) {
			assertThat(source).isInstanceOf(ParquetSource.class);
			assertThat(source.describe()).startsWith("Parquet, " + header.size() + " columns, ")
				.doesNotContain(" 1 row group");
		}
		JsonNode fromCsv = report(csv);
		JsonNode fromParquet = report(parquet);
		assertThat(fromParquet.get("rows").asLong()).isEqualTo(data.rows.size());
		assertThat(fromParquet.get("persons").get("distinct").asLong()).isEqualTo(data.distinctPersons);
		assertThat(withoutNameAndFormat(fromParquet)).isEqualTo(withoutNameAndFormat(fromCsv));
	}

	private static JsonNode report(Path file) throws IOException {
		try (TableSource source = Tables.open(file)) {
			return new ObjectMapper().readTree(ReportJson.write(new Scanner(ScanSettings.defaults(AS_OF)).scan(source)));
		}
	}

	private static JsonNode withoutNameAndFormat(JsonNode report) {
		ObjectNode copy = (ObjectNode) report.deepCopy();
		copy.remove("source");
		((ObjectNode) copy.get("details")).remove("format");
		return copy;
	}

	private static String csv(List<String> header, List<String[]> rows) {
		StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					sb.append(',');
				}
				String v = (row[i] != null) ? row[i] : "";
				sb.append(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
			}
			sb.append('\n');
		}
		return sb.toString();
	}

}
