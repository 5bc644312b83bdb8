package cn.outbound.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import cn.outbound.ledger.EventKeyConflictException;
import cn.outbound.ledger.EventSpec;
import cn.outbound.ledger.IngestListener;
import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.db.LedgerException;
import cn.outbound.ledger.LedgerInputException;
import cn.outbound.ledger.LedgerKey;
import cn.outbound.ledger.LedgerSettings;
import cn.outbound.ledger.LedgerStatus;
import cn.outbound.ledger.RecordResult;
import cn.outbound.ledger.Thresholds;
import cn.outbound.ledger.db.Database;
import cn.outbound.pii.detect.SensitivityStandard;
import cn.outbound.tables.TableFormatException;
import cn.outbound.rules.Basis;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.rules.scenario.ScenarioReader;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Problem;
import cn.outbound.scan.ReportJson;
import cn.outbound.scan.ReportText;
import cn.outbound.scan.ScanReport;
import cn.outbound.scan.ScanSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The Spark scan's command line: the main class of {@code spark-submit --class cn.outbound.spark.SparkScanJob
 * outbound-spark.jar …}, and what {@code outbound scan --engine spark} runs. The options are those of
 * {@code outbound scan} that apply to files and catalog tables, plus {@code --master}, {@code --input-format} and
 * {@code --whole-files}. Exit status as the CLI's: 0 scanned, 2 invalid input, 1 anything else; never a stack trace.
 */
@Command(name = "outbound scan --engine spark", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Scan files or a catalog table on Apache Spark: the same report as 'outbound scan', exact person counts.",
				"在 Apache Spark 上扫描文件或目录表：报告与 'outbound scan' 相同，个人数量精确统计。", "",
				"PATH: a CSV/TSV or JSON Lines file, a Parquet or ORC file, or a directory of such part files (one table);",
				"any path Spark reads (hdfs://, s3a://, file:). --table: a table of Spark's catalog (Hive, Iceberg, …).",
				"Exit status: 0 scanned, 2 invalid input, 1 other error." })
public final class SparkScanJob implements Callable<Integer> {

	@Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories of one table.")
	List<String> paths = new ArrayList<>();

	@Option(names = "--table", paramLabel = "T", description = "A catalog table (db.t, or catalog.db.t) instead of paths.")
	String table;

	@Option(names = "--input-format", paramLabel = "F",
			description = "csv, json (JSON Lines), parquet or orc; default: from the first file's name.")
	String inputFormat;

	@Option(names = "--master", paramLabel = "M",
			description = "Spark master: local[*] (default when not under spark-submit), local[N], spark://host:port.")
	String master;

	@Option(names = "--engine", hidden = true, description = "spark (given by 'outbound scan --engine spark').")
	String engine;

	@Option(names = "--format", defaultValue = "text", description = "text (default) or json (spec/scan-v1.md).")
	String format;

	@Option(names = "--as-of", paramLabel = "DATE", description = "Reference date (yyyy-MM-dd) for minors and the draft scenario; default today.")
	String asOf;

	@Option(names = "--emit-scenario", paramLabel = "FILE", description = "Also write the draft scenario to FILE.")
	Path emitScenario;

	@Option(names = "--id-column", paramLabel = "NAME", description = "Identifier column(s), in priority order.")
	List<String> idColumns = new ArrayList<>();

	@Option(names = "--standard", defaultValue = "PIPL", description = "PIPL (default), GB_T_35273 or TC260.")
	String standard;

	@Option(names = "--description", paramLabel = "TEXT", description = "What the data is; feeds the list-item suggestions.")
	String description;

	@Option(names = "--accept-suggestions", description = "Put the suggested items into the draft's data[].")
	boolean acceptSuggestions;

	@Option(names = "--whole-files", description = "One split per CSV/JSON file (for quoted line breaks; found and done by itself too).")
	boolean wholeFiles;

	@Option(names = "--record-to-ledger", description = "Record the distinct persons as one export event in the ledger.")
	boolean recordToLedger;

	@Option(names = "--processor", paramLabel = "P", description = "With --record-to-ledger: the processor's ledger id.")
	String processor;

	@Option(names = "--date", paramLabel = "D", description = "With --record-to-ledger: the export's date (default --as-of).")
	String eventDate;

	@Option(names = "--basis", paramLabel = "B", description = "With --record-to-ledger: NONE (default, counted) or an exempt basis.")
	String basis;

	@Option(names = "--event-key", paramLabel = "K", description = "With --record-to-ledger: your key for this export.")
	String eventKey;

	@Option(names = "--recipient", paramLabel = "R", description = "With --record-to-ledger: the recipient abroad.")
	String recipient;

	private PrintWriter out;

	private PrintWriter err;

	private Map<String, String> env;

	private Consumer<Map<String, Object>> recorded;

	/** spark-submit's entry. */
	public static void main(String[] args) {
		PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
		PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
		int status = run(args, out, err, System.getenv(), r -> {
		});
		out.flush();
		err.flush();
		System.exit(status);
	}

	/**
	 * Runs the scan (the CLI's entry, called by reflection from its own class loader: hence only JDK types).
	 * @param recorded told what was recorded into the ledger (event fields, persons per class), for the CLI's audit
	 */
	public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env,
			Consumer<Map<String, Object>> recorded) {
		SparkScanJob job = new SparkScanJob();
		job.out = out;
		job.err = err;
		job.env = env;
		job.recorded = recorded;
		CommandLine cli = new CommandLine(job);
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			err.println("error: the scan failed: " + oneLine(ex));
			return 1;
		});
		cli.setParameterExceptionHandler((ex, argv) -> {
			err.println("error: " + ex.getMessage());
			err.println("Usage: see 'outbound scan --engine spark --help'");
			return 2;
		});
		return cli.execute(args);
	}

	@Override
	public Integer call() {
		if (this.engine != null && !this.engine.equals("spark")) {
			this.err.println("error: --engine " + this.engine + ": this is the spark engine");
			return 2;
		}
		if (this.paths.isEmpty() == (this.table == null)) {
			this.err.println("error: give either PATH (files or directories) or --table T, not both");
			return 2;
		}
		if (this.table != null && this.table.startsWith("jdbc:")) {
			this.err.println("error: --table names a table of Spark's catalog; scan a JDBC URL without --engine spark");
			return 2;
		}
		for (String p : this.paths) {
			if (p.startsWith("jdbc:")) {
				this.err.println("error: " + p + ": a JDBC URL is scanned without --engine spark");
				return 2;
			}
		}
		if (!this.format.equals("text") && !this.format.equals("json")) {
			this.err.println("error: --format must be text or json, not " + this.format);
			return 2;
		}
		SparkScan.Format input = null;
		if (this.inputFormat != null) {
			try {
				input = SparkScan.Format.valueOf(this.inputFormat.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				input = null;
			}
			if (input == null || input == SparkScan.Format.TABLE) {
				this.err.println("error: --input-format must be csv, json, parquet or orc, not " + this.inputFormat);
				return 2;
			}
		}
		LocalDate date;
		try {
			date = (this.asOf != null) ? LocalDate.parse(this.asOf) : LocalDate.now();
		}
		catch (DateTimeParseException ex) {
			this.err.println("error: --as-of must be a date like 2026-03-15");
			return 2;
		}
		SensitivityStandard std;
		try {
			std = SensitivityStandard.valueOf(this.standard);
		}
		catch (IllegalArgumentException ex) {
			this.err.println("error: --standard must be PIPL, GB_T_35273 or TC260, not " + this.standard);
			return 2;
		}
		RulePacks packs = null;
		if (this.emitScenario != null) {
			packs = RulePacks.builtIn();
			if (packs.inForce(ScanReport.DRAFT_JURISDICTION, date).isEmpty()) {
				this.err.println("error: --as-of " + date + ": no edition of " + ScanReport.DRAFT_JURISDICTION
						+ " is in force on that date, so 'outbound assess' would refuse the draft scenario; editions: "
						+ packs.describeEditions(ScanReport.DRAFT_JURISDICTION));
				return 2;
			}
		}
		ScanSettings settings = new ScanSettings(date, std, this.idColumns, this.description, this.acceptSuggestions,
				ScanSettings.DEFAULT_CONFIRM_SAMPLE);
		EventSpec event = null;
		if (this.recordToLedger) {
			try {
				event = event(date);
			}
			catch (LedgerInputException ex) {
				this.err.println("error: --" + option(ex.field()) + ": " + ex.getMessage());
				return 2;
			}
			if (event == null) {
				return 2;
			}
		}
		else {
			String stray = (this.processor != null) ? "--processor" : (this.eventDate != null) ? "--date"
					: (this.basis != null) ? "--basis" : (this.eventKey != null) ? "--event-key"
							: (this.recipient != null) ? "--recipient" : null;
			if (stray != null) {
				this.err.println("error: " + stray + " goes with --record-to-ledger");
				return 2;
			}
		}
		Database db = null;
		Ledger ledger = null;
		HashKey key;
		try {
			if (event != null) {
				// opened before the scan, so that a missing or wrong key fails before a long scan
				LedgerKey.requireForServerDatabase(this.env);
				db = Database.fromEnvironment(this.env);
				LedgerKey ledgerKey = LedgerKey.resolve(db, this.env, n -> this.err.println("outbound: " + n));
				ledger = Ledger.open(db, ledgerKey, LedgerSettings.fromEnvironment(this.env));
				key = HashKey.ofLedger(ledgerKey);
			}
			else {
				key = HashKey.forThisRun();
			}
		}
		catch (LedgerException ex) {
			if (db != null) {
				db.close();
			}
			this.err.println("error: the ledger: " + oneLine(ex));
			return ex instanceof cn.outbound.ledger.LedgerKeyException ? 2 : 1;
		}
		SparkSession spark = null;
		try {
			spark = session();
			SparkScan.Input in = (this.table != null) ? SparkScan.Input.table(this.table)
					: new SparkScan.Input(List.copyOf(this.paths), null, input);
			SparkScan.Options options = SparkScan.Options.of(settings).withWholeFiles(this.wholeFiles);
			try (SparkScan.Result result = SparkScan.scan(spark, in, options, key)) {
				int status = report(result.report(), packs);
				if (status != 0 || event == null) {
					return status;
				}
				return record(result, ledger, event);
			}
		}
		catch (TableFormatException | IllegalArgumentException ex) {
			this.err.println("error: " + oneLine(ex));
			return 2;
		}
		catch (EventKeyConflictException ex) {
			this.err.println("error: --event-key: " + oneLine(ex));
			return 2;
		}
		catch (LedgerInputException ex) {
			this.err.println("error: --" + option(ex.field()) + ": " + oneLine(ex));
			return 2;
		}
		catch (LedgerException ex) {
			this.err.println("error: the ledger: " + oneLine(ex));
			return 1;
		}
		catch (IOException | UncheckedIOException ex) {
			this.err.println("error: " + oneLine(ex));
			return 1;
		}
		catch (RuntimeException ex) {
			this.err.println("error: the scan failed: " + oneLine(ex));
			return 1;
		}
		finally {
			if (spark != null && spark.sparkContext().master().startsWith("local")) {
				spark.stop();
			}
			if (ledger != null) {
				ledger.close();
			}
			if (db != null) {
				db.close();
			}
			this.err.flush();
		}
	}

	private EventSpec event(LocalDate asOf) {
		if (this.processor == null || this.processor.isBlank()) {
			this.err.println("error: --record-to-ledger needs --processor P (the processor's ledger id)");
			return null;
		}
		if (this.eventKey == null || this.eventKey.isBlank()) {
			this.err.println("error: --record-to-ledger needs --event-key K (your key for this export, e.g. the batch id)");
			return null;
		}
		LocalDate d = asOf;
		if (this.eventDate != null) {
			try {
				d = LocalDate.parse(this.eventDate);
			}
			catch (DateTimeParseException ex) {
				throw new LedgerInputException("date", "--date must be a date like 2026-03-15");
			}
		}
		Basis b = (this.basis != null) ? EventSpec.basis(this.basis) : Basis.NONE;
		return new EventSpec(this.processor, this.eventKey, d, this.recipient, b, null);
	}

	/** The session: spark-submit's (its master and settings), or a local one that listens on loopback only. */
	private SparkSession session() {
		SparkConf conf = new SparkConf();
		String m = (this.master != null) ? this.master : conf.get("spark.master", null);
		SparkSession.Builder b = SparkSession.builder().appName("outbound scan");
		if (m == null) {
			m = "local[*]";
		}
		b.master(m);
		if (m.startsWith("local")) {
			// a run on this machine needs no port open beyond loopback, nor a web UI
			b.config("spark.ui.enabled", "false")
				.config("spark.driver.bindAddress", "127.0.0.1")
				.config("spark.driver.host", "127.0.0.1");
		}
		SparkSession spark = b.getOrCreate();
		spark.sparkContext().setLogLevel("WARN");
		return spark;
	}

	private int report(ScanReport report, RulePacks packs) throws IOException {
		if (this.format.equals("json")) {
			this.out.println(ReportJson.write(report));
		}
		else {
			this.out.print(ReportText.render(report));
		}
		this.out.flush();
		if (this.emitScenario == null) {
			return 0;
		}
		if (!report.scenarioStatus().assessable()) {
			for (ScanReport.ScenarioProblem p : report.scenarioStatus().problems()) {
				this.err.println("error: --emit-scenario: " + p.message().en() + " The draft was not written.");
			}
			return 2;
		}
		String draft = ReportJson.writeScenario(report) + "\n";
		try {
			new ScenarioReader(packs).read(draft.getBytes(StandardCharsets.UTF_8), this.emitScenario.toString());
		}
		catch (InvalidInputException ex) {
			for (Problem p : ex.problems()) {
				this.err.println("error: --emit-scenario: 'outbound assess' would refuse the draft (" + p.pointer() + ": "
						+ p.message("en") + "); it was not written");
			}
			return 2;
		}
		Files.writeString(this.emitScenario, draft, StandardCharsets.UTF_8);
		return 0;
	}

	private int record(SparkScan.Result result, Ledger ledger, EventSpec event) {
		RecordResult r = LedgerHandOff.record(result, ledger, event, IngestListener.NONE);
		PrintWriter w = this.format.equals("json") ? this.err : this.out;
		EventSpec e = r.event();
		if (r.outcome() == RecordResult.Outcome.ALREADY_RECORDED) {
			w.printf(Locale.ROOT, "Ledger: event '%s' of %s was already recorded with these persons: nothing changed.%n",
					e.eventKey(), e.processor());
		}
		else {
			w.printf(Locale.ROOT, "Ledger: recorded event '%s' of %s on %s, basis %s (%s)%s.%n", e.eventKey(),
					e.processor(), e.date(), e.basis(), r.counted() ? "counted" : "exempt, kept apart",
					(e.recipient() != null) ? ", recipient " + e.recipient() : "");
		}
		for (RecordResult.Part p : r.parts()) {
			w.printf(Locale.ROOT, "  %s: %,d persons, %,d new this year%n",
					p.personClass().sensitive() ? "sensitive PI" : "non-sensitive PI", p.persons(), p.newThisYear());
		}
		LedgerStatus s = ledger.status(e.processor(), e.year(), LocalDate.of(e.year(), 12, 31),
				Thresholds.inForce(RulePacks.builtIn(), ScanReport.DRAFT_JURISDICTION, e.date())
					.orElse(Thresholds.NATIONAL_2024));
		w.printf(Locale.ROOT, "%s in %d so far: %,d persons counted, %,d with sensitive PI.%n", e.processor(), e.year(),
				s.individuals(), s.sensitiveIndividuals());
		w.flush();
		this.recorded.accept(describe(r));
		return 0;
	}

	/** A record result in JDK types only (it crosses into the CLI's class loader). */
	static Map<String, Object> describe(RecordResult r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("outcome", r.outcome().name());
		m.put("eventId", r.eventId());
		m.put("processor", r.event().processor());
		m.put("eventKey", r.event().eventKey());
		m.put("date", r.event().date().toString());
		m.put("recipient", r.event().recipient());
		m.put("basis", r.event().basis().name());
		m.put("rowsRead", r.rowsRead());
		m.put("counted", r.counted());
		List<Map<String, Object>> parts = new ArrayList<>();
		for (RecordResult.Part p : r.parts()) {
			Map<String, Object> part = new LinkedHashMap<>();
			part.put("class", p.personClass().name());
			part.put("identifiers", p.identifiers());
			part.put("persons", p.persons());
			part.put("newThisYear", p.newThisYear());
			parts.add(part);
		}
		m.put("parts", parts);
		return m;
	}

	private static String option(String field) {
		return switch (field) {
			case "ids" -> "record-to-ledger";
			default -> field;
		};
	}

	private static String oneLine(Throwable ex) {
		String m = ex.getMessage();
		if (m == null) {
			return ex.getClass().getSimpleName();
		}
		int nl = m.indexOf('\n');
		return (nl >= 0) ? m.substring(0, nl) : m;
	}

}
