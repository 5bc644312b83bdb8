package cn.outbound.report;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.List;

import cn.outbound.testing.Documents;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

import static org.assertj.core.api.Assertions.assertThat;

class DocxWriterTests {

	private final byte[] docx = new DocxWriter(DocumentStyle.OFFICIAL).write(Samples.small());

	@Test
	void writesTheTextInOrderWithPlaceholdersMarked() {
		assertThat(Documents.docxText(this.docx)).isEqualTo("""
				数据出境安全评估申报表
				一、数据处理者情况
				单位名称：测试企业（天津）有限公司
				员工数量：【待填写：员工数量】
				序号\t数据项名称\t备注
				1\t客户姓名\t【待填写】


				（一）第二页
				第二页的正文。
				— 1 —
				""");
	}

	@Test
	void pageIsA4WithTheOfficialMargins() throws Exception {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(this.docx))) {
			CTSectPr sect = doc.getDocument().getBody().getSectPr();
			// 210 x 297 mm in twentieths of a point
			assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
			assertThat(sect.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
			assertThat(sect.getPgMar().getTop()).isEqualTo(BigInteger.valueOf(2098)); // 37 mm
			assertThat(sect.getPgMar().getLeft()).isEqualTo(BigInteger.valueOf(1587)); // 28 mm
		}
	}

	@Test
	void bodyIsFangSongFourteenPointOnFixedTwentySixPointLines() throws Exception {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(this.docx))) {
			XWPFParagraph body = doc.getParagraphs().get(2);
			assertThat(body.getText()).startsWith("单位名称");
			assertThat(body.getCTP().getPPr().getSpacing().getLineRule()).isEqualTo(STLineSpacingRule.EXACT);
			assertThat(body.getCTP().getPPr().getSpacing().getLine()).isEqualTo(BigInteger.valueOf(520));
			for (XWPFRun run : body.getRuns()) {
				assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋");
				assertThat(run.getFontSizeAsDouble()).isEqualTo(14.0);
			}
			assertThat(body.getRuns().get(1).isBold()).isTrue();
		}
	}

	@Test
	void headingsAreHeiTiAndOutlineLevels() throws Exception {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(this.docx))) {
			XWPFParagraph title = doc.getParagraphs().get(0);
			XWPFParagraph section = doc.getParagraphs().get(1);
			assertThat(title.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
			assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);
			assertThat(section.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
			assertThat(section.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
			assertThat(section.getCTP().getPPr().getOutlineLvl().getVal()).isEqualTo(BigInteger.ZERO);
		}
	}

	@Test
	void placeholdersAreHighlightedAndPlainTextIsNot() throws Exception {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(this.docx))) {
			List<XWPFRun> runs = doc.getParagraphs().get(3).getRuns();
			assertThat(runs.get(0).isHighlighted()).isFalse();
			assertThat(runs.get(1).getText(0)).isEqualTo("【待填写：员工数量】");
			assertThat(runs.get(1).isHighlighted()).isTrue();
		}
	}

	@Test
	void tableRepeatsItsHeaderAndTheSecondPartStartsANewPage() throws Exception {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(this.docx))) {
			XWPFTable table = doc.getTables().get(0);
			assertThat(table.getRow(0).isRepeatHeader()).isTrue();
			assertThat(table.getRow(1).getCell(1).getText()).isEqualTo("客户姓名");
			XWPFParagraph second = doc.getParagraphs().stream()
				.filter(p -> p.getText().equals("（一）第二页"))
				.findFirst()
				.orElseThrow();
			assertThat(second.isPageBreak()).isTrue();
		}
	}

	@Test
	void footerHoldsThePageNumberField() throws Exception {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(this.docx))) {
			String xml = doc.getFooterArray(0).getParagraphs().get(0).getCTP().xmlText();
			assertThat(xml).contains("PAGE").contains("fldChar");
			assertThat(doc.getFooterArray(0).getText()).contains("—");
		}
	}

	@Test
	void englishPlaceholdersKeepTheSearchableMark() {
		Document.Builder b = Document.builder("Title", "en");
		assertThat(b.blank("the employees").text()).isEqualTo("【待填写 / to complete: the employees】");
		assertThat(b.blank("").text()).isEqualTo("【待填写】");
		assertThat(Samples.small().placeholders()).hasSize(2);
	}

}
