/**
 * Documents a person edits or files, independent of what they say: a small model ({@link cn.outbound.report.Document}
 * of {@link cn.outbound.report.Block}s of {@link cn.outbound.report.Run}s, where a
 * {@link cn.outbound.report.Run.Placeholder} marks what only the reader can fill in) and two writers,
 * {@link cn.outbound.report.DocxWriter} (Apache POI) and {@link cn.outbound.report.PdfWriter} (OpenPDF with an
 * embedded CJK font, {@link cn.outbound.report.CjkFont}). The layout is a {@link cn.outbound.report.DocumentStyle}:
 * {@link cn.outbound.report.DocumentStyle#OFFICIAL} is the layout the filing guide asks for (A4, 仿宋 四号, fixed line
 * spacing 26 pt, headings in 黑体, page numbers in the footer). Plain Java; uses no other module of ours.
 */
package cn.outbound.report;
