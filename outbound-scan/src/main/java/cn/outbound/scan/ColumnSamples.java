package cn.outbound.scan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.outbound.pii.detect.PiType;

/**
 * The first samples of one column over a run of rows in table order: per type a few masked samples
 * ({@value ColumnProfile#SAMPLES}) and the plausible values for the dictionary recognisers (up to the scan's confirm
 * sample), and the first plain values ({@value ColumnProfile#VALUE_SAMPLE}, for the list-item suggestions). Lists are
 * made on first use.
 *
 * <p>
 * {@link #merge} appends the samples of the rows that come next, keeping the first ones: merging the runs of a table
 * in table order, however grouped, gives the samples of one pass over the whole table. {@link #after} drops what can
 * no longer be among the first, once the runs before are known (to keep merged results small in any order).
 */
public final class ColumnSamples implements Serializable {

	private static final long serialVersionUID = 1L;

	private final int confirmCap;

	final ArrayList<String>[] samples;

	final ArrayList<String>[] toConfirm;

	ArrayList<String> values;

	/** @param confirmCap plausible values kept per type for the recognisers (the scan's confirm sample) */
	@SuppressWarnings("unchecked")
	public ColumnSamples(int confirmCap) {
		this.confirmCap = confirmCap;
		this.samples = new ArrayList[ColumnProfile.TYPES.length];
		this.toConfirm = new ArrayList[ColumnProfile.TYPES.length];
	}

	boolean wantsSample(int type) {
		return this.samples[type] == null || this.samples[type].size() < ColumnProfile.SAMPLES;
	}

	void sample(int type, String masked) {
		this.samples[type] = add(this.samples[type], masked);
	}

	boolean wantsConfirm(int type) {
		return this.toConfirm[type] == null || this.toConfirm[type].size() < this.confirmCap;
	}

	void confirm(int type, String value) {
		this.toConfirm[type] = add(this.toConfirm[type], value);
	}

	boolean wantsValue() {
		return this.values == null || this.values.size() < ColumnProfile.VALUE_SAMPLE;
	}

	void value(String value) {
		this.values = add(this.values, value);
	}

	private static ArrayList<String> add(ArrayList<String> list, String item) {
		ArrayList<String> l = (list != null) ? list : new ArrayList<>();
		l.add(item);
		return l;
	}

	/** The masked samples of {@code type}, first first. */
	public List<String> samples(PiType type) {
		return view(this.samples[type.ordinal()]);
	}

	/** The plausible values of {@code type} kept for its recogniser. */
	public List<String> toConfirm(PiType type) {
		return view(this.toConfirm[type.ordinal()]);
	}

	/** The first plain values. */
	public List<String> values() {
		return view(this.values);
	}

	private static List<String> view(List<String> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

	/** Whether nothing was sampled. */
	public boolean isEmpty() {
		for (int t = 0; t < this.samples.length; t++) {
			if (this.samples[t] != null && !this.samples[t].isEmpty()
					|| this.toConfirm[t] != null && !this.toConfirm[t].isEmpty()) {
				return false;
			}
		}
		return this.values == null || this.values.isEmpty();
	}

	/** Appends the samples of the rows that come after these, up to each list's size; returns this. */
	public ColumnSamples merge(ColumnSamples next) {
		for (int t = 0; t < this.samples.length; t++) {
			this.samples[t] = topUp(this.samples[t], next.samples[t], ColumnProfile.SAMPLES);
			this.toConfirm[t] = topUp(this.toConfirm[t], next.toConfirm[t], this.confirmCap);
		}
		this.values = topUp(this.values, next.values, ColumnProfile.VALUE_SAMPLE);
		return this;
	}

	/**
	 * What of these samples can still be among the first once the rows of {@code before} come before them: per list,
	 * as many as {@code before} leaves room for (a new object; this one is unchanged).
	 */
	public ColumnSamples after(ColumnSamples before) {
		ColumnSamples out = new ColumnSamples(this.confirmCap);
		for (int t = 0; t < this.samples.length; t++) {
			out.samples[t] = head(this.samples[t], ColumnProfile.SAMPLES - size(before.samples[t]));
			out.toConfirm[t] = head(this.toConfirm[t], this.confirmCap - size(before.toConfirm[t]));
		}
		out.values = head(this.values, ColumnProfile.VALUE_SAMPLE - size(before.values));
		return out;
	}

	private static int size(List<String> list) {
		return (list != null) ? list.size() : 0;
	}

	private static ArrayList<String> head(ArrayList<String> list, int room) {
		if (list == null || room <= 0 || list.isEmpty()) {
			return null;
		}
		return new ArrayList<>(list.subList(0, Math.min(room, list.size())));
	}

	private static ArrayList<String> topUp(ArrayList<String> into, List<String> from, int cap) {
		if (from == null || from.isEmpty() || size(into) >= cap) {
			return into;
		}
		ArrayList<String> l = (into != null) ? into : new ArrayList<>();
		for (int i = 0; i < from.size() && l.size() < cap; i++) {
			l.add(from.get(i));
		}
		return l;
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof ColumnSamples s) || s.confirmCap != this.confirmCap) {
			return false;
		}
		for (int t = 0; t < this.samples.length; t++) {
			if (!view(this.samples[t]).equals(view(s.samples[t]))
					|| !view(this.toConfirm[t]).equals(view(s.toConfirm[t]))) {
				return false;
			}
		}
		return view(this.values).equals(view(s.values));
	}

	@Override
	public int hashCode() {
		int h = Objects.hash(this.confirmCap, view(this.values));
		for (int t = 0; t < this.samples.length; t++) {
			h = 31 * h + view(this.samples[t]).hashCode() * 7 + view(this.toConfirm[t]).hashCode();
		}
		return h;
	}

}
