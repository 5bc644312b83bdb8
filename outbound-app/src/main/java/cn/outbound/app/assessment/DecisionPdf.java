package cn.outbound.app.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import cn.outbound.app.web.Messages;
import cn.outbound.report.Block;
import cn.outbound.report.CjkFont;
import cn.outbound.report.Document;
import cn.outbound.report.DocumentStyle;
import cn.outbound.report.PdfWriter;
import cn.outbound.report.Run;
import cn.outbound.service.assessment.Assessment;
import cn.outbound.service.assessment.Reviews;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;

/**
 * The decision as a PDF (#11 item 9): the same content as the result page ({@link AssessedView},
 * {@link DecisionView}, the reviews), built on outbound-report's document model and written by its {@link PdfWriter}
 * (CJK font embedded, "— n —" page numbers). Each page's foot then carries the pack's content hash and the SHA-256 of
 * the decision JSON exactly as stored (what {@code GET /api/v1/assessments/{id}/decision} returns), so a reader can
 * check the paper against the record: {@code curl …/decision | sha256sum}.
 */
public final class DecisionPdf {

	private final PdfWriter writer;

	private final BaseFont footerFont;

	/** @throws CjkFont.MissingFontException when no CJK font is found (the message says what to install) */
	public DecisionPdf(CjkFont font) {
		this.writer = new PdfWriter(DocumentStyle.OFFICIAL, font);
		try {
			String name = font.file().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")
					? font.file() + "," + font.index() : font.file().toString();
			this.footerFont = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
		}
		catch (IOException | RuntimeException ex) {
			throw new CjkFont.MissingFontException("cannot use " + font.file() + " for the PDF's footer: " + ex.getMessage());
		}
	}

	/** The SHA-256 of the decision JSON as stored, in hex: the hash the PDF's footer shows. */
	public static String decisionHash(Assessment a) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(a.decision().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The document, in the language of {@code t}. */
	public static Document document(Assessment a, DecisionView d, AssessedView v, List<Reviews.Review> reviews,
			Messages t) {
		String title = t.get("result.title", a.id()) + ((a.title() != null) ? " · " + a.title() : "");
		Document.Builder b = Document.builder(title, t.lang());
		b.paragraph(Block.Align.LEFT, new Run.Text(t.get("result.outcome") + "：", true),
				new Run.Text(t.text(d.outcomeLabel()) + " (" + d.outcome() + ")", true));
		b.paragraph(t.get("result.strictest"));
		b.paragraph(Block.Align.LEFT, new Run.Text(t.get("result.items") + "：", true), new Run.Text(
				d.items().isEmpty() ? t.get("result.noItems")
						: String.join("、", d.items().stream().map(i -> t.get("item.title", i)).toList()), false));
		b.heading(1, t.get("result.assessed"));
		List<List<List<Run>>> rows = new ArrayList<>();
		for (AssessedView.Answer an : v.answers()) {
			rows.add(List.of(cell(an.group()), cell(an.question()), cell(an.value())));
		}
		b.table(List.of(t.get("result.answer.group"), t.get("result.answer.question"), t.get("result.answer.value")),
				List.of(3, 4, 3), rows);
		b.heading(1, t.get("result.cumulative"));
		b.paragraph(t.get("result.cumulative.line", d.cumulativeIndividuals(), d.cumulativeSensitive()));
		b.paragraph(t.get("result.prior.counts", v.priorIndividuals(), v.priorSensitive()) + " · "
				+ t.get("result.prior." + v.priorSource()));
		b.heading(1, t.get("result.findings"));
		if (d.findings().isEmpty()) {
			b.paragraph(t.get("result.noFindings"));
		}
		for (DecisionView.Step f : d.findings()) {
			step(b, f, t);
		}
		if (!d.exemptions().isEmpty()) {
			b.heading(1, t.get("result.exemptions"));
			for (DecisionView.Step e : d.exemptions()) {
				step(b, e, t);
			}
		}
		b.heading(1, t.get("result.obligations"));
		for (DecisionView.Duty o : d.obligations()) {
			b.paragraph(t.text(o.text()) + ((o.deadline() != null) ? " " + t.get("result.deadline") + "：" + t.text(o.deadline()) : "")
					+ ((o.rule() != null) ? " [" + o.rule() + "]" : ""));
			if (!o.deadlines().isEmpty()) {
				b.paragraph(t.get("result.deadlineRules") + "：");
				o.deadlines().forEach(r -> b.paragraph("· " + t.text(r)));
			}
		}
		if (!d.notes().isEmpty()) {
			b.heading(1, t.get("result.notes"));
			d.notes().forEach(n -> b.paragraph(t.text(n)));
		}
		b.heading(1, t.get("result.pack"));
		b.paragraph(Block.Align.LEFT, new Run.Text(t.text(d.packTitle()) + " " + d.packEdition() + " ("
				+ t.get("pack.inForceFrom") + " " + d.packFrom() + ")", false));
		b.paragraph(Block.Align.LEFT, new Run.Text(a.packHash(), false));
		b.heading(1, t.get("review.title"));
		b.paragraph(Block.Align.LEFT, new Run.Text(t.get("result.by") + "：" + a.createdBy() + " · " + v.decidedAt() + " "
				+ t.get("time.beijing"), false));
		Reviews.Status status = Reviews.status(reviews);
		b.paragraph(Block.Align.LEFT, new Run.Text(t.get("review.status") + "：" + t.get("review.status." + status), true));
		if (!reviews.isEmpty()) {
			List<List<List<Run>>> rr = new ArrayList<>();
			for (Reviews.Review r : reviews) {
				rr.add(List.of(cell(r.reviewer()), cell(t.get("review.verdict." + r.verdict())),
						cell(cn.outbound.app.web.BeijingTime.format(r.at())), cell((r.comment() != null) ? r.comment() : "—")));
			}
			b.table(List.of(t.get("review.reviewer"), t.get("review.verdict"), t.get("review.at"), t.get("review.comment")),
					List.of(2, 2, 3, 5), rr);
		}
		b.paragraph(t.get("result.disclaimer"));
		return b.build();
	}

	private static void step(Document.Builder b, DecisionView.Step s, Messages t) {
		String head = ((s.title() != null) ? t.text(s.title()) : "") + ((s.rule() != null) ? " [" + s.rule() + "]" : "")
				+ ((s.mechanismLabel() != null) ? " · " + t.text(s.mechanismLabel()) : "");
		b.paragraph(Block.Align.LEFT, new Run.Text(head, true));
		b.paragraph(t.text(s.because()));
		if (s.quote() != null) {
			b.paragraph(Block.Align.LEFT, new Run.Text("「" + s.quote().zh() + "」", false));
		}
	}

	private static List<Run> cell(String text) {
		return List.of(new Run.Text((text != null) ? text : "", false));
	}

	/** Writes the document and stamps each page's foot with the two hashes. */
	public synchronized byte[] write(Document document, Assessment a, Messages t) {
		byte[] plain = this.writer.write(document);
		try {
			PdfReader reader = new PdfReader(plain);
			ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length + 4096);
			PdfStamper stamper = new PdfStamper(reader, out);
			Font font = new Font(this.footerFont, 7);
			String pack = t.get("pdf.footer.pack") + " " + a.packHash();
			String decision = t.get("pdf.footer.decision") + " sha256:" + decisionHash(a);
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				var size = reader.getPageSize(page);
				var over = stamper.getOverContent(page);
				float x = (size.getLeft() + size.getRight()) / 2;
				ColumnText.showTextAligned(over, Element.ALIGN_CENTER, new Phrase(pack, font), x, 30, 0);
				ColumnText.showTextAligned(over, Element.ALIGN_CENTER, new Phrase(decision, font), x, 20, 0);
			}
			stamper.close();
			reader.close();
			return out.toByteArray();
		}
		catch (IOException | DocumentException ex) {
			throw new IllegalStateException("cannot stamp the PDF's footer: " + ex.getMessage(), ex);
		}
	}

}
