package cn.outbound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import cn.outbound.rules.Basis;
import cn.outbound.ledger.EventSpec;
import cn.outbound.ledger.Headroom;
import cn.outbound.ledger.InvalidIdentifiersException;
import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.db.LedgerException;
import cn.outbound.ledger.LedgerInputException;
import cn.outbound.ledger.LedgerStatus;
import cn.outbound.ledger.RecordResult;
import cn.outbound.service.Services;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.ledger.LedgerService;
import cn.outbound.service.ledger.ScanRecording;
import cn.outbound.pii.detect.SensitivityStandard;
import cn.outbound.tables.TableFormatException;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.scan.DraftCheck;
import cn.outbound.scan.ReportJson;
import cn.outbound.scan.ReportText;
import cn.outbound.scan.ScanReport;
import cn.outbound.scan.ScanSettings;
import cn.outbound.scan.ScanTargets;
import cn.outbound.scan.ScannedPersons;
import cn.outbound.scan.TableScans;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outbound scan FILE|DIR|JDBC-URL}: finds personal information in a table, counts persons,
 * suggests list items and drafts a scenario (spec/scan-v1.md).
 */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Scan a table for personal information, count persons, suggest list items.",
				"扫描数据表中的个人信息，统计个人数量，提示可能涉及的清单条目。", "",
				"FILE: CSV/TSV (UTF-8 or GBK, any common delimiter), JSON Lines, .xlsx (every sheet with data, each",
				"a table; --sheet for one) or Parquet. DIR: every such file in it.",
				"JDBC-URL: jdbc:postgresql:…, jdbc:h2:…, jdbc:mariadb:… or jdbc:mysql:… with --table.",
				"Raw identifiers never appear in the output: samples are masked.",
				"--record-to-ledger also records the distinct persons found as one export event in the ledger",
				"(see 'outbound ledger'), under --event-key: re-running with the same key counts them once.",
				"Exit status: 0 scanned, 2 invalid input, 1 other error." })
public class ScanCommand implements Callable<Integer> {

	/** With --record-to-ledger: whose ledger (#13). */
	@picocli.CommandLine.Mixin
	OrgOption orgOption = new OrgOption();

	enum Format {

		text, json

	}

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	/** The rule packs the draft scenario is checked against (with --emit-scenario). */
	private RulePacks packs;

	@Parameters(index = "0", arity = "0..1", paramLabel = "FILE|DIR|JDBC-URL", description = "What to scan.")
	String target;

	@Option(names = "--engine", paramLabel = "spark", description = "spark: scan files or a catalog table (--table) on Apache Spark (docs/spark.md).")
	String engine;

	@Option(names = "--master", paramLabel = "M", description = "With --engine spark: local[*] (default), spark://…, yarn, k8s://….")
	String master;

	@Option(names = "--input-format", paramLabel = "F", description = "With --engine spark: csv, json, parquet or orc (default: by file name).")
	String inputFormat;

	@Option(names = "--whole-files", description = "With --engine spark: one split per CSV/JSON file.")
	boolean wholeFiles;

	@Option(names = "--format", defaultValue = "text", description = "text (default) or json (spec/scan-v1.md).")
	Format format;

	@Option(names = "--as-of", paramLabel = "DATE",
			description = "Reference date (yyyy-MM-dd) for minors' ages and the draft scenario; default today.")
	String asOf;

	@Option(names = "--emit-scenario", paramLabel = "FILE",
			description = "Also write the draft scenario (spec/scenario-v1.md) to FILE, ready for 'outbound assess'.")
	Path emitScenario;

	@Option(names = "--table", paramLabel = "T", description = "The table to scan, with a JDBC URL.")
	String table;

	@Option(names = "--sheet", paramLabel = "NAME",
			description = "With an .xlsx workbook: scan only this sheet (default: every sheet with data, each a table).")
	String sheet;

	@Option(names = "--user", description = "Database user, with a JDBC URL.")
	String user;

	@Option(names = "--password-env", paramLabel = "VAR", defaultValue = "OUTBOUND_DB_PASSWORD",
			description = "Environment variable holding the database password (default OUTBOUND_DB_PASSWORD).")
	String passwordEnv;

	@Option(names = "--id-column", paramLabel = "NAME",
			description = "Identifier column(s) for counting persons, in priority order; default: chosen from the values.")
	List<String> idColumns = new ArrayList<>();

	@Option(names = "--standard", defaultValue = "PIPL",
			description = "Sensitivity standard: PIPL (default), GB_T_35273 or TC260 (docs/sensitivity.md).")
	SensitivityStandard standard;

	@Option(names = "--description", paramLabel = "TEXT",
			description = "What the data is (e.g. '电子病历 for the EMR vendor'); feeds the list-item suggestions.")
	String description;

	@Option(names = "--accept-suggestions",
			description = "Put the suggested list items into the draft scenario's data[] (review them first).")
	boolean acceptSuggestions;

	@Option(names = "--record-to-ledger",
			description = "Record the distinct persons found as one export event in the ledger (needs --processor and --event-key).")
	boolean recordToLedger;

	@Option(names = "--processor", paramLabel = "P",
			description = "With --record-to-ledger: the processor's ledger id (a scenario's processor.id).")
	String processor;

	@Option(names = "--date", paramLabel = "D", converter = LedgerCommand.DateConverter.class,
			description = "With --record-to-ledger: the export's date, yyyy-MM-dd (default: --as-of).")
	LocalDate eventDate;

	@Option(names = "--basis", paramLabel = "B", converter = LedgerCommand.BasisConverter.class,
			description = "With --record-to-ledger, one of ${COMPLETION-CANDIDATES}: NONE (default) is counted, the others are exempt.")
	Basis basis;

	@Option(names = "--event-key", paramLabel = "K",
			description = "With --record-to-ledger: your key for this export (e.g. the batch id); re-sending it counts once.")
	String eventKey;

	@Option(names = "--recipient", paramLabel = "R", description = "With --record-to-ledger: the recipient abroad.")
	String recipient;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		if (this.engine != null || this.target == null) {
			// Spark is loaded only here (SparkEngine); the same options, read again by the Spark job
			if (!"spark".equals(this.engine)) {
				err.println((this.engine == null) ? "error: give what to scan: FILE, DIR or JDBC-URL"
						: "error: --engine must be spark (leave it out to scan on this machine)");
				return 2;
			}
			List<String> args = new ArrayList<>(this.spec.commandLine().getParseResult().originalArgs());
			return SparkEngine.run(args.isEmpty() || !args.get(0).equals("scan") ? args : args.subList(1, args.size()),
					this.master, out, err);
		}
		if (this.master != null || this.inputFormat != null || this.wholeFiles) {
			err.println("error: --master, --input-format and --whole-files go with --engine spark");
			return 2;
		}
		LocalDate date;
		try {
			date = (this.asOf != null) ? LocalDate.parse(this.asOf) : LocalDate.now();
		}
		catch (DateTimeParseException ex) {
			err.println("error: --as-of must be a date like 2026-03-15");
			return 2;
		}
		RulePacks packs = null;
		if (this.emitScenario != null) {
			// checked before the scan: a draft dated when no edition is in force would be refused by 'assess'
			try {
				packs = new RuleOptions().packs();
			}
			catch (RuntimeException ex) {
				err.println("error: cannot load the rule packs: " + oneLine(Errors.describe(ex)));
				return 2;
			}
			if (packs.inForce(ScanReport.DRAFT_JURISDICTION, date).isEmpty()) {
				err.println("error: --as-of " + date + ": no edition of " + ScanReport.DRAFT_JURISDICTION
						+ " is in force on that date, so 'outbound assess' would refuse the draft scenario (its date is"
						+ " --as-of); editions: " + packs.describeEditions(ScanReport.DRAFT_JURISDICTION)
						+ ". Give an --as-of on which one is in force, or leave out --emit-scenario.");
				return 2;
			}
		}
		this.packs = packs;
		ScanSettings settings = new ScanSettings(date, this.standard, this.idColumns, this.description,
				this.acceptSuggestions, ScanSettings.DEFAULT_CONFIRM_SAMPLE);
		EventSpec event = null;
		if (this.recordToLedger) {
			if (this.processor == null || this.processor.isBlank()) {
				err.println("error: --record-to-ledger needs --processor P (the processor's ledger id)");
				return 2;
			}
			if (this.eventKey == null || this.eventKey.isBlank()) {
				err.println("error: --record-to-ledger needs --event-key K (your key for this export, e.g. the batch id)");
				return 2;
			}
			try {
				event = new EventSpec(this.processor, this.eventKey, (this.eventDate != null) ? this.eventDate : date,
						this.recipient, (this.basis != null) ? this.basis : Basis.NONE, null);
			}
			catch (LedgerInputException ex) {
				err.println("error: " + LedgerCommand.option(ex.field()) + ": " + ex.getMessage());
				return 2;
			}
		}
		else {
			String stray = (this.processor != null) ? "--processor" : (this.eventDate != null) ? "--date"
					: (this.basis != null) ? "--basis" : (this.eventKey != null) ? "--event-key"
							: (this.recipient != null) ? "--recipient" : null;
			if (stray != null) {
				err.println("error: " + stray + " goes with --record-to-ledger");
				return 2;
			}
		}
		Ledger ledger = null;
		Services services = null;
		try {
			if (event != null) {
				// opened before the scan, so that a missing or wrong key fails before a long scan
				ledger = LedgerService.openLedger(Db.settings(), LedgerCommand.env(),
						notice -> err.println("outbound: " + notice));
				services = Db.open();
			}
			return scanAndReport(settings, event,
					(ledger != null) ? new LedgerService(ledger, () -> RuleOptions.packs(null), services.writes()) : null,
					out, err);
		}
		catch (InvalidIdentifiersException ex) {
			err.println("error: --record-to-ledger: " + ex.getMessage());
			LedgerCommand.printInvalid(err, ex.rows(), ex.invalidCount());
			return 2;
		}
		catch (LedgerInputException ex) {
			err.println("error: " + LedgerCommand.option(ex.field()) + ": " + ex.getMessage());
			return 2;
		}
		catch (LedgerException ex) {
			err.println("error: the ledger: " + oneLine(Errors.describe(ex)));
			return 1;
		}
		finally {
			if (services != null) {
				services.close();
			}
			if (ledger != null) {
				try {
					ledger.close();
				}
				catch (RuntimeException ex) {
					err.println("error: closing the ledger: " + oneLine(Errors.describe(ex)));
				}
			}
			err.flush();
		}
	}

	private int scanAndReport(ScanSettings settings, EventSpec event, LedgerService ledger, PrintWriter out,
			PrintWriter err) {
		try {
			ScanTargets.Targets targets = ScanTargets.resolve(this.target, this.table, this.sheet, this.user,
					(this.passwordEnv != null && this.target.startsWith("jdbc:")) ? System.getenv(this.passwordEnv)
							: null);
			if (targets.tables().size() > 1 && this.emitScenario != null) {
				if (targets.files().size() == 1) {
					err.println("error: --emit-scenario needs a single table; " + targets.files().get(0).getFileName()
							+ " has " + targets.tables().size() + " sheets with data ("
							+ String.join(", ", targets.sheetNames()) + "): choose one with --sheet NAME");
				}
				else {
					err.println("error: --emit-scenario needs a single table; scan the files one by one");
				}
				return 2;
			}
			TableScans scans = TableScans.scan(targets.tables(), settings, event != null);
			return report(scans, event, ledger, out, err);
		}
		catch (LedgerException ex) {
			throw ex;
		}
		catch (TableFormatException | IllegalArgumentException ex) {
			err.println("error: " + ex.getMessage());
			return 2;
		}
		catch (NoSuchFileException ex) {
			err.println("error: " + ex.getFile() + ": no such file");
			return 2;
		}
		catch (SQLException ex) {
			err.println("error: cannot open the database: " + oneLine(ex.getMessage()));
			return 2;
		}
		catch (IOException | UncheckedIOException ex) {
			err.println("error: " + oneLine(ex.getMessage()));
			return 1;
		}
		catch (RuntimeException ex) {
			err.println("error: the scan failed (" + ex.getClass().getSimpleName() + ")");
			return 1;
		}
	}

	private int report(TableScans scans, EventSpec event, LedgerService ledger, PrintWriter out, PrintWriter err)
			throws IOException {
		List<ScanReport> reports = scans.reports();
		for (ScanReport r : reports) {
			if (this.format == Format.json) {
				out.println((reports.size() > 1) ? ReportJson.writeCompact(r) : ReportJson.write(r));
			}
			else {
				out.print(ReportText.render(r));
				if (reports.size() > 1) {
					out.println();
				}
			}
		}
		out.flush();
		if (this.emitScenario != null) {
			DraftCheck.Result draft = DraftCheck.check(reports.get(0), this.packs, this.emitScenario.toString());
			if (!draft.ok()) {
				draft.refusals().forEach(why -> err.println("error: --emit-scenario: " + why));
				return 2;
			}
			Files.writeString(this.emitScenario, draft.draft(), StandardCharsets.UTF_8);
		}
		if (event == null) {
			return 0;
		}
		return record(this.orgOption.id(), scans.persons(), event, ledger, (this.format == Format.json) ? err : out);
	}

	/** Records the distinct persons of every scanned table as one event, and says what was recorded. */
	private static int record(String org, ScannedPersons persons, EventSpec event, LedgerService ledger, PrintWriter w) {
		RecordResult r = ScanRecording.record(ledger, org, event, persons, Actor.commandLine(),
				ex -> LedgerCommand.unaudited(w, ex));
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
			w.printf(Locale.ROOT, "  %s: %,d persons, %,d new this year%n", LedgerCommand.label(p.personClass()),
					p.persons(), p.newThisYear());
		}
		LedgerStatus s = ledger.afterRecord(org, event, LedgerService.DEFAULT_JURISDICTION);
		w.printf(Locale.ROOT, "%s in %d so far: %,d persons counted, %,d with sensitive PI.%n", e.processor(), e.year(),
				s.individuals(), s.sensitiveIndividuals());
		for (Headroom h : s.alerts()) {
			w.println("  ALERT " + LedgerCommand.describe(h));
		}
		w.flush();
		return 0;
	}

	private static String oneLine(String message) {
		if (message == null) {
			return "unknown error";
		}
		int nl = message.indexOf('\n');
		return (nl >= 0) ? message.substring(0, nl) : message;
	}

}
