package cn.outbound.filing.deadline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.outbound.filing.calendar.DataProblem;
import cn.outbound.filing.calendar.InvalidDataException;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.pack.Obligation;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The deadlines as data, against the facts of docs/source/filing.md §2 (written here as the oracle), the rule pack's
 * obligations (the two must agree), and the loader's checks.
 */
class DeadlinesTests {

	private static final Deadlines DEADLINES = Deadlines.builtIn();

	/** filing.md §2: id, amount, unit, direction, counted from. */
	@Test
	void theSecurityAssessmentsDeadlinesAreFilingMds() {
		assertThat(summary(Mechanism.SECURITY_ASSESSMENT)).containsExactly(
				"sa-self-assessment 3 MONTHS BEFORE submitted", // self-assessment within the 3 months before filing
				"sa-completeness 5 WORKING_DAYS AFTER submitted", // provincial completeness check
				"sa-acceptance 7 WORKING_DAYS AFTER sa-completeness", // national acceptance decision
				"sa-assessment 45 WORKING_DAYS AFTER sa-acceptance", // the assessment
				"sa-re-evaluation 15 WORKING_DAYS AFTER result-issued", // 复评
				"sa-validity 3 YEARS FOR result-issued", // valid 3 years from the result
				"sa-extension 60 WORKING_DAYS BEFORE sa-validity", // the extension window
				"sa-extension-completeness 5 WORKING_DAYS AFTER extension-applied",
				"sa-extension-decision 20 WORKING_DAYS AFTER sa-extension-completeness"); // the CAC decides within 20
	}

	@Test
	void theStandardContractsDeadlinesAreFilingMds() {
		assertThat(summary(Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION)).containsExactly(
				"scc-filing 10 WORKING_DAYS AFTER contract-effective", // filed within 10 working days after it takes effect
				"scc-pia-retention 3 YEARS FOR impact-assessed", // the impact assessment kept at least 3 years
				"cert-validity 3 YEARS FOR certificate-issued", // certification measures art. 8
				"cert-renewal 6 MONTHS AT_LEAST_BEFORE cert-validity");
	}

	@Test
	void noDeadlineRunsForAnExemptExportOrASeparateRegime() {
		assertThat(DEADLINES.forMechanism(Mechanism.EXEMPT)).isEmpty();
		assertThat(DEADLINES.forMechanism(Mechanism.SEPARATE_REGIME)).isEmpty();
		assertThat(DEADLINES.notes(Mechanism.EXEMPT)).singleElement().satisfies(n -> assertThat(n.zh()).contains("第十条"));
		assertThat(DEADLINES.notes(Mechanism.SEPARATE_REGIME)).hasSize(1);
	}

	@Test
	void theDeadlinesAgreeWithTheRulePacksObligations() {
		// where the decision's obligation carries a deadline (rule pack cn-national), the deadline here says the same
		RulePack pack = RulePacks.builtIn().editions("cn-national").get(0);
		Map<String, Obligation> obligations = pack.obligations().stream()
			.collect(Collectors.toMap(Obligation::id, o -> o));
		int compared = 0;
		for (DeadlineRule rule : DEADLINES.all()) {
			if (rule.obligation() == null) {
				continue;
			}
			Obligation o = obligations.get(rule.obligation());
			assertThat(o).as(rule.id()).isNotNull();
			assertThat(rule.mechanism().name()).as(rule.id()).isEqualTo(o.when());
			Obligation.Deadline d = o.deadline();
			if (d != null && d.unit().name().equals(rule.unit().name()) && d.relation().name().equals(rule.direction().name())) {
				assertThat(rule.amount()).as(rule.id()).isEqualTo(d.amount());
				compared++;
			}
		}
		// sa-self-assessment, sa-validity, sa-extension, scc-filing, cert-renewal
		assertThat(compared).isEqualTo(5);
	}

	@Test
	void everyDeadlineCitesItsArticle() {
		for (DeadlineRule rule : DEADLINES.all()) {
			DeadlineCitation c = rule.citation();
			assertThat(c.title().zh()).as(rule.id()).isNotBlank();
			assertThat(c.text().zh()).as(rule.id()).isNotBlank();
			assertThat(c.source()).as(rule.id()).startsWith("docs/source/");
			if (!c.verbatim()) {
				assertThat(c.text().zh()).as(rule.id()).contains("非原文");
				assertThat(c.text().en()).as(rule.id()).contains("not a quotation");
			}
			assertThat(rule.explanation().zh()).isNotBlank();
			assertThat(rule.explanation().en()).isNotBlank();
		}
		assertThat(DEADLINES.rule("sa-validity").citation().rule()).isEqualTo("art-9");
		assertThat(DEADLINES.rule("sa-validity").citation().title().zh()).isEqualTo("《促进和规范数据跨境流动规定》第九条");
		assertThat(DEADLINES.rule("scc-pia-retention").citation().title().zh()).isEqualTo("个人信息出境标准合同第二条第（八）项");
		assertThat(DEADLINES.rule("sa-assessment").citation().text().zh()).contains("45个工作日内完成数据出境安全评估");
	}

	@Test
	void aDeadlineInASentenceForTheDecisionsObligations() {
		assertThat(DEADLINES.forObligation("scc-filing")).extracting(DeadlineRule::id).containsExactly("scc-filing");
		assertThat(DEADLINES.forObligation("sa-extension")).extracting(DeadlineRule::id)
			.containsExactly("sa-extension", "sa-extension-completeness", "sa-extension-decision");
		assertThat(DEADLINES.describe(DEADLINES.rule("scc-filing"), "zh"))
			.isEqualTo("标准合同备案（选择订立标准合同的）：自标准合同生效之日起10个工作日内（《个人信息出境标准合同办法》第七条）");
		assertThat(DEADLINES.forMechanism(Mechanism.SECURITY_ASSESSMENT, "en")).contains(
				"Apply to extend the validity of the result: within the 60 working days before the day the assessment "
						+ "result expires (Article 9, Provisions on Promoting and Regulating Cross-border Data Flows)");
	}

	// ---- the loader's checks

	private static final String SMALL = """
			schema: outbound/deadlines/v1
			pack: cn-national
			source: a test file
			events:
			  - id: contract-effective
			    name: {zh: 标准合同生效之日, en: "the day the contract takes effect"}
			deadlines:
			  - id: scc-filing
			    mechanism: STANDARD_CONTRACT_OR_CERTIFICATION
			    obligation: scc-filing
			    title: {zh: 备案, en: "File"}
			    marks: {zh: 备案的最后一日, en: "the last day to file"}
			    anchor: {event: contract-effective}
			    amount: 10
			    unit: WORKING_DAYS
			    direction: AFTER
			    citation: {rule: scc-art-7, source: docs/source/regulations.md}
			    explanation: {zh: 说明, en: "Why"}
			""";

	private static List<String> problems(String yaml) {
		InvalidDataException ex = catchThrowableOfType(InvalidDataException.class,
				() -> Deadlines.load(yaml.getBytes(StandardCharsets.UTF_8), "d.yaml", RulePacks.builtIn()));
		assertThat(ex).as("expected problems").isNotNull();
		return ex.problems().stream().map(p -> p.render("en")).toList();
	}

	@Test
	void theSmallFileLoads() {
		Deadlines d = Deadlines.load(SMALL.getBytes(StandardCharsets.UTF_8), "d.yaml", RulePacks.builtIn());
		assertThat(d.rule("scc-filing").citation().pack()).isEqualTo("cn-national@2024");
	}

	@Test
	void anUnknownEventStepRuleOrObligationIsNamedWithWhatExists() {
		assertThat(problems(SMALL.replace("{event: contract-effective}", "{event: contract-efective}"))).containsExactly(
				"ERROR: d.yaml:13:21: /deadlines/0/anchor/event: event 'contract-efective' is not declared under 'events' "
						+ "(did you mean 'contract-effective'?); declared: contract-effective");
		assertThat(problems(SMALL.replace("{event: contract-effective}", "{step: scc-filing}"))).containsExactly(
				"ERROR: d.yaml:13:20: /deadlines/0/anchor/step: step 'scc-filing' is not a deadline defined above this one; "
						+ "a deadline is counted only from one defined before it; defined: ");
		assertThat(problems(SMALL.replace("{rule: scc-art-7,", "{rule: scc-art-70,"))).containsExactly(
				"ERROR: d.yaml:17:22: /deadlines/0/citation/rule: rule 'scc-art-70' is not a provision of cn-national@2024 "
						+ "(did you mean 'scc-art-7'?)");
		assertThat(problems(SMALL.replace("obligation: scc-filing", "obligation: scc-filling")).get(0))
			.startsWith("ERROR: d.yaml:10:17: /deadlines/0/obligation: obligation 'scc-filling' is not an obligation of "
					+ "cn-national@2024 (did you mean 'scc-filing'?); allowed: pi-notice-consent-pia, sa-self-assessment");
		assertThat(problems(SMALL.replace("{event: contract-effective}", "{event: contract-effective, step: x}")))
			.containsExactly("ERROR: d.yaml:13:13: /deadlines/0/anchor: an anchor names exactly one of 'event' (a date a "
					+ "person tells) or 'step' (an earlier deadline)");
	}

	@Test
	void badValuesAndUnknownKeys() {
		assertThat(problems(SMALL.replace("unit: WORKING_DAYS", "unit: WORKDAYS"))).singleElement()
			.asString()
			.startsWith("ERROR: d.yaml:15:11: /deadlines/0/unit: 'unit' is 'WORKDAYS'; allowed: WORKING_DAYS, MONTHS, YEARS");
		assertThat(problems(SMALL.replace("amount: 10", "amount: 0"))).containsExactly(
				"ERROR: d.yaml:14:13: /deadlines/0/amount: 'amount' must be a whole number from 1 to 1000, not 0");
		assertThat(problems(SMALL.replace("    amount: 10", "    amount: 10\n    amonut: 3")).get(0))
			.startsWith("ERROR: d.yaml:15:5: /deadlines/0/amonut: unknown field 'amonut' in a deadline (did you mean 'amount'?)");
		assertThat(problems(SMALL.replace("pack: cn-national", "pack: cn-nation"))).contains(
				"ERROR: d.yaml:2:7: /pack: pack 'cn-nation' is not loaded (did you mean 'cn-national'?); loaded: cn-national, tianjin-ftz");
		assertThat(problems(SMALL.replace("  - id: scc-filing", "  - id: SCC_filing")).get(0))
			.startsWith("ERROR: d.yaml:8:9: /deadlines/0/id: id 'SCC_filing' must match [a-z][a-z0-9-]*");
		assertThat(problems(SMALL.replace("source: docs/source/regulations.md}", "source: x, verbatim: true}"))).containsExactly(
				"ERROR: d.yaml:17:15: /deadlines/0/citation: a citation is either 'rule' and 'source' (a provision of the "
						+ "pack, and where it was read) or document, article, text, verbatim and source");
	}

	@Test
	void aDeadlineIsCountedOnlyFromOneOfItsOwnMechanism() {
		String two = SMALL + """
				  - id: sa-later
				    mechanism: SECURITY_ASSESSMENT
				    title: {zh: 测试, en: "Test"}
				    marks: {zh: 测试, en: "test"}
				    anchor: {step: scc-filing}
				    amount: 1
				    unit: YEARS
				    direction: FOR
				    citation: {rule: art-9, source: docs/source/regulations.md}
				    explanation: {zh: 说明, en: "Why"}
				""";
		assertThat(problems(two)).containsExactly("ERROR: d.yaml:23:20: /deadlines/1/anchor/step: step 'scc-filing' is a "
				+ "deadline of STANDARD_CONTRACT_OR_CERTIFICATION; a deadline is counted only from one of its own mechanism");
		List<String> dup = problems(two.replace("id: sa-later", "id: scc-filing").replace("{step: scc-filing}", "{event: contract-effective}")
			.replace("SECURITY_ASSESSMENT", "STANDARD_CONTRACT_OR_CERTIFICATION"));
		assertThat(dup).containsExactly("ERROR: d.yaml:19:9: /deadlines/1/id: id 'scc-filing' is defined twice; each id may be defined once");
	}

	@Test
	void problemsAreInChineseToo() {
		InvalidDataException ex = catchThrowableOfType(InvalidDataException.class, () -> Deadlines.load(
				SMALL.replace("amount: 10", "amount: 0").getBytes(StandardCharsets.UTF_8), "d.yaml", RulePacks.builtIn()));
		assertThat(ex.problems()).extracting(p -> p.render("zh"))
			.containsExactly("错误：d.yaml:14:13: /deadlines/0/amount: “amount”应为 1 至 1000 之间的整数；0 小于 1");
		assertThat(ex.problems()).extracting(DataProblem::code).containsExactly("below-minimum");
	}

	private static List<String> summary(Mechanism m) {
		return DEADLINES.forMechanism(m).stream().map(r -> r.id() + " " + r.amount() + " " + r.unit() + " " + r.direction()
				+ " " + (r.anchor().isEvent() ? r.anchor().event() : r.anchor().step())).toList();
	}

}
