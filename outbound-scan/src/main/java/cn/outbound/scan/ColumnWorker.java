package cn.outbound.scan;

import java.util.Arrays;

import cn.outbound.pii.Identifiers;
import cn.outbound.pii.detect.Detector;
import cn.outbound.pii.detect.Detectors;
import cn.outbound.pii.detect.EmbeddedFinder;
import cn.outbound.pii.detect.PiType;
import cn.outbound.pii.detect.Screen;
import cn.outbound.pii.detect.Value;
import cn.outbound.tables.CellDecoder;

/**
 * The scanner's work on the cells of a table, column by column: every non-empty value through the detectors its
 * {@link Screen} allows, counted exactly ({@link ColumnCounts}), the first samples taken ({@link ColumnSamples}), and
 * for cells given as bytes a per-column memo of what the detectors said about recent values ({@link ValueMemo}), so a
 * repeated value is counted without being decoded again when it cannot become a sample.
 *
 * <p>
 * One per thread (or Spark task); not thread-safe. Feed it a row's cells in any column order ({@link #cell} for bytes,
 * {@link #value} for characters), read the row's {@link #rowMask} and {@link #rowMalformed}, then {@link #nextRow}.
 * The counts cover every row given; the samples cover the rows since the last {@link #takeSamples} (a run of rows in
 * table order: a block for the scanner, a file split for Spark). The single-machine {@link Scanner} and outbound-spark
 * both work through this class, so the two engines count and sample alike.
 */
public final class ColumnWorker {

	/** Every detector, at the index of its type's ordinal (detectors hold no state: shared by every worker). */
	static final Detector[] DETECTORS = byType();

	private final int width;

	private final int confirmSample;

	private final ColumnCounts[] counts;

	/** Per column, for cells of bytes: what the detectors said about recent values; null when not remembering. */
	private final ValueMemo[] memos;

	/** The table's columns as far as they are known (the scanner's shared profiles), or null. */
	private final ColumnProfile[] shared;

	/** The current run's samples per column (made on first use), and which of its lists are full. */
	private ColumnSamples[] samples;

	private final int[] samplesFull;

	private final int[] confirmFull;

	private final boolean[] valuesFull;

	private final Value value = new Value();

	private long rowMask;

	private int rowMalformed;

	/** What {@link #profile} found, to remember: the answer and what it wants (see {@link ValueMemo}). */
	private long answer;

	private long wants;

	/** The last {@link #cell}'s answer as the memo keeps it, and what it wants (see {@link #verdict}). */
	private long verdict;

	private long verdictWants;

	/**
	 * @param width the table's columns
	 * @param confirmSample plausible values per type kept for the dictionary recognisers (the settings' confirm sample)
	 * @param rememberValues whether cells of bytes are remembered ({@link ValueMemo}); the counts and samples are the
	 * same either way
	 */
	public ColumnWorker(int width, int confirmSample, boolean rememberValues) {
		this(width, confirmSample, rememberValues, null);
	}

	/** As above, with the lists already full in {@code shared} (the scanner's profiles, read without a lock) skipped. */
	ColumnWorker(int width, int confirmSample, boolean rememberValues, ColumnProfile[] shared) {
		this.width = width;
		this.confirmSample = confirmSample;
		this.shared = shared;
		this.counts = new ColumnCounts[width];
		for (int c = 0; c < width; c++) {
			this.counts[c] = new ColumnCounts();
		}
		if (rememberValues) {
			this.memos = new ValueMemo[width];
			int[] budget = { ValueMemo.PER_THREAD };
			for (int c = 0; c < width; c++) {
				this.memos[c] = new ValueMemo(budget);
			}
		}
		else {
			this.memos = null;
		}
		this.samples = new ColumnSamples[width];
		this.samplesFull = new int[width];
		this.confirmFull = new int[width];
		this.valuesFull = new boolean[width];
	}

	/** The column bit of column {@code c} in a row's mask (columns from 63 on share the last bit). */
	public static long columnBit(int c) {
		return 1L << Math.min(c, 63);
	}

	public int width() {
		return this.width;
	}

	/**
	 * One non-empty cell of the current row as bytes: {@code bytes[from, to)}, decoded by {@code decoder} when it must
	 * be looked at (its characters are then in {@code decoder.chars()}).
	 * @param remember whether the memo may answer for it (false when the caller needs the decoded characters)
	 * @return the characters decoded, or -1 when the value was counted from the memo without decoding
	 */
	public int cell(int c, byte[] bytes, int from, int to, CellDecoder decoder, boolean remember) {
		ValueMemo memo = null;
		if (remember && this.memos != null && this.memos[c].active(to - from)) {
			long known = this.memos[c].find(bytes, from, to);
			if (known == 0) {
				memo = this.memos[c];
			}
			else if (fromMemory(c, known, this.memos[c].wants())) {
				if ((known & ValueMemo.NOTHING) == 0) {
					this.rowMask |= columnBit(c);
				}
				this.verdict = known;
				this.verdictWants = this.memos[c].wants();
				return -1;
			}
		}
		int n = decoder.decode(bytes, from, to);
		int bad = decoder.malformed();
		this.rowMalformed += bad;
		look(c, this.value.set(decoder.chars(), 0, n));
		if (memo != null && bad == 0) {
			memo.put(to - from, this.answer, this.wants);
		}
		this.verdict = (bad == 0) ? this.answer | ValueMemo.PRESENT : 0;
		this.verdictWants = this.wants;
		return n;
	}

	/**
	 * What the detectors said about the bytes of the last {@link #cell} (non-zero), to be given back to
	 * {@link #remembered} for the same bytes in the same column; 0 when it may not be remembered (undecodable bytes).
	 * What they say depends on the bytes alone (as for {@link ValueMemo}), so a caller that knows two cells hold the same
	 * bytes (one entry of a Parquet dictionary) may keep it instead of the bytes.
	 */
	public long verdict() {
		return this.verdict;
	}

	/** What the last {@link #cell}'s value wants before it may be counted from its {@link #verdict}. */
	public long verdictWants() {
		return this.verdictWants;
	}

	/**
	 * Counts a non-empty cell of the current row in column {@code c} from a {@link #verdict} and {@link #verdictWants}
	 * given earlier for the same bytes in the same column, without its bytes, when it cannot become a sample (every list
	 * it could go into is full): the counts are those {@link #cell} would give. False when it must be given by
	 * {@link #cell}.
	 */
	public boolean remembered(int c, long verdict, long wants) {
		if (!fromMemory(c, verdict, wants)) {
			return false;
		}
		if ((verdict & ValueMemo.NOTHING) == 0) {
			this.rowMask |= columnBit(c);
		}
		return true;
	}

	/** One non-empty cell of the current row as characters. */
	public void value(int c, CharSequence chars) {
		look(c, this.value.set(chars));
	}

	private void look(int c, Value v) {
		if (v.isEmpty() || isNullToken(v)) {
			this.answer = ValueMemo.NOTHING;
			this.wants = 0;
		}
		else {
			this.rowMask |= columnBit(c);
			profile(c, v);
		}
	}

	/** The columns ({@link #columnBit}) with a value in the current row. */
	public long rowMask() {
		return this.rowMask;
	}

	/** Undecodable byte sequences in the current row's cells. */
	public int rowMalformed() {
		return this.rowMalformed;
	}

	/** Ends the current row. */
	public void nextRow() {
		this.rowMask = 0;
		this.rowMalformed = 0;
	}

	/**
	 * The samples of the rows since the last call, per column (null for a column with none), and starts a new run.
	 */
	public ColumnSamples[] takeSamples() {
		ColumnSamples[] taken = this.samples;
		this.samples = new ColumnSamples[this.width];
		Arrays.fill(this.samplesFull, 0);
		Arrays.fill(this.confirmFull, 0);
		Arrays.fill(this.valuesFull, false);
		return taken;
	}

	/** The current run's samples of column {@code c} so far (null if none); not a copy. */
	ColumnSamples samplesSoFar(int c) {
		return this.samples[c];
	}

	/** The counts of every row given, per column (these objects, not copies). */
	public ColumnCounts[] counts() {
		return this.counts;
	}

	/** Values that stand for "nothing": treated as empty, not as data. */
	static boolean isNullToken(Value v) {
		int n = v.length();
		if (n > 4 || v.digits > 0) {
			return false;
		}
		char c = v.charAt(0);
		if (n == 1) {
			return c == '-' || c == '/' || c == '—' || c == '无' || c == '?' || c == '.';
		}
		return switch (c) {
			case 'n', 'N' -> v.equalsIgnoreCase("null") || v.equalsIgnoreCase("n/a") || v.equalsIgnoreCase("na")
					|| v.equalsIgnoreCase("none") || v.equalsIgnoreCase("nil");
			case '\\' -> v.equalsIgnoreCase("\\n");
			case '不' -> v.equalsIgnoreCase("不详");
			case '未' -> v.equalsIgnoreCase("未知");
			case '-' -> v.equalsIgnoreCase("--");
			default -> false;
		};
	}

	/*
	 * A list is full when it is full in this run, or (for the scanner) in the table's columns so far: a value that
	 * cannot be among the run's first samples, or comes after the table's lists are full, cannot be among the table's.
	 */

	private int samplesFull(int c) {
		return this.samplesFull[c] | ((this.shared != null) ? this.shared[c].samplesFull : 0);
	}

	private int confirmFull(int c) {
		return this.confirmFull[c] | ((this.shared != null) ? this.shared[c].confirmFull : 0);
	}

	private boolean valuesFull(int c) {
		return this.valuesFull[c] || (this.shared != null && this.shared[c].valuesFull);
	}

	/**
	 * Counts a value of column {@code c} from what the memo remembers of it, if it cannot become a sample (every list
	 * it could go into is full); false when it must take the long way.
	 */
	private boolean fromMemory(int c, long known, long wanted) {
		if ((known & ValueMemo.NOTHING) != 0) {
			return true;
		}
		if (!valuesFull(c) || ((int) wanted & ~samplesFull(c)) != 0 || ((int) (wanted >>> 32) & ~confirmFull(c)) != 0) {
			return false;
		}
		ColumnCounts tally = this.counts[c];
		tally.nonEmpty++;
		long matches = known & ((1L << (2 * ColumnProfile.TYPES.length)) - 1);
		while (matches != 0) {
			int bit = Long.numberOfTrailingZeros(matches);
			matches &= matches - 1;
			if ((bit & 1) == 0) {
				tally.weak[bit >>> 1]++;
			}
			else {
				tally.strong[bit >>> 1]++;
			}
		}
		int embedded = (int) (known >>> 40) & 7;
		if ((embedded & EmbeddedFinder.RESIDENT_ID) != 0) {
			tally.embedded[0]++;
		}
		if ((embedded & EmbeddedFinder.MOBILE) != 0) {
			tally.embedded[1]++;
		}
		if ((embedded & EmbeddedFinder.EMAIL) != 0) {
			tally.embedded[2]++;
		}
		return true;
	}

	/**
	 * One non-empty value of column {@code c} through the detectors its screen allows; leaves in {@link #answer} and
	 * {@link #wants} what the memo needs to count it again.
	 */
	private void profile(int c, Value v) {
		ColumnCounts tally = this.counts[c];
		tally.nonEmpty++;
		long answer = 0;
		int sampled = 0;
		int confirmed = 0;
		int candidates = Screen.of(v);
		while (candidates != 0) {
			int t = Integer.numberOfTrailingZeros(candidates);
			candidates &= candidates - 1;
			Detector d = DETECTORS[t];
			int m = d.match(v);
			if (m == Detector.NO) {
				continue;
			}
			answer |= (long) m << (2 * t);
			sampled |= 1 << t;
			if (m == Detector.STRONG) {
				tally.strong[t]++;
			}
			else {
				tally.weak[t]++;
				if (d.confirms()) {
					confirmed |= 1 << t;
				}
				if (d.confirms() && (confirmFull(c) & (1 << t)) == 0) {
					ColumnSamples f = samples(c);
					if (f.wantsConfirm(t)) {
						f.confirm(t, v.toString());
						if (!f.wantsConfirm(t)) {
							this.confirmFull[c] |= 1 << t;
						}
					}
				}
			}
			if ((samplesFull(c) & (1 << t)) == 0) {
				sample(c, t, ColumnProfile.mask(d.type(), v));
			}
		}
		if (EmbeddedFinder.isText(v)) {
			int bits = EmbeddedFinder.find(v);
			if (bits != 0) {
				embedded(c, bits, EmbeddedFinder.RESIDENT_ID, 0, v);
				embedded(c, bits, EmbeddedFinder.MOBILE, 1, v);
				embedded(c, bits, EmbeddedFinder.EMAIL, 2, v);
				answer |= (long) bits << 40;
				sampled |= (((bits & EmbeddedFinder.RESIDENT_ID) != 0) ? 1 << PiType.CN_RESIDENT_ID.ordinal() : 0)
						| (((bits & EmbeddedFinder.MOBILE) != 0) ? 1 << PiType.CN_MOBILE.ordinal() : 0)
						| (((bits & EmbeddedFinder.EMAIL) != 0) ? 1 << PiType.EMAIL.ordinal() : 0);
			}
		}
		if (!valuesFull(c)) {
			ColumnSamples f = samples(c);
			if (f.wantsValue()) {
				f.value(v.toString());
			}
			this.valuesFull[c] = !f.wantsValue();
		}
		this.answer = answer;
		this.wants = (sampled & 0xFFFFFFFFL) | ((long) confirmed << 32);
	}

	private void sample(int c, int t, String masked) {
		ColumnSamples f = samples(c);
		if (f.wantsSample(t)) {
			f.sample(t, masked);
			if (!f.wantsSample(t)) {
				this.samplesFull[c] |= 1 << t;
			}
		}
	}

	private void embedded(int c, int bits, int bit, int slot, Value v) {
		if ((bits & bit) != 0) {
			this.counts[c].embedded[slot]++;
			int t = ColumnCounts.EMBEDDED[slot].ordinal();
			if ((samplesFull(c) & (1 << t)) == 0) {
				sample(c, t, Identifiers.maskMiddle(v));
			}
		}
	}

	private ColumnSamples samples(int c) {
		ColumnSamples f = this.samples[c];
		if (f == null) {
			f = new ColumnSamples(this.confirmSample);
			this.samples[c] = f;
		}
		return f;
	}

	private static Detector[] byType() {
		Detector[] detectors = new Detector[PiType.values().length];
		for (Detector d : Detectors.all()) {
			detectors[d.type().ordinal()] = d;
		}
		return detectors;
	}

}
