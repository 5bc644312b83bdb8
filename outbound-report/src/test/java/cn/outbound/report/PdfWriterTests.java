package cn.outbound.report;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.outbound.testing.Documents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PdfWriterTests {

	@BeforeAll
	static void poppler() {
		// CI installs poppler-utils (.ci/run): there this never skips
		assumeTrue(Documents.has("pdftotext") && Documents.has("pdffonts"), "poppler-utils not installed");
	}

	@Test
	void writesTheTextWithTheCjkFontEmbedded(@TempDir Path dir) throws Exception {
		PdfWriter writer = new PdfWriter(DocumentStyle.OFFICIAL, CjkFont.locate(null));
		Path pdf = dir.resolve("small.pdf");
		Files.write(pdf, writer.write(Samples.small()));
		String text = Documents.pdfText(pdf);
		assertThat(text).contains("数据出境安全评估申报表", "一、数据处理者情况", "单位名称：测试企业（天津）有限公司",
				"【待填写：员工数量】", "客户姓名", "（一）第二页");
		assertThat(text).containsPattern("—\\s*1\\s*—").containsPattern("—\\s*2\\s*—");
		assertThat(text.indexOf("第二页的正文")).isGreaterThan(text.indexOf("\f"));
		String fonts = Documents.pdfFonts(pdf);
		// name type encoding emb sub uni: the font is embedded (a subset) with Identity-H
		assertThat(fonts.lines().skip(2)).isNotEmpty().allSatisfy(line -> assertThat(line).contains("Identity-H").containsPattern(" yes +yes +yes"));
	}

	@Test
	void aLongDocumentRunsOverPagesWithTheTableHeaderRepeated(@TempDir Path dir) throws Exception {
		Path pdf = dir.resolve("long.pdf");
		Files.write(pdf, new PdfWriter(DocumentStyle.OFFICIAL, CjkFont.locate(null)).write(Samples.longOne(12)));
		String text = Documents.pdfText(pdf);
		assertThat(text).containsPattern("—\\s*4\\s*—").contains("Section 12 第12节", "数据项 40");
		assertThat(text.split("No\\.").length - 1).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aFontThatIsNotThereIsAClearError() {
		assertThatThrownBy(() -> CjkFont.locate("/nowhere/font.ttf"))
			.isInstanceOf(CjkFont.MissingFontException.class)
			.hasMessageContaining("/nowhere/font.ttf")
			.hasMessageContaining(CjkFont.ENV);
	}

	@Test
	void aFileThatIsNotAFontIsAClearError(@TempDir Path dir) throws Exception {
		Path notAFont = Files.writeString(dir.resolve("x.ttf"), "not a font");
		assertThatThrownBy(() -> new PdfWriter(DocumentStyle.OFFICIAL, CjkFont.locate(notAFont.toString())))
			.isInstanceOf(CjkFont.MissingFontException.class)
			.hasMessageContaining("cannot use " + notAFont);
	}

	@Test
	void aCollectionFaceIsNamedWithItsIndex() {
		CjkFont font = CjkFont.locate(CjkFont.CANDIDATES.stream().filter(Files::isRegularFile).findFirst().orElseThrow() + ",0");
		assertThat(font.index()).isZero();
	}

}
