package cn.outbound.app.rules;

import java.time.Instant;
import java.util.List;

import cn.outbound.rules.pack.RulePack;

/**
 * What the rule-pack publishing page ({@code /admin/packs}) shows.
 */
public final class PackViews {

	private PackViews() {
	}

	/**
	 * One edition loaded: shipped with the server, or published (by whom, when).
	 *
	 * @param status {@code inForce} today, {@code scheduled} (comes into force later) or {@code superseded}
	 */
	public record EditionRow(RulePack pack, String status, boolean shipped, String publishedBy, Instant publishedAt) {
	}

	/** A located problem: {@code file:line:column}, the JSON pointer, what is wrong in Chinese and in English. */
	public record ProblemRow(String location, String pointer, String zh, String en) {

		public String message(String lang) {
			return "en".equals(lang) ? this.en : this.zh;
		}

	}

	/**
	 * An uploaded edition after its check: either the problems (a heading's message key with its arguments, and the
	 * located problems) or the edition and what it changes against the edition in force.
	 */
	public record Check(String fileName, byte[] yaml, RulePack pack, EditionDiff diff, String problemKey,
			List<Object> problemArgs, List<ProblemRow> problems) {

		public boolean valid() {
			return this.problemKey == null;
		}

		public Object[] args() {
			return this.problemArgs.toArray();
		}

	}

	/** One item's thresholds as the regulator's form view shows them (issue #13): per fact asked, the comparisons. */
	public record ThresholdRow(int item, cn.outbound.rules.Text name, String mechanism, List<FactThresholds> facts) {
	}

	/** A fact of an item with its label and what it is compared against. */
	public record FactThresholds(String fact, cn.outbound.rules.Text label, List<cn.outbound.rules.Text> thresholds) {
	}

}
