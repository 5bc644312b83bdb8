package cn.outbound.cli;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.outbound.service.db.DatabaseSettings;
import com.zaxxer.hikari.HikariDataSource;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outbound filing create|status|advance|deadlines} on a database of their own: the same service as the
 * server, the same refusals (exit 2, the state and the allowed next ones named), the audit entries, the feed.
 */
class FilingLifeCommandTests {

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@TempDir
	Path dir;

	String url;

	@BeforeEach
	void database() {
		this.url = "jdbc:h2:file:" + this.dir.resolve("outbound") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		System.setProperty("outbound.db.url", this.url);
	}

	@AfterEach
	void reset() {
		System.clearProperty("outbound.db.url");
		LedgerCommand.environment = null;
	}

	/** A stored assessment (the fixture: the server stores these; the CLI has no door that does). */
	long assessment(String outcome) throws Exception {
		return assessment(outcome, "cli-p");
	}

	long assessment(String outcome, String processor) throws Exception {
		assertThat(CliRun.run("filing", "deadlines").exit()).isZero(); // migrates the database
		try (HikariDataSource ds = DatabaseSettings.of(this.url).open(1); Connection c = ds.getConnection();
				PreparedStatement ps = c.prepareStatement("insert into assessment (created_at, created_by, title,"
						+ " processor_id, processor_name, jurisdiction, export_date, outcome, items, pack_id, pack_edition,"
						+ " pack_hash, scenario, decision) values (current_timestamp, 'alice', 't', ?, 'n',"
						+ " 'cn-national', date '2026-03-01', ?, '', 'cn-national', '2024', 'sha256:x', '{}', '{}')",
						new String[] { "id" })) {
			ps.setString(1, processor);
			ps.setString(2, outcome);
			ps.executeUpdate();
			try (ResultSet rs = ps.getGeneratedKeys()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	@Test
	void aContractIsCreatedMovedAndListedWithItsDeadline() throws Exception {
		long a = assessment("STANDARD_CONTRACT_OR_CERTIFICATION");
		CliRun created = CliRun.run("filing", "create", "--assessment", String.valueOf(a), "--format", "json");
		assertThat(created.exit()).as(created.err()).isZero();
		JsonNode f = JsonMapper.builder().build().readTree(created.out());
		String id = f.get("id").asString();
		assertThat(f.get("state").asString()).isEqualTo("DRAFT");

		CliRun refused = CliRun.run("filing", "advance", id, "--to", "FILED", "--date", TODAY.toString(), "--number",
				"N-1", "--lang", "zh");
		assertThat(refused.exit()).isEqualTo(2);
		assertThat(refused.err()).contains("申报 " + id + " 当前为 DRAFT（草稿），不能进入 FILED（已备案）")
			.contains("CONTRACT_EFFECTIVE（标准合同已生效）");
		CliRun badDate = CliRun.run("filing", "advance", id, "--to", "contract-effective", "--date", "2026-13-01");
		assertThat(badDate.exit()).isEqualTo(2);
		assertThat(badDate.err()).isEqualTo("error: date: '2026-13-01' is not a date; write it as YYYY-MM-DD (e.g. 2026-03-15)\n");

		CliRun moved = CliRun.run("filing", "advance", id, "--to", "contract-effective", "--date",
				TODAY.minusDays(30).toString(), "--lang", "en");
		assertThat(moved.exit()).as(moved.err()).isZero();
		assertThat(moved.out()).contains("now CONTRACT_EFFECTIVE (contract in effect)").contains("Open deadlines:")
			.contains("OVERDUE by").contains("File the standard contract");

		CliRun status = CliRun.run("filing", "status", id);
		assertThat(status.out()).contains("当前 CONTRACT_EFFECTIVE（标准合同已生效）").contains("已逾期");

		CliRun json = CliRun.run("filing", "deadlines", "--format", "json");
		JsonNode d = JsonMapper.builder().build().readTree(json.out()).get("deadlines").get(0);
		assertThat(d.get("uid").asString()).isEqualTo("filing-" + id + "-scc-filing@outbound");
		assertThat(d.get("overdue").asBoolean()).isTrue();

		CliRun ics = CliRun.run("filing", "deadlines", "--format", "ics");
		Calendar cal = new CalendarBuilder().build(new StringReader(ics.out()));
		assertThat(cal.getComponents("VEVENT")).hasSize(1);

		try (HikariDataSource ds = DatabaseSettings.of(this.url).open(1); Connection c = ds.getConnection();
				PreparedStatement ps = c.prepareStatement(
						"select action, actor from audit_event where target = ? order by seq")) {
			ps.setString(1, "filing:" + id);
			try (ResultSet rs = ps.executeQuery()) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("FILING_CREATE");
				assertThat(rs.getString(2)).startsWith("cli:");
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("FILING_TRANSITION");
				assertThat(rs.next()).isFalse();
			}
		}
	}

	@Test
	void anExemptAssessmentHasNothingToFile() throws Exception {
		long a = assessment("EXEMPT");
		CliRun r = CliRun.run("filing", "create", "--assessment", String.valueOf(a));
		assertThat(r.exit()).isEqualTo(2);
		assertThat(r.err()).startsWith("error: Assessment " + a + " decided EXEMPT: that outcome has nothing to file.");
		assertThat(CliRun.run("filing", "status", "424242").err()).isEqualTo("error: No filing 424242.\n");
	}


	@Test
	void theLedgerStatusTellsOfExportsBeyondTheApproval() throws Exception {
		java.util.Map<String, String> env = new java.util.HashMap<>();
		env.put("OUTBOUND_DB_URL", this.url);
		env.put("OUTBOUND_LEDGER_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
		LedgerCommand.environment = env;
		long a = assessment("SECURITY_ASSESSMENT", "cli-watch");
		String id = JsonMapper.builder().build()
			.readTree(CliRun.run("filing", "create", "--assessment", String.valueOf(a), "--format", "json").out())
			.get("id")
			.asString();
		assertThat(CliRun.run("filing", "advance", id, "--to", "SUBMITTED", "--date", TODAY.toString()).exit()).isZero();
		assertThat(CliRun.run("filing", "advance", id, "--to", "ACCEPTED", "--date", TODAY.toString()).exit()).isZero();
		CliRun approved = CliRun.run("filing", "advance", id, "--to", "APPROVED", "--date", TODAY.toString(),
				"--individuals", "1", "--recipient", "Acme GmbH", "--lang", "en");
		assertThat(approved.exit()).as(approved.err()).isZero();
		assertThat(approved.out()).contains("Approved scale: 1 person (non-sensitive)").contains("Valid until: "
				+ TODAY.plusYears(3));
		java.nio.file.Path ids = this.dir.resolve("ids.csv");
		// synthetic, checksum-valid resident ID numbers
		java.nio.file.Files.writeString(ids, "id\n11010519491231002X\n110105195012310010\n");
		CliRun recorded = CliRun.run("ledger", "record", "--processor", "cli-watch", "--date", TODAY.toString(), "--ids",
				ids.toString(), "--column", "id", "--event-key", "e1", "--recipient", "Acme GmbH");
		assertThat(recorded.exit()).as(recorded.err()).isZero();
		CliRun status = CliRun.run("ledger", "status", "--processor", "cli-watch");
		assertThat(status.exit()).as(status.err()).isZero();
		assertThat(status.out()).contains("! Beyond the approved scale").contains("2 were sent this year, 1 more")
			.contains("本年已提供 2 人，超出 1 人");
		JsonNode json = JsonMapper.builder().build()
			.readTree(CliRun.run("ledger", "status", "--processor", "cli-watch", "--format", "json").out());
		assertThat(json.get("notices").get(0).get("code").asString()).isEqualTo("art-38-exceeded");
		assertThat(json.get("notices").get(0).get("rule").asString()).isEqualTo("ndsr-art-38");
	}

}
