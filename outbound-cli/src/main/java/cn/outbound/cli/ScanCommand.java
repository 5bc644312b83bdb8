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
import java.util.stream.Stream;

import cn.outbound.pii.detect.SensitivityStandard;
import cn.outbound.pii.io.TableFormatException;
import cn.outbound.scan.ReportJson;
import cn.outbound.scan.ReportText;
import cn.outbound.scan.ScanReport;
import cn.outbound.scan.ScanSettings;
import cn.outbound.scan.Scanner;
import cn.outbound.scan.source.JdbcSource;
import cn.outbound.scan.source.TableSource;
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
				"FILE: CSV/TSV (UTF-8 or GBK, any common delimiter), JSON Lines, or .xlsx. DIR: every such file in it.",
				"JDBC-URL: jdbc:postgresql:…, jdbc:h2:…, jdbc:mariadb:… or jdbc:mysql:… with --table.",
				"Raw identifiers never appear in the output: samples are masked.",
				"Exit status: 0 scanned, 2 invalid input, 1 other error." })
public class ScanCommand implements Callable<Integer> {

	enum Format {

		text, json

	}

	private static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".txt", ".psv", ".jsonl", ".ndjson",
			".json", ".xlsx");

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Parameters(index = "0", paramLabel = "FILE|DIR|JDBC-URL", description = "What to scan.")
	String target;

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

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		LocalDate date;
		try {
			date = (this.asOf != null) ? LocalDate.parse(this.asOf) : LocalDate.now();
		}
		catch (DateTimeParseException ex) {
			err.println("error: --as-of must be a date like 2026-03-15");
			return 2;
		}
		ScanSettings settings = new ScanSettings(date, this.standard, this.idColumns, this.description,
				this.acceptSuggestions, ScanSettings.DEFAULT_CONFIRM_SAMPLE);
		try {
			if (this.target.startsWith("jdbc:")) {
				if (this.table == null) {
					err.println("error: a JDBC URL needs --table T");
					return 2;
				}
				try (JdbcSource source = new JdbcSource(this.target, this.table, this.user,
						(this.passwordEnv != null) ? System.getenv(this.passwordEnv) : null)) {
					return report(List.of(scan(source, settings)), out);
				}
			}
			if (this.table != null) {
				err.println("error: --table goes with a JDBC URL, not a file");
				return 2;
			}
			Path path = Path.of(this.target);
			if (!Files.exists(path)) {
				err.println("error: " + this.target + ": no such file or directory");
				return 2;
			}
			List<Path> files = Files.isDirectory(path) ? tables(path) : List.of(path);
			if (files.isEmpty()) {
				err.println("error: " + this.target + " holds no .csv, .tsv, .txt, .jsonl, .json or .xlsx file");
				return 2;
			}
			if (files.size() > 1 && this.emitScenario != null) {
				err.println("error: --emit-scenario needs a single table; scan the files one by one");
				return 2;
			}
			List<ScanReport> reports = new ArrayList<>();
			for (Path file : files) {
				try (TableSource source = TableSource.open(file)) {
					reports.add(scan(source, settings));
				}
			}
			return report(reports, out);
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

	private static ScanReport scan(TableSource source, ScanSettings settings) throws IOException {
		return new Scanner(settings).scan(source);
	}

	private int report(List<ScanReport> reports, PrintWriter out) throws IOException {
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
		if (this.emitScenario != null) {
			Files.writeString(this.emitScenario, ReportJson.writeScenario(reports.get(0)) + "\n", StandardCharsets.UTF_8);
		}
		out.flush();
		return 0;
	}

	private static List<Path> tables(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(Files::isRegularFile).filter(f -> {
				String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
				return EXTENSIONS.stream().anyMatch(name::endsWith);
			}).sorted().toList();
		}
	}

	private static String oneLine(String message) {
		if (message == null) {
			return "unknown error";
		}
		int nl = message.indexOf('\n');
		return (nl >= 0) ? message.substring(0, nl) : message;
	}

}
