package cn.outbound.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * The first samples one block of rows gave for one column (masked samples per type, plausible
 * values for the recognisers, plain values for the item suggestions), each list bounded as in
 * {@link ColumnProfile}; lists are made on first use.
 */
final class ColumnFirsts {

	@SuppressWarnings("unchecked")
	final List<String>[] samples = new List[ColumnProfile.TYPES.length];

	@SuppressWarnings("unchecked")
	final List<String>[] toConfirm = new List[ColumnProfile.TYPES.length];

	List<String> values;

	boolean wantsSample(int type) {
		return this.samples[type] == null || this.samples[type].size() < ColumnProfile.SAMPLES;
	}

	void sample(int type, String masked) {
		if (this.samples[type] == null) {
			this.samples[type] = new ArrayList<>(ColumnProfile.SAMPLES);
		}
		this.samples[type].add(masked);
	}

	boolean wantsConfirm(int type, int cap) {
		return this.toConfirm[type] == null || this.toConfirm[type].size() < cap;
	}

	void confirm(int type, String value) {
		if (this.toConfirm[type] == null) {
			this.toConfirm[type] = new ArrayList<>();
		}
		this.toConfirm[type].add(value);
	}

	boolean wantsValue() {
		return this.values == null || this.values.size() < ColumnProfile.VALUE_SAMPLE;
	}

	void value(String value) {
		if (this.values == null) {
			this.values = new ArrayList<>();
		}
		this.values.add(value);
	}

}
