package cn.outbound.scan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;
import cn.outbound.pii.detect.Detector;
import cn.outbound.pii.detect.HeaderHints;
import cn.outbound.pii.detect.PiType;
import cn.outbound.pii.detect.Screen;

/**
 * What one column's values showed: per type, how many validated (strong) and how many were only
 * plausible (weak); a few masked samples; a bounded sample of plausible values for the
 * dictionary recognisers; and identifiers embedded in free text.
 *
 * <p>
 * The counts are exact: every value goes through every detector that {@link Screen} does not
 * rule out, so none is skipped or estimated. Threads count into their own {@link ColumnCounts},
 * added up at the end; the samples ({@link ColumnSamples}) are taken per block of rows and added
 * in block order, so they are the first ones in the table whatever thread saw them. Only
 * {@link Detector#confirm} (HanLP) is limited to the first {@code confirmSample} plausible
 * values.
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

	final int confirmSample;

	/*
	 * Bit sets by type ordinal of the lists that are full (masked samples; plausible values for
	 * the recogniser), and whether the plain values are. Set under the scan's lock, read by the
	 * threads without it: a thread that reads a stale "not full" only takes a sample nobody will
	 * use (a list, once full, stays full, and every block still being worked on comes after the
	 * blocks already added).
	 */
	int samplesFull;

	int confirmFull;

	boolean valuesFull;

	ColumnProfile(String name, int index, int confirmSample) {
		// a header row that is really data (a file without one) would show identifiers as names
		this.name = ColumnNames.masked(name);
		this.index = index;
		this.confirmSample = confirmSample;
		for (PiType t : TYPES) {
			this.hints[t.ordinal()] = HeaderHints.hint(t, name);
			this.samples.add(new ArrayList<>(SAMPLES));
			this.toConfirm.add(new ArrayList<>());
		}
	}

	/** Adds one thread's counts for this column. */
	void add(ColumnCounts tally) {
		this.nonEmpty += tally.nonEmpty;
		for (int t = 0; t < TYPES.length; t++) {
			this.strong[t] += tally.strong[t];
			this.weak[t] += tally.weak[t];
		}
		for (int i = 0; i < this.embedded.length; i++) {
			this.embedded[i] += tally.embedded[i];
		}
	}

	/** Adds the next block's samples (blocks in table order), keeping the first ones. */
	void add(ColumnSamples firsts) {
		if (firsts == null) {
			return;
		}
		for (int t = 0; t < TYPES.length; t++) {
			if (firsts.samples[t] != null) {
				topUp(this.samples.get(t), firsts.samples[t], SAMPLES);
			}
			if (firsts.toConfirm[t] != null) {
				topUp(this.toConfirm.get(t), firsts.toConfirm[t], this.confirmSample);
			}
			if (this.samples.get(t).size() >= SAMPLES) {
				this.samplesFull |= 1 << t;
			}
			if (this.toConfirm.get(t).size() >= this.confirmSample) {
				this.confirmFull |= 1 << t;
			}
		}
		if (firsts.values != null) {
			topUp(this.values, firsts.values, VALUE_SAMPLE);
		}
		this.valuesFull = this.values.size() >= VALUE_SAMPLE;
	}

	/** A copy with the same counts and samples (to judge a table part-way through). */
	ColumnProfile copy() {
		ColumnProfile c = new ColumnProfile(this.name, this.index, this.confirmSample);
		c.nonEmpty = this.nonEmpty;
		System.arraycopy(this.strong, 0, c.strong, 0, TYPES.length);
		System.arraycopy(this.weak, 0, c.weak, 0, TYPES.length);
		System.arraycopy(this.embedded, 0, c.embedded, 0, this.embedded.length);
		for (int t = 0; t < TYPES.length; t++) {
			c.samples.get(t).addAll(this.samples.get(t));
			c.toConfirm.get(t).addAll(this.toConfirm.get(t));
		}
		c.values.addAll(this.values);
		return c;
	}

	private static void topUp(List<String> into, List<String> from, int cap) {
		for (int i = 0; i < from.size() && into.size() < cap; i++) {
			into.add(from.get(i));
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
				found.put(type, new Finding(type, this.strong[t], strongShare, "high", hint, "validated"));
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
