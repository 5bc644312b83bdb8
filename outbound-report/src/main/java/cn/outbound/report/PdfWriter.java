package cn.outbound.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;

/**
 * Writes a {@link Document} as PDF (OpenPDF) in a {@link DocumentStyle}, with the {@link CjkFont} embedded (the
 * glyphs used, as a subset) so that the file shows the same on any machine: A4, fixed line spacing, headings larger and
 * bold, tables with a repeated header row, placeholders on a yellow ground, and "— n —" centred at the foot of each
 * page. The font is loaded once per writer; a writer may be used by one thread at a time.
 */
public final class PdfWriter implements DocumentWriter {

	private static final float POINTS_PER_MM = 72f / 25.4f;

	private final DocumentStyle style;

	private final BaseFont font;

	/**
	 * @throws CjkFont.MissingFontException when the font cannot be read as a TrueType font
	 */
	public PdfWriter(DocumentStyle style, CjkFont cjk) {
		this.style = style;
		try {
			// the file's bytes in memory: OpenPDF reads a font file a byte at a time when it subsets it for each PDF
			byte[] bytes = java.nio.file.Files.readAllBytes(cjk.file());
			this.font = BaseFont.createFont(cjk.openPdfName(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
		}
		catch (IOException | RuntimeException ex) {
			throw new CjkFont.MissingFontException("cannot use " + cjk.file() + " as the PDF's CJK font ("
					+ ex.getMessage() + "); name a TrueType font (.ttf, or .ttc with ',INDEX') with -D"
					+ CjkFont.PROPERTY + "=FILE or " + CjkFont.ENV + "=FILE");
		}
	}

	@Override
	public void write(Document document, OutputStream out) throws IOException {
		com.lowagie.text.Document pdf = new com.lowagie.text.Document(PageSize.A4, mm(this.style.marginLeft()),
				mm(this.style.marginRight()), mm(this.style.marginTop()), mm(this.style.marginBottom()));
		try {
			com.lowagie.text.pdf.PdfWriter writer = com.lowagie.text.pdf.PdfWriter.getInstance(pdf, out);
			writer.setCloseStream(false);
			Font footerFont = new Font(this.font, (float) this.style.tableSize());
			float footerY = mm(this.style.marginBottom()) / 2;
			writer.setPageEvent(new PdfPageEventHelper() {

				@Override
				public void onEndPage(com.lowagie.text.pdf.PdfWriter w, com.lowagie.text.Document d) {
					ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER,
							new Phrase("— " + w.getPageNumber() + " —", footerFont),
							(d.getPageSize().getLeft() + d.getPageSize().getRight()) / 2, footerY, 0);
				}

			});
			pdf.addTitle(document.title());
			pdf.addCreator("Outbound");
			pdf.open();
			for (Block block : document.blocks()) {
				if (block instanceof Block.Heading h) {
					pdf.add(heading(h));
				}
				else if (block instanceof Block.Paragraph p) {
					pdf.add(paragraph(p));
				}
				else if (block instanceof Block.Table t) {
					pdf.add(table(t));
				}
				else {
					pdf.newPage();
				}
			}
			pdf.close();
		}
		catch (DocumentException ex) {
			throw new IOException("cannot write the PDF: " + ex.getMessage(), ex);
		}
	}

	private Paragraph heading(Block.Heading h) {
		float size = (float) this.style.size(h);
		Paragraph p = new Paragraph();
		p.setLeading((float) this.style.spacing(h));
		p.setAlignment((h.level() == 0) ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
		if (h.level() > 0) {
			p.setSpacingBefore((float) (this.style.lineSpacing() / 4));
		}
		if (h.level() == 0) {
			p.setSpacingAfter((float) this.style.lineSpacing());
		}
		add(p, h.runs(), size, true);
		return p;
	}

	private Paragraph paragraph(Block.Paragraph para) {
		Paragraph p = new Paragraph();
		p.setLeading((float) this.style.lineSpacing());
		p.setAlignment(switch (para.align()) {
			case JUSTIFIED -> Element.ALIGN_JUSTIFIED;
			case CENTER -> Element.ALIGN_CENTER;
			case RIGHT -> Element.ALIGN_RIGHT;
			case LEFT -> Element.ALIGN_LEFT;
		});
		if (para.align() == Block.Align.JUSTIFIED) {
			p.setFirstLineIndent((float) (2 * this.style.bodySize()));
		}
		add(p, para.runs(), (float) this.style.bodySize(), false);
		return p;
	}

	private PdfPTable table(Block.Table t) {
		float[] widths = new float[t.widths().size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = t.widths().get(i);
		}
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		table.setSpacingAfter((float) this.style.lineSpacing() / 2);
		table.setSpacingBefore(4);
		for (List<Run> cell : t.header()) {
			table.addCell(cell(cell, true));
		}
		for (List<List<Run>> row : t.rows()) {
			for (List<Run> cell : row) {
				table.addCell(cell(cell, false));
			}
		}
		return table;
	}

	private PdfPCell cell(List<Run> runs, boolean header) {
		Paragraph p = new Paragraph();
		float size = (float) this.style.tableSize();
		p.setLeading((float) Math.ceil(size * 1.5));
		add(p, runs, size, header);
		PdfPCell cell = new PdfPCell();
		cell.addElement(p);
		cell.setPaddingBottom(5);
		cell.setBorder(Rectangle.BOX);
		if (header) {
			cell.setBackgroundColor(new Color(0xEE, 0xEE, 0xEE));
		}
		return cell;
	}

	private void add(Paragraph p, List<Run> runs, float size, boolean strong) {
		// the paragraph's own font (its line ends) is the CJK font too: no standard font is ever named in the file
		p.setFont(new Font(this.font, size));
		for (Run r : runs) {
			boolean bold = strong || (r instanceof Run.Text t && t.strong());
			Font f = new Font(this.font, size, bold ? Font.BOLD : Font.NORMAL);
			Chunk c = new Chunk(r.text(), f);
			if (r instanceof Run.Placeholder) {
				c.setBackground(new Color(0xFF, 0xF0, 0x66));
			}
			p.add(c);
		}
	}

	private static float mm(double mm) {
		return (float) (mm * POINTS_PER_MM);
	}

}
