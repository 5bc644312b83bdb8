package cn.outbound.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.outbound.pii.ResidentIdNumber;
import cn.outbound.service.Services;
import cn.outbound.service.db.DatabaseSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outbound ledger}: record, status, history, what-if, counts; exit status 2 with the option named for
 * invalid input; no raw identifier in any output. Each test has its own H2 file.
 */
class LedgerCommandTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Synthetic, checksum-valid test ID (Beijing Chaoyang, 1949-12-31). */
	private static final String ZHANG_WEI_ID = "11010519491231002X";

	@TempDir
	Path dir;

	Map<String, String> env;

	@BeforeEach
	void environment() {
		this.env = new HashMap<>();
		this.env.put("OUTBOUND_DB_URL", "jdbc:h2:file:" + this.dir.resolve("data/outbound").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
		this.env.put("OUTBOUND_LEDGER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
		LedgerCommand.environment = this.env;
	}

	@AfterEach
	void reset() {
		LedgerCommand.environment = null;
	}

	static String residentId(int n) {
		String first17 = String.format("110105%04d0101%03d", 1950 + n / 1000, n % 1000);
		return first17 + ResidentIdNumber.checkDigit(first17);
	}

	Path csv(String name, int from, int to, String... extraRows) throws Exception {
		List<String> lines = new ArrayList<>();
		lines.add("customer,id_number");
		for (int i = from; i < to; i++) {
			lines.add("c" + i + "," + residentId(i));
		}
		lines.addAll(List.of(extraRows));
		Path file = this.dir.resolve(name);
		Files.write(file, lines, StandardCharsets.UTF_8);
		return file;
	}

	CliRun record(Path file, String key, String... more) {
		List<String> args = new ArrayList<>(List.of("ledger", "record", "--processor", "example-tj", "--ids",
				file.toString(), "--column", "id_number", "--event-key", key));
		args.addAll(List.of(more));
		if (!args.contains("--date")) {
			args.addAll(List.of("--date", "2026-03-15"));
		}
		return CliRun.run(args.toArray(String[]::new));
	}

	JsonNode status(String... more) {
		List<String> args = new ArrayList<>(
				List.of("ledger", "status", "--processor", "example-tj", "--year", "2026", "--format", "json"));
		args.addAll(List.of(more));
		CliRun run = CliRun.run(args.toArray(String[]::new));
		assertThat(run.exit()).as(run.err()).isZero();
		return JSON.readTree(run.out());
	}

	JsonNode statusOf(String... more) {
		List<String> args = new ArrayList<>(List.of("ledger", "status", "--processor", "example-tj", "--format", "json"));
		args.addAll(List.of(more));
		CliRun run = CliRun.run(args.toArray(String[]::new));
		assertThat(run.exit()).as(run.err()).isZero();
		return JSON.readTree(run.out());
	}

	@Test // #4
	void recordsAFileAndReportsDistinctPersonsInJson() throws Exception {
		CliRun run = record(csv("a.csv", 0, 120), "batch-1");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("Recorded event 'batch-1'").contains("120 persons, 120 new this year");
		assertThat(record(csv("b.csv", 100, 150), "batch-2").exit()).isZero();
		JsonNode s = status();
		assertThat(s.get("individuals").asLong()).isEqualTo(150);
		assertThat(s.get("sensitiveIndividuals").asLong()).isZero();
		assertThat(s.get("exempt").get("individuals").asLong()).isZero();
		assertThat(s.get("headroom").get(0).get("id").asString()).isEqualTo("individuals-100k");
		assertThat(s.get("headroom").get(0).get("headroom").asLong()).isEqualTo(100_000 - 150);
		assertThat(s.get("months").get(2).get("individuals").asLong()).isEqualTo(150);
		assertThat(s.get("thresholdSource").asString()).isEqualTo("tianjin-ftz 2024");
	}

	@Test // #10: one answer to which thresholds apply
	void anEditionThatMovesTheBandsMovesTheHeadroomFromItsDate() throws Exception {
		Path rules = Files.createDirectories(this.dir.resolve("rules"));
		Files.copy(CliRun.repo().resolve("outbound-rules/src/test/resources/editions/tianjin-ftz-2027-bands-test.yaml"),
				rules.resolve("tianjin-ftz-2027-bands-test.yaml"));
		assertThat(record(csv("a.csv", 0, 120), "y2026").exit()).isZero();
		assertThat(record(csv("b.csv", 0, 120), "y2027", "--date", "2027-02-01").exit()).isZero();
		JsonNode before = status("--rules-dir", rules.toString(), "--as-of", "2026-12-31");
		assertThat(before.get("thresholdSource").asString()).isEqualTo("tianjin-ftz 2024");
		assertThat(before.get("headroom").get(0).get("headroom").asLong()).isEqualTo(100_000 - 120);
		JsonNode after = statusOf("--rules-dir", rules.toString(), "--as-of", "2027-03-01");
		assertThat(after.get("thresholdSource").asString()).isEqualTo("tianjin-ftz 2027-bands-test");
		assertThat(after.get("headroom").get(0).get("id").asString()).isEqualTo("individuals-50k");
		assertThat(after.get("headroom").get(0).get("headroom").asLong()).isEqualTo(50_000 - 120);
		// the national thresholds, asked for by name, did not move
		JsonNode national = statusOf("--rules-dir", rules.toString(), "--as-of", "2027-03-01", "--jurisdiction",
				"cn-national");
		assertThat(national.get("thresholdSource").asString()).isEqualTo("cn-national 2024");
		assertThat(national.get("headroom").get(0).get("headroom").asLong()).isEqualTo(100_000 - 120);
		CliRun unknown = CliRun.run("ledger", "status", "--processor", "example-tj", "--jurisdiction", "shanghai");
		assertThat(unknown.exit()).isEqualTo(2);
		assertThat(unknown.err()).contains("--jurisdiction 'shanghai'").contains("tianjin-ftz");
	}

	@Test // #10: every change is audited, whatever the door
	void aRecordFromTheCliIsAuditedOnceAndWithoutIdentifiers() throws Exception {
		assertThat(record(csv("a.csv", 0, 12), "audited").exit()).isZero();
		assertThat(record(csv("a.csv", 0, 12), "audited").exit()).isZero();
		try (Services services = Services.open(DatabaseSettings.fromEnvironment(this.env))) {
			var entries = services.auditLog().page(0, 10, "LEDGER_RECORD");
			assertThat(entries).singleElement().satisfies(e -> {
				assertThat(e.actor()).startsWith("cli:");
				assertThat(e.target()).isEqualTo("ledger:example-tj/audited");
				assertThat(e.details()).contains("rows=12").doesNotContain(residentId(0));
			});
			assertThat(services.auditLog().verify(null).intact()).isTrue();
		}
	}

	@Test
	void sensitiveAndExemptPersonsAreCountedApart() throws Exception {
		assertThat(record(csv("s.csv", 0, 10), "s", "--sensitive").exit()).isZero();
		assertThat(record(csv("hr.csv", 0, 30), "hr", "--basis", "hr", "--recipient", "HQ GmbH").exit()).isZero();
		JsonNode s = status();
		assertThat(s.get("individuals").asLong()).isZero();
		assertThat(s.get("sensitiveIndividuals").asLong()).isEqualTo(10);
		assertThat(s.get("exempt").get("individuals").asLong()).isEqualTo(30);
		assertThat(s.get("recipients").toString()).contains("\"recipient\":\"HQ GmbH\"");
		this.env.put("OUTBOUND_COUNT_EXEMPT_BASES", "true");
		assertThat(status().get("individuals").asLong()).isEqualTo(30);
	}

	@Test // #4 idempotent by the event key
	void reSendingAnEventChangesNothingAndADifferentFileUnderItsKeyIsRefused() throws Exception {
		Path file = csv("a.csv", 0, 20);
		assertThat(record(file, "k").exit()).isZero();
		CliRun again = record(file, "k");
		assertThat(again.exit()).isZero();
		assertThat(again.out()).contains("already recorded");
		CliRun other = record(csv("b.csv", 0, 21), "k");
		assertThat(other.exit()).isEqualTo(2);
		assertThat(other.err()).startsWith("error: --event-key:").contains("already used");
		assertThat(status().get("individuals").asLong()).isEqualTo(20);
		assertThat(status().get("events").asLong()).isEqualTo(1);
	}

	@Test // #4 unreadable rows: row numbers and masked values, nothing recorded
	void aFileWithInvalidRowsRecordsNothingUnlessSkipped() throws Exception {
		String wrongCheckDigit = "110105194912310021";
		Path file = csv("bad.csv", 0, 5, "c-bad," + wrongCheckDigit, "c-empty,");
		CliRun run = record(file, "bad");
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("--ids").contains("nothing was recorded").contains("line 7: 110************021")
			.contains("line 8").doesNotContain(wrongCheckDigit);
		assertThat(run.out()).doesNotContain(wrongCheckDigit);
		assertThat(status().get("events").asLong()).isZero();
		CliRun skipped = record(file, "bad", "--skip-invalid");
		assertThat(skipped.exit()).as(skipped.err()).isZero();
		assertThat(skipped.out()).contains("invalid rows skipped 2").doesNotContain(wrongCheckDigit);
		assertThat(status().get("individuals").asLong()).isEqualTo(5);
	}

	@Test
	void invalidOptionsExitWithTwoAndNameTheOption() throws Exception {
		Path file = csv("a.csv", 0, 3);
		CliRun date = record(file, "k", "--date", "2026-13-01");
		assertThat(date.exit()).isEqualTo(2);
		assertThat(date.err()).contains("--date").contains("yyyy-MM-dd").doesNotContain("Exception");
		CliRun basis = record(file, "k", "--basis", "MAYBE");
		assertThat(basis.exit()).isEqualTo(2);
		assertThat(basis.err()).contains("--basis").contains("NONE, CONTRACT, HR, EMERGENCY, FOREIGN_ORIGIN, STATUTORY_DUTY");
		CliRun column = CliRun.run("ledger", "record", "--processor", "p", "--date", "2026-03-15", "--ids",
				file.toString(), "--column", "idcard", "--event-key", "k");
		assertThat(column.exit()).isEqualTo(2);
		assertThat(column.err()).contains("--column").contains("[customer, id_number]");
		CliRun missing = CliRun.run("ledger", "record", "--processor", "p", "--date", "2026-03-15", "--ids",
				this.dir.resolve("nope.csv").toString(), "--column", "id", "--event-key", "k");
		assertThat(missing.exit()).isEqualTo(2);
		assertThat(missing.err()).contains("--ids").contains("no such file");
		CliRun kind = record(file, "k", "--kind", "iban");
		assertThat(kind.exit()).isEqualTo(2);
		assertThat(kind.err()).contains("--kind").contains("resident-id, mobile");
		CliRun year = CliRun.run("ledger", "status", "--processor", "p", "--year", "26");
		assertThat(year.exit()).isEqualTo(2);
		assertThat(year.err()).contains("--year");
		CliRun noProcessor = CliRun.run("ledger", "status");
		assertThat(noProcessor.exit()).isEqualTo(2);
		assertThat(noProcessor.err()).contains("--processor");
	}

	@Test // #9: every reader has limits, ledger record's too
	void aFileOverAReadLimitExitsTwoWithOneLineAndRecordsNothing() throws Exception {
		Path wide = this.dir.resolve("wide.csv");
		Files.writeString(wide, "id_number," + "a,".repeat(1_000_000) + "a\n" + residentId(1) + "\n");
		CliRun run = record(wide, "wide");
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err().strip()).isEqualTo(
				"error: --ids: wide.csv: the header is over the limit columns (at most 4096 columns); the file was not read");
		Path longCell = csv("long.csv", 0, 3, "c-long," + "1".repeat((1 << 20) + 1));
		CliRun cell = record(longCell, "long");
		assertThat(cell.exit()).isEqualTo(2);
		assertThat(cell.err().strip()).contains("limit cell-bytes (at most 1048576 bytes)").doesNotContain("\n");
		assertThat(status().get("events").asLong()).isZero();
	}

	@Test // #4 key handling
	void withTheEmbeddedDatabaseAndNoKeyOneIsGeneratedOwnerOnly() throws Exception {
		this.env.remove("OUTBOUND_LEDGER_KEY");
		CliRun run = record(csv("a.csv", 0, 3), "k");
		assertThat(run.exit()).as(run.err()).isZero();
		Path key = this.dir.resolve("data/ledger.key");
		assertThat(run.err()).contains("Generated the ledger key in " + key).contains("BACK IT UP");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
		CliRun second = record(csv("b.csv", 3, 4), "k2");
		assertThat(second.exit()).isZero();
		assertThat(second.err()).doesNotContain("Generated");
		this.env.put("OUTBOUND_LEDGER_KEY", Base64.getEncoder().encodeToString(new byte[40]));
		CliRun wrongKey = CliRun.run("ledger", "status", "--processor", "example-tj");
		assertThat(wrongKey.exit()).isEqualTo(2);
		assertThat(wrongKey.err()).contains("OUTBOUND_LEDGER_KEY").contains("not the key this ledger was created with");
	}

	@Test // #4 key handling
	void withPostgresqlAndNoKeyTheCommandRefuses() throws Exception {
		this.env.remove("OUTBOUND_LEDGER_KEY");
		this.env.put("OUTBOUND_DB_URL", "jdbc:postgresql://127.0.0.1:1/none");
		CliRun run = record(csv("a.csv", 0, 3), "k");
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).startsWith("error: OUTBOUND_LEDGER_KEY: OUTBOUND_LEDGER_KEY is not set")
			.contains("openssl rand -base64 32");
	}

	@Test
	void readsGbkFilesWithSemicolonsAndJsonLines() throws Exception {
		Path gbk = this.dir.resolve("gbk.csv");
		String text = "客户;身份证号\n张伟;" + ZHANG_WEI_ID + "\n李娜;" + residentId(1) + "\n";
		Files.write(gbk, text.getBytes(Charset.forName("GBK")));
		CliRun run = CliRun.run("ledger", "record", "--processor", "example-tj", "--date", "2026-03-15", "--ids",
				gbk.toString(), "--column", "身份证号", "--event-key", "gbk");
		assertThat(run.exit()).as(run.err()).isZero();
		Path jsonl = this.dir.resolve("ids.jsonl");
		Files.writeString(jsonl, "{\"id\":\"" + ZHANG_WEI_ID.toLowerCase() + "\"}\n{\"id\":\"110105491231002\"}\n"
				+ "{\"id\":\"" + residentId(2) + "\"}\n");
		run = CliRun.run("ledger", "record", "--processor", "example-tj", "--date", "2026-03-16", "--ids",
				jsonl.toString(), "--column", "id", "--event-key", "jsonl", "--kind", "resident-id");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("3 identifiers, 2 persons, 1 new this year");
		assertThat(status().get("individuals").asLong()).isEqualTo(3);
	}

	@Test // #4 what if
	void whatIfTellsTheNewPersonsAndRecordsNothing() throws Exception {
		assertThat(record(csv("a.csv", 0, 100), "a").exit()).isZero();
		CliRun run = CliRun.run("ledger", "what-if", "--processor", "example-tj", "--date", "2026-04-01", "--ids",
				csv("b.csv", 90, 130).toString(), "--column", "id_number", "--format", "json");
		assertThat(run.exit()).as(run.err()).isZero();
		JsonNode w = JSON.readTree(run.out());
		assertThat(w.get("persons").asLong()).isEqualTo(40);
		assertThat(w.get("alreadyRecorded").asLong()).isEqualTo(10);
		assertThat(w.get("newPersons").asLong()).isEqualTo(30);
		assertThat(w.get("after").asLong()).isEqualTo(130);
		assertThat(status().get("individuals").asLong()).isEqualTo(100);
		CliRun text = CliRun.run("ledger", "what-if", "--processor", "example-tj", "--date", "2026-04-01", "--ids",
				csv("c.csv", 90, 130).toString(), "--column", "id_number");
		assertThat(text.out()).contains("already recorded in 2026 10, new 30").contains("100 -> 130");
	}

	@Test
	void historyAndCountsShowTheYear() throws Exception {
		assertThat(record(csv("a.csv", 0, 10), "a", "--date", "2026-01-10", "--recipient", "Alpha").exit()).isZero();
		assertThat(record(csv("b.csv", 5, 25), "b", "--date", "2026-03-10").exit()).isZero();
		CliRun history = CliRun.run("ledger", "history", "--processor", "example-tj", "--year", "2026");
		assertThat(history.exit()).as(history.err()).isZero();
		assertThat(history.out()).contains("2026-01").contains("2026-03").contains("Alpha").contains("Events:")
			.contains("2026-03-10  b");
		CliRun counts = CliRun.run("ledger", "counts", "--processor", "example-tj", "--date", "2026-02-28",
				"--format", "json");
		assertThat(counts.exit()).isZero();
		assertThat(JSON.readTree(counts.out()).get("individuals").asLong()).isEqualTo(10);
		CliRun asOf = CliRun.run("ledger", "status", "--processor", "example-tj", "--as-of", "2026-03-09");
		assertThat(asOf.out()).contains("Counted persons:   10 non-sensitive");
	}

	@Test
	void statusTextShowsHeadroomAndAlerts() throws Exception {
		assertThat(record(csv("a.csv", 0, 3), "a").exit()).isZero();
		CliRun run = CliRun.run("ledger", "status", "--processor", "example-tj", "--year", "2026");
		assertThat(run.exit()).isZero();
		assertThat(run.out()).contains("Counted persons:   3 non-sensitive, 0 sensitive")
			.contains("individuals-100k").contains("99,997 to go").contains("sensitive-10k");
	}

}
