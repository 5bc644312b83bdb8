package cn.outbound.scan;

import java.io.Serializable;
import java.util.Arrays;

import cn.outbound.pii.detect.PiType;

/**
 * One column's exact counts over some rows: non-empty values, per type the values that validated (strong) and those
 * only plausible (weak), and identifiers embedded in free text. A thread, a partition or a whole table each has its
 * own; {@link #merge} adds another's, in any order and grouping (the sums are the same as one pass over all the
 * rows).
 */
public final class ColumnCounts implements Serializable {

	private static final long serialVersionUID = 1L;

	/** The types whose identifiers are looked for inside free text, in the order of {@link #embedded(PiType)}. */
	static final PiType[] EMBEDDED = { PiType.CN_RESIDENT_ID, PiType.CN_MOBILE, PiType.EMAIL };

	long nonEmpty;

	final long[] strong = new long[ColumnProfile.TYPES.length];

	final long[] weak = new long[ColumnProfile.TYPES.length];

	/** Embedded resident IDs, mobiles, e-mails in free text. */
	final long[] embedded = new long[EMBEDDED.length];

	/** Adds {@code other}'s counts to these; returns this. */
	public ColumnCounts merge(ColumnCounts other) {
		this.nonEmpty += other.nonEmpty;
		for (int t = 0; t < this.strong.length; t++) {
			this.strong[t] += other.strong[t];
			this.weak[t] += other.weak[t];
		}
		for (int i = 0; i < this.embedded.length; i++) {
			this.embedded[i] += other.embedded[i];
		}
		return this;
	}

	/** Non-empty values (neither blank nor a token for "nothing" such as {@code NULL} or {@code 无}). */
	public long nonEmpty() {
		return this.nonEmpty;
	}

	/** Values that validated as {@code type}. */
	public long strong(PiType type) {
		return this.strong[type.ordinal()];
	}

	/** Values only plausible as {@code type}. */
	public long weak(PiType type) {
		return this.weak[type.ordinal()];
	}

	/** Values of free text holding an identifier of {@code type} (resident ID, mobile or e-mail; 0 for the others). */
	public long embedded(PiType type) {
		for (int i = 0; i < EMBEDDED.length; i++) {
			if (EMBEDDED[i] == type) {
				return this.embedded[i];
			}
		}
		return 0;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ColumnCounts c && c.nonEmpty == this.nonEmpty && Arrays.equals(c.strong, this.strong)
				&& Arrays.equals(c.weak, this.weak) && Arrays.equals(c.embedded, this.embedded);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.nonEmpty) * 31 + Arrays.hashCode(this.strong) * 17 + Arrays.hashCode(this.weak)
				+ Arrays.hashCode(this.embedded);
	}

	@Override
	public String toString() {
		return "ColumnCounts[nonEmpty=" + this.nonEmpty + ", strong=" + Arrays.toString(this.strong) + ", weak="
				+ Arrays.toString(this.weak) + ", embedded=" + Arrays.toString(this.embedded) + "]";
	}

}
