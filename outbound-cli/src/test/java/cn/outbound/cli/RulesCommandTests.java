package cn.outbound.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outbound rules list|show|validate}.
 */
class RulesCommandTests {

	@Test
	void listShowsBothPacksAndAllItems() {
		CliRun run = CliRun.run("rules", "list");
		assertThat(run.exit()).isZero();
		assertThat(run.out()).contains("tianjin-ftz  2024  2024-05-08").contains("cn-national  2024  2024-03-22")
			.contains("46 items").contains("石油、石化、天然气").contains("art-7-2");
	}

	@Test
	void listFiltersByJurisdiction() {
		CliRun run = CliRun.run("rules", "list", "--jurisdiction", "cn-national", "--lang", "en");
		assertThat(run.out()).contains("cn-national").doesNotContain("tianjin-ftz");
		assertThat(CliRun.run("rules", "list", "--jurisdiction", "nowhere").exit()).isEqualTo(2);
	}

	@Test
	void showPrintsAnItemAsTheOfficialTableReads() {
		CliRun run = CliRun.run("rules", "show", "20");
		assertThat(run.exit()).isZero();
		assertThat(run.out()).contains("四、金融类").contains("20.银行").contains("100万以上客户安全的数据")
			.contains("affectedCustomers").contains("一、需要通过数据出境安全评估的数据清单");
		CliRun en = CliRun.run("rules", "show", "1", "--lang", "en");
		assertThat(en.out()).contains("Remarks:").contains("shared with item 2");
	}

	@Test
	void showPrintsAProvision() {
		CliRun run = CliRun.run("rules", "show", "art-10", "--jurisdiction", "cn-national");
		assertThat(run.exit()).isZero();
		assertThat(run.out()).contains("个人信息保护影响评估");
		assertThat(CliRun.run("rules", "show", "47").exit()).isEqualTo(2);
	}

	@Test
	void validateAcceptsTheShippedPacks(@TempDir Path dir) throws Exception {
		Path copy = dir.resolve("tianjin-ftz-2024.yaml");
		Files.writeString(copy, resource("/rulepacks/tianjin-ftz-2024.yaml"));
		CliRun run = CliRun.run("rules", "validate", copy.toString());
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("OK").contains("46 items");
	}

	@Test
	void validateReportsEveryProblemWithItsLocation(@TempDir Path dir) throws Exception {
		Path broken = dir.resolve("broken.yaml");
		Files.writeString(broken, resource("/rulepacks/tianjin-ftz-2024.yaml").replaceFirst("mechanism: SECURITY_ASSESSMENT",
				"mechanism: MAYBE"));
		CliRun run = CliRun.run("rules", "validate", broken.toString());
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).containsPattern("ERROR: .*broken\\.yaml:\\d+:\\d+: .*mechanism");
	}

	@Test
	void validateReportsProblemsInChineseWithLangZh(@TempDir Path dir) throws Exception {
		Path broken = dir.resolve("broken.yaml");
		Files.writeString(broken, resource("/rulepacks/tianjin-ftz-2024.yaml").replaceFirst("number: 2\n", "number: 3\n"));
		CliRun run = CliRun.run("rules", "validate", "--lang", "zh", broken.toString());
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).containsPattern("错误：.*broken\\.yaml:\\d+:\\d+: ").contains("顺序有误").doesNotContain("ERROR");
	}

	private static String resource(String name) throws Exception {
		try (InputStream in = RulesCommandTests.class.getResourceAsStream(name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
