package cn.outbound.scan.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;

import cn.outbound.scan.ScanReport;
import cn.outbound.scan.ScanSettings;
import cn.outbound.scan.Scanner;
import cn.outbound.tables.ParquetSource;
import cn.outbound.tables.TextSource;
import cn.outbound.spark.SparkScan;

/**
 * The Spark scan against the single-machine scanner, in the same run, on the scanner's benchmark file
 * ({@link ScanBenchmark#generate}: 20 mixed columns, made once under {@code outbound-spark/target/bench}) as CSV and
 * as Parquet (converted with Spark): the scanner with every core, then the Spark job in {@code local[1]} and
 * {@code local[2]}. MB/s are of the CSV's bytes for both inputs (the same rows: a measure of rows per second, the
 * work the targets compare), wall clock, with the bytes read from disk per second beside them ("file MB/s", 5 times
 * smaller for Parquet), the process's CPU seconds and the load average before and after each pass. The scanner and each Spark session first scan 8 MiB of
 * the same data untimed (start-up, class loading, JIT). Not a test; see the README for the command.
 *
 * <p>
 * Arguments: the file's size in MiB (default 1024), and optionally which passes to run, of
 * {@code scanner-csv,scanner-parquet,csv1,csv2,parquet1,parquet2} (all by default). {@code outbound-spark/bench/run.sh}
 * runs the local[1] passes in a JVM pinned to one core.
 */
public final class SparkScanBenchmark {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	private static final java.lang.management.OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

	private SparkScanBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		long mib = (args.length > 0) ? Long.parseLong(args[0]) : 1024;
		String passes = (args.length > 1) ? args[1] : "scanner-csv,scanner-parquet,csv1,csv2,parquet1,parquet2";
		Path dir = Path.of("outbound-spark", "target", "bench");
		Files.createDirectories(dir);
		Path csv = dir.resolve("bench-" + mib + "m.csv");
		if (!Files.exists(csv)) {
			System.out.println("writing " + csv + " ...");
			ScanBenchmark.generate(csv, mib << 20);
		}
		long bytes = Files.size(csv);
		Path parquet = dir.resolve("bench-" + mib + "m.parquet");
		System.out.printf(Locale.ROOT, "file: %,d bytes; %d cores; java %s%n", bytes, Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"));
		System.out.println("| pass | rows | wall s | MB/s | file MB/s | CPU s | MB per CPU-s | load before → after | persons |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		Path small = dir.resolve("bench-8m.csv");
		if (!Files.exists(small)) {
			ScanBenchmark.generate(small, 8 << 20);
		}
		if (passes.contains("scanner-")) {
			// the scanner warmed up on the same 8 MiB as each Spark session, untimed
			try (TextSource source = new TextSource(small)) {
				new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
			}
		}
		if (passes.contains("scanner-csv")) {
			pass("scanner-csv", "scanner (" + Runtime.getRuntime().availableProcessors() + " threads), CSV", bytes, bytes, () -> {
				try (TextSource source = new TextSource(csv)) {
					return new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
				}
			});
		}
		Path oneParquet = dir.resolve("bench-" + mib + "m-one.parquet");
		if (passes.contains("scanner-parquet")) {
			if (!Files.exists(oneParquet)) {
				SparkSession spark = session("local[2]");
				try {
					convertToOneFile(spark, csv, oneParquet);
				}
				finally {
					spark.stop();
				}
			}
			pass("scanner-parquet", "scanner (" + Runtime.getRuntime().availableProcessors() + " threads), Parquet (one file, "
					+ String.format(Locale.ROOT, "%,d", Files.size(oneParquet)) + " bytes)", bytes, Files.size(oneParquet), () -> {
						try (ParquetSource source = new ParquetSource(oneParquet)) {
							return new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
						}
					});
		}
		for (String master : List.of("local[1]", "local[2]")) {
			String n = master.substring(6, 7);
			boolean csvPass = passes.contains("csv" + n);
			boolean parquetPass = passes.contains("parquet" + n);
			if (!csvPass && !parquetPass) {
				continue;
			}
			SparkSession spark = session(master);
			try {
				if (parquetPass && !Files.exists(parquet)) {
					convert(spark, csv, parquet);
				}
				// a warm-up on 8 MiB of the same data, untimed: session start, class loading and JIT are a fixed cost
				// of a Spark application, not a cost per MB (a cluster's job pays them once too)
				Path smallParquet = dir.resolve("bench-8m.parquet");
				if (!Files.exists(smallParquet)) {
					convert(spark, small, smallParquet);
				}
				sparkScan(spark, SparkScan.Input.files(SparkScan.Format.CSV, small.toString()));
				sparkScan(spark, SparkScan.Input.files(SparkScan.Format.PARQUET, smallParquet.toString()));
				if (csvPass) {
					pass("csv" + n, "Spark " + master + ", CSV", bytes, bytes,
							() -> sparkScan(spark, SparkScan.Input.files(SparkScan.Format.CSV, csv.toString())));
				}
				if (parquetPass) {
					pass("parquet" + n, "Spark " + master + ", Parquet (" + String.format(Locale.ROOT, "%,d", size(parquet))
							+ " bytes on disk)", bytes, size(parquet),
							() -> sparkScan(spark, SparkScan.Input.files(SparkScan.Format.PARQUET, parquet.toString())));
				}
			}
			finally {
				spark.stop();
			}
		}
	}

	interface Work {

		ScanReport run() throws IOException;

	}

	private static ScanReport sparkScan(SparkSession spark, SparkScan.Input input) throws IOException {
		try (SparkScan.Result r = SparkScan.scan(spark, input, SparkScan.Options.of(ScanSettings.defaults(AS_OF)))) {
			return r.report();
		}
	}

	/**
	 * Runs one pass and prints its row of the table, then a line {@code result KEY MB/s MB-per-CPU-second} for
	 * {@code run.sh}'s ratios.
	 * @param bytes the CSV's bytes (the MB of every pass: the same rows)
	 * @param fileBytes the bytes the pass read from disk (the CSV's, or the Parquet files')
	 */
	private static void pass(String key, String name, long bytes, long fileBytes, Work work) throws IOException {
		double loadBefore = OS.getSystemLoadAverage();
		long cpu0 = cpu();
		long t0 = System.nanoTime();
		ScanReport report = work.run();
		double wall = (System.nanoTime() - t0) / 1e9;
		double cpu = (cpu() - cpu0) / 1e9;
		double loadAfter = OS.getSystemLoadAverage();
		System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | **%.0f** | %.0f | %.1f | %.0f | %.2f → %.2f | %,d |%n", name,
				report.rows(), wall, bytes / 1e6 / wall, fileBytes / 1e6 / wall, cpu, bytes / 1e6 / cpu, loadBefore, loadAfter,
				report.persons().distinct());
		System.out.printf(Locale.ROOT, "result %s %.3f %.3f%n", key, bytes / 1e6 / wall, bytes / 1e6 / cpu);
	}

	private static long cpu() {
		return ((com.sun.management.OperatingSystemMXBean) OS).getProcessCpuTime();
	}

	private static SparkSession session(String master) {
		SparkSession spark = SparkSession.builder()
			.master(master)
			.appName("outbound-spark benchmark")
			.config("spark.ui.enabled", "false")
			.config("spark.driver.bindAddress", "127.0.0.1")
			.config("spark.driver.host", "127.0.0.1")
			.getOrCreate();
		spark.sparkContext().setLogLevel("WARN");
		return spark;
	}

	/** The CSV as Parquet: every column a string, as the scanner reads them. */
	private static void convert(SparkSession spark, Path csv, Path parquet) {
		System.out.println("converting to " + parquet + " ...");
		spark.read()
			.option("header", "true")
			.option("escape", "\"")
			.option("inferSchema", "false")
			.csv(csv.toString())
			.write()
			.parquet(parquet.toString());
	}

	/**
	 * The CSV as one Parquet file (every column a string), for the single-machine scanner, which reads one file: Spark
	 * writes one part file into a temporary folder, which is then moved to {@code target}.
	 */
	private static void convertToOneFile(SparkSession spark, Path csv, Path target) throws IOException {
		System.out.println("converting to " + target + " ...");
		Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
		spark.read()
			.option("header", "true")
			.option("escape", "\"")
			.option("inferSchema", "false")
			.csv(csv.toString())
			.coalesce(1)
			.write()
			.parquet(tmp.toString());
		try (Stream<Path> files = Files.list(tmp)) {
			Path part = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
			Files.move(part, target);
		}
		try (Stream<Path> rest = Files.walk(tmp)) {
			for (Path f : rest.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(f);
			}
		}
	}

	private static long size(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			List<Path> all = new ArrayList<>(files.filter(Files::isRegularFile).toList());
			long n = 0;
			for (Path p : all) {
				n += Files.size(p);
			}
			return n;
		}
	}

}
