package cn.outbound.filing.document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.outbound.report.CjkFont;
import cn.outbound.testing.Documents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The text of every document of the fixed filings, pinned: DOCX as POI's extractor reads it, PDF as poppler's
 * {@code pdftotext} reads it (neither is the code that wrote them). After an intended change regenerate with
 * {@code -Doutbound.golden.update=true} and review the diff under {@code src/test/resources/documents/golden/}.
 */
class DraftsGoldenTests {

	static final Path GOLDEN = Path.of("src/test/resources/documents/golden");

	static Stream<Arguments> filings() {
		return Stream.of(Arguments.of("sa-zh", DraftFixtures.hospitalSecurityAssessment("zh")),
				Arguments.of("sa-en", DraftFixtures.hospitalSecurityAssessment("en")),
				Arguments.of("sc-zh", DraftFixtures.contract("zh", DraftFixtures.details())),
				Arguments.of("sc-zh-no-details", DraftFixtures.contract("zh", FilingDetails.NONE)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("filings")
	void docxTextIsPinned(String name, DraftInput input) throws Exception {
		List<Draft> drafts = Drafts.of(input);
		Map<String, byte[]> files = FilingDrafts.official(CjkFont.locate(null)).render(drafts);
		for (Draft d : drafts) {
			golden(name, d.baseName() + ".docx.txt", Documents.docxText(files.get(d.baseName() + ".docx")));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("filings")
	void pdfTextIsPinned(String name, DraftInput input, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		assumeTrue(Documents.has("pdftotext"), "poppler-utils not installed (CI installs it)");
		List<Draft> drafts = Drafts.of(input);
		Map<String, byte[]> files = FilingDrafts.official(CjkFont.locate(null)).render(drafts);
		for (Draft d : drafts) {
			Path pdf = Files.write(dir.resolve("d.pdf"), files.get(d.baseName() + ".pdf"));
			golden(name, d.baseName() + ".pdf.txt", Documents.pdfText(pdf));
		}
	}

	static void golden(String name, String file, String actual) throws Exception {
		Path path = GOLDEN.resolve(name).resolve(file);
		if (Boolean.getBoolean("outbound.golden.update")) {
			Files.createDirectories(path.getParent());
			Files.writeString(path, actual, StandardCharsets.UTF_8);
		}
		assertThat(path).as("golden file %s (regenerate with -Doutbound.golden.update=true)", path).exists();
		assertThat(actual).as(path.toString()).isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
	}

}
