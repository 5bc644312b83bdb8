package cn.outbound.filing.life;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approved scale as the CLI's text and the filing's page both say it: counts grouped, the noun's number right on
 * both sides of 1, recipients as a list in the language, an unknown count as "-".
 */
class FilingLifeTextTests {

	@Test
	void theApprovedScaleInBothLanguages() {
		ApprovedScale scale = new ApprovedScale(1_200_000L, 1L, List.of("Acme GmbH", "Beta Ltd"));
		assertThat(FilingLifeText.scale(scale, "en"))
			.isEqualTo("1,200,000 persons (non-sensitive), 1 person (sensitive); recipients: Acme GmbH, Beta Ltd");
		assertThat(FilingLifeText.scale(scale, "zh"))
			.isEqualTo("一般个人信息 1,200,000 人，敏感个人信息 1 人；境外接收方：Acme GmbH、Beta Ltd");
		assertThat(FilingLifeText.scale(new ApprovedScale(null, 2L, List.of()), "en"))
			.isEqualTo("- persons (non-sensitive), 2 persons (sensitive); recipients: -");
	}

}
