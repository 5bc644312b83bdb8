package cn.outbound.scan;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.parquet.column.EncodingStats;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.outbound.spark.SharedSpark;
import cn.outbound.spark.SparkScan;
import cn.outbound.tables.TextSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Parquet and ORC files are read from Spark's column batches ({@code BatchTask}), and the report is the one the
 * row path gives on the same files (setting {@link SparkScan#COLUMN_BATCHES} to false) and the single-machine
 * scanner's on the same rows: string columns in dictionary-encoded pages, plain pages and column chunks that fall
 * back from the one to the other, nulls, several files, several row groups per file and several splits per file, and
 * columns that are not strings (which Spark casts to text).
 */
class SparkColumnBatchTests {

	static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path dir;

	static List<String> header;

	/** The rows of each of three files (40 rows at each cut in both files), some cells blanked (null in Parquet). */
	static List<List<String[]>> parts;

	static String savedMaxPartitionBytes;

	static String savedOpenCost;

	@BeforeAll
	static void data() {
		LabelledDataset data = new LabelledDataset(20261205, 1500, AS_OF);
		header = new ArrayList<>(data.labels.keySet());
		// and a column of a few values in some runs of rows and of distinct values in others (a dictionary that
		// outgrows its page and falls back to plain pages within a column chunk)
		header.add("tier");
		List<String[]> rows = new ArrayList<>();
		for (int r = 0; r < data.rows.size(); r++) {
			String[] row = java.util.Arrays.copyOf(data.rows.get(r), header.size());
			row[row.length - 1] = (r % 170 < 100) ? "T" + (r % 4) : "U" + r;
			if (r % 7 == 3) {
				row[r % row.length] = "";
			}
			rows.add(row);
		}
		int n = rows.size();
		parts = List.of(rows.subList(0, n / 3), rows.subList(n / 3 - 40, 2 * n / 3), rows.subList(2 * n / 3 - 40, n));
		SparkSession spark = SharedSpark.session();
		savedMaxPartitionBytes = spark.conf().get("spark.sql.files.maxPartitionBytes");
		savedOpenCost = spark.conf().get("spark.sql.files.openCostInBytes");
		// several splits per file
		spark.conf().set("spark.sql.files.maxPartitionBytes", "32768");
		spark.conf().set("spark.sql.files.openCostInBytes", "1024");
	}

	@AfterAll
	static void restore() {
		SharedSpark.session().conf().set("spark.sql.files.maxPartitionBytes", savedMaxPartitionBytes);
		SharedSpark.session().conf().set("spark.sql.files.openCostInBytes", savedOpenCost);
	}

	@AfterEach
	void columnBatchesBack() {
		SharedSpark.session().conf().unset(SparkScan.COLUMN_BATCHES);
	}

	@Test // #12
	void stringsInDictionaryPlainAndMixedPagesGiveTheRowPathsAndTheScannersReport() throws IOException {
		Path table = dir.resolve("strings");
		Files.createDirectories(table);
		Path dictionary = writeStrings(table.resolve("part-00000.parquet"), parts.get(0), true, 1 << 20);
		Path plain = writeStrings(table.resolve("part-00001.parquet"), parts.get(1), false, 1 << 20);
		Path mixed = writeStrings(table.resolve("part-00002.parquet"), parts.get(2), true, 256);
		// the files are what the test says: row groups, and pages of each encoding
		for (Path f : List.of(dictionary, plain, mixed)) {
			assertThat(rowGroups(f)).as(f.toString()).hasSizeGreaterThanOrEqualTo(3);
		}
		assertThat(chunks(dictionary)).anyMatch(s -> s.hasDictionaryEncodedPages() && !s.hasNonDictionaryEncodedPages());
		assertThat(chunks(plain)).allMatch(s -> !s.hasDictionaryPages() && s.hasNonDictionaryEncodedPages());
		assertThat(chunks(mixed)).anyMatch(s -> s.hasDictionaryEncodedPages() && s.hasNonDictionaryEncodedPages());
		assertThat(chunks(mixed)).anyMatch(s -> s.hasDictionaryEncodedPages() && !s.hasNonDictionaryEncodedPages());

		ScanReport batches = scan(table);
		assertThat(batches.details().format()).startsWith("Parquet on Spark, 3 files, ").endsWith(", column batches");
		assertThat(SparkScanEqualityTests.partitions(batches)).isGreaterThan(6);
		SharedSpark.session().conf().set(SparkScan.COLUMN_BATCHES, "false");
		ScanReport rows = scan(table);
		assertThat(rows.details().format()).doesNotContain("column batches");
		assertSameReport(batches, rows);
		assertSameReport(batches, singleMachine(header, concat(parts)));
	}

	@Test // #12
	void columnsThatAreNotStringsHaveSparksTextAsOnTheRowPath() throws IOException {
		Path table = dir.resolve("typed");
		Files.createDirectories(table);
		List<String> typedHeader = new ArrayList<>(header);
		typedHeader.addAll(List.of("visits", "opened", "balance", "active"));
		Types.MessageTypeBuilder builder = Types.buildMessage();
		for (String name : header) {
			builder.optional(PrimitiveType.PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
		}
		builder.optional(PrimitiveType.PrimitiveTypeName.INT32).named("visits");
		builder.optional(PrimitiveType.PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("opened");
		builder.optional(PrimitiveType.PrimitiveTypeName.DOUBLE).named("balance");
		builder.optional(PrimitiveType.PrimitiveTypeName.BOOLEAN).named("active");
		MessageType schema = builder.named("table");
		Random random = new Random(20261205);
		for (int k = 0; k < 2; k++) {
			try (ParquetWriter<Group> w = writer(table.resolve("part-0000" + k + ".parquet"), schema, true, 1 << 20)) {
				SimpleGroupFactory groups = new SimpleGroupFactory(schema);
				for (String[] row : parts.get(k)) {
					Group g = groups.newGroup();
					for (int i = 0; i < row.length; i++) {
						if (!row[i].isEmpty()) {
							g.add(i, row[i]);
						}
					}
					if (random.nextInt(10) > 0) {
						g.add(row.length, random.nextInt(2000) - 100);
					}
					if (random.nextInt(10) > 0) {
						g.add(row.length + 1, random.nextInt(20000));
					}
					if (random.nextInt(10) > 0) {
						g.add(row.length + 2, (random.nextInt(2_000_000) - 50_000) / 100.0);
					}
					g.add(row.length + 3, random.nextBoolean());
					w.write(g);
				}
			}
		}
		ScanReport batches = scan(table);
		assertThat(batches.details().format()).endsWith(", column batches");
		SharedSpark.session().conf().set(SparkScan.COLUMN_BATCHES, "false");
		ScanReport rows = scan(table);
		assertSameReport(batches, rows);
		// Spark's own text of the same rows, read through its rows, as a CSV for the single-machine scanner
		SparkSession spark = SharedSpark.session();
		List<Column> asText = new ArrayList<>();
		for (String name : typedHeader) {
			asText.add(col(name).cast(DataTypes.StringType));
		}
		List<String[]> text = new ArrayList<>();
		for (int k = 0; k < 2; k++) {
			for (Row r : spark.read()
				.parquet(table.resolve("part-0000" + k + ".parquet").toString())
				.select(asText.toArray(new Column[0]))
				.collectAsList()) {
				String[] row = new String[r.length()];
				for (int i = 0; i < row.length; i++) {
					row[i] = r.isNullAt(i) ? "" : r.getString(i);
				}
				text.add(row);
			}
		}
		assertThat(text).hasSize(parts.get(0).size() + parts.get(1).size());
		assertThat(text.get(0)[header.size() + 1]).matches("\\d{4}-\\d{2}-\\d{2}");
		assertSameReport(batches, singleMachine(typedHeader, text));
	}

	@Test // #12
	void orcIsReadFromColumnBatchesToo() throws IOException {
		Path table = dir.resolve("orc");
		Files.createDirectories(table);
		SparkSession spark = SharedSpark.session();
		org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType();
		for (String h : header) {
			schema = schema.add(h, DataTypes.StringType, true);
		}
		for (int k = 0; k < parts.size(); k++) {
			List<Row> rows = new ArrayList<>();
			for (String[] r : parts.get(k)) {
				Object[] values = new Object[r.length];
				for (int i = 0; i < r.length; i++) {
					values[i] = r[i].isEmpty() ? null : r[i];
				}
				rows.add(org.apache.spark.sql.RowFactory.create(values));
			}
			Path tmp = dir.resolve("orc-tmp-" + k);
			spark.createDataFrame(rows, schema).coalesce(1).write().orc(tmp.toString());
			try (Stream<Path> files = Files.list(tmp)) {
				Files.move(files.filter(f -> f.toString().endsWith(".orc")).findFirst().orElseThrow(),
						table.resolve("part-0000" + k + ".orc"));
			}
		}
		ScanReport batches = scan(table);
		assertThat(batches.details().format()).startsWith("Orc on Spark, 3 files, ").endsWith(", column batches");
		assertSameReport(batches, singleMachine(header, concat(parts)));
	}

	@Test // #12
	void aSettingThatIsNotTrueOrFalseIsRefused() throws IOException {
		Path table = dir.resolve("refused");
		Files.createDirectories(table);
		writeStrings(table.resolve("part-00000.parquet"), parts.get(0).subList(0, 10), true, 1 << 20);
		SharedSpark.session().conf().set(SparkScan.COLUMN_BATCHES, "sometimes");
		assertThatThrownBy(() -> scan(table)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("spark.outbound.columnBatches is 'sometimes': set it to true or false");
	}

	// ------------------------------------------------------------------ helpers

	static ScanReport scan(Path table) throws IOException {
		try (SparkScan.Result r = SparkScan.scan(SharedSpark.session(),
				SparkScan.Input.files(null, table.toString()),
				SparkScan.Options.of(ScanSettings.defaults(AS_OF)))) {
			return r.report();
		}
	}

	static ScanReport singleMachine(List<String> columns, List<String[]> rows) throws IOException {
		Path file = Files.createTempFile(dir, "single", ".csv");
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(String.join(",", columns));
			w.write("\r\n");
			for (String[] row : rows) {
				for (int i = 0; i < row.length; i++) {
					if (i > 0) {
						w.write(',');
					}
					String cell = row[i];
					w.write((cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0) ? '"' + cell.replace("\"", "\"\"") + '"'
							: cell);
				}
				w.write("\r\n");
			}
		}
		Path named = file.resolveSibling(file.getFileName().toString().replace(".csv", "")).resolve("people.csv");
		Files.createDirectories(named.getParent());
		Files.move(file, named);
		try (TextSource source = new TextSource(named)) {
			return new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
		}
	}

	/** Equal reports but for how the data was read, and the source's name (the table's directory). */
	static void assertSameReport(ScanReport a, ScanReport b) {
		ObjectNode x = (ObjectNode) JSON.readTree(ReportJson.write(a));
		ObjectNode y = (ObjectNode) JSON.readTree(ReportJson.write(b));
		for (ObjectNode n : List.of(x, y)) {
			n.remove("source");
			((ObjectNode) n.get("details")).remove("format");
		}
		assertThat(x).isEqualTo(y);
	}

	static List<String[]> concat(List<List<String[]>> lists) {
		List<String[]> all = new ArrayList<>();
		lists.forEach(all::addAll);
		return all;
	}

	static Path writeStrings(Path file, List<String[]> rows, boolean dictionary, int dictionaryPageBytes)
			throws IOException {
		Types.MessageTypeBuilder builder = Types.buildMessage();
		for (String name : header) {
			builder.optional(PrimitiveType.PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
		}
		MessageType schema = builder.named("table");
		try (ParquetWriter<Group> w = writer(file, schema, dictionary, dictionaryPageBytes)) {
			SimpleGroupFactory groups = new SimpleGroupFactory(schema);
			for (String[] row : rows) {
				Group g = groups.newGroup();
				for (int i = 0; i < row.length; i++) {
					if (!row[i].isEmpty()) {
						g.add(i, row[i]);
					}
				}
				w.write(g);
			}
		}
		return file;
	}

	/** Row groups of 150 rows (several per file), pages of 20 rows. */
	static ParquetWriter<Group> writer(Path file, MessageType schema, boolean dictionary, int dictionaryPageBytes)
			throws IOException {
		return ExampleParquetWriter.builder(new LocalOutputFile(file))
			.withConf(new PlainParquetConfiguration())
			.withType(schema)
			.withRowGroupRowCountLimit(150)
			.withPageRowCountLimit(20)
			.withMinRowCountForPageSizeCheck(1)
			.withDictionaryEncoding(dictionary)
			.withDictionaryPageSize(dictionaryPageBytes)
			.build();
	}

	static List<BlockMetaData> rowGroups(Path file) throws IOException {
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
			return reader.getFooter().getBlocks();
		}
	}

	static List<EncodingStats> chunks(Path file) throws IOException {
		List<EncodingStats> all = new ArrayList<>();
		for (BlockMetaData b : rowGroups(file)) {
			for (ColumnChunkMetaData c : b.getColumns()) {
				all.add(c.getEncodingStats());
			}
		}
		return all;
	}

}
