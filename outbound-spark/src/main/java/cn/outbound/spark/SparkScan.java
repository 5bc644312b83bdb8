package cn.outbound.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.storage.StorageLevel;

import cn.outbound.tables.CellDecoder;
import cn.outbound.tables.Cells;
import cn.outbound.tables.DelimitedBlockReader;
import cn.outbound.tables.ReadLimitException;
import cn.outbound.tables.ReadLimits;
import cn.outbound.tables.RowBlock;
import cn.outbound.tables.TableFormatException;
import cn.outbound.tables.TableReader;
import cn.outbound.scan.ScanReport;
import cn.outbound.scan.ScanSettings;
import cn.outbound.scan.SparkAdapter;

import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

/**
 * The scan on Spark. One pass over the data, in the executors, column-wise per partition with the scanner's own
 * worker ({@link SparkAdapter}); the persons are normalised and keyed-hashed there, made distinct per partition, and
 * counted exactly over the table by a group-by on the hash (never an estimate). What the driver holds is bounded:
 * the first rows (to choose the identifier columns, as the scanner does on its first 1,000), and the partitions'
 * counts and first samples, merged keeping only what can still be first.
 *
 * <p>
 * Rows are in table order by file (path order), then offset in the file, then line: the order in which the
 * single-machine scanner reads one file, so its report and this one are the same on the same data.
 */
public final class SparkScan {

	/** What the input is. */
	public enum Format {

		CSV, JSON, PARQUET, ORC, TABLE;

		boolean isText() {
			return this == CSV || this == JSON;
		}

		/** The format of a file by its name (a compression suffix ignored), or null. */
		static Format byName(String name) {
			String n = name.toLowerCase(Locale.ROOT);
			for (String z : List.of(".gz", ".bz2", ".zst", ".lz4", ".snappy", ".deflate")) {
				if (n.endsWith(z) && !n.endsWith(".snappy.parquet")) {
					n = n.substring(0, n.length() - z.length());
				}
			}
			if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt") || n.endsWith(".psv")) {
				return CSV;
			}
			if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
				return JSON;
			}
			if (n.endsWith(".parquet")) {
				return PARQUET;
			}
			if (n.endsWith(".orc")) {
				return ORC;
			}
			return null;
		}

	}

	/**
	 * Files (a file, a directory of part files, several of either: one table) or a catalog table.
	 * @param format the format, or null to tell it from the first file's name
	 */
	public record Input(List<String> paths, String table, Format format) {

		public static Input files(Format format, String... paths) {
			return new Input(List.of(paths), null, format);
		}

		public static Input table(String table) {
			return new Input(List.of(), table, Format.TABLE);
		}

		/** The name the report gives the table: the (first) path's last part, or the table's name. */
		public String name() {
			return (this.table != null) ? this.table : SparkAdapter.fileName(this.paths.get(0));
		}

	}

	/** How to scan, beyond the scanner's own settings. */
	public record Options(ScanSettings settings, ReadLimits limits, boolean rememberValues, boolean wholeFiles) {

		public static Options of(ScanSettings settings) {
			return new Options(settings, ReadLimits.DEFAULT, true, false);
		}

		public Options withRememberValues(boolean remember) {
			return new Options(this.settings, this.limits, remember, this.wholeFiles);
		}

		public Options withWholeFiles(boolean whole) {
			return new Options(this.settings, this.limits, this.rememberValues, whole);
		}

	}

	/** Test hooks: called between the stages (a test throws from one to stop the job there). */
	interface Stages {

		Stages NONE = new Stages() {
		};

		default void scanned() {
		}

		default void hashed(long handedToLedger) {
		}

	}

	static volatile Stages stages = Stages.NONE;

	/**
	 * The Spark setting that, set to {@code false}, reads Parquet and ORC files row by row as Spark's rows give them
	 * rather than from its column batches ({@link BatchTask}): the same report, more slowly.
	 */
	public static final String COLUMN_BATCHES = "spark.outbound.columnBatches";

	private SparkScan() {
	}

	/**
	 * The result: the report, and the distinct persons as keyed hashes with their classes, kept (on the executors,
	 * spilled to disk as needed) until {@link #close()}.
	 */
	public static final class Result implements AutoCloseable {

		private final ScanReport report;

		private final Dataset<Row> persons;

		private final Dataset<Row> classed;

		private final Dataset<Row> scanned;

		private final HashKey key;

		Result(ScanReport report, Dataset<Row> persons, Dataset<Row> classed, Dataset<Row> scanned, HashKey key) {
			this.report = report;
			this.persons = persons;
			this.classed = classed;
			this.scanned = scanned;
			this.key = key;
		}

		public ScanReport report() {
			return this.report;
		}

		/** Distinct persons: {@code hash} (32 bytes), {@code sensitive}, {@code nonSensitive} (the ledger's classes). */
		Dataset<Row> persons() {
			return this.persons;
		}

		HashKey key() {
			return this.key;
		}

		@Override
		public void close() {
			this.classed.unpersist();
			this.scanned.unpersist();
		}

	}

	/**
	 * Scans {@code input}, hashing persons under a key made for this run (the report needs no other).
	 * @throws TableFormatException for input that is not a table (as the scanner says it)
	 * @throws IllegalArgumentException for an unknown format, a missing path or table, an unknown --id-column
	 */
	public static Result scan(SparkSession spark, Input input, Options options) throws IOException {
		return scan(spark, input, options, HashKey.forThisRun());
	}

	/**
	 * Scans {@code input}.
	 * @param key the key the executors hash persons under ({@link HashKey#forThisRun()} or the ledger's)
	 * @throws TableFormatException for input that is not a table (as the scanner says it)
	 * @throws IllegalArgumentException for an unknown format, a missing path or table, an unknown --id-column
	 */
	static Result scan(SparkSession spark, Input input, Options options, HashKey key) throws IOException {
		Format format = input.format();
		Dataset<Row> df;
		List<String> files = List.of();
		if (input.table() != null) {
			if (!spark.catalog().tableExists(input.table())) {
				throw new IllegalArgumentException("--table " + input.table() + ": no such table in the catalog ("
						+ spark.catalog().currentCatalog() + "." + spark.catalog().currentDatabase() + ")");
			}
			df = spark.table(input.table());
			files = sorted(df.inputFiles());
		}
		else {
			for (String p : input.paths()) {
				Path path = new Path(p);
				if (!path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
					throw new IllegalArgumentException(p + ": no such file or directory");
				}
			}
			files = sorted(spark.read().text(input.paths().toArray(new String[0])).inputFiles());
			if (files.isEmpty()) {
				throw new IllegalArgumentException(String.join(", ", input.paths()) + " holds no file");
			}
			if (format == null) {
				format = Format.byName(files.get(0));
				if (format == null) {
					throw new IllegalArgumentException("cannot tell the format of " + SparkAdapter.fileName(files.get(0))
							+ " by its name: give --input-format csv, json, parquet or orc");
				}
			}
			df = null;
		}
		boolean whole = options.wholeFiles();
		while (true) {
			Result r = format.isText() ? scanText(spark, input, format, files, options.withWholeFiles(whole), key)
					: scanRows(spark, input, format, df, files, options, key);
			if (r != null) {
				return r;
			}
			// a quoted line break crossed a split: read again with one split per file
			whole = true;
		}
	}

	private static List<String> sorted(String[] files) {
		List<String> list = new ArrayList<>(Arrays.asList(files));
		list.sort(null);
		return list;
	}

	// ------------------------------------------------------------------ text: CSV and JSON Lines

	private static Result scanText(SparkSession spark, Input input, Format format, List<String> files,
			Options options, HashKey key) throws IOException {
		ReadLimits limits = options.limits();
		HadoopConf hadoop = new HadoopConf(spark.sparkContext().hadoopConfiguration());
		String previous = spark.conf().get("spark.sql.files.maxPartitionBytes");
		if (options.wholeFiles()) {
			spark.conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(Long.MAX_VALUE / 4));
		}
		try {
			Dataset<Row> lines = spark.read()
				// a line longer than any record the readers take is not read into memory (the readers refuse less)
				.option("mapreduce.input.linerecordreader.line.maxlength", String.valueOf(64 << 20))
				.text(input.paths().toArray(new String[0]))
				.select(col("value"), col("_metadata.file_path"), col("_metadata.file_block_start"),
						col("_metadata.file_block_length"), col("_metadata.file_size"));
			TextTask.Kind kind = (format == Format.CSV) ? TextTask.Kind.DELIMITED : TextTask.Kind.JSON_LINES;
			List<String> header;
			List<String> jsonKeys = null;
			if (kind == TextTask.Kind.JSON_LINES) {
				jsonKeys = jsonKeys(lines, limits);
				header = jsonKeys;
			}
			else {
				header = null;
			}
			FirstRows first = firstTextRows(spark, files, kind, jsonKeys, limits);
			if (header == null) {
				header = first.header;
			}
			SparkAdapter.Decision decision = SparkAdapter.decide(options.settings(), input.name(), header, first.rows,
					options.rememberValues());
			SparkAdapter.Plan plan = decision.plan();
			List<String> keys = jsonKeys;
			int[] l = limitsArray(limits);
			JavaRDD<InternalRow> rows = lines.queryExecution().toRdd().toJavaRDD();
			JavaRDD<Row> out = rows.mapPartitions(
					(FlatMapFunction<Iterator<InternalRow>, Row>) it -> new TextTask(plan, key, kind, keys, hadoop,
							limits(l), it));
			Dataset<Row> scanned = spark.createDataFrame(out, PartitionTask.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
			SparkAdapter.Merged merged = merge(scanned, plan);
			if (!merged.crossing().isEmpty() && !options.wholeFiles()) {
				scanned.unpersist();
				return null;
			}
			String describe = ((format == Format.CSV) ? "CSV" : "JSON Lines") + " on Spark, " + files.size()
					+ ((files.size() == 1) ? " file" : " files") + ", " + scanned.rdd().getNumPartitions()
					+ " partitions" + (options.wholeFiles() ? " (whole files)" : "");
			List<String> warnings = new ArrayList<>();
			if (options.wholeFiles() && !merged.crossing().isEmpty()) {
				warnings.add("a quoted field runs to the end of " + SparkAdapter.fileName(merged.crossing().get(0).file())
						+ " (an unterminated quote)");
			}
			return finish(spark, input, options, decision, merged, scanned, key, describe, files.size() > 1, warnings);
		}
		finally {
			spark.conf().set("spark.sql.files.maxPartitionBytes", previous);
		}
	}

	/** The table's first rows in table order, read on the driver with the scanner's readers, file after file. */
	private static FirstRows firstTextRows(SparkSession spark, List<String> files, TextTask.Kind kind,
			List<String> jsonKeys, ReadLimits limits) throws IOException {
		FirstRows first = new FirstRows();
		for (String file : files) {
			if (first.rows.size() >= SparkAdapter.DECIDE_AFTER) {
				break;
			}
			Path path = toPath(file);
			try (FSDataInputStream raw = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(path)) {
				String name = SparkAdapter.fileName(file);
				if (kind == TextTask.Kind.JSON_LINES) {
					// the keys line, then as many lines as can give the rows still wanted
					InputStream in = new java.io.SequenceInputStream(
							new java.io.ByteArrayInputStream(TextTask.keysLine(jsonKeys)),
							firstLines(raw, SparkAdapter.DECIDE_AFTER - first.rows.size()));
					try (TableReader reader = TableReader.open(in,
							name.toLowerCase(Locale.ROOT).endsWith(".jsonl") ? name : name + ".jsonl", limits)) {
						first.header = reader.header();
						boolean keysRow = true;
						while (reader.next() && first.rows.size() < SparkAdapter.DECIDE_AFTER) {
							if (keysRow) {
								keysRow = false;
								continue;
							}
							first.rows.add(strings(reader.cells()));
						}
					}
					continue;
				}
				TableReader.Opened opened = TableReader.openBlocksOrRows(raw, name, limits);
				if (opened.blocks() != null) {
					try (DelimitedBlockReader blocks = opened.blocks()) {
						check(first, blocks.header(), name);
						RowBlock block = blocks.newBlock();
						CellDecoder decoder = blocks.newDecoder();
						while (first.rows.size() < SparkAdapter.DECIDE_AFTER && blocks.next(block)) {
							for (int r = 0; r < block.rows() && first.rows.size() < SparkAdapter.DECIDE_AFTER; r++) {
								String[] row = new String[block.width()];
								for (int c = 0; c < row.length; c++) {
									int n = decoder.decode(block, block.cell(r, c));
									row[c] = new String(decoder.chars(), 0, n);
								}
								first.rows.add(row);
							}
						}
					}
				}
				else {
					try (TableReader reader = opened.rows()) {
						check(first, reader.header(), name);
						while (first.rows.size() < SparkAdapter.DECIDE_AFTER && reader.next()) {
							first.rows.add(strings(reader.cells()));
						}
					}
				}
			}
		}
		return first;
	}

	private static void check(FirstRows first, List<String> header, String name) {
		if (first.header == null) {
			first.header = header;
		}
		else if (!first.header.equals(header)) {
			throw new TableFormatException(name + ": its columns " + SparkAdapter.maskedNames(header)
					+ " are not the table's " + SparkAdapter.maskedNames(first.header)
					+ "; every file of a table needs the same header");
		}
	}

	/** The first {@code lines} non-blank lines of a stream (JSON Lines: one row each), and a line break after each. */
	private static InputStream firstLines(InputStream in, int lines) throws IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		java.io.BufferedInputStream b = new java.io.BufferedInputStream(in, 1 << 16);
		int seen = 0;
		boolean blank = true;
		int c;
		while (seen < lines && (c = b.read()) >= 0) {
			out.write(c);
			if (c == '\n') {
				if (!blank) {
					seen++;
				}
				blank = true;
			}
			else if (c != '\r' && c != ' ' && c != '\t') {
				blank = false;
			}
		}
		return new java.io.ByteArrayInputStream(out.toByteArray());
	}

	private static String[] strings(Cells cells) {
		String[] row = new String[cells.size()];
		for (int c = 0; c < row.length; c++) {
			row[c] = cells.string(c);
		}
		return row;
	}

	private static Path toPath(String file) {
		try {
			return new Path(new URI(file));
		}
		catch (URISyntaxException ex) {
			return new Path(file);
		}
	}

	/**
	 * JSON Lines: the table's columns, the union of the keys of every line in the order they first appear (as the
	 * scanner's reader makes them for one file), from each split's keys merged in table order.
	 */
	private static List<String> jsonKeys(Dataset<Row> lines, ReadLimits readLimits) {
		JavaRDD<InternalRow> rows = lines.queryExecution().toRdd().toJavaRDD();
		int[] l = limitsArray(readLimits);
		List<Row> perSplit = rows.mapPartitions((FlatMapFunction<Iterator<InternalRow>, Row>) it -> {
			ReadLimits limits = limits(l);
			List<Row> out = new ArrayList<>();
			InternalRow[] peek = new InternalRow[1];
			while (peek[0] != null || it.hasNext()) {
				InternalRow first = (peek[0] != null) ? peek[0] : it.next();
				peek[0] = null;
				String file = first.getUTF8String(1).toString();
				long start = first.getLong(2);
				List<byte[]> chunk = new ArrayList<>();
				chunk.add(first.getUTF8String(0).getBytes());
				while (it.hasNext()) {
					InternalRow next = it.next();
					if (next.getLong(2) != start || !next.getUTF8String(1).toString().equals(file)) {
						peek[0] = next;
						break;
					}
					chunk.add(next.getUTF8String(0).getBytes());
				}
				InputStream in = new LinesInput(chunk.iterator());
				String name = SparkAdapter.fileName(file);
				try (TableReader reader = TableReader.open(in,
						name.toLowerCase(Locale.ROOT).endsWith(".jsonl") ? name : name + ".jsonl", limits)) {
					out.add(RowFactory.create(file, start, reader.header().toArray(new String[0])));
				}
				catch (TableFormatException ex) {
					if (!ex.getMessage().contains("is empty")) {
						throw ex;
					}
				}
			}
			return out.iterator();
		}).collect();
		TreeMap<SparkAdapter.Segment, List<String>> ordered = new TreeMap<>();
		for (Row r : perSplit) {
			ordered.put(new SparkAdapter.Segment(r.getString(0), r.getLong(1)), List.of((String[]) r.get(2)));
		}
		Set<String> keys = new LinkedHashSet<>();
		for (List<String> k : ordered.values()) {
			keys.addAll(k);
			if (keys.size() > readLimits.columns()) {
				throw new ReadLimitException("the JSON Lines table", ReadLimits.Limit.COLUMNS, readLimits.columns(),
						"the keys");
			}
		}
		return List.copyOf(keys);
	}

	/** Read limits as a serializable array (ReadLimits is not), for the tasks. */
	private static int[] limitsArray(ReadLimits l) {
		return new int[] { l.columns(), l.headerBytes(), l.cellsPerRow(), l.cellBytes(), l.recordBytes(), l.jsonDepth() };
	}

	private static ReadLimits limits(int[] l) {
		return new ReadLimits(l[0], l[1], l[2], l[3], l[4], l[5]);
	}

	/** Lines as one stream, a line break after each. */
	private static final class LinesInput extends InputStream {

		private final Iterator<byte[]> lines;

		private byte[] current = new byte[0];

		private int pos;

		private boolean newline;

		LinesInput(Iterator<byte[]> lines) {
			this.lines = lines;
		}

		@Override
		public int read() {
			while (true) {
				if (this.pos < this.current.length) {
					return this.current[this.pos++] & 0xFF;
				}
				if (this.newline) {
					this.newline = false;
					return '\n';
				}
				if (!this.lines.hasNext()) {
					return -1;
				}
				this.current = this.lines.next();
				this.pos = 0;
				this.newline = true;
			}
		}

	}

	private static final class FirstRows {

		List<String> header;

		final List<String[]> rows = new ArrayList<>();

	}

	// ------------------------------------------------------------------ rows: Parquet, ORC, catalog tables

	private static Result scanRows(SparkSession spark, Input input, Format format, Dataset<Row> table,
			List<String> files, Options options, HashKey key) throws IOException {
		Dataset<Row> df = (table != null) ? table
				: spark.read().format(format.name().toLowerCase(Locale.ROOT)).load(input.paths().toArray(new String[0]));
		StructType schema = df.schema();
		List<String> header = Arrays.asList(df.columns());
		if (header.size() > options.limits().columns()) {
			throw new ReadLimitException(input.name(), ReadLimits.Limit.COLUMNS, options.limits().columns(), "the header");
		}
		List<Column> cells = new ArrayList<>();
		for (StructField f : schema.fields()) {
			cells.add(asText(f));
		}
		boolean withFiles = hasFileMetadata(df);
		List<Column> selected = new ArrayList<>(cells);
		if (withFiles) {
			selected.addAll(List.of(col("_metadata.file_path"), col("_metadata.file_block_start"),
					col("_metadata.file_block_length"), col("_metadata.file_size")));
		}
		Dataset<Row> rowsDf = df.select(selected.toArray(new Column[0]));
		List<String[]> firstRows = firstRows(rowsDf, header.size(), withFiles, files);
		SparkAdapter.Decision decision = SparkAdapter.decide(options.settings(), input.name(), header, firstRows,
				options.rememberValues());
		SparkAdapter.Plan plan = decision.plan();
		// a file scan that reads column batches gives them (the same cells, without a string per cell)
		BatchTask.Columnar columnar = (withFiles && columnBatches(spark)) ? BatchTask.of(rowsDf, header.size()) : null;
		JavaRDD<Row> out;
		if (columnar != null) {
			BatchTask.Layout layout = columnar.layout();
			out = columnar.batches().mapPartitionsWithIndex(
					(Function2<Integer, Iterator<ColumnarBatch>, Iterator<Row>>) (index, it) -> new BatchTask(plan, key,
							layout, index, it),
					false);
		}
		else {
			JavaRDD<InternalRow> rows = rowsDf.queryExecution().toRdd().toJavaRDD();
			out = rows.mapPartitionsWithIndex(
					(Function2<Integer, Iterator<InternalRow>, Iterator<Row>>) (index, it) -> new RowTask(plan, key,
							withFiles, index, it),
					false);
		}
		Dataset<Row> scanned = spark.createDataFrame(out, PartitionTask.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
		SparkAdapter.Merged merged = merge(scanned, plan);
		String describe = ((format == Format.TABLE) ? "table " + input.table() : format.name().charAt(0)
				+ format.name().substring(1).toLowerCase(Locale.ROOT)) + " on Spark, "
				+ (files.isEmpty() ? "" : files.size() + ((files.size() == 1) ? " file, " : " files, "))
				+ scanned.rdd().getNumPartitions() + " partitions" + ((columnar != null) ? ", column batches" : "");
		List<String> warnings = new ArrayList<>();
		if (!withFiles) {
			warnings.add("this table does not tell Spark its files: its rows were taken in the order of Spark's"
					+ " partitions, so the samples and the first 1,000 rows (identifier columns) follow that order");
		}
		return finish(spark, input, options, decision, merged, scanned, key, describe, false, warnings);
	}

	private static boolean columnBatches(SparkSession spark) {
		String v = spark.conf().get(COLUMN_BATCHES, "true").strip().toLowerCase(Locale.ROOT);
		if (!v.equals("true") && !v.equals("false")) {
			throw new IllegalArgumentException(COLUMN_BATCHES + " is '" + v + "': set it to true or false");
		}
		return v.equals("true");
	}

	/** A column as the scanner's text: strings as they are, nested values as JSON, anything else as Spark writes it. */
	private static Column asText(StructField f) {
		DataType t = f.dataType();
		Column c = col("`" + f.name().replace("`", "``") + "`");
		if (t instanceof StringType) {
			return c;
		}
		if (t instanceof StructType || t instanceof ArrayType || t instanceof MapType) {
			return to_json(c);
		}
		if (t instanceof BinaryType) {
			return c.cast(DataTypes.StringType);
		}
		return c.cast(DataTypes.StringType);
	}

	private static boolean hasFileMetadata(Dataset<Row> df) {
		try {
			df.select(col("_metadata.file_path")).schema();
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The first rows in table order: the first files' rows (each split's first rows, ordered by file and offset), or,
	 * without file metadata, the first partitions' rows.
	 */
	private static List<String[]> firstRows(Dataset<Row> rowsDf, int width, boolean withFiles, List<String> files) {
		int wanted = SparkAdapter.DECIDE_AFTER;
		JavaRDD<InternalRow> rdd = rowsDf.queryExecution().toRdd().toJavaRDD();
		if (!withFiles) {
			List<String[]> out = new ArrayList<>();
			for (int p = 0; p < rdd.getNumPartitions() && out.size() < wanted; p++) {
				int need = wanted - out.size();
				List<String[]>[] part = rdd.mapPartitions((FlatMapFunction<Iterator<InternalRow>, String[]>) it -> {
					List<String[]> rows = new ArrayList<>();
					while (it.hasNext() && rows.size() < need) {
						rows.add(strings(it.next(), width));
					}
					return rows.iterator();
				}).collectPartitions(new int[] { p });
				out.addAll(part[0]);
			}
			return out;
		}
		// usually the first file's first split is the first partition of a scan of that file: its first rows, read
		// as far as needed and no further
		if (!files.isEmpty()) {
			String first = files.get(0);
			Dataset<Row> one = rowsDf.where(col("_metadata.file_path").isin(first, metadataForm(first)));
			JavaRDD<InternalRow> oneRdd = one.queryExecution().toRdd().toJavaRDD();
			if (oneRdd.getNumPartitions() > 0) {
				List<Row>[] head = oneRdd.mapPartitions((FlatMapFunction<Iterator<InternalRow>, Row>) it -> {
					List<Row> rows = new ArrayList<>();
					while (it.hasNext() && rows.size() < wanted) {
						InternalRow r = it.next();
						rows.add(RowFactory.create(r.getUTF8String(width).toString(), r.getLong(width + 1),
								strings(r, width)));
					}
					return rows.iterator();
				}).collectPartitions(new int[] { 0 });
				List<Row> rows = head[0];
				boolean firstSplit = rows.size() == wanted;
				for (Row r : rows) {
					firstSplit &= r.getLong(1) == 0 && r.getString(0).equals(rows.get(0).getString(0));
				}
				if (firstSplit) {
					List<String[]> out = new ArrayList<>();
					for (Row r : rows) {
						out.add((String[]) r.get(2));
					}
					return out;
				}
			}
		}
		List<String[]> out = new ArrayList<>();
		int from = 0;
		int batch = 1;
		while (out.size() < wanted && from < files.size()) {
			List<String> some = files.subList(from, Math.min(files.size(), from + batch));
			// the file as the file index names it (file:///x) and as the rows' metadata does (file:/x)
			List<String> names = new ArrayList<>(some);
			for (String f : some) {
				names.add(metadataForm(f));
			}
			Dataset<Row> part = rowsDf.where(col("_metadata.file_path").isin(names.toArray()));
			List<Row> got = part.queryExecution().toRdd().toJavaRDD()
				.mapPartitions((FlatMapFunction<Iterator<InternalRow>, Row>) it -> {
					List<Row> rows = new ArrayList<>();
					String file = null;
					long start = -1;
					int n = 0;
					while (it.hasNext()) {
						InternalRow r = it.next();
						String f = r.getUTF8String(width).toString();
						long s = r.getLong(width + 1);
						if (s != start || !f.equals(file)) {
							file = f;
							start = s;
							n = 0;
						}
						if (n < wanted) {
							rows.add(RowFactory.create(f, s, n, strings(r, width)));
						}
						n++;
					}
					return rows.iterator();
				})
				.collect();
			List<Row> sortedRows = new ArrayList<>(got);
			sortedRows.sort((a, b) -> {
				int c = new SparkAdapter.Segment(a.getString(0), a.getLong(1))
					.compareTo(new SparkAdapter.Segment(b.getString(0), b.getLong(1)));
				return (c != 0) ? c : Integer.compare(a.getInt(2), b.getInt(2));
			});
			for (Row r : sortedRows) {
				if (out.size() < wanted) {
					out.add((String[]) r.get(3));
				}
			}
			from += some.size();
			batch *= 4;
		}
		return out;
	}

	/** A file's URI as a scan's {@code _metadata.file_path} gives it: without an empty authority (file:/x, not file:///x). */
	static String metadataForm(String file) {
		try {
			URI u = new URI(file);
			return new URI(u.getScheme(), u.getAuthority(), u.getPath(), u.getQuery(), u.getFragment()).toString();
		}
		catch (URISyntaxException ex) {
			return file;
		}
	}

	private static String[] strings(InternalRow r, int width) {
		String[] row = new String[width];
		for (int c = 0; c < width; c++) {
			row[c] = r.isNullAt(c) ? "" : r.getUTF8String(c).toString();
		}
		return row;
	}

	// ------------------------------------------------------------------ both

	/** The partitions' counts and first samples, merged in a tree (order-free, bounded) and brought to the driver. */
	private static SparkAdapter.Merged merge(Dataset<Row> scanned, SparkAdapter.Plan plan) {
		JavaRDD<byte[]> stats = scanned.where(col("kind").equalTo(PartitionTask.STATS))
			.select("stats")
			.toJavaRDD()
			.map(r -> (byte[]) r.get(0));
		return stats.treeAggregate(new SparkAdapter.Merged(plan),
				(m, bytes) -> m.add(PartitionTask.deserialize(bytes)), SparkAdapter.Merged::merge, 2);
	}

	/**
	 * Spark's setting that lets adaptive execution coalesce the shuffle partitions of a plan being cached; off by
	 * default, so that the persons' grouping would run in all {@code spark.sql.shuffle.partitions} (200) tasks however
	 * few the persons, and every later read of them too (on 128 MB of CSV, two stages of 200 tasks took a third of the
	 * job's executor CPU).
	 */
	static final String CACHED_COALESCING = "spark.sql.optimizer.canChangeCachedPlanOutputPartitioning";

	/**
	 * {@code df} persisted with its shuffle partitions left to adaptive execution (merged to about
	 * {@code spark.sql.adaptive.advisoryPartitionSizeInBytes} each, at most {@code spark.sql.shuffle.partitions}): the
	 * setting is on while the cached plan is made, then as it was.
	 */
	private static Dataset<Row> persistCoalesced(SparkSession spark, Dataset<Row> df) {
		String previous = spark.conf().contains(CACHED_COALESCING) ? spark.conf().get(CACHED_COALESCING) : null;
		spark.conf().set(CACHED_COALESCING, "true");
		try {
			return df.persist(StorageLevel.MEMORY_AND_DISK());
		}
		finally {
			if (previous != null) {
				spark.conf().set(CACHED_COALESCING, previous);
			}
			else {
				spark.conf().unset(CACHED_COALESCING);
			}
		}
	}

	private static Result finish(SparkSession spark, Input input, Options options, SparkAdapter.Decision decision,
			SparkAdapter.Merged merged, Dataset<Row> scanned, HashKey key, String describe, boolean fileNames,
			List<String> warnings) {
		stages.scanned();
		SparkAdapter.Columns columns = SparkAdapter.columns(options.settings(), merged);
		// the distinct persons: one row per keyed hash, its columns OR-ed and minor if any row says so
		Dataset<Row> partial = scanned.where(col("kind").equalTo(PartitionTask.PERSON));
		Dataset<Row> persons = partial.groupBy(col("hash"))
			.agg(bit_or(col("mask")).as("mask"), bool_or(col("minor")).as("minor"));
		Column sensitive = col("minor")
			.or(col("mask").bitwiseAND(lit(columns.sensitiveColumns())).notEqual(lit(0L)));
		Column other = not(col("minor")).and(col("mask").bitwiseAND(lit(columns.otherPiColumns())).notEqual(lit(0L)));
		Dataset<Row> classed = persistCoalesced(spark,
				persons.select(col("hash"), col("minor"), sensitive.as("sensitive"), other.as("other")));
		Row c = classed
			.agg(count(lit(1)), sum(when(col("minor"), 1L).otherwise(0L)), sum(when(col("sensitive"), 1L).otherwise(0L)),
					sum(when(col("other"), 1L).otherwise(0L)))
			.first();
		SparkAdapter.PersonCounts counts = new SparkAdapter.PersonCounts(c.getLong(0), c.isNullAt(3) ? 0 : c.getLong(3),
				c.isNullAt(2) ? 0 : c.getLong(2), c.isNullAt(1) ? 0 : c.getLong(1));
		ScanReport report = SparkAdapter.report(options.settings(), input.name(), describe, decision, merged, columns,
				counts, fileNames, warnings);
		Dataset<Row> ledgerClasses = classed.select(col("hash"), col("sensitive"),
				col("other").or(not(col("sensitive"))).as("nonSensitive"));
		return new Result(report, ledgerClasses, classed, scanned, key);
	}

}
