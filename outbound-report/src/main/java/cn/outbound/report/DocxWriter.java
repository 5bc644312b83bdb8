package cn.outbound.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFldChar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * Writes a {@link Document} as a Word document (DOCX, Apache POI) in a {@link DocumentStyle}: A4, the body font at its
 * size with fixed line spacing, headings in the heading font (and marked as outline levels, so that a word processor's
 * navigation lists them), tables with a repeated header row, placeholders highlighted in yellow, and the page number
 * centred in the footer.
 */
public final class DocxWriter implements DocumentWriter {

	private static final int TWIPS_PER_POINT = 20;

	private final DocumentStyle style;

	public DocxWriter(DocumentStyle style) {
		this.style = style;
	}

	@Override
	public void write(Document document, OutputStream out) throws IOException {
		try (XWPFDocument doc = new XWPFDocument()) {
			doc.getProperties().getCoreProperties().setTitle(document.title());
			doc.getProperties().getCoreProperties().setCreator("Outbound");
			page(doc);
			footer(doc);
			boolean breakBefore = false;
			for (Block block : document.blocks()) {
				if (block instanceof Block.Heading h) {
						XWPFParagraph p = doc.createParagraph();
						p.setAlignment((h.level() == 0) ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
						p.setSpacingBetween(this.style.spacing(h), LineSpacingRule.EXACT);
						p.setPageBreak(breakBefore);
						p.setKeepNext(true);
						p.getCTP().getPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(Math.max(0, h.level() - 1)));
						if (h.level() == 0) {
							p.setSpacingAfter((int) (this.style.lineSpacing() * TWIPS_PER_POINT));
						}
						runs(p, h.runs(), this.style.headingFont(), this.style.headingFontLatin(), this.style.size(h), false);
						breakBefore = false;
				}
				else if (block instanceof Block.Paragraph para) {
						XWPFParagraph p = doc.createParagraph();
						p.setAlignment(switch (para.align()) {
							case JUSTIFIED -> ParagraphAlignment.BOTH;
							case CENTER -> ParagraphAlignment.CENTER;
							case RIGHT -> ParagraphAlignment.RIGHT;
							case LEFT -> ParagraphAlignment.LEFT;
						});
						if (para.align() == Block.Align.JUSTIFIED) {
							p.setIndentationFirstLine((int) (2 * this.style.bodySize() * TWIPS_PER_POINT));
						}
						p.setSpacingBetween(this.style.lineSpacing(), LineSpacingRule.EXACT);
						p.setPageBreak(breakBefore);
						runs(p, para.runs(), this.style.bodyFont(), this.style.bodyFontLatin(), this.style.bodySize(), false);
						breakBefore = false;
				}
				else if (block instanceof Block.Table t) {
					table(doc, t);
					breakBefore = false;
				}
				else {
					breakBefore = true;
				}
			}
			doc.write(out);
		}
	}

	private void table(XWPFDocument doc, Block.Table t) {
		XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
		table.setWidth("100%");
		int total = t.widths().stream().mapToInt(Integer::intValue).sum();
		row(table.getRow(0), t.header(), t.widths(), total, true);
		table.getRow(0).setRepeatHeader(true);
		for (int i = 0; i < t.rows().size(); i++) {
			row(table.getRow(i + 1), t.rows().get(i), t.widths(), total, false);
		}
		// a table is followed by an empty line, so that the next paragraph does not join it
		XWPFParagraph after = doc.createParagraph();
		after.setSpacingBetween(this.style.lineSpacing(), LineSpacingRule.EXACT);
	}

	private void row(XWPFTableRow row, List<List<Run>> cells, List<Integer> widths, int total, boolean header) {
		row.setCantSplitRow(true);
		for (int c = 0; c < cells.size(); c++) {
			XWPFTableCell cell = row.getCell(c);
			cell.setWidth(Math.max(1, Math.round(100f * widths.get(c) / total)) + "%");
			XWPFParagraph p = cell.getParagraphs().get(0);
			p.setAlignment(header ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
			p.setSpacingBetween(Math.ceil(this.style.tableSize() * 1.5), LineSpacingRule.EXACT);
			runs(p, cells.get(c), header ? this.style.headingFont() : this.style.bodyFont(),
					header ? this.style.headingFontLatin() : this.style.bodyFontLatin(), this.style.tableSize(), false);
		}
	}

	private void runs(XWPFParagraph p, List<Run> runs, String font, String latin, double size, boolean strong) {
		for (Run r : runs) {
			XWPFRun run = p.createRun();
			font(run, font, latin, size);
			String text = r.text();
			String[] lines = text.split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				if (i > 0) {
					run.addBreak();
				}
				run.setText(lines[i], i);
			}
			if (r instanceof Run.Text t && (t.strong() || strong)) {
				run.setBold(true);
			}
			if (r instanceof Run.Placeholder) {
				run.setTextHighlightColor("yellow");
			}
		}
	}

	private static void font(XWPFRun run, String font, String latin, double size) {
		run.setFontFamily(latin, XWPFRun.FontCharRange.ascii);
		run.setFontFamily(latin, XWPFRun.FontCharRange.hAnsi);
		run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
		run.setFontSize(size);
	}

	private void page(XWPFDocument doc) {
		CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
				: doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
		size.setW(BigInteger.valueOf(twips(DocumentStyle.PAGE_WIDTH_MM)));
		size.setH(BigInteger.valueOf(twips(DocumentStyle.PAGE_HEIGHT_MM)));
		CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
		margins.setTop(BigInteger.valueOf(twips(this.style.marginTop())));
		margins.setBottom(BigInteger.valueOf(twips(this.style.marginBottom())));
		margins.setLeft(BigInteger.valueOf(twips(this.style.marginLeft())));
		margins.setRight(BigInteger.valueOf(twips(this.style.marginRight())));
		margins.setFooter(BigInteger.valueOf(twips(this.style.marginBottom() / 2)));
		margins.setHeader(BigInteger.valueOf(twips(this.style.marginTop() / 2)));
	}

	/** "— 1 —", centred: the page number as a PAGE field, which the word processor fills in. */
	private void footer(XWPFDocument doc) {
		XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
		XWPFParagraph p = footer.createParagraph();
		p.setAlignment(ParagraphAlignment.CENTER);
		XWPFRun before = p.createRun();
		font(before, this.style.bodyFont(), this.style.bodyFontLatin(), this.style.tableSize());
		before.setText("— ");
		XWPFRun begin = p.createRun();
		begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
		XWPFRun instr = p.createRun();
		instr.getCTR().addNewInstrText().setStringValue(" PAGE ");
		XWPFRun separate = p.createRun();
		separate.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
		XWPFRun number = p.createRun();
		font(number, this.style.bodyFont(), this.style.bodyFontLatin(), this.style.tableSize());
		number.setText("1");
		XWPFRun end = p.createRun();
		CTFldChar fld = end.getCTR().addNewFldChar();
		fld.setFldCharType(STFldCharType.END);
		XWPFRun after = p.createRun();
		font(after, this.style.bodyFont(), this.style.bodyFontLatin(), this.style.tableSize());
		after.setText(" —");
	}

	private static long twips(double mm) {
		return Math.round(mm / 25.4 * 72 * TWIPS_PER_POINT);
	}

}
