package cn.outbound.report;

/**
 * The layout a writer gives a {@link Document}. Sizes are in points; margins in millimetres.
 *
 * @param bodyFont the body's font family as the word processor names it (Chinese name first: 仿宋)
 * @param bodyFontLatin the same family's Latin name, for the word processor's other font slots
 * @param headingFont the headings' family (黑体)
 * @param lineSpacing the fixed distance between lines of body text
 */
public record DocumentStyle(String bodyFont, String bodyFontLatin, String headingFont, String headingFontLatin,
		double bodySize, double titleSize, double headingSize, double tableSize, double lineSpacing, double marginTop,
		double marginBottom, double marginLeft, double marginRight) {

	/**
	 * The layout of the data-export security assessment filing guide (自评估报告: A4, 四号仿宋, fixed line spacing
	 * 26 pt; ../shared/docs/filing.md §3), with the margins and heading font of Chinese official documents (GB/T
	 * 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; 黑体 headings): 四号 is 14 pt, 二号 22 pt, 三号 16 pt,
	 * 五号 10.5 pt.
	 */
	public static final DocumentStyle OFFICIAL = new DocumentStyle("仿宋", "FangSong", "黑体", "SimHei", 14, 22, 16,
			10.5, 26, 37, 35, 28, 26);

	/** A4 in millimetres. */
	public static final double PAGE_WIDTH_MM = 210;

	public static final double PAGE_HEIGHT_MM = 297;

	public double size(Block.Heading h) {
		return switch (h.level()) {
			case 0 -> this.titleSize;
			case 1 -> this.headingSize;
			default -> this.bodySize;
		};
	}

	/** The line spacing of a heading: never less than its size needs. */
	public double spacing(Block.Heading h) {
		return Math.max(this.lineSpacing, Math.ceil(size(h) * 1.6));
	}

}
