package cn.outbound.report;

import java.util.List;

/** A part of a {@link Document}: a heading, a paragraph, a table or a page break. */
public sealed interface Block permits Block.Heading, Block.Paragraph, Block.Table, Block.PageBreak {

	/**
	 * @param level 0 the document's title, 1 a section (一、), 2 a subsection (（一）), 3 below
	 */
	record Heading(int level, List<Run> runs) implements Block {

		public Heading {
			if (level < 0 || level > 3) {
				throw new IllegalArgumentException("heading level must be 0 to 3, not " + level);
			}
			runs = List.copyOf(runs);
		}

	}

	/**
	 * @param align how the lines stand; a body paragraph is {@link Align#JUSTIFIED} with the first line indented two
	 * characters, as Chinese official documents are
	 */
	record Paragraph(List<Run> runs, Align align) implements Block {

		public Paragraph {
			runs = List.copyOf(runs);
		}

	}

	/**
	 * A table with a header row. Every row has as many cells as the header.
	 *
	 * @param widths the columns' relative widths (as many as the header's cells)
	 */
	record Table(List<List<Run>> header, List<List<List<Run>>> rows, List<Integer> widths) implements Block {

		public Table {
			header = header.stream().map(List::copyOf).toList();
			rows = rows.stream().map(r -> r.stream().map(List::copyOf).toList()).toList();
			widths = List.copyOf(widths);
			if (widths.size() != header.size()) {
				throw new IllegalArgumentException("a table needs one width per column");
			}
			for (List<List<Run>> row : rows) {
				if (row.size() != header.size()) {
					throw new IllegalArgumentException("a row has " + row.size() + " cells; the header has " + header.size());
				}
			}
		}

	}

	/** The next block starts a new page. */
	record PageBreak() implements Block {

	}

	enum Align {

		JUSTIFIED, CENTER, RIGHT, LEFT

	}

}
