package cn.outbound.filing.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.outbound.report.CjkFont;
import cn.outbound.rules.Mechanism;
import cn.outbound.testing.Documents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilingDraftsTests {

	private final FilingDrafts writer = FilingDrafts.official(CjkFont.locate(null));

	@Test
	void writesEveryDraftAsDocxAndPdfIntoANewDirectory(@TempDir Path tmp) throws Exception {
		List<Draft> drafts = Drafts.of(DraftFixtures.hospitalSecurityAssessment("zh"));
		List<Path> files = this.writer.write(drafts, tmp.resolve("out"));
		assertThat(files).extracting(p -> p.getFileName().toString())
			.containsExactly("01-数据出境安全评估申报表.docx", "01-数据出境安全评估申报表.pdf", "02-数据出境风险自评估报告.docx",
					"02-数据出境风险自评估报告.pdf", "03-数据出境安全评估申报材料清单.docx", "03-数据出境安全评估申报材料清单.pdf");
		assertThat(files).allSatisfy(p -> assertThat(p).isNotEmptyFile());
		try (var s = Files.list(tmp)) {
			assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
		}
	}

	@Test
	void anExistingEmptyDirectoryIsFilledAndANonEmptyOneIsLeftAlone(@TempDir Path tmp) throws Exception {
		List<Draft> drafts = Drafts.of(DraftFixtures.contract("zh", FilingDetails.NONE));
		Path empty = Files.createDirectory(tmp.resolve("empty"));
		assertThat(this.writer.write(drafts, empty)).hasSize(8);
		Path full = Files.createDirectory(tmp.resolve("full"));
		Files.writeString(full.resolve("keep.txt"), "mine");
		assertThatThrownBy(() -> this.writer.write(drafts, full)).isInstanceOf(DirectoryNotEmptyException.class);
		try (var s = Files.list(full)) {
			assertThat(s.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
		}
	}

	@Test
	void aFailureHalfWayLeavesNothingBehind(@TempDir Path tmp) throws Exception {
		List<Draft> drafts = new ArrayList<>(Drafts.of(DraftFixtures.hospitalSecurityAssessment("zh")));
		// the second file cannot be written (its folder does not exist), after the first two were
		Draft second = drafts.get(1);
		drafts.set(1, new Draft(second.id(), "no-such-folder/" + second.baseName(), second.document()));
		assertThatThrownBy(() -> this.writer.write(drafts, tmp.resolve("out")))
			.isInstanceOf(java.nio.file.NoSuchFileException.class);
		try (var s = Files.list(tmp)) {
			assertThat(s.toList()).isEmpty();
		}
	}

	@Test
	void zipHoldsTheSameFilesAndEachOpens() throws Exception {
		List<Draft> drafts = Drafts.of(DraftFixtures.contract("en", DraftFixtures.details()));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.writer.zip(drafts, out);
		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			ZipEntry e;
			while ((e = zip.getNextEntry()) != null) {
				names.add(e.getName());
				byte[] content = zip.readAllBytes();
				if (e.getName().endsWith(".docx")) {
					assertThat(Documents.docxText(content)).contains("【待填写");
				}
				else {
					assertThat(new String(content, 0, 5)).isEqualTo("%PDF-");
				}
			}
		}
		assertThat(names).hasSize(8).first().isEqualTo("01-Personal-information-protection-impact-assessment-report-(export).docx");
	}

	@Test
	void exemptAndSeparateRegimeHaveNoDocumentsUnlessAsked() {
		assertThat(Drafts.mechanisms(Mechanism.EXEMPT)).isEmpty();
		assertThat(Drafts.mechanisms(Mechanism.SEPARATE_REGIME)).isEmpty();
		assertThat(Drafts.of(DraftFixtures.hospitalSecurityAssessment("zh"), Drafts.allMechanisms()))
			.extracting(Draft::id)
			.containsExactly("sa-application-form", "sa-self-assessment-report", "sa-materials",
					"sc-impact-assessment-report", "sc-export-details", "sc-undertaking", "sc-materials");
	}

	@Test
	void withoutDetailsEveryCompanyFieldIsLeftToFillIn() {
		List<Draft> with = Drafts.of(DraftFixtures.contract("zh", DraftFixtures.details()));
		List<Draft> without = Drafts.of(DraftFixtures.contract("zh", FilingDetails.NONE));
		for (int i = 0; i < with.size(); i++) {
			assertThat(without.get(i).blanks()).as(without.get(i).id()).isGreaterThanOrEqualTo(with.get(i).blanks());
		}
		assertThat(without.get(1).blanks()).isGreaterThan(with.get(1).blanks());
	}

}
