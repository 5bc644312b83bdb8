package cn.outbound.rules.engine;

import java.util.List;

import cn.outbound.rules.Mechanism;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static cn.outbound.rules.Fixtures.decide;
import static cn.outbound.rules.Fixtures.item;
import static cn.outbound.rules.Fixtures.national;
import static cn.outbound.rules.Fixtures.pi;
import static cn.outbound.rules.Fixtures.prior;
import static cn.outbound.rules.Fixtures.tianjin;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sides of every threshold: "以上" and "及以上" include the number, "不满" and "（不含）以上" exclude it.
 */
class BoundaryTests {

	@ParameterizedTest(name = "{0} non-sensitive persons -> {1} {2}")
	@CsvSource({ "1, EXEMPT, ''", "99999, EXEMPT, ''", "100000, STANDARD_CONTRACT_OR_CERTIFICATION, 46",
			"100001, STANDARD_CONTRACT_OR_CERTIFICATION, 46", "999999, STANDARD_CONTRACT_OR_CERTIFICATION, 46",
			"1000000, SECURITY_ASSESSMENT, 45", "1000001, SECURITY_ASSESSMENT, 45" })
	void nonSensitiveThresholds(long persons, Mechanism outcome, String items) {
		Decision d = decide(tianjin(pi(persons, 0)));
		assertThat(d.outcome()).isEqualTo(outcome);
		assertThat(d.items()).isEqualTo(items(items));
	}

	@ParameterizedTest(name = "{0} sensitive persons -> {1}")
	@CsvSource({ "1, STANDARD_CONTRACT_OR_CERTIFICATION, 46", "9999, STANDARD_CONTRACT_OR_CERTIFICATION, 46",
			"10000, SECURITY_ASSESSMENT, 45", "10001, SECURITY_ASSESSMENT, 45" })
	void sensitiveThresholds(long persons, Mechanism outcome, String items) {
		Decision d = decide(tianjin(pi(0, persons)));
		assertThat(d.outcome()).isEqualTo(outcome);
		assertThat(d.items()).isEqualTo(items(items));
	}

	@ParameterizedTest(name = "prior {0} + export {1} -> {2}")
	@CsvSource({ "99999, 1, STANDARD_CONTRACT_OR_CERTIFICATION", "99998, 1, EXEMPT", "70000, 30000, STANDARD_CONTRACT_OR_CERTIFICATION",
			"999999, 1, SECURITY_ASSESSMENT", "999998, 1, STANDARD_CONTRACT_OR_CERTIFICATION",
			"500000, 500000, SECURITY_ASSESSMENT" })
	void cumulativeSumsLandingExactlyOnThresholds(long prior, long export, Mechanism outcome) {
		assertThat(decide(tianjin(pi(export, 0), prior(prior, 0))).outcome()).isEqualTo(outcome);
	}

	@ParameterizedTest(name = "prior sensitive {0} + export {1} -> {2}")
	@CsvSource({ "9999, 1, SECURITY_ASSESSMENT", "9998, 1, STANDARD_CONTRACT_OR_CERTIFICATION", "0, 1, STANDARD_CONTRACT_OR_CERTIFICATION" })
	void cumulativeSensitiveSums(long prior, long export, Mechanism outcome) {
		assertThat(decide(tianjin(pi(0, export), prior(0, prior))).outcome()).isEqualTo(outcome);
	}

	@Test
	void aClassIsAssessedOnlyWhenThisExportCarriesIt() {
		// 20,000 sensitive persons earlier this year, but this export carries only 10 non-sensitive persons
		Decision d = decide(tianjin(pi(10, 0), prior(0, 20000)));
		assertThat(d.outcome()).isEqualTo(Mechanism.EXEMPT);
		assertThat(d.cumulative().sensitiveIndividuals()).isEqualTo(20000);
	}

	@ParameterizedTest(name = "substation {0} kV -> triggered {1}")
	@CsvSource({ "499, false", "500, false", "500.5, true", "501, true", "1000, true" })
	void substationAbove500kVExcludesFiveHundred(String kv, boolean triggered) {
		Decision d = decide(tianjin(item(14, "{\"facility\":\"SUBSTATION\",\"voltageKV\":" + kv + "}")));
		assertThat(d.items().contains(14)).isEqualTo(triggered);
	}

	@ParameterizedTest(name = "thermal unit {0} MW, total {1} MW -> triggered {2}")
	@CsvSource({ "1000, 3000, true", "999, 3000, false", "1000, 2999, false", "999.9, 5000, false", "1200, 3600, true" })
	void thermalPlantNeedsBothUnitAndTotalCapacity(String unit, String total, boolean triggered) {
		Decision d = decide(tianjin(item(14,
				"{\"facility\":\"THERMAL\",\"unitCapacityMW\":" + unit + ",\"totalCapacityMW\":" + total + "}")));
		assertThat(d.items().contains(14)).isEqualTo(triggered);
	}

	@ParameterizedTest(name = "item {0}, {1} customers -> triggered {2}")
	@CsvSource({ "20, 999999, false", "20, 1000000, true", "21, 999999, false", "21, 1000000, true", "22, 999999, false",
			"22, 1000000, true" })
	void oneMillionCustomers(int item, long customers, boolean triggered) {
		Decision d = decide(tianjin(item(item, "{\"affectedCustomers\":" + customers + "}")));
		assertThat(d.items().contains(item)).isEqualTo(triggered);
		assertThat(d.outcome()).isEqualTo(triggered ? Mechanism.SECURITY_ASSESSMENT : Mechanism.EXEMPT);
	}

	@ParameterizedTest(name = "item 27, {0} users -> triggered {1}")
	@CsvSource({ "99999, false", "100000, true" })
	void behaviourDataOfOneHundredThousandUsers(long users, boolean triggered) {
		assertThat(decide(tianjin(item(27, "{\"behaviorDataUsers\":" + users + "}"))).items().contains(27)).isEqualTo(triggered);
	}

	@ParameterizedTest(name = "item 26, {0} users -> triggered {1}")
	@CsvSource({ "99999999, false", "100000000, true" })
	void platformOfOneHundredMillionUsers(long users, boolean triggered) {
		assertThat(decide(tianjin(item(26, "{\"platformUsers\":" + users + "}"))).items().contains(26)).isEqualTo(triggered);
	}

	@ParameterizedTest(name = "item {0}, sensitive PI of {1} -> triggered {2}")
	@CsvSource({ "19, 99999, false", "19, 100000, true", "28, 99999, false", "28, 100000, true", "29, 99999, false",
			"29, 100000, true", "31, 99999, false", "31, 100000, true" })
	void sensitivePiOfOneHundredThousand(int item, long persons, boolean triggered) {
		assertThat(decide(tianjin(item(item, "{\"sensitivePiIndividuals\":" + persons + "}"))).items().contains(item))
			.isEqualTo(triggered);
	}

	@ParameterizedTest(name = "item 39, {0} = {1} -> triggered {2}")
	@CsvSource({ "domesticIndividuals, 999999, false", "domesticIndividuals, 1000000, true",
			"domesticSensitiveIndividuals, 9999, false", "domesticSensitiveIndividuals, 10000, true" })
	void outsourcingThresholds(String fact, long persons, boolean triggered) {
		assertThat(decide(tianjin(item(39, "{\"" + fact + "\":" + persons + "}"))).items().contains(39)).isEqualTo(triggered);
	}

	@ParameterizedTest(name = "national: {0} / {1} -> {2}")
	@CsvSource({ "99999, 0, EXEMPT", "100000, 0, STANDARD_CONTRACT_OR_CERTIFICATION", "999999, 0, STANDARD_CONTRACT_OR_CERTIFICATION",
			"1000000, 0, SECURITY_ASSESSMENT", "0, 1, STANDARD_CONTRACT_OR_CERTIFICATION", "0, 9999, STANDARD_CONTRACT_OR_CERTIFICATION",
			"0, 10000, SECURITY_ASSESSMENT" })
	void nationalThresholdsAreTheSameAndCiteArticles(long n, long s, Mechanism outcome) {
		Decision d = decide(national(pi(n, s)));
		assertThat(d.outcome()).isEqualTo(outcome);
		assertThat(d.items()).isEmpty();
		assertThat(d.findings()).allSatisfy(f -> assertThat(f.rule()).startsWith("art-"));
	}

	@Test
	void headroomCountsPersonsLeftBeforeTheNextMechanism() {
		Decision d = decide(tianjin(pi(30000, 0), prior(40000, 0)));
		assertThat(d.headroom().individuals().remaining()).isEqualTo(29999);
		assertThat(d.headroom().individuals().nextAt()).isEqualTo(100000);
		assertThat(d.headroom().individuals().nextMechanism()).isEqualTo(Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION);
		assertThat(d.headroom().sensitiveIndividuals().remaining()).isZero();
		assertThat(d.headroom().sensitiveIndividuals().nextAt()).isEqualTo(1);
		Decision contract = decide(tianjin(pi(150000, 9000)));
		assertThat(contract.headroom().individuals().remaining()).isEqualTo(849999);
		assertThat(contract.headroom().sensitiveIndividuals().remaining()).isEqualTo(999);
		Decision top = decide(tianjin(pi(1000000, 0)));
		assertThat(top.headroom().individuals().nextAt()).isNull();
		assertThat(top.headroom().individuals().band()).isEqualTo(Mechanism.SECURITY_ASSESSMENT);
	}

	private static List<Integer> items(String s) {
		return s.isBlank() ? List.of() : List.of(Integer.parseInt(s.strip()));
	}

}
