package cn.outbound.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code processor.id} and no {@code priorThisYear}, {@code assess} takes the prior counts from the ledger up to
 * the export's date, and says so (spec/scenario-v1.md).
 */
class AssessWithLedgerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	@BeforeEach
	void environment() {
		Map<String, String> env = new HashMap<>();
		env.put("OUTBOUND_DB_URL", "jdbc:h2:file:" + this.dir.resolve("data/outbound").toAbsolutePath()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
		env.put("OUTBOUND_LEDGER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
		LedgerCommand.environment = env;
	}

	@AfterEach
	void reset() {
		LedgerCommand.environment = null;
	}

	private Path scenario(String processorId, String date, long individuals, String extra) throws Exception {
		Path file = this.dir.resolve("s-" + date + ".json");
		Files.writeString(file, "{\"schema\":\"outbound/scenario/v1\",\"jurisdiction\":\"tianjin-ftz\",\"date\":\"" + date
				+ "\",\"processor\":{\"id\":\"" + processorId + "\",\"ciio\":false},\"personalInformation\":[{\"individuals\":"
				+ individuals + "}]" + extra + "}");
		return file;
	}

	@Test
	void priorCountsComeFromTheLedgerUpToTheExportDate() throws Exception {
		Path ids = this.dir.resolve("ids.csv");
		StringBuilder csv = new StringBuilder("customer\n");
		for (int i = 0; i < 1500; i++) {
			csv.append("C-").append(i).append('\n');
		}
		Files.writeString(ids, csv);
		CliRun recorded = CliRun.run("ledger", "record", "--processor", "acme-tj", "--date", "2026-03-01", "--basis", "NONE",
				"--ids", ids.toString(), "--column", "customer", "--kind", "opaque", "--event-key", "march");
		assertThat(recorded.exit()).as(recorded.err()).isZero();

		// 1,500 already exported + 98,500 now = 100,000: item 46
		CliRun after = CliRun.run("assess", scenario("acme-tj", "2026-06-15", 98500, "").toString());
		assertThat(after.exit()).as(after.err()).isZero();
		JsonNode d = JSON.readTree(after.out());
		assertThat(d.get("outcome").asString()).isEqualTo("STANDARD_CONTRACT_OR_CERTIFICATION");
		assertThat(d.get("cumulative").get("priorSource").asString()).isEqualTo("LEDGER");
		assertThat(d.get("cumulative").get("prior").get("individuals").asLong()).isEqualTo(1500);
		assertThat(d.get("notes").toString()).contains("acme-tj").contains("ledger");

		// before the recorded event nothing was exported yet
		JsonNode before = JSON.readTree(CliRun.run("assess", scenario("acme-tj", "2026-02-28", 98500, "").toString()).out());
		assertThat(before.get("outcome").asString()).isEqualTo("EXEMPT");
		assertThat(before.get("cumulative").get("prior").get("individuals").asLong()).isZero();

		// priorThisYear given: the scenario's counts win, the ledger is not asked
		JsonNode given = JSON.readTree(CliRun.run("assess",
				scenario("acme-tj", "2026-06-15", 98500, ",\"priorThisYear\":{\"individuals\":0}").toString()).out());
		assertThat(given.get("cumulative").get("priorSource").asString()).isEqualTo("SCENARIO");
		assertThat(given.get("outcome").asString()).isEqualTo("EXEMPT");
	}

	@Test
	void anUnknownProcessorIsSaidNotSilentlyZero() throws Exception {
		JsonNode d = JSON.readTree(CliRun.run("assess", scenario("nobody", "2026-06-15", 10, "").toString()).out());
		assertThat(d.get("cumulative").get("priorSource").asString()).isEqualTo("NONE");
		assertThat(d.get("notes").toString()).contains("nobody");
	}

}
