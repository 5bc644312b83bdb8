package cn.outbound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every name and number here is synthetic. */
class ScanCommandTests {

	private static final String CSV = "姓名,身份证号,手机,诊断\n张伟,11010519491231002X,13812345678,2型糖尿病\n"
			+ "王芳,120101201501010021,13912345678,肺炎\n";

	@TempDir
	Path dir;

	record Run(int exit, String out, String err) {
	}

	private static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = new CommandLine(new ScanCommand()).setOut(new PrintWriter(out, true))
			.setErr(new PrintWriter(err, true))
			.execute(args);
		return new Run(exit, out.toString(), err.toString());
	}

	private Path write(String name, String content, Charset charset) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, content, charset);
		return file;
	}

	@Test
	void printsATextReportWithoutRawIdentifiers() throws IOException {
		Path file = write("patients.csv", CSV, StandardCharsets.UTF_8);
		Run r = run(file.toString(), "--as-of", "2026-06-30");
		assertThat(r.exit()).isZero();
		assertThat(r.out()).contains("CN_RESIDENT_ID", "distinct persons: 2", "minors", "[SENSITIVE]", "item 31");
		assertThat(r.out()).doesNotContain("11010519491231002X", "13812345678", "120101201501010021");
		assertThat(r.err()).isEmpty();
	}

	@Test
	void printsJsonAndEmitsTheScenario() throws IOException {
		Path file = write("patients.csv", CSV, Charset.forName("GBK"));
		Path scenario = this.dir.resolve("draft.json");
		Run r = run(file.toString(), "--format", "json", "--as-of", "2026-06-30", "--emit-scenario", scenario.toString());
		assertThat(r.exit()).isZero();
		assertThat(r.out()).contains("\"schema\" : \"outbound/scan/v1\"", "\"distinct\" : 2", "\"minors\" : 1");
		assertThat(Files.readString(scenario)).contains("\"schema\" : \"outbound/scenario/v1\"", "\"date\" : \"2026-06-30\"",
				"\"basis\" : \"NONE\"");
	}

	@Test // #11 item 4: the file's persons are a hint for the item's count facts, never their answer
	void theDraftLeavesCountFactsForTheUserWithTheScansFigureAsAHint() throws IOException {
		Path file = write("patients.csv", CSV, StandardCharsets.UTF_8);
		Run r = run(file.toString(), "--format", "json", "--as-of", "2026-06-30", "--accept-suggestions");
		assertThat(r.exit()).isZero();
		tools.jackson.databind.JsonNode report = new tools.jackson.databind.json.JsonMapper().readTree(r.out());
		assertThat(report.get("scenario").get("data").size()).isPositive();
		for (tools.jackson.databind.JsonNode d : report.get("scenario").get("data")) {
			assertThat(d.has("facts")).as("%s", d).isFalse();
		}
		tools.jackson.databind.JsonNode hints = report.get("scenarioHints");
		assertThat(hints.size()).isPositive();
		for (tools.jackson.databind.JsonNode h : hints) {
			assertThat(h.get("fact").asString()).isIn("sensitivePiIndividuals", "affectedCustomers");
			assertThat(h.get("figure").asLong()).isBetween(1L, 2L);
			assertThat(h.get("note").get("zh").asString()).contains("本文件中有");
			assertThat(h.get("note").get("en").asString()).contains("This file holds");
		}
	}

	@Test
	void scansEveryTableInADirectoryAsJsonLines() throws IOException {
		write("a.csv", CSV, StandardCharsets.UTF_8);
		write("b.jsonl", "{\"email\":\"a@example.com\"}\n", StandardCharsets.UTF_8);
		write("notes.md", "# not a table", StandardCharsets.UTF_8);
		Run r = run(this.dir.toString(), "--format", "json");
		assertThat(r.exit()).isZero();
		assertThat(r.out().strip().split("\n")).hasSize(2);
	}

	@Test
	void invalidInputExitsTwoWithOneLine() throws IOException {
		Path binary = this.dir.resolve("image.csv");
		Files.write(binary, new byte[] { 0, 1, 2, 3 });
		Run r = run(binary.toString());
		assertThat(r.exit()).isEqualTo(2);
		assertThat(r.err().strip()).startsWith("error: image.csv is not text").doesNotContain("\n").doesNotContain("Exception");
		assertThat(run(this.dir.resolve("missing.csv").toString()).exit()).isEqualTo(2);
		assertThat(run("jdbc:h2:mem:x").err()).contains("--table");
		assertThat(run(binary.toString(), "--as-of", "yesterday").exit()).isEqualTo(2);
		Path file = write("p.csv", CSV, StandardCharsets.UTF_8);
		Run wrongColumn = run(file.toString(), "--id-column", "nope");
		assertThat(wrongColumn.exit()).isEqualTo(2);
		assertThat(wrongColumn.err()).contains("nope").doesNotContain("11010519491231002X");
	}

	@Test // #9: a header of millions of columns filled the heap
	void aTableOverAReadLimitExitsTwoWithOneLineNamingTheLimit() throws IOException {
		Path wide = write("wide.csv", "a,".repeat(1_000_000) + "a\n1\n", StandardCharsets.UTF_8);
		Run r = run(wide.toString());
		assertThat(r.exit()).isEqualTo(2);
		assertThat(r.err().strip()).isEqualTo(
				"error: wide.csv: the header is over the limit columns (at most 4096 columns); the file was not read");
		Path cell = write("cell.csv", "id,note\n1," + "x".repeat((1 << 20) + 1) + "\n", StandardCharsets.UTF_8);
		Run big = run(cell.toString());
		assertThat(big.exit()).isEqualTo(2);
		assertThat(big.err().strip()).startsWith("error: cell.csv: cell 2 on line 2 is over the limit cell-bytes")
			.doesNotContain("\n");
		Path deep = write("deep.jsonl", "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}\n", StandardCharsets.UTF_8);
		Run nested = run(deep.toString());
		assertThat(nested.exit()).isEqualTo(2);
		assertThat(nested.err().strip()).contains("limit json-depth (at most 64").doesNotContain("\n");
	}

	@Test
	void scansADatabaseTable() throws Exception {
		String url = "jdbc:h2:mem:cli" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
			st.execute("create table people(name varchar(20), email varchar(60))");
			st.execute("insert into people values ('张伟','zhang@example.com'),('王芳','wang@example.com')");
			Run r = run(url, "--table", "people", "--format", "json");
			assertThat(r.exit()).as(r.err()).isZero();
			assertThat(r.out()).contains("\"EMAIL\"", "\"distinct\" : 2");
		}
	}

	/** Two sheets: orders without personal information, then 200 customers with mobile numbers. */
	private Path ordersThenCustomers() throws IOException {
		Path file = this.dir.resolve("book.xlsx");
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				java.io.OutputStream out = Files.newOutputStream(file)) {
			var orders = wb.createSheet("订单");
			orders.createRow(0).createCell(0).setCellValue("订单号");
			for (int i = 1; i <= 20; i++) {
				orders.createRow(i).createCell(0).setCellValue("SO" + (100000 + i));
			}
			var customers = wb.createSheet("客户");
			customers.createRow(0).createCell(0).setCellValue("手机");
			for (int i = 1; i <= 200; i++) {
				customers.createRow(i).createCell(0).setCellValue(String.format("138%08d", i));
			}
			wb.write(out);
		}
		return file;
	}

	@Test // QA: the second sheet of a workbook was not read, and nothing said so
	void scansEverySheetOfAWorkbook() throws IOException {
		Path book = ordersThenCustomers();
		Run text = run(book.toString(), "--as-of", "2026-06-30");
		assertThat(text.exit()).as(text.err()).isZero();
		assertThat(text.out()).contains("Scan of book.xlsx [订单]: 20 rows", "Scan of book.xlsx [客户]: 200 rows", "CN_MOBILE",
				"distinct persons: 200");
		assertThat(text.out()).doesNotContain("13800000001");
		Run json = run(book.toString(), "--format", "json", "--as-of", "2026-06-30");
		assertThat(json.exit()).isZero();
		assertThat(json.out().strip().split("\n")).hasSize(2);
		// one draft needs one table: --sheet picks it
		Path draft = this.dir.resolve("draft.json");
		Run both = run(book.toString(), "--as-of", "2026-06-30", "--emit-scenario", draft.toString());
		assertThat(both.exit()).isEqualTo(2);
		assertThat(both.err()).contains("--sheet", "订单", "客户");
		assertThat(draft).doesNotExist();
		Run one = run(book.toString(), "--sheet", "客户", "--as-of", "2026-06-30", "--emit-scenario", draft.toString());
		assertThat(one.exit()).as(one.err()).isZero();
		assertThat(one.out()).contains("Scan of book.xlsx [客户]").doesNotContain("订单");
		assertThat(Files.readString(draft)).contains("\"individuals\" : 200");
		Run wrong = run(book.toString(), "--sheet", "客人");
		assertThat(wrong.exit()).isEqualTo(2);
		assertThat(wrong.err()).contains("--sheet", "客户", "订单");
		Path csv = write("p.csv", CSV, StandardCharsets.UTF_8);
		assertThat(run(csv.toString(), "--sheet", "客户").exit()).isEqualTo(2);
		assertThat(run("jdbc:h2:mem:x", "--table", "t", "--sheet", "客户").err()).contains("--sheet goes with");
		// the scanner's own refusals come through the workbook reader as they are
		Run column = run(book.toString(), "--id-column", "nope");
		assertThat(column.exit()).isEqualTo(2);
		assertThat(column.err()).contains("--id-column 'nope' is not a column");
	}

	@Test // QA: --table 客户 refused by a pattern; a missing table exited 1; jdbc:h2:/tmp/x created a database
	void findsTablesByTheirNamesAndRefusesMissingOnes() throws Exception {
		String url = "jdbc:h2:mem:cli" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
			st.execute("create table \"客户\"(\"姓名\" varchar(20), \"邮箱\" varchar(60))");
			st.execute("insert into \"客户\" values ('张伟','zhang@example.com'),('王芳','wang@example.com')");
			Run r = run(url, "--table", "客户", "--format", "json");
			assertThat(r.exit()).as(r.err()).isZero();
			assertThat(r.out()).contains("\"EMAIL\"", "\"distinct\" : 2");
			Run missing = run(url, "--table", "客房");
			assertThat(missing.exit()).isEqualTo(2);
			assertThat(missing.err().strip()).startsWith("error: --table 客房").contains("客户").doesNotContain("\n");
		}
		Path base = this.dir.resolve("x");
		Run nothing = run("jdbc:h2:" + base, "--table", "t");
		assertThat(nothing.exit()).isEqualTo(2);
		assertThat(nothing.err()).contains("cannot open the database");
		try (var files = Files.list(this.dir)) {
			assertThat(files).isEmpty();
		}
	}

	/** Names, diagnoses and addresses, but no resident ID, passport, mobile or e-mail to count persons by. */
	private static final String NO_IDENTIFIER = "姓名,诊断,住址\n张伟,2型糖尿病,天津市和平区南京路100号3单元201室\n"
			+ "王芳,急性支气管炎,天津市河西区友谊路20号5栋302室\n李娜,高血压,天津市南开区红旗路8号1单元101室\n";

	@Test // QA: no identifier column gave a draft with no personal information, and assess answered EXEMPT
	void aDraftWithUncountedPersonsIsRefused() throws IOException {
		Path file = write("patients.csv", NO_IDENTIFIER, StandardCharsets.UTF_8);
		Path draft = this.dir.resolve("draft.json");
		Run r = run(file.toString(), "--as-of", "2026-06-30", "--emit-scenario", draft.toString());
		assertThat(r.exit()).isEqualTo(2);
		assertThat(r.err()).contains("--id-column", "persons").doesNotContain("Exception");
		assertThat(draft).doesNotExist();
		Run text = run(file.toString(), "--as-of", "2026-06-30");
		assertThat(text.exit()).isZero();
		assertThat(text.out()).startsWith("Scan of patients.csv").contains("WARNING", "--id-column");
		assertThat(text.out().indexOf("WARNING")).isLessThan(text.out().indexOf("Columns with personal information"));
		Run json = run(file.toString(), "--as-of", "2026-06-30", "--format", "json");
		JsonNode report = JSON.readTree(json.out());
		assertThat(report.get("scenarioStatus").get("assessable").asBoolean()).isFalse();
		assertThat(report.get("scenarioStatus").get("problems").get(0).get("code").asString())
			.isEqualTo("persons-not-counted");
		assertThat(report.get("details").get("warnings").toString()).contains("--id-column");
		// with an identifier column the draft is written
		Run given = run(file.toString(), "--as-of", "2026-06-30", "--id-column", "姓名", "--emit-scenario",
				draft.toString());
		assertThat(given.exit()).as(given.err()).isZero();
		assertThat(Files.readString(draft)).contains("\"sensitiveIndividuals\" : 3");
		// a table without personal information has nothing to count: its draft is fine as it is
		Path orders = write("orders.csv", "订单号,金额\nSO1001,10.00\nSO1002,20.00\n", StandardCharsets.UTF_8);
		Run none = run(orders.toString(), "--as-of", "2026-06-30", "--emit-scenario", draft.toString());
		assertThat(none.exit()).as(none.err()).isZero();
		assertThat(Files.readString(draft)).contains("\"personalInformation\" : [ ]");
	}

	@Test // QA: --as-of 2024-01-01 wrote a draft that assess then refused
	void aDraftDatedBeforeAnyEditionIsRefused() throws IOException {
		Path file = write("patients.csv", CSV, StandardCharsets.UTF_8);
		Path draft = this.dir.resolve("old.json");
		Run r = run(file.toString(), "--as-of", "2024-01-01", "--emit-scenario", draft.toString());
		assertThat(r.exit()).isEqualTo(2);
		assertThat(r.err().strip()).startsWith("error: --as-of 2024-01-01").contains("tianjin-ftz", "2024-05-08");
		assertThat(draft).doesNotExist();
		assertThat(r.out()).isEmpty();
		// the report alone is fine on any date
		assertThat(run(file.toString(), "--as-of", "2024-01-01").exit()).isZero();
		Run ok = run(file.toString(), "--as-of", "2024-05-08", "--emit-scenario", draft.toString());
		assertThat(ok.exit()).as(ok.err()).isZero();
		assertThat(CliRun.run("assess", draft.toString()).exit()).isZero();
	}

	// ------------------------------------------------------------ --record-to-ledger

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Four rows, three distinct persons (the legacy 15-digit number is the same person as row one). */
	private static final String EXPORT = "姓名,身份证号,手机,诊断\n张伟,11010519491231002X,13812345678,2型糖尿病\n"
			+ "王芳,120101201501010021,13912345678,肺炎\n" + "张伟,110105491231002,13812345678,\n"
			+ "李娜,110105198001010015,13712345678,\n";

	@AfterEach
	void resetLedger() {
		LedgerCommand.environment = null;
	}

	private void tempLedger() {
		LedgerCommand.environment = Map.of("OUTBOUND_DB_URL",
				"jdbc:h2:file:" + this.dir.resolve("data/outbound").toAbsolutePath()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE",
				"OUTBOUND_LEDGER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
	}

	private static CliRun scanToLedger(Path file, String... more) {
		List<String> args = new ArrayList<>(List.of("scan", file.toString(), "--as-of", "2026-06-30",
				"--record-to-ledger", "--processor", "example-tj"));
		args.addAll(List.of(more));
		return CliRun.run(args.toArray(String[]::new));
	}

	private static JsonNode ledgerStatus() {
		CliRun r = CliRun.run("ledger", "status", "--processor", "example-tj", "--year", "2026", "--format", "json");
		assertThat(r.exit()).as(r.err()).isZero();
		return JSON.readTree(r.out());
	}

	@Test
	void recordsTheDistinctPersonsToTheLedgerOnce() throws IOException {
		tempLedger();
		Path file = write("export.csv", EXPORT, StandardCharsets.UTF_8);
		CliRun r = scanToLedger(file, "--event-key", "batch-1", "--format", "json", "--recipient", "Example GmbH");
		assertThat(r.exit()).as(r.err()).isZero();
		JsonNode persons = JSON.readTree(r.out()).get("persons");
		assertThat(persons.get("distinct").asLong()).isEqualTo(3);
		assertThat(r.err()).contains("Ledger: recorded event 'batch-1' of example-tj on 2026-06-30, basis NONE (counted)");

		JsonNode s = ledgerStatus();
		// the ledger counts the same persons, in the same classes, as the scan report
		assertThat(s.get("individuals").asLong()).isEqualTo(persons.get("individuals").asLong()).isEqualTo(2);
		assertThat(s.get("sensitiveIndividuals").asLong()).isEqualTo(persons.get("sensitiveIndividuals").asLong())
			.isEqualTo(2);
		assertThat(s.get("events").asLong()).isEqualTo(1);
		assertThat(s.get("lastEventDate").asString()).isEqualTo("2026-06-30");

		// the same export under the same key: nothing changes
		CliRun again = scanToLedger(file, "--event-key", "batch-1", "--recipient", "Example GmbH");
		assertThat(again.exit()).as(again.err()).isZero();
		assertThat(again.out()).contains("distinct persons: 3", "was already recorded with these persons: nothing changed");
		JsonNode after = ledgerStatus();
		assertThat(after.get("individuals").asLong()).isEqualTo(2);
		assertThat(after.get("sensitiveIndividuals").asLong()).isEqualTo(2);
		assertThat(after.get("events").asLong()).isEqualTo(1);

		// the same persons under a new key: a second event, the year's counts unchanged (distinct persons)
		CliRun second = scanToLedger(file, "--event-key", "batch-2", "--date", "2026-07-01");
		assertThat(second.exit()).as(second.err()).isZero();
		assertThat(second.out()).contains("0 new this year");
		JsonNode later = ledgerStatus();
		assertThat(later.get("individuals").asLong()).isEqualTo(2);
		assertThat(later.get("events").asLong()).isEqualTo(2);

		for (CliRun each : List.of(r, again, second)) {
			assertThat(each.out() + each.err()).doesNotContain("11010519491231002X", "110105491231002", "120101201501010021",
					"110105198001010015", "13812345678", "13912345678", "13712345678");
		}
	}

	@Test
	void aDirectoryIsOneEventAndEmailsCountToo() throws IOException {
		tempLedger();
		write("a.csv", EXPORT, StandardCharsets.UTF_8);
		write("b.jsonl", "{\"email\":\"A@Example.com\"}\n{\"email\":\"a@example.com \"}\n{\"email\":\"b@example.com\"}\n",
				StandardCharsets.UTF_8);
		CliRun r = scanToLedger(this.dir, "--event-key", "dir-1", "--basis", "contract");
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(r.out()).contains("basis CONTRACT (exempt, kept apart)");
		JsonNode s = ledgerStatus();
		assertThat(s.get("individuals").asLong()).isZero();
		assertThat(s.get("exempt").get("individuals").asLong()).isEqualTo(4);
		assertThat(r.out()).doesNotContain("a@example.com", "b@example.com");
	}

	@Test
	void recordToLedgerNeedsItsCompanions() throws IOException {
		tempLedger();
		Path file = write("export.csv", EXPORT, StandardCharsets.UTF_8);
		CliRun noKey = scanToLedger(file);
		assertThat(noKey.exit()).isEqualTo(2);
		assertThat(noKey.err()).contains("--event-key").doesNotContain("Exception");
		assertThat(noKey.out()).isEmpty();
		CliRun noProcessor = CliRun.run("scan", file.toString(), "--record-to-ledger", "--event-key", "k");
		assertThat(noProcessor.exit()).isEqualTo(2);
		assertThat(noProcessor.err()).contains("--processor");
		CliRun stray = CliRun.run("scan", file.toString(), "--event-key", "k");
		assertThat(stray.exit()).isEqualTo(2);
		assertThat(stray.err()).contains("--event-key goes with --record-to-ledger");
		CliRun badBasis = scanToLedger(file, "--event-key", "k", "--basis", "maybe");
		assertThat(badBasis.exit()).isEqualTo(2);
		assertThat(badBasis.err()).contains("maybe");
		CliRun badDate = scanToLedger(file, "--event-key", "k", "--date", "1999-01-01");
		assertThat(badDate.exit()).isEqualTo(2);
		assertThat(badDate.err()).contains("--date");
		// a different export under a used key is refused, naming the option
		assertThat(scanToLedger(file, "--event-key", "k").exit()).isZero();
		Path other = write("other.csv", CSV, StandardCharsets.UTF_8);
		CliRun conflict = scanToLedger(other, "--event-key", "k");
		assertThat(conflict.exit()).isEqualTo(2);
		assertThat(conflict.err()).contains("--event-key");
		assertThat(ledgerStatus().get("events").asLong()).isEqualTo(1);
	}

}
