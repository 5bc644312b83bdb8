package cn.outbound.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.outbound.tables.TextSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account balance is sensitive personal information though no identifier carries it (issue #11 item 5): the
 * column is flagged from its header and its values, and the persons with a balance count as sensitive. Every name and
 * number here is synthetic; the IDs are built by the test from the GB 11643 rule, not by the detectors.
 */
class SensitiveAttributeScanTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

	private static ScanReport scan(String csv) throws IOException {
		try (TextSource source = new TextSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
				"customers.csv")) {
			return new Scanner(ScanSettings.defaults(AS_OF)).scan(source);
		}
	}

	private static String id(int seq) {
		return LabelledDataset.residentId("120101", LocalDate.of(1980, 3, 1 + seq), 100 + seq);
	}

	private static ScanReport.Column column(ScanReport r, String name) {
		return r.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void aBalanceColumnIsSensitiveAndSoAreThePersonsWithABalance() throws IOException {
		StringBuilder csv = new StringBuilder("客户姓名,身份证号,账户余额,订单金额,账户状态\n");
		String[] balances = { "12,345.67", "-300.00", "¥5000", "0", "88 000.50", "" };
		for (int i = 0; i < balances.length; i++) {
			csv.append("客户").append(i).append(',').append(id(i)).append(',').append(balances[i]).append(",19.90,正常\n");
		}
		ScanReport r = scan(csv.toString());

		ScanReport.Column balance = column(r, "账户余额");
		assertThat(balance.types()).isEmpty();
		assertThat(balance.sensitive()).isTrue();
		assertThat(balance.sample()).isEmpty();
		assertThat(balance.attributes()).singleElement().satisfies(a -> {
			assertThat(a.attribute()).isEqualTo("FINANCIAL_ACCOUNT");
			assertThat(a.sensitive()).isTrue();
			assertThat(a.basis().zh()).contains("余额").contains("5");
			assertThat(a.basis().en()).contains("\"余额\"").contains("5 of the first 5");
		});
		// an order amount is a number too, but its header points away from personal information
		assertThat(column(r, "订单金额").attributes()).isEmpty();
		assertThat(column(r, "订单金额").sensitive()).isFalse();
		// the account's state is named by the header's 账户, but its values are no amounts
		assertThat(column(r, "账户状态").attributes()).isEmpty();

		assertThat(r.persons().distinct()).isEqualTo(6);
		assertThat(r.persons().sensitiveIndividuals()).as("the five with a balance").isEqualTo(5);
		assertThat(ReportText.render(r)).contains("账户余额: FINANCIAL_ACCOUNT  [SENSITIVE]");
		assertThat(ReportJson.write(r)).contains("\"attributes\"").contains("FINANCIAL_ACCOUNT");
	}

	@Test
	void aBalanceHeaderOverValuesThatAreNoAmountsFlagsNothing() throws IOException {
		StringBuilder csv = new StringBuilder("身份证号,余额\n");
		for (int i = 0; i < 5; i++) {
			csv.append(id(i)).append(',').append(i < 3 ? "见附件" : "100").append('\n');
		}
		ScanReport r = scan(csv.toString());
		assertThat(column(r, "余额").attributes()).as("2 of 5 values are amounts: below 80%").isEmpty();
		assertThat(r.persons().sensitiveIndividuals()).isZero();
	}

	@Test
	void fourOfFiveAmountsIsEnough() throws IOException {
		StringBuilder csv = new StringBuilder("身份证号,余额\n");
		for (int i = 0; i < 5; i++) {
			csv.append(id(i)).append(',').append(i == 0 ? "见附件" : "100").append('\n');
		}
		ScanReport r = scan(csv.toString());
		assertThat(column(r, "余额").attributes()).hasSize(1);
		assertThat(r.persons().sensitiveIndividuals()).isEqualTo(5);
	}

}
