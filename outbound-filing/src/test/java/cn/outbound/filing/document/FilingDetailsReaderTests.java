package cn.outbound.filing.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FilingDetailsReaderTests {

	static final Path EXAMPLE = Path.of(System.getProperty("outbound.repo", "../"), "docs/examples/filing-details.json");

	static FilingDetails example() throws IOException {
		return FilingDetailsReader.read(Files.readAllBytes(EXAMPLE), "docs/examples/filing-details.json");
	}

	@Test
	void readsTheDocumentedExample() throws IOException {
		FilingDetails d = example();
		assertThat(d.processor().nature()).isEqualTo(FilingDetails.Nature.ENTERPRISE);
		assertThat(d.processor().creditCode()).isEqualTo("91350100M000100Y43");
		assertThat(d.processor().name()).isNull();
		assertThat(d.securityLead().department()).isEqualTo("数据安全管理委员会");
		assertThat(d.recipients()).singleElement().satisfies(r -> assertThat(r.country()).isEqualTo("新加坡"));
		assertThat(d.exportMethod()).isEqualTo(FilingDetails.ExportMethod.DEDICATED_LINE);
		assertThat(d.dataItems()).extracting(FilingDetails.DataItemRow::name).containsExactly("诊疗记录", "患者基本信息");
		assertThat(d.dataItems().get(1).remark()).isNull();
		assertThat(d.expectedPersonsNext3Years()).isEqualTo(600_000L);
	}

	@Test
	void anEmptyObjectNeedsOnlyItsFormat() {
		assertThat(FilingDetailsReader.read("{\"format\":\"outbound/filing-details/v1\"}".getBytes(), "d.json"))
			.isEqualTo(FilingDetails.NONE);
		assertThatThrownBy(() -> FilingDetailsReader.read("{}".getBytes(), "d.json"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("ERROR: d.json:1:1: /format: missing required field 'format' (a string)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "zh" })
	void reportsEveryProblemWithItsPlaceInEitherLanguage(String lang) throws IOException {
		Path dir = Path.of("src/test/resources/documents");
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
				() -> FilingDetailsReader.read(Files.readAllBytes(dir.resolve("bad-details.json")), "bad-details.json"));
		String actual = ex.problems().stream().map(p -> p.render(lang)).collect(Collectors.joining("\n", "", "\n"));
		Path golden = dir.resolve("bad-details.expected_errors." + lang + ".baseline");
		if (Boolean.getBoolean("outbound.golden.update")) {
			Files.writeString(golden, actual, StandardCharsets.UTF_8);
		}
		assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
		// the identity number is refused and never echoed
		assertThat(actual).doesNotContain("11010519491231002X");
	}

	@Test
	void creditCodeCheckCharacterIsComputedAsTheStandardSays() {
		// published example codes
		assertThat(CreditCodes.checks("91350100M000100Y43")).isTrue();
		assertThat(CreditCodes.checks("91350100M000100Y44")).isFalse();
		assertThat(CreditCodes.wellFormed("91350100M000100YI3")).isFalse();
		assertThat(CreditCodes.wellFormed("91350100M000100Y4")).isFalse();
	}

	@Test
	void aFileOverOneMebibyteIsRefusedUnread() {
		byte[] big = new byte[FilingDetailsReader.MAX_BYTES + 1];
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
				() -> FilingDetailsReader.read(big, "big.json"));
		assertThat(ex.problems()).extracting(Problem::code).containsExactly("too-long");
	}

}
