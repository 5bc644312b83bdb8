package cn.outbound.rules.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import cn.outbound.rules.Fixtures;
import cn.outbound.rules.Mechanism;
import cn.outbound.rules.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Tianjin pack quotes the published list verbatim: 13 categories, 46 items, and every Chinese text found in the
 * source text (line breaks and the extraction's spaces aside), within the lines the item cites.
 */
class TianjinListContentTests {

	static RulePack pack;

	static List<String> lines;

	static String squeezed;

	@BeforeAll
	static void load() throws IOException {
		pack = Fixtures.PACKS.edition("tianjin-ftz", "2024").orElseThrow();
		lines = Files.readAllLines(Fixtures.repo().resolve("docs/source/tianjin-ftz-negative-list-2024.txt"));
		squeezed = squeeze(String.join("", lines));
	}

	static String squeeze(String s) {
		return s.replaceAll("\\s+", "");
	}

	@Test
	void thirteenCategoriesAndFortySixItems() {
		assertThat(pack.categories()).hasSize(13);
		assertThat(pack.items()).hasSize(46);
		assertThat(pack.items().keySet()).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 46).boxed().toList());
		assertThat(pack.categories().get(3).numbered().zh()).isEqualTo("四、金融类");
		assertThat(pack.item(20).name().zh()).isEqualTo("银行");
	}

	@Test
	void everyItemQuotesItsCellVerbatimWithinItsSourceLines() {
		for (Item item : pack.items().values()) {
			assertThat(item.sourceLines()).as("item %d source lines", item.number()).isNotNull();
			String cell = squeeze(String.join("", lines.subList(item.sourceLines()[0] - 1, item.sourceLines()[1])));
			String text = item.description().zh() + ((item.examples() != null) ? item.examples().zh() : "");
			assertThat(cell).as("item %d", item.number()).contains(squeeze(text));
			if (item.remark() != null) {
				assertThat(squeezed).as("item %d remark", item.number()).contains(squeeze(item.remark().text().zh()));
			}
			assertThat(item.description().en()).as("item %d English", item.number()).isNotBlank();
		}
	}

	@Test
	void everyQuoteOfAConditionIsInTheSource() {
		List<Text> quotes = new ArrayList<>();
		for (Item item : pack.items().values()) {
			item.exemptWhen().forEach(c -> c.comparisons(cmp -> quotes.add(cmp.quote())));
			if (item.triggerWhen() != null) {
				item.triggerWhen().comparisons(cmp -> {
					if (cmp.quote() != null) {
						quotes.add(cmp.quote());
					}
				});
			}
		}
		assertThat(quotes).isNotEmpty().allSatisfy(q -> assertThat(squeezed).contains(squeeze(q.zh())));
	}

	@Test
	void remarksSpanningSeveralRowsAreShared() {
		assertThat(pack.item(1).remark().sharedWith()).containsExactly(2);
		assertThat(pack.item(2).remark().text()).isEqualTo(pack.item(1).remark().text());
		assertThat(pack.item(11).remark().sharedWith()).containsExactly(12);
		assertThat(pack.item(44).remark().sharedWith()).containsExactly(45);
		assertThat(pack.item(13).remark()).isNull();
	}

	@Test
	void mechanismsFollowTheTwoTables() {
		pack.items().values().forEach(item -> assertThat(item.mechanism()).as("item %d", item.number())
			.isEqualTo((item.number() == 46) ? Mechanism.STANDARD_CONTRACT_OR_CERTIFICATION : Mechanism.SECURITY_ASSESSMENT));
		assertThat(pack.items().values().stream().filter(Item::personalInformation).map(Item::number)).containsExactly(44, 45, 46);
	}

	@Test
	void everyDataItemCanBeDecidedOnAnotherGround() {
		pack.items().values().stream().filter(i -> !i.personalInformation())
			.forEach(i -> assertThat(i.facts()).as("item %d", i.number()).contains("qualifies"));
	}

}
