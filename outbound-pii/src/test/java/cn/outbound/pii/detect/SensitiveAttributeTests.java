package cn.outbound.pii.detect;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SensitiveAttributeTests {

	@ParameterizedTest
	@ValueSource(strings = { "0", "12", "12345.67", "-300.00", "+5", "1,234,567.89", "1 234 567", "¥5000", "￥12.5",
			"$1,000", "CNY 2000", "RMB1000", "3000元", "12.5万元", "8万", " 42 ", "100 USD" })
	void amounts(String value) {
		assertThat(SensitiveAttribute.isAmount(value)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "正常", "frozen", "2026-01-31", "12.", ".5", "1.2.3", "12,34", "1,2345", ",123",
			"1,234 567", "12ab", "A123", "¥", "元", "万元", "--5", "1,000,00", "138 1234 5678" })
	void notAmounts(String value) {
		assertThat(SensitiveAttribute.isAmount(value)).isFalse();
	}

	@Test
	void aHeaderNamesTheAttributeUnlessItPointsAway() {
		SensitiveAttribute a = SensitiveAttribute.FINANCIAL_ACCOUNT;
		assertThat(a.namedBy("账户余额")).isEqualTo("余额");
		assertThat(a.namedBy("Account Balance")).isEqualTo("balance");
		assertThat(a.namedBy("月收入")).isEqualTo("收入");
		assertThat(a.namedBy("订单金额")).isNull();
		assertThat(a.namedBy("balance_amount")).isEqualTo("balance");
		assertThat(a.namedBy("贷款金额")).as("a person's credit record").isEqualTo("贷款");
		assertThat(a.namedBy("订单余额")).isNull();
		assertThat(a.namedBy("invoice balance")).isNull();
		assertThat(a.namedBy("客户姓名")).isNull();
		assertThat(a.namedBy("")).isNull();
		assertThat(a.namedBy(null)).isNull();
	}

	@Test
	void valuesBearItOutWhenTheyAreAmounts() {
		assertThat(SensitiveAttribute.FINANCIAL_ACCOUNT.bearingOut(List.of("1.00", "正常", "-3", "x"))).isEqualTo(2);
	}

	@Test
	void everyStandardCountsFinancialAccountInformationSensitive() {
		for (SensitivityStandard s : SensitivityStandard.values()) {
			assertThat(s.isSensitive(SensitiveAttribute.FINANCIAL_ACCOUNT)).as(s.name()).isTrue();
		}
	}

}
