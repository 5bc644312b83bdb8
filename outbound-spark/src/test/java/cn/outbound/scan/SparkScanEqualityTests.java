package cn.outbound.scan;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.outbound.pii.detect.PiType;
import cn.outbound.tables.TextSource;
import cn.outbound.spark.SharedSpark;
import cn.outbound.spark.SparkScan;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Spark scan's report equals the single-machine scanner's, field by field, on the scanner's own labelled data
 * ({@link LabelledDataset}) cut into several files (rows of the same persons in more than one file) and several splits
 * per file, as CSV, JSON Lines, Parquet and ORC: counts, persons and minors, samples (the first in table order),
 * identifier columns, warnings, suggestions, the draft scenario. Only {@code details.format} differs (it says how the
 * data was read). And both agree with the generator's labels.
 */
class SparkScanEqualityTests {

	static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path dir;

	static LabelledDataset data;

	static List<String> header;

	/** The rows of each part file, in order; the single-machine file is their concatenation. */
	static List<List<String[]>> parts;

	static ScanReport local;

	static String savedMaxPartitionBytes;

	@BeforeAll
	static void data() throws IOException {
		data = new LabelledDataset(20261204, 1500, AS_OF);
		header = new ArrayList<>(data.labels.keySet());
		List<String[]> rows = data.rows;
		int n = rows.size();
		// three files; 40 rows at each cut appear in both files around it (persons split across files)
		parts = List.of(rows.subList(0, n / 3), rows.subList(n / 3 - 40, 2 * n / 3),
				rows.subList(2 * n / 3 - 40, n));
		Path single = dir.resolve("single").resolve("people.csv");
		Files.createDirectories(single.getParent());
		List<String[]> all = new ArrayList<>();
		parts.forEach(all::addAll);
		writeCsv(single, all);
		try (TextSource source = new TextSource(single)) {
			local = new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
		}
		SparkSession spark = SharedSpark.session();
		savedMaxPartitionBytes = spark.conf().get("spark.sql.files.maxPartitionBytes");
		// several splits per file, so that rows, samples and persons come from many partitions
		spark.conf().set("spark.sql.files.maxPartitionBytes", "65536");
		spark.conf().set("spark.sql.files.openCostInBytes", "1024");
	}

	@AfterAll
	static void restore() {
		SharedSpark.session().conf().set("spark.sql.files.maxPartitionBytes", savedMaxPartitionBytes);
	}

	@Test // #12
	void csvInSeveralFilesAndSplitsGivesTheSingleMachineReport() throws IOException {
		Path table = dir.resolve("csv").resolve("people.csv");
		Files.createDirectories(table);
		for (int k = 0; k < parts.size(); k++) {
			writeCsv(table.resolve("part-0000" + k + ".csv"), parts.get(k));
		}
		ScanReport spark = scan(SparkScan.Input.files(null, table.toString()));
		assertSameReport(spark, local);
		assertThat(spark.details().format()).startsWith("CSV on Spark, 3 files, ");
		assertThat(partitions(spark)).isGreaterThan(6);
	}

	@Test // #12
	void jsonLinesGiveTheSingleMachineReportOfTheSameLines() throws IOException {
		Path table = dir.resolve("json").resolve("people.jsonl");
		Files.createDirectories(table);
		List<String[]> all = new ArrayList<>();
		for (int k = 0; k < parts.size(); k++) {
			writeJsonl(table.resolve("part-0000" + k + ".jsonl"), parts.get(k));
			all.addAll(parts.get(k));
		}
		Path single = dir.resolve("single-json").resolve("people.jsonl");
		Files.createDirectories(single.getParent());
		writeJsonl(single, all);
		ScanReport reference;
		try (TextSource source = new TextSource(single)) {
			reference = new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
		}
		ScanReport spark = scan(SparkScan.Input.files(null, table.toString()));
		assertSameReport(spark, reference);
		assertThat(spark.details().format()).startsWith("JSON Lines on Spark");
	}

	@Test // #12
	void parquetGivesTheSingleMachineReportOfTheSameRowsAsCsv() throws IOException {
		Path table = writeColumnar("parquet");
		ScanReport spark = scan(SparkScan.Input.files(null, table.toString()));
		assertSameReport(spark, local);
		assertThat(spark.details().format()).startsWith("Parquet on Spark, 3 files");
	}

	@Test // #12
	void orcGivesTheSingleMachineReportOfTheSameRowsAsCsv() throws IOException {
		Path table = writeColumnar("orc");
		ScanReport spark = scan(SparkScan.Input.files(null, table.toString()));
		assertSameReport(spark, local);
	}

	@Test // #12
	void aCatalogTableGivesTheSingleMachineReportOfTheSameRows() throws IOException {
		SparkSession spark = SharedSpark.session();
		spark.sql("create database if not exists lake");
		List<Row> rows = new ArrayList<>();
		for (List<String[]> part : parts) {
			for (String[] r : part) {
				Object[] values = new Object[r.length];
				for (int i = 0; i < r.length; i++) {
					values[i] = r[i].isEmpty() ? null : r[i];
				}
				rows.add(RowFactory.create(values));
			}
		}
		// one file, so that the table's order is the rows' order
		spark.createDataFrame(rows, stringSchema()).coalesce(1).write().format("parquet").saveAsTable("lake.people");
		ScanReport spark1 = scan(SparkScan.Input.table("lake.people"));
		assertThat(spark1.source()).isEqualTo("lake.people");
		assertThat(spark1.details().format()).startsWith("table lake.people on Spark, 1 file");
		ObjectNode a = (ObjectNode) JSON.readTree(ReportJson.write(spark1));
		ObjectNode b = (ObjectNode) JSON.readTree(ReportJson.write(local));
		for (ObjectNode n : List.of(a, b)) {
			n.remove("source");
			((ObjectNode) n.get("details")).remove("format");
		}
		assertThat(a).isEqualTo(b);
		assertThatThrownBy(() -> scan(SparkScan.Input.table("lake.peple"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("--table lake.peple: no such table in the catalog");
	}

	@Test // #12
	void agreesWithTheLabels() throws IOException {
		Path table = dir.resolve("labels").resolve("people.csv");
		Files.createDirectories(table);
		writeCsv(table.resolve("part-00000.csv"), data.rows);
		ScanReport spark = scan(SparkScan.Input.files(null, table.toString()));
		for (ScanReport.Column c : spark.columns()) {
			String label = data.labels.get(c.name());
			List<String> personal = c.types().stream().filter(t -> PiType.valueOf(t).isPersonal()).toList();
			if (label == null) {
				assertThat(personal).as("decoy column %s", c.name()).isEmpty();
			}
			else {
				assertThat(c.types()).as("column %s", c.name()).contains(label);
			}
		}
		assertThat(spark.persons().distinct()).isEqualTo(data.distinctPersons);
		assertThat(spark.persons().minors()).isEqualTo(data.minors);
		String json = ReportJson.write(spark);
		for (String[] row : data.rows.subList(0, 50)) {
			assertThat(json).doesNotContain(row[0].strip());
		}
	}

	static ScanReport scan(SparkScan.Input input) throws IOException {
		try (SparkScan.Result r = SparkScan.scan(SharedSpark.session(), input,
				SparkScan.Options.of(ScanSettings.defaults(AS_OF)))) {
			return r.report();
		}
	}

	static int partitions(ScanReport r) {
		String f = r.details().format();
		String[] words = f.split(" ");
		for (int i = 1; i < words.length; i++) {
			if (words[i].startsWith("partitions")) {
				return Integer.parseInt(words[i - 1]);
			}
		}
		return 0;
	}

	static void assertSameReport(ScanReport spark, ScanReport single) {
		ObjectNode a = (ObjectNode) JSON.readTree(ReportJson.write(spark));
		ObjectNode b = (ObjectNode) JSON.readTree(ReportJson.write(single));
		((ObjectNode) a.get("details")).remove("format");
		((ObjectNode) b.get("details")).remove("format");
		for (String field : List.of("source", "rows", "columns", "persons", "suggestedItems", "scenario", "details",
				"scenarioStatus")) {
			JsonNode x = a.get(field);
			JsonNode y = b.get(field);
			assertThat(x).as(field).isEqualTo(y);
		}
		assertThat(a).isEqualTo(b);
	}

	static Path writeColumnar(String format) throws IOException {
		SparkSession spark = SharedSpark.session();
		StructType schema = stringSchema();
		Path table = dir.resolve(format).resolve("people.csv");
		Files.createDirectories(table);
		for (int k = 0; k < parts.size(); k++) {
			List<Row> rows = new ArrayList<>();
			for (String[] r : parts.get(k)) {
				Object[] values = new Object[r.length];
				for (int i = 0; i < r.length; i++) {
					values[i] = r[i].isEmpty() ? null : r[i];
				}
				rows.add(RowFactory.create(values));
			}
			Path tmp = dir.resolve(format + "-tmp-" + k);
			spark.createDataFrame(rows, schema).coalesce(1).write().format(format).save(tmp.toString());
			try (Stream<Path> files = Files.list(tmp)) {
				Path written = files.filter(f -> f.getFileName().toString().endsWith("." + format)).findFirst().orElseThrow();
				Files.move(written, table.resolve("part-0000" + k + "." + format));
			}
		}
		return table;
	}

	static StructType stringSchema() {
		StructType schema = new StructType();
		for (String h : header) {
			schema = schema.add(h, DataTypes.StringType, true);
		}
		return schema;
	}

	static void writeCsv(Path file, List<String[]> rows) throws IOException {
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(String.join(",", header));
			w.write("\r\n");
			for (String[] row : rows) {
				for (int i = 0; i < row.length; i++) {
					if (i > 0) {
						w.write(',');
					}
					String cell = row[i];
					if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0) {
						w.write('"' + cell.replace("\"", "\"\"") + '"');
					}
					else {
						w.write(cell);
					}
				}
				w.write("\r\n");
			}
		}
	}

	static void writeJsonl(Path file, List<String[]> rows) throws IOException {
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (String[] row : rows) {
				Map<String, String> m = new LinkedHashMap<>();
				for (int i = 0; i < row.length; i++) {
					m.put(header.get(i), row[i]);
				}
				w.write(JSON.writeValueAsString(m));
				w.write('\n');
			}
		}
	}

}
