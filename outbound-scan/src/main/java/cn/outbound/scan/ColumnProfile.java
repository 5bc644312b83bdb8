package cn.outbound.scan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;
import cn.outbound.pii.detect.Detector;
import cn.outbound.pii.detect.EmbeddedFinder;
import cn.outbound.pii.detect.HeaderHints;
import cn.outbound.pii.detect.PiType;
import cn.outbound.pii.detect.Value;

/**
 * What one column's values showed: per type, how many validated (strong) and how many were only
 * plausible (weak); a few masked samples; a bounded sample of plausible values for the
 * dictionary recognisers; and identifiers embedded in free text.
 *
 * <p>
 * Every detector's cheap check runs on every value; only {@link Detector#confirm} (HanLP) is
 * limited to the first {@code confirmSample} plausible values.
 */
final class ColumnProfile {

	static final PiType[] TYPES = PiType.values();

	static final int SAMPLES = 3;

	static final int VALUE_SAMPLE = 20;

	/** Share of non-empty values needed, by header hint: named, neutral, contradicted. */
	static final double SHARE_NAMED = 0.3;

	static final double SHARE_NEUTRAL = 0.5;

	static final double SHARE_CONTRADICTED = 0.9;

	/** Share of plausible values needed when a header or the recogniser vouches for them. */
	static final double SHARE_PLAUSIBLE = 0.5;

	/** Share of sampled plausible values the recogniser must confirm. */
	static final double SHARE_CONFIRMED = 0.6;

	/** Share of values with an embedded identifier for the column to be reported for it. */
	static final double SHARE_EMBEDDED = 0.05;

	/**
	 * Values after which a detector that has matched none of them looks at one value in
	 * {@link #GATE_STRIDE} only, until it matches again (then at every value again, its count
	 * estimated for the skipped stretch). Keeps all detectors on at a fraction of the cost for
	 * homogeneous columns.
	 */
	static final long GATE_AFTER = 2000;

	static final int GATE_STRIDE = 64;

	final boolean[] gated = new boolean[TYPES.length];

	final boolean[] estimated = new boolean[TYPES.length];

	final String name;

	final int index;

	final int[] hints = new int[TYPES.length];

	long nonEmpty;

	final long[] strong = new long[TYPES.length];

	final long[] weak = new long[TYPES.length];

	/** Embedded resident IDs, mobiles, e-mails in free text. */
	final long[] embedded = new long[3];

	private final List<List<String>> samples = new ArrayList<>();

	private final List<List<String>> toConfirm = new ArrayList<>();

	final List<String> values = new ArrayList<>();

	private final int confirmSample;

	ColumnProfile(String name, int index, int confirmSample) {
		this.name = name;
		this.index = index;
		this.confirmSample = confirmSample;
		for (PiType t : TYPES) {
			this.hints[t.ordinal()] = HeaderHints.hint(t, name);
			this.samples.add(new ArrayList<>(SAMPLES));
			this.toConfirm.add(new ArrayList<>());
		}
	}

	void add(Value value, Detector[] detectors) {
		long seen = this.nonEmpty++;
		if (seen == GATE_AFTER) {
			for (int t = 0; t < TYPES.length; t++) {
				this.gated[t] = this.strong[t] + this.weak[t] == 0;
			}
		}
		boolean sampled = (seen & (GATE_STRIDE - 1)) == 0;
		for (Detector d : detectors) {
			int t = d.type().ordinal();
			boolean gatedHere = this.gated[t];
			if (gatedHere && !sampled) {
				continue;
			}
			int m = d.match(value);
			if (m == Detector.NO) {
				continue;
			}
			int weight = 1;
			if (gatedHere) {
				// first hit after the gate closed: stand for the values skipped, and look at every value again
				this.gated[t] = false;
				this.estimated[t] = true;
				weight = GATE_STRIDE;
			}
			if (m == Detector.STRONG) {
				this.strong[t] += weight;
			}
			else {
				this.weak[t] += weight;
				List<String> c = this.toConfirm.get(t);
				if (d.confirms() && c.size() < this.confirmSample) {
					c.add(value.toString());
				}
			}
			List<String> s = this.samples.get(t);
			if (s.size() < SAMPLES) {
				s.add(mask(d.type(), value));
			}
		}
		if (EmbeddedFinder.isText(value)) {
			int bits = EmbeddedFinder.find(value);
			if (bits != 0) {
				addEmbedded(bits, EmbeddedFinder.RESIDENT_ID, 0, PiType.CN_RESIDENT_ID, value);
				addEmbedded(bits, EmbeddedFinder.MOBILE, 1, PiType.CN_MOBILE, value);
				addEmbedded(bits, EmbeddedFinder.EMAIL, 2, PiType.EMAIL, value);
			}
		}
		if (this.values.size() < VALUE_SAMPLE) {
			this.values.add(value.toString());
		}
	}

	/** Adds another worker's profile of the same column (counts summed, samples topped up). */
	void merge(ColumnProfile other) {
		this.nonEmpty += other.nonEmpty;
		for (int t = 0; t < TYPES.length; t++) {
			this.strong[t] += other.strong[t];
			this.weak[t] += other.weak[t];
			this.estimated[t] |= other.estimated[t];
			topUp(this.samples.get(t), other.samples.get(t), SAMPLES);
			topUp(this.toConfirm.get(t), other.toConfirm.get(t), this.confirmSample);
		}
		for (int i = 0; i < this.embedded.length; i++) {
			this.embedded[i] += other.embedded[i];
		}
		topUp(this.values, other.values, VALUE_SAMPLE);
	}

	private static void topUp(List<String> into, List<String> from, int cap) {
		for (int i = 0; i < from.size() && into.size() < cap; i++) {
			into.add(from.get(i));
		}
	}

	private void addEmbedded(int bits, int bit, int slot, PiType type, Value value) {
		if ((bits & bit) != 0) {
			this.embedded[slot]++;
			List<String> s = this.samples.get(type.ordinal());
			if (s.size() < SAMPLES) {
				s.add(Identifiers.maskMiddle(value));
			}
		}
	}

	static String mask(PiType type, CharSequence value) {
		return switch (type) {
			case CN_RESIDENT_ID -> Identifiers.mask(IdentifierKind.RESIDENT_ID, value);
			case CN_MOBILE -> Identifiers.mask(IdentifierKind.MOBILE, value);
			case EMAIL -> Identifiers.mask(IdentifierKind.EMAIL, value);
			case CN_PASSPORT -> Identifiers.mask(IdentifierKind.PASSPORT, value);
			default -> Identifiers.maskMiddle(value);
		};
	}

	/** The types this column is reported for, with how sure and on what ground. */
	Map<PiType, Finding> judge(Detector[] detectors) {
		Map<PiType, Finding> found = new EnumMap<>(PiType.class);
		if (this.nonEmpty == 0) {
			return found;
		}
		double n = this.nonEmpty;
		for (Detector d : detectors) {
			PiType type = d.type();
			int t = type.ordinal();
			int hint = this.hints[t];
			double need = (hint > 0) ? SHARE_NAMED : (hint < 0) ? SHARE_CONTRADICTED : SHARE_NEUTRAL;
			double strongShare = this.strong[t] / n;
			double plausibleShare = (this.strong[t] + this.weak[t]) / n;
			if (strongShare >= need) {
				found.put(type, new Finding(type, this.strong[t], strongShare, "high", hint,
						this.estimated[t] ? "validated (count partly estimated from a 1-in-" + GATE_STRIDE + " sample)"
								: "validated"));
				continue;
			}
			if (hint > 0 && plausibleShare >= SHARE_PLAUSIBLE) {
				found.put(type, new Finding(type, this.strong[t] + this.weak[t], plausibleShare, "medium", hint,
						"plausible values under a header that names the type"));
				continue;
			}
			if (hint >= 0 && d.confirms() && plausibleShare >= SHARE_PLAUSIBLE) {
				List<String> sample = this.toConfirm.get(t);
				if (!sample.isEmpty()) {
					int confirmed = 0;
					for (String value : sample) {
						if (d.confirm(value)) {
							confirmed++;
						}
					}
					double confirmedShare = (double) confirmed / sample.size();
					if (confirmedShare >= SHARE_CONFIRMED) {
						found.put(type, new Finding(type, this.strong[t] + this.weak[t], plausibleShare, "medium", hint,
								"plausible values, " + Math.round(confirmedShare * 100)
										+ "% of a sample confirmed by the dictionary recogniser"));
					}
				}
			}
		}
		// columns mixing several identifier types (联系方式: mobiles and e-mails)
		double mixed = 0;
		for (PiType type : TYPES) {
			if (type.isPersonal() && this.hints[type.ordinal()] >= 0) {
				mixed += this.strong[type.ordinal()] / n;
			}
		}
		if (mixed >= SHARE_NEUTRAL) {
			for (PiType type : TYPES) {
				int t = type.ordinal();
				double share = this.strong[t] / n;
				if (type.isPersonal() && !found.containsKey(type) && share >= 0.2 && this.hints[t] >= 0) {
					found.put(type, new Finding(type, this.strong[t], share, "high", this.hints[t],
							"validated, in a column mixing identifier types"));
				}
			}
		}
		PiType[] embeddedTypes = { PiType.CN_RESIDENT_ID, PiType.CN_MOBILE, PiType.EMAIL };
		for (int i = 0; i < 3; i++) {
			double share = this.embedded[i] / n;
			if (!found.containsKey(embeddedTypes[i]) && this.embedded[i] >= 2 && share >= SHARE_EMBEDDED) {
				found.put(embeddedTypes[i], new Finding(embeddedTypes[i], this.embedded[i], share, "medium",
						this.hints[embeddedTypes[i].ordinal()], "found inside free text"));
			}
		}
		return found;
	}

	List<String> samples(PiType type) {
		return this.samples.get(type.ordinal());
	}

	/** How one type was found in a column. */
	record Finding(PiType type, long matched, double share, String confidence, int headerHint, String basis) {
	}

}
