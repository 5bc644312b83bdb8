package cn.outbound.filing.deadline;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.outbound.filing.calendar.WorkingDays;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.render.DecisionJson;
import cn.outbound.rules.render.Json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Filing timelines against dates worked out by hand from the notices in docs/source/filing.md §1 (the working written
 * beside each), and the rules of docs/source/filing.md §2.
 */
class FilingPlanTests {

	private static FilingPlan plan(Mechanism m, String... eventsAndDates) {
		Map<String, LocalDate> known = new LinkedHashMap<>();
		for (int i = 0; i < eventsAndDates.length; i += 2) {
			known.put(eventsAndDates[i], LocalDate.parse(eventsAndDates[i + 1]));
		}
		return FilingPlan.of(m, known, Deadlines.builtIn(), WorkingDays.builtIn());
	}

	private static FilingPlan.Step step(FilingPlan plan, String id) {
		return plan.steps().stream().filter(s -> s.rule().id().equals(id)).findFirst().orElseThrow();
	}

	private static String dateOf(FilingPlan plan, String id) {
		FilingPlan.Step s = step(plan, id);
		return (s.date() == null) ? "not yet known" : s.date() + (s.provisional() ? "*" : "");
	}

	@Test
	void aSecurityAssessmentFiledOn2March2026() {
		FilingPlan p = plan(Mechanism.SECURITY_ASSESSMENT, "submitted", "2026-03-02", "result-issued", "2026-06-15");
		// 3 months before Mon 2 Mar 2026
		assertThat(dateOf(p, "sa-self-assessment")).isEqualTo("2025-12-02");
		assertThat(step(p, "sa-self-assessment").windowEnd()).isEqualTo(LocalDate.of(2026, 3, 2));
		// 3, 4, 5, 6 (Tue-Fri), 9 Mar (Mon)
		assertThat(dateOf(p, "sa-completeness")).isEqualTo("2026-03-09");
		// from 9 Mar: 10, 11, 12, 13, 16, 17, 18
		assertThat(dateOf(p, "sa-acceptance")).isEqualTo("2026-03-18");
		// from 18 Mar: 19, 20 (2); 23-27 (7); 30, 31 (9); 1-3 Apr (12), 4-6 Apr Qingming off; 7-10 (16); 13-17 (21);
		// 20-24 (26); 27-30 (30); 1-5 May Labour Day off; 6, 7, 8 (33); Sat 9 May worked (34); 11-15 (39); 18-22 (44); 25 (45)
		assertThat(dateOf(p, "sa-assessment")).isEqualTo("2026-05-25");
		// from Mon 15 Jun: 16, 17, 18 (3); 19-21 Dragon Boat off; 22-26 (8); 29, 30, 1, 2, 3 Jul (13); 6 (14), 7 (15)
		assertThat(dateOf(p, "sa-re-evaluation")).isEqualTo("2026-07-07");
		// 3 years from 15 Jun 2026
		assertThat(dateOf(p, "sa-validity")).isEqualTo("2029-06-15");
		// 60 working days before Fri 15 Jun 2029, weekends only (2029 not loaded): 12 whole weeks back, Fri 23 Mar
		assertThat(dateOf(p, "sa-extension")).isEqualTo("2029-03-23*");
		assertThat(step(p, "sa-extension").windowEnd()).isEqualTo(LocalDate.of(2029, 6, 15));
		// not told: the extension's application
		assertThat(dateOf(p, "sa-extension-completeness")).isEqualTo("not yet known");
		assertThat(step(p, "sa-extension-decision").waitingFor()).isEqualTo("extension-applied");
		assertThat(step(p, "sa-extension-decision").waitingForName().zh()).isEqualTo("提出延长评估结果有效期申请之日");
		assertThat(p.provisional()).isTrue();
		assertThat(p.calendars()).containsExactly(2026);
		assertThat(p.estimated()).containsExactly(2029);
		assertThat(p.notes()).hasSize(2);
	}

	@Test
	void theExtensionOnceApplied() {
		// Mon 2 Apr 2029 (weekends only): 3, 4, 5, 6, 9 Apr; then 20 working days = 4 weeks: Mon 7 May
		FilingPlan p = plan(Mechanism.SECURITY_ASSESSMENT, "extension-applied", "2029-04-02");
		assertThat(dateOf(p, "sa-extension-completeness")).isEqualTo("2029-04-09*");
		assertThat(dateOf(p, "sa-extension-decision")).isEqualTo("2029-05-07*");
		assertThat(dateOf(p, "sa-completeness")).isEqualTo("not yet known");
	}

	@Test
	void aStandardContractTakingEffectOn28September2026() {
		FilingPlan p = plan(Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION, "contract-effective", "2026-09-28",
				"impact-assessed", "2026-09-01", "certificate-issued", "2026-01-15");
		// filing.md's example: 29, 30 Sep; 1-7 Oct off; 8, 9; Sat 10 Oct worked; 12-16
		assertThat(dateOf(p, "scc-filing")).isEqualTo("2026-10-16");
		assertThat(dateOf(p, "scc-pia-retention")).isEqualTo("2029-09-01");
		assertThat(dateOf(p, "cert-validity")).isEqualTo("2029-01-15");
		// 6 months before 15 Jan 2029
		assertThat(dateOf(p, "cert-renewal")).isEqualTo("2028-07-15");
		assertThat(p.provisional()).isFalse();
		assertThat(p.calendars()).containsExactly(2026);
	}

	@Test
	void aStandardContractFilingThatRunsIntoAnUnloadedYearIsAnEstimate() {
		// filing.md: 10 working days from Thu 24 Dec 2026 reaches into 2027: 25, 28-31 Dec; Fri 1 Jan (weekends only), 4-7 Jan
		FilingPlan p = plan(Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION, "contract-effective", "2026-12-24");
		assertThat(dateOf(p, "scc-filing")).isEqualTo("2027-01-07*");
		assertThat(p.provisional()).isTrue();
		assertThat(FilingPlanJson.provisionalNote(p).en()).contains("2027").contains("loaded: 2025, 2026");
		// the other side: from Wed 16 Dec 2026 the count stays in 2026 (17, 18, 21-25, 28, 29, 30 Dec): exact
		FilingPlan inside = plan(Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION, "contract-effective", "2026-12-16");
		assertThat(dateOf(inside, "scc-filing")).isEqualTo("2026-12-30");
		assertThat(inside.provisional()).isFalse();
	}

	@Test
	void anEstimateCarriesOverToTheDeadlinesCountedFromIt() {
		// Mon 28 Dec 2026: 29, 30, 31 Dec, Fri 1 Jan 2027 (estimate), Mon 4 Jan
		FilingPlan p = plan(Mechanism.SECURITY_ASSESSMENT, "submitted", "2026-12-28");
		assertThat(dateOf(p, "sa-completeness")).isEqualTo("2027-01-04*");
		// 5, 6, 7, 8, 11, 12, 13 Jan
		assertThat(dateOf(p, "sa-acceptance")).isEqualTo("2027-01-13*");
		assertThat(step(p, "sa-assessment").provisional()).isTrue();
		// the self-assessment window is counted in months, not working days: exact
		assertThat(dateOf(p, "sa-self-assessment")).isEqualTo("2026-09-28");
	}

	@Test
	void monthsAndYearsLandOnTheSameDayOrTheMonthsLast() {
		assertThat(dateOf(plan(Mechanism.SECURITY_ASSESSMENT, "result-issued", "2028-02-29"), "sa-validity")).isEqualTo("2031-02-28");
		assertThat(dateOf(plan(Mechanism.SECURITY_ASSESSMENT, "submitted", "2026-05-31"), "sa-self-assessment"))
			.isEqualTo("2026-02-28");
	}

	@Test
	void withNoDateEveryStepWaitsForItsEvent() {
		FilingPlan p = plan(Mechanism.SECURITY_ASSESSMENT);
		assertThat(p.steps()).hasSize(9).allMatch(s -> !s.known());
		assertThat(p.steps()).extracting(FilingPlan.Step::waitingFor).containsExactly("submitted", "submitted", "submitted",
				"submitted", "result-issued", "result-issued", "result-issued", "extension-applied", "extension-applied");
		assertThat(p.provisional()).isFalse();
		assertThat(p.calendars()).isEmpty();
	}

	@Test
	void anExemptExportHasNoDeadlineButSaysWhy() {
		FilingPlan p = plan(Mechanism.EXEMPT, "contract-effective", "2026-09-28");
		assertThat(p.steps()).isEmpty();
		assertThat(p.notes()).hasSize(1);
		String text = FilingPlanText.render(p, "en", e -> "--" + e);
		assertThat(text).contains("No filing deadline applies to this mechanism.").contains("art. 10");
	}

	@Test
	void anUnknownEventOrADateOutOfRangeIsRefused() {
		assertThatThrownBy(() -> FilingPlan.of(Mechanism.EXEMPT, Map.of("signed", LocalDate.of(2026, 1, 5)),
				Deadlines.builtIn(), WorkingDays.builtIn())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("unknown event 'signed'");
		assertThatThrownBy(() -> FilingPlan.of(Mechanism.EXEMPT, Map.of("submitted", LocalDate.of(3000, 1, 1)),
				Deadlines.builtIn(), WorkingDays.builtIn())).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theJsonCarriesEachStepWithItsCitationInBothLanguages() {
		FilingPlan p = plan(Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION, "contract-effective", "2026-09-28");
		DecisionJson.Obj json = FilingPlanJson.toJson(p);
		assertThat(json.get("schema")).isEqualTo("outbound/filing-plan/v1");
		assertThat(json.get("outcome")).isEqualTo("STANDARD_CONTRACT_OR_CERTIFICATION");
		assertThat(json.get("provisional")).isEqualTo(false);
		assertThat(json.get("calendars")).isEqualTo(List.of(2026));
		@SuppressWarnings("unchecked")
		Map<String, Object> first = (Map<String, Object>) ((List<Object>) json.get("steps")).get(0);
		assertThat(first.get("id")).isEqualTo("scc-filing");
		assertThat(first.get("date")).isEqualTo("2026-10-16");
		assertThat(first.get("unit")).isEqualTo("WORKING_DAYS");
		assertThat(Json.compact(first.get("anchor"))).isEqualTo(
				"{\"event\":\"contract-effective\",\"name\":{\"zh\":\"标准合同生效之日\",\"en\":\"the day the standard contract takes effect\"},\"date\":\"2026-09-28\"}");
		assertThat(Json.compact(first.get("period"))).isEqualTo(
				"{\"zh\":\"自标准合同生效之日（2026-09-28）起10个工作日内\",\"en\":\"within 10 working days from the day the standard contract takes effect (2026-09-28)\"}");
		assertThat(Json.compact(first.get("citation"))).contains("\"rule\":\"scc-art-7\"").contains("\"verbatim\":true")
			.contains("个人信息处理者应当在标准合同生效之日起10个工作日内向所在地省级网信部门备案");
		@SuppressWarnings("unchecked")
		Map<String, Object> second = (Map<String, Object>) ((List<Object>) json.get("steps")).get(1);
		assertThat(second.get("date")).isNull();
		assertThat(second.get("waitingFor")).isEqualTo("impact-assessed");
	}

	@Test
	void theTextInChineseAndEnglish() {
		FilingPlan p = plan(Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION, "contract-effective", "2026-12-24");
		String zh = FilingPlanText.render(p, "zh", e -> "--" + e + " DATE");
		assertThat(zh).startsWith("申报与备案时间表：订立个人信息出境标准合同或通过个人信息保护认证（STANDARD_CONTRACT_OR_CERTIFICATION）\n")
			.contains("2027-01-07*  备案的最后一日\n")
			.contains("    标准合同备案（选择订立标准合同的）：自标准合同生效之日（2026-12-24）起10个工作日内\n")
			.contains("    依据：《个人信息出境标准合同办法》第七条\n")
			.contains("尚不确定  最短保存期届满之日\n")
			.contains("    需要个人信息保护影响评估报告完成之日（--impact-assessed DATE）\n")
			.contains("* 带 * 的日期是估计");
		String en = FilingPlanText.render(p, "en", e -> "--" + e + " DATE");
		assertThat(en).contains("2027-01-07*  the last day to file\n")
			.contains("    basis: Measures on the Standard Contract for the Export of Personal Information, Article 7\n")
			.contains("not yet known  the end of the shortest retention\n")
			.contains("    basis: Standard Contract for the Export of Personal Information, clause 2(8) (a summary, not a quotation)\n")
			.contains("* Dates marked * are estimates");
	}

}
