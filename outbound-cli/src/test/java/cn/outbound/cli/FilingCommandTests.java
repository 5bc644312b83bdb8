package cn.outbound.cli;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.outbound.filing.deadline.Deadlines;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code outbound filing plan}: the engine decides the scenario as {@code assess} does, and the timeline of its
 * mechanism follows. Expected dates were worked out by hand from docs/source/filing.md.
 */
class FilingCommandTests {

	@Test
	void aStandardContractScenarioGetsItsFilingDeadline() {
		CliRun run = CliRun.run("filing", "plan", CliRun.example("pi-contract-range"), "--contract-effective", "2026-09-28",
				"--lang", "en");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("Filing timeline: Personal-information standard contract or certification "
				+ "(STANDARD_CONTRACT_OR_CERTIFICATION)\n")
			// 29, 30 Sep; 1-7 Oct off; 8, 9; Sat 10 Oct worked; 12-16
			.contains("\n2026-10-16  the last day to file\n")
			.contains("    needs the day the personal-information protection impact assessment report is completed "
					+ "(--impact-assessed DATE)\n")
			.contains("Working days are counted with the State Council holiday schedules of 2026.");
	}

	@Test
	void aSecurityAssessmentScenarioAsJson() {
		CliRun run = CliRun.run("filing", "plan", CliRun.example("hospital-emr"), "--submitted", "2026-03-02", "--format",
				"json");
		assertThat(run.exit()).as(run.err()).isZero();
		assertThat(run.out()).contains("\"schema\": \"outbound/filing-plan/v1\"")
			.contains("\"outcome\": \"SECURITY_ASSESSMENT\"")
			.contains("\"known\": {\n    \"submitted\": \"2026-03-02\"\n  }")
			// 3, 4, 5, 6, 9 Mar
			.contains("\"date\": \"2026-03-09\"")
			// 10-13, 16-18 Mar
			.contains("\"date\": \"2026-03-18\"")
			.contains("\"waitingFor\": \"result-issued\"");
	}

	@Test
	void anExemptScenarioHasNothingToFile() {
		CliRun run = CliRun.run("filing", "plan", CliRun.example("pi-below-100k"));
		assertThat(run.exit()).isZero();
		assertThat(run.out()).startsWith("申报与备案时间表：免予申报安全评估、订立标准合同、通过认证（EXEMPT）\n该机制没有申报或者备案期限。\n");
	}

	@Test
	void anInvalidScenarioIsReportedAsAssessReportsIt() {
		CliRun run = CliRun.run("filing", "plan", CliRun.example("invalid-negative-count"));
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).contains("invalid-negative-count.json:").contains("/personalInformation/0/individuals");
		assertThat(run.out()).isEmpty();
		assertThat(CliRun.run("filing", "plan", "no-such-file.json").exit()).isEqualTo(1);
	}

	@Test
	void aBadDateNamesItsOption() {
		CliRun run = CliRun.run("filing", "plan", CliRun.example("hospital-emr"), "--result-issued", "15/06/2026");
		assertThat(run.exit()).isEqualTo(2);
		assertThat(run.err()).startsWith("error: --result-issued must be an ISO date YYYY-MM-DD from 1900-01-01 to "
				+ "2999-12-31 (e.g. 2026-03-15), not '15/06/2026'");
		assertThat(run.out()).isEmpty();
	}

	@Test
	void everyEventOfTheDeadlinesHasAnOptionOfItsName() {
		Set<String> options = Outbound.commandLine("filing").getSubcommands().get("filing").getSubcommands().get("plan")
			.getCommandSpec().options().stream().map(o -> o.longestName()).collect(Collectors.toSet());
		for (String event : Deadlines.builtIn().events().keySet()) {
			assertThat(options).as(event).contains("--" + event);
		}
	}

	@Test
	void filingTakesMoreSubcommandsOneLineEach() {
		assertThat(Outbound.commandLine("filing").getSubcommands().get("filing").getSubcommands()).containsKey("plan");
	}

	@Test // a date the mechanism counts nothing from is said, not dropped in silence
	void aDateTheMechanismDoesNotUseIsNamedOnStandardError() {
		CliRun contract = CliRun.run("filing", "plan", CliRun.example("pi-contract-range"), "--submitted", "2026-12-01");
		assertThat(contract.exit()).isZero();
		assertThat(contract.out()).contains("需要标准合同生效之日（--contract-effective DATE）");
		assertThat(contract.err().strip()).isEqualTo("note: --submitted not used: the mechanism is Personal-information "
				+ "standard contract or certification (STANDARD_CONTRACT_OR_CERTIFICATION), whose timeline counts only from "
				+ "--contract-effective, --impact-assessed, --certificate-issued");
		CliRun zh = CliRun.run("filing", "plan", CliRun.example("hospital-emr"), "--submitted", "2026-03-02",
				"--contract-effective", "2026-03-02", "--lang", "zh");
		assertThat(zh.err()).startsWith("注意：未使用 --contract-effective：").contains("（SECURITY_ASSESSMENT）")
			.contains("--submitted").doesNotContain("未使用 --submitted");
		CliRun exempt = CliRun.run("filing", "plan", CliRun.example("pi-below-100k"), "--submitted", "2026-12-01",
				"--lang", "en");
		assertThat(exempt.err()).contains("--submitted not used").contains("(EXEMPT), which has no filing deadlines");
		// every date used: nothing said
		assertThat(CliRun.run("filing", "plan", CliRun.example("pi-contract-range"), "--contract-effective", "2026-12-01")
			.err()).isEmpty();
	}

}
