package cn.outbound.rules.scenario;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.outbound.rules.Fixtures;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invalid scenarios are rejected with every problem named by JSON pointer, line and column, and what is allowed.
 */
class ScenarioReaderTests {

	static List<Problem> problems(String json) {
		try {
			Fixtures.READER.read(json.getBytes(StandardCharsets.UTF_8), "s.json");
		}
		catch (InvalidInputException ex) {
			return ex.problems();
		}
		throw new AssertionError("accepted an invalid scenario");
	}

	@Test
	void readsAValidScenario() {
		Scenario s = Fixtures.scenario(Fixtures.tianjin(Fixtures.item(20, "{\"affectedCustomers\":1200000}"),
				Fixtures.pi(120000, 0)));
		assertThat(s.jurisdiction()).isEqualTo("tianjin-ftz");
		assertThat(s.data()).singleElement().satisfies(d -> assertThat(d.facts()).containsEntry("affectedCustomers", 1200000L));
		assertThat(s.priorThisYear()).isNull();
	}

	@Test
	void mistypedFieldGetsDidYouMean() {
		String json = Fixtures.tianjin("\"personalInformaton\":[]");
		assertThat(problems(json)).singleElement().satisfies(p -> {
			assertThat(p.pointer()).isEqualTo("/personalInformaton");
			assertThat(p.location().line()).isEqualTo(1);
			assertThat(p.location().column()).isPositive();
			assertThat(p.message()).contains("did you mean 'personalInformation'");
		});
	}

	@Test
	void mistypedFactGetsDidYouMeanAndTheAllowedFacts() {
		String json = Fixtures.tianjin(Fixtures.item(20, "{\"affectedCustomer\":5}"));
		assertThat(problems(json)).singleElement().satisfies(p -> {
			assertThat(p.pointer()).isEqualTo("/data/0/facts/affectedCustomer");
			assertThat(p.message()).contains("did you mean 'affectedCustomers'").contains("allowed for item 20");
		});
	}

	@Test
	void factOfAnotherItemSaysWhichItemsHaveIt() {
		String json = Fixtures.tianjin(Fixtures.item(9, "{\"affectedCustomers\":10}"));
		assertThat(problems(json)).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("'affectedCustomers' is a fact of items 20, 21, 22"));
	}

	@Test
	void negativeCountNamesTheFieldAndTheRange() {
		String json = "{\n  \"schema\": \"outbound/scenario/v1\",\n  \"jurisdiction\": \"tianjin-ftz\",\n  \"date\": \"2026-06-15\",\n"
				+ "  \"processor\": {\"ciio\": false},\n  \"personalInformation\": [\n    {\"individuals\": -5}\n  ]\n}";
		assertThat(problems(json)).singleElement().satisfies(p -> {
			assertThat(p.pointer()).isEqualTo("/personalInformation/0/individuals");
			assertThat(p.location().line()).isEqualTo(7);
			assertThat(p.location().column()).isEqualTo(21);
			assertThat(p.message()).contains("whole number from 0");
		});
	}

	@Test
	void personalInformationItemsCannotBeDeclaredAsData() {
		assertThat(problems(Fixtures.tianjin(Fixtures.item(45, null)))).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("allowed: 1-43"));
	}

	@Test
	void wrongEnumValueListsTheAllowedValues() {
		assertThat(problems(Fixtures.tianjin(Fixtures.item(14, "{\"facility\":\"SUBSTATON\"}")))).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("did you mean 'SUBSTATION'").contains("LARGE_HYDRO"));
	}

	@Test
	void dateWithoutAnEditionInForceIsInvalid() {
		String json = Fixtures.tianjin().replace("2026-06-15", "2024-05-07");
		assertThat(problems(json)).singleElement().satisfies(p -> {
			assertThat(p.pointer()).isEqualTo("/date");
			assertThat(p.message()).contains("no edition of tianjin-ftz is in force on 2024-05-07").contains("2024-05-08");
		});
	}

	@Test
	void unknownJurisdictionAndBasisAreInvalid() {
		String json = Fixtures.scenarioJson("tianjin", false,
				"\"personalInformation\":[{\"individuals\":1,\"basis\":\"CONTRACTS\"}]");
		assertThat(problems(json)).extracting(Problem::message)
			.anySatisfy(m -> assertThat(m).contains("unknown jurisdiction 'tianjin'").contains("did you mean 'tianjin-ftz'"))
			.anySatisfy(m -> assertThat(m).contains("did you mean 'CONTRACT'"));
	}

	@Test
	void everyProblemIsReportedNotOnlyTheFirst() {
		String json = Fixtures.tianjin(Fixtures.item(99, null), "\"flags\":{\"stateSecret\":true}", Fixtures.prior(-1, 0));
		assertThat(problems(json)).hasSize(3);
	}

	@Test
	void malformedJsonIsInvalidInputWithItsLocation() {
		assertThat(problems("{\"schema\": \"outbound/scenario/v1\",\n \"date\": }")).singleElement().satisfies(p -> {
			assertThat(p.location().line()).isEqualTo(2);
			assertThat(p.message()).startsWith("malformed document");
		});
	}

	@Test
	void duplicateKeysAreInvalid() {
		String json = Fixtures.tianjin("\"flags\":{}", "\"flags\":{}");
		assertThat(problems(json)).singleElement().satisfies(p -> assertThat(p.message()).contains("duplicate key 'flags'"));
	}

	@Test
	void fractionalCountIsInvalid() {
		assertThat(problems(Fixtures.tianjin("\"personalInformation\":[{\"individuals\":1.5}]"))).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("whole number"));
	}


	private static String withProcessor(String processor, String... fragments) {
		StringBuilder sb = new StringBuilder("{\"schema\":\"outbound/scenario/v1\",\"jurisdiction\":\"tianjin-ftz\","
				+ "\"date\":\"2026-06-15\",\"processor\":" + processor);
		for (String f : fragments) {
			sb.append(',').append(f);
		}
		return sb.append('}').toString();
	}

	@Test // #9
	void aProcessorNameIsAtMost500Characters() {
		assertThat(Fixtures.scenario(withProcessor("{\"name\":\"" + "名".repeat(500) + "\",\"ciio\":false}"))
			.processor()
			.name()).hasSize(500);
		assertThat(problems(withProcessor("{\"name\":\"" + "名".repeat(501) + "\",\"ciio\":false}"))).singleElement()
			.satisfies(p -> {
				assertThat(p.pointer()).isEqualTo("/processor/name");
				assertThat(p.message()).isEqualTo("processor.name must be a string of at most 500 characters");
				assertThat(p.message("zh")).contains("processor.name").contains("500");
			});
	}

	@Test // #9
	void recipientAndDescriptionsAreBoundedToo() {
		assertThat(problems(Fixtures.tianjin("\"recipient\":{\"name\":\"" + "x".repeat(501) + "\",\"country\":\""
				+ "y".repeat(101) + "\"}", "\"data\":[{\"item\":1,\"description\":\"" + "z".repeat(2001) + "\"}]")))
			.extracting(Problem::pointer)
			.containsExactlyInAnyOrder("/recipient/name", "/recipient/country", "/data/0/description");
	}

	@Test // #9
	void anItemDeclaredTwiceIsRefusedNamingTheFirst() {
		String twice = Fixtures.tianjin("\"data\":[{\"item\":20,\"facts\":{\"affectedCustomers\":1}},\n"
				+ "{\"item\":20,\"facts\":{\"affectedCustomers\":2}}]");
		assertThat(problems(twice)).singleElement().satisfies(p -> {
			assertThat(p.pointer()).isEqualTo("/data/1/item");
			assertThat(p.message()).startsWith("item 20 is declared twice (first at line 1)");
		});
	}

	@Test // #9
	void twentyThousandEntriesGiveOneProblemAndNoDecision() {
		StringBuilder data = new StringBuilder("\"data\":[");
		for (int i = 0; i < 20_000; i++) {
			data.append((i > 0) ? "," : "").append("{\"item\":1}");
		}
		List<Problem> problems = problems(Fixtures.tianjin(data.append(']').toString()));
		assertThat(problems).extracting(Problem::code).contains("too-many");
		// the first 100 entries are read: 99 duplicates, no more
		assertThat(problems).hasSizeLessThanOrEqualTo(101);
		StringBuilder groups = new StringBuilder("\"personalInformation\":[");
		for (int i = 0; i <= ScenarioReader.MAX_ENTRIES; i++) {
			groups.append((i > 0) ? "," : "").append("{\"individuals\":1}");
		}
		assertThat(problems(Fixtures.tianjin(groups.append(']').toString()))).singleElement()
			.satisfies(p -> assertThat(p.message()).isEqualTo("personalInformation may have at most 100 entries, not 101"));
	}

	@Test // #9
	void aProcessorIdIsNormalisedAndInvisibleCharactersAreRefused() {
		assertThat(Fixtures.scenario(withProcessor("{\"id\":\"ＢＡＮＫ－ＴＪ\",\"ciio\":false}")).processor().id())
			.isEqualTo("BANK-TJ");
		for (String invisible : List.of("\\u200b", "\\u200e", "\\u202e", "\\u2066", "\\ufeff", "\\u0007", "\\u00ad")) {
			assertThat(problems(withProcessor("{\"id\":\"bank" + invisible + "-tj\",\"ciio\":false}"))).as(invisible)
				.singleElement()
				.satisfies(p -> {
					assertThat(p.pointer()).isEqualTo("/processor/id");
					assertThat(p.message()).contains("invisible or control character (U+");
				});
		}
		assertThat(ProcessorIds.normalize("x".repeat(200))).hasSize(200);
		assertThat(ProcessorIds.normalize("x".repeat(201))).isNull();
	}

}
