package cn.outbound.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A document as the writers print it: a title (also the file's metadata), its language and its blocks.
 *
 * @param lang {@code zh} or {@code en}
 */
public record Document(String title, String lang, List<Block> blocks) {

	public Document {
		Objects.requireNonNull(title, "title");
		if (!"zh".equals(lang) && !"en".equals(lang)) {
			throw new IllegalArgumentException("lang must be zh or en, not " + lang);
		}
		blocks = List.copyOf(blocks);
	}

	public boolean english() {
		return "en".equals(this.lang);
	}

	/** Every placeholder left to fill in, in order. */
	public List<Run.Placeholder> placeholders() {
		List<Run.Placeholder> out = new ArrayList<>();
		for (Block b : this.blocks) {
			List<Run> runs = new ArrayList<>();
			if (b instanceof Block.Heading h) {
				runs.addAll(h.runs());
			}
			else if (b instanceof Block.Paragraph p) {
				runs.addAll(p.runs());
			}
			else if (b instanceof Block.Table t) {
				t.header().forEach(runs::addAll);
				t.rows().forEach(r -> r.forEach(runs::addAll));
			}
			runs.stream().filter(Run.Placeholder.class::isInstance).map(Run.Placeholder.class::cast).forEach(out::add);
		}
		return out;
	}

	public static Builder builder(String title, String lang) {
		return new Builder(title, lang);
	}

	/** Builds a document block by block; the title is its first block (a level-0 heading). */
	public static final class Builder {

		private final String title;

		private final String lang;

		private final List<Block> blocks = new ArrayList<>();

		Builder(String title, String lang) {
			this.title = title;
			this.lang = lang;
			this.blocks.add(new Block.Heading(0, List.of(Run.text(title))));
		}

		/** A placeholder in this document's language. */
		public Run.Placeholder blank(String what) {
			return new Run.Placeholder(what, "en".equals(this.lang));
		}

		public Builder heading(int level, String text) {
			return add(new Block.Heading(level, List.of(Run.text(text))));
		}

		public Builder paragraph(String text) {
			return paragraph(Run.text(text));
		}

		public Builder paragraph(Run... runs) {
			return paragraph(Arrays.asList(runs));
		}

		public Builder paragraph(List<Run> runs) {
			return add(new Block.Paragraph(runs, Block.Align.JUSTIFIED));
		}

		public Builder paragraph(Block.Align align, Run... runs) {
			return add(new Block.Paragraph(Arrays.asList(runs), align));
		}

		/** A table whose header cells are plain text. */
		public Builder table(List<String> header, List<Integer> widths, List<List<List<Run>>> rows) {
			return add(new Block.Table(header.stream().map(h -> List.of(Run.strong(h))).toList(), rows, widths));
		}

		public Builder pageBreak() {
			return add(new Block.PageBreak());
		}

		public Builder add(Block block) {
			this.blocks.add(block);
			return this;
		}

		public Document build() {
			return new Document(this.title, this.lang, this.blocks);
		}

	}

	/** Plain text, for a cell or a paragraph. */
	public static Run text(String text) {
		return Run.text(text);
	}

	/** Bold text. */
	public static Run strong(String text) {
		return Run.strong(text);
	}

}
