package cn.outbound.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #11 item 11: the pluralised messages (MessageFormat choice) rendered with 1 and 2, against sentences written by
 * hand; and the headroom of a class that any person triggers does not read as a ban.
 */
class PluralMessagesTests {

	private static Properties bundle(String name) throws IOException {
		Properties p = new Properties();
		try (InputStream in = PluralMessagesTests.class.getResourceAsStream("/messages/" + name)) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

	private static String en(String key, Object... args) throws IOException {
		return new MessageFormat(bundle("messages_en.properties").getProperty(key), Locale.ENGLISH).format(args);
	}

	private static String zh(String key, Object... args) throws IOException {
		return new MessageFormat(bundle("messages.properties").getProperty(key), Locale.SIMPLIFIED_CHINESE)
			.format(args);
	}

	@Test
	void minorsAreCountedInTheSingularAndThePlural() throws IOException {
		assertThat(en("scan.sensitiveTypes.minorsOnly", 1L)).contains("but 1 person is a minor under 14");
		assertThat(en("scan.sensitiveTypes.minorsOnly", 2L)).contains("but 2 persons are minors under 14");
		assertThat(zh("scan.sensitiveTypes.minorsOnly", 1L)).contains("有 1 名不满十四周岁");
	}

	@Test
	void theTopBandSaysOnePersonAndTwoPersons() throws IOException {
		assertThat(en("result.headroom.top", 1L, "security assessment"))
			.isEqualTo("1 person so far, already in the top band: security assessment");
		assertThat(en("result.headroom.top", 2L, "security assessment"))
			.isEqualTo("2 persons so far, already in the top band: security assessment");
		assertThat(en("result.headroom.top", 1_200_000L, "x")).startsWith("1,200,000 persons so far");
	}

	@Test
	void aClassAnyPersonTriggersIsNotABan() throws IOException {
		String zh = zh("result.headroom.line", 0L, 1L, "订立标准合同或通过认证", 0L);
		assertThat(zh).doesNotContain("还可出境 0 人").contains("只要有 1 人出境就须订立标准合同或通过认证").contains("安全评估");
		String en = en("result.headroom.line", 0L, 1L, "a standard contract or certification", 0L);
		assertThat(en).doesNotContain("0 more").contains("for even 1 person calls for a standard contract")
			.contains("security assessment");
	}

	@Test
	void theNextLineIsCountedInNumbers() throws IOException {
		assertThat(en("result.headroom.line", 150_000L, 1_000_000L, "security assessment", 850_000L))
			.isEqualTo("so far: 150,000; at 1,000,000 persons: security assessment; before that, 850,000 more can be "
					+ "exported");
		assertThat(zh("result.headroom.line", 150_000L, 1_000_000L, "申报安全评估", 850_000L))
			.isEqualTo("已累计 150,000 人；达到 1,000,000 人时须申报安全评估；在此之前还可出境 850,000 人");
	}

	@Test // #11 items 11 and 16
	void listMatchesAndTickedItemsAreCountedAndNothingFoundIsSaid() throws IOException {
		assertThat(en("list.matches", 1)).isEqualTo("1 data item");
		assertThat(en("list.matches", 2)).isEqualTo("2 data items");
		assertThat(en("list.matches", 0)).startsWith("No data item matches");
		assertThat(zh("list.matches", 0)).startsWith("没有找到匹配的数据项");
		assertThat(zh("list.matches", 2)).isEqualTo("共 2 个数据项");
		assertThat(en("assess.declared", 1)).isEqualTo("1 item ticked");
		assertThat(en("assess.declared", 2)).isEqualTo("2 items ticked");
	}


	@Test // #11 item 11: the remaining counted messages
	void countsOfOneAreSingularEverywhere() throws IOException {
		assertThat(en("assess.item.details", 1)).isEqualTo("Description and questions (1 fact)");
		assertThat(en("assess.item.details", 3)).isEqualTo("Description and questions (3 facts)");
		assertThat(en("result.cumulative.line", 2L, 0L)).isEqualTo("2 persons' personal information; 0 persons' sensitive personal information");
		assertThat(en("result.cumulative.line", 1L, 1_200_000L))
			.isEqualTo("1 person's personal information; 1,200,000 persons' sensitive personal information");
		assertThat(zh("result.cumulative.line", 1L, 1_200_000L)).isEqualTo("个人信息 1 人；敏感个人信息 1,200,000 人");
		assertThat(en("result.prior.counts", 1L, 0L))
			.isEqualTo("personal information: 1 person; sensitive personal information: 0 persons");
		assertThat(en("audit.intact", 1L, "ab")).isEqualTo("Hash chain intact: 1 entry, head ab");
		assertThat(en("scan.report.lead", "a.csv", 1L, 1)).isEqualTo("a.csv: 1 row, 1 column");
		assertThat(en("scan.report.lead", "a.csv", 20_000L, 5)).isEqualTo("a.csv: 20,000 rows, 5 columns");
		assertThat(zh("scan.report.lead", "a.csv", 20_000L, 5)).isEqualTo("a.csv：20,000 行，5 列");
		assertThat(en("scan.persons.without", 1L)).isEqualTo("1 row has no valid identifier and is not counted.");
		assertThat(en("scan.persons.without", 2L)).isEqualTo("2 rows have no valid identifier and are not counted.");
		assertThat(en("ledger.alert.100", 1L, 1L, "100")).isEqualTo("The 1-person line is reached: 1 person (100%)");
		assertThat(en("ledger.alert.80", 8_100L, 10_000L, "81"))
			.isEqualTo("80% of the 10,000-person line reached: 8,100 persons (81%)");
		assertThat(en("ledger.upload.invalidRows", 1, 5)).startsWith("1 of 5 rows has no valid identifier");
		assertThat(en("ledger.upload.invalidRows", 2, 5)).startsWith("2 of 5 rows have no valid identifier");
		for (Object key : bundle("messages_en.properties").keySet()) {
			String text = bundle("messages_en.properties").getProperty((String) key);
			if (text.contains(",choice,")) {
				continue; // counted by its choice
			}
			assertThat(text).as((String) key).doesNotContainPattern("\\{\\d(,number[^}]*)?\\} (persons|items|days|facts|entries)\\b");
		}
	}

}
