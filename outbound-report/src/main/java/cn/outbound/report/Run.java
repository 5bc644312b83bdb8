package cn.outbound.report;

import java.util.Objects;

/**
 * A piece of text in a paragraph, a heading or a table cell: plain {@link Text}, or a {@link Placeholder} the reader
 * must replace (writers highlight it, so that nothing left to fill in is missed).
 */
public sealed interface Run permits Run.Text, Run.Placeholder {

	/** The text as printed. */
	String text();

	/** Plain text; {@code strong} is printed bold. */
	record Text(String text, boolean strong) implements Run {

		public Text {
			Objects.requireNonNull(text, "text");
		}

	}

	/**
	 * Something only the reader knows. Printed {@code 【待填写：what】} (or {@code 【待填写】} when {@code what} is
	 * empty); in English {@code 【待填写 / to complete: what】}, so that one search finds every marker in either language.
	 *
	 * @param what what to write there, in the document's language (may be empty)
	 * @param english whether the document is in English
	 */
	record Placeholder(String what, boolean english) implements Run {

		/** The marker every placeholder starts with. */
		public static final String MARK = "【待填写";

		public Placeholder {
			Objects.requireNonNull(what, "what");
		}

		@Override
		public String text() {
			if (this.what.isEmpty()) {
				return MARK + "】";
			}
			return MARK + (this.english ? " / to complete: " : "：") + this.what + "】";
		}

	}

	static Run text(String text) {
		return new Text(text, false);
	}

	static Run strong(String text) {
		return new Text(text, true);
	}

}
