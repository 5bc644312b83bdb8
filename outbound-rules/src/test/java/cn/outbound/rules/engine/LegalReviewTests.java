package cn.outbound.rules.engine;

import java.util.List;

import cn.outbound.rules.Fixtures;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.render.DecisionText;
import cn.outbound.rules.render.Explanations;
import cn.outbound.rules.source.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The points a lawyer's review of the decisions raised (issue #14, items 6 and 7): the statutory-duty basis of art.
 * 35(6) of the Network Data Security Management Regulations and its date, a note on a class this export does not carry
 * whose count this year already calls for a mechanism, wording of the separate regime that fits the jurisdiction, and
 * whole numbers written with an exponent. Each expected value is worked out by hand from the rules' text.
 */
class LegalReviewTests {

	private static String dated(String json, String date) {
		return json.replace("\"date\":\"2026-06-15\"", "\"date\":\"" + date + "\"");
	}

	private static String statutory(int individuals, int sensitive) {
		return "\"personalInformation\":[{\"individuals\":" + individuals + ",\"sensitiveIndividuals\":" + sensitive
				+ ",\"basis\":\"STATUTORY_DUTY\"}]";
	}

	// ---------------------------------------------------------------- STATUTORY_DUTY, art. 35(6), from 2025-01-01

	@Test
	void statutoryDutyExemptsFromTheDayTheRegulationsTakeEffect() {
		Decision d = Fixtures.decide(dated(Fixtures.tianjin(statutory(150_000, 20_000)), "2025-01-01"));
		assertThat(d.outcome()).isEqualTo(Mechanism.EXEMPT);
		assertThat(d.cumulative().individuals()).isZero();
		assertThat(d.exemptions()).extracting(Decision.Exemption::rule).contains("ndsr-art-35-6");
		Decision.Exemption e = d.exemptions().stream().filter(x -> "ndsr-art-35-6".equals(x.rule())).findFirst().get();
		assertThat(e.citation().fullTitle().zh()).contains("网络数据安全管理条例").contains("第三十五条");
		assertThat(e.quote().zh()).isEqualTo("（六）为履行法定职责或者法定义务，确需向境外提供个人信息");
	}

	@Test
	void theDayBeforeStatutoryDutyCountsAsNoBasisAndTheDecisionSaysSo() {
		Decision d = Fixtures.decide(dated(Fixtures.tianjin(statutory(150_000, 20_000)), "2024-12-31"));
		// 150,000 persons counted: item 46; 20,000 sensitive persons counted: item 45, a security assessment
		assertThat(d.cumulative().individuals()).isEqualTo(150_000);
		assertThat(d.cumulative().sensitiveIndividuals()).isEqualTo(20_000);
		assertThat(d.outcome()).isEqualTo(Mechanism.SECURITY_ASSESSMENT);
		assertThat(d.items()).containsExactly(45, 46);
		assertThat(d.notes()).extracting(Explanation::key).contains("pi.basisNotInForce");
		String zh = DecisionText.render(d, "zh");
		assertThat(zh).contains("自2025-01-01起施行").contains("为履行法定职责或者法定义务所必需");
		assertThat(DecisionText.render(d, "en")).contains("applies from 2025-01-01");
	}

	@Test
	void statutoryDutyWorksUnderTheNationalProvisionsToo() {
		Decision d = Fixtures.decide(Fixtures.national(statutory(2_000_000, 0)));
		assertThat(d.outcome()).isEqualTo(Mechanism.EXEMPT);
		assertThat(d.exemptions()).extracting(Decision.Exemption::rule).contains("ndsr-art-35-6");
	}

	// ---------------------------------------------------------------- a class this export does not carry

	@Test
	void earlierExportsOfAClassNotCarriedNowAreNamedInANote() {
		// the case: 2,000,000 non-sensitive persons earlier this year, this export carries 1 sensitive person
		Decision d = Fixtures.decide(Fixtures.tianjin(Fixtures.pi(0, 1), Fixtures.prior(2_000_000, 0)));
		assertThat(d.outcome()).isEqualTo(Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION);
		assertThat(d.items()).containsExactly(46);
		List<Explanation> notes = d.notes().stream().filter(n -> n.key().equals("cumulative.uncarriedClass")).toList();
		assertThat(notes).hasSize(1);
		String zh = Explanations.render(notes.get(0), "zh");
		assertThat(zh).startsWith("个人信息（不含敏感个人信息）").contains("2,000,000人").contains("第45项").contains("申报数据出境安全评估")
			.contains("请核实");
		assertThat(Explanations.render(notes.get(0), "en")).contains("2,000,000 persons").contains("check that they were");
	}

	@ParameterizedTest(name = "prior {0} non-sensitive, this export 1 sensitive: note {1}")
	@CsvSource({ "0, false", "99999, false", "100000, true", "999999, true", "1000000, true" })
	void theNoteAppearsExactlyWhenTheEarlierCountCallsForAMechanism(long prior, boolean note) {
		Decision d = Fixtures.decide(Fixtures.tianjin(Fixtures.pi(0, 1), Fixtures.prior(prior, 0)));
		assertThat(d.notes()).extracting(Explanation::key)
			.as("note for %d earlier persons", prior)
			.matches(keys -> keys.contains("cumulative.uncarriedClass") == note);
	}

	@Test
	void earlierSensitiveExportsAreNamedWhenThisExportCarriesNone() {
		Decision d = Fixtures.decide(Fixtures.tianjin(Fixtures.pi(150_000, 0), Fixtures.prior(0, 12_000)));
		assertThat(d.items()).containsExactly(46);
		assertThat(d.notes()).filteredOn(n -> n.key().equals("cumulative.uncarriedClass"))
			.singleElement()
			.satisfies(n -> assertThat(Explanations.render(n, "zh")).startsWith("敏感个人信息").contains("12,000人")
				.contains("第45项"));
	}

	@Test
	void aClassThisExportCarriesGetsNoSuchNote() {
		Decision d = Fixtures.decide(Fixtures.tianjin(Fixtures.pi(10, 1), Fixtures.prior(2_000_000, 20_000)));
		assertThat(d.notes()).extracting(Explanation::key).doesNotContain("cumulative.uncarriedClass");
	}

	// ---------------------------------------------------------------- the separate regime's wording

	@Test
	void theSeparateRegimeNamesNoListUnderTheNationalProvisions() {
		Decision d = Fixtures.decide(Fixtures.national("\"flags\":{\"stateSecrets\":true}"));
		assertThat(d.outcome()).isEqualTo(Mechanism.SEPARATE_REGIME);
		assertThat(DecisionText.render(d, "zh")).doesNotContain("负面清单").contains("国家秘密");
		assertThat(DecisionText.render(d, "en")).doesNotContainIgnoringCase("negative list")
			.doesNotContainIgnoringCase("outside the list");
	}

	@Test
	void underTheZonesListTheSeparateRegimeSaysTheDataIsOutsideTheList() {
		Decision d = Fixtures.decide(Fixtures.tianjin("\"flags\":{\"stateSecrets\":true}"));
		assertThat(DecisionText.render(d, "zh")).contains("不纳入负面清单管理");
		assertThat(DecisionText.render(d, "en")).contains("outside the negative list");
	}

	// ---------------------------------------------------------------- numbers

	@ParameterizedTest(name = "individuals {0} reads as {1}")
	@CsvSource({ "1E6, 1000000", "1e6, 1000000", "1.2E6, 1200000", "1000000.0, 1000000", "1E12, 1000000000000",
			"0E5, 0" })
	void aWholeNumberWrittenWithAnExponentIsAccepted(String written, long value) {
		Decision d = Fixtures.decide(Fixtures.tianjin(
				"\"personalInformation\":[{\"individuals\":" + written + ",\"sensitiveIndividuals\":0}]"));
		assertThat(d.cumulative().individuals()).isEqualTo(value);
	}

	@ParameterizedTest(name = "individuals {0} is refused: {1}")
	@CsvSource(delimiter = '|', value = { "1.5|not 1.5", "1.0000001E6|not 1000000.1", "1E13|not 10000000000000",
			"1E999999999|not 1E+999999999", "-1E3|not -1000" })
	void otherNumbersAreRefusedWithAMessageThatDoesNotContradictItself(String written, String shown) {
		List<Problem> problems = problems(Fixtures.tianjin(
				"\"personalInformation\":[{\"individuals\":" + written + ",\"sensitiveIndividuals\":0}]"));
		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.message()).contains(shown).contains("whole number");
			assertThat(p.message().length()).isLessThan(200);
		});
	}

	@ParameterizedTest(name = "unitCapacityMW {0}: {1}")
	@CsvSource(delimiter = '|', value = { "1E999999999|from 0 to", "0.1234567|at most 6 digits", "-1|≥ 0" })
	void numericFactsAreBoundedToo(String written, String message) {
		List<Problem> problems = problems(Fixtures.tianjin(Fixtures.item(14,
				"{\"facility\":\"THERMAL\",\"unitCapacityMW\":" + written + ",\"totalCapacityMW\":3000}")));
		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.message()).contains(message);
			assertThat(p.message().length()).isLessThan(300);
		});
	}

	@Test
	void aNumericFactAtItsBoundsIsAccepted() {
		Decision d = Fixtures.decide(Fixtures.tianjin(Fixtures.item(14,
				"{\"facility\":\"THERMAL\",\"unitCapacityMW\":1000.000000,\"totalCapacityMW\":2999.999999}")));
		// 2,999.999999 MW is below the list's 3,000 MW: not triggered
		assertThat(d.items()).doesNotContain(14);
		Decision at = Fixtures.decide(Fixtures.tianjin(Fixtures.item(14,
				"{\"facility\":\"THERMAL\",\"unitCapacityMW\":1E3,\"totalCapacityMW\":3E3}")));
		assertThat(at.items()).containsExactly(14);
	}

	private static List<Problem> problems(String json) {
		try {
			Fixtures.scenario(json);
		}
		catch (cn.outbound.rules.source.InvalidInputException ex) {
			return ex.problems();
		}
		throw new AssertionError("accepted " + json);
	}

}
