package cn.outbound.scan;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;
import cn.outbound.pii.InvalidIdentifierException;
import cn.outbound.pii.ResidentIdNumber;
import cn.outbound.pii.detect.Detector;
import cn.outbound.pii.detect.Detectors;
import cn.outbound.pii.detect.EmbeddedFinder;
import cn.outbound.pii.detect.PiType;
import cn.outbound.pii.detect.Screen;
import cn.outbound.pii.detect.SensitivityStandard;
import cn.outbound.pii.detect.Value;
import cn.outbound.tables.CellDecoder;
import cn.outbound.tables.CharSlice;
import cn.outbound.tables.Cells;
import cn.outbound.tables.TableProblem;
import cn.outbound.tables.TableProblems;
import cn.outbound.scan.ScanReport.Column;
import cn.outbound.scan.ScanReport.Finding;
import cn.outbound.tables.RowSink;
import cn.outbound.tables.TableSource;

/**
 * The one place where outbound-spark reaches into the scanner's package-private parts: the per-column work of
 * {@link Scanner}'s worker (screen, detectors, value memo, first samples, persons keyed by normalised identifier) for
 * one partition at a time, and the report built from the partitions' merged results. It lives in the scanner's
 * package (inside outbound-spark, so nothing in outbound-scan changed) and copies no rule: thresholds, detectors,
 * masking, column judging, suggestions and the draft scenario are the scanner's own. Only the loop over a row's cells
 * ({@code Scanner.Worker}) is repeated here, because that class is private; when the scanner's column worker becomes a
 * public API (issue #10: Scanner split into run / column worker / column choice) this class shrinks to a call of it.
 *
 * <p>
 * The choice of identifier columns is the scanner's own too: {@link #decide} runs a real {@link Scanner} over the
 * table's first {@value Scanner#DECIDE_AFTER} rows, exactly the rows the single-machine scan decides on.
 */
public final class SparkAdapter {

	private SparkAdapter() {
	}

	/** Rows the identifier columns are chosen on (the single-machine scanner's number). */
	public static final int DECIDE_AFTER = Scanner.DECIDE_AFTER;

	/** The column bit of column {@code c} in a person's mask (columns from 63 on share the last bit). */
	public static long columnBit(int c) {
		return 1L << Math.min(c, 63);
	}

	// ------------------------------------------------------------------ plan

	/**
	 * What every partition needs to know: the columns, the identifier columns chosen on the first rows and their
	 * kinds, and how to scan. Serializable, shipped with the tasks.
	 */
	public record Plan(List<String> names, int[] idColumns, IdentifierKind[] idKinds, SensitivityStandard standard,
			LocalDate asOf, int confirmSample, boolean rememberValues) implements Serializable {

		public int width() {
			return this.names.size();
		}

		/** Whether a valid resident ID number (given as its first 17 digits) is a minor's on the as-of date. */
		public boolean isMinor(long first17) {
			String id = Long.toString(first17);
			return this.standard.isMinor(ResidentIdNumber.ageOn(id + ResidentIdNumber.checkDigit(id), 0, this.asOf));
		}

	}

	/** What {@link #decide} found on the first rows. */
	public record Decision(Plan plan, String idHow, List<String> warnings) {
	}

	/**
	 * Chooses the identifier columns as the single-machine scanner does: a {@link Scanner} over the table's first
	 * {@value Scanner#DECIDE_AFTER} rows (in table order), which decides on exactly those rows.
	 * @param firstRows the first rows in table order (at most {@value Scanner#DECIDE_AFTER} are used)
	 * @throws IllegalArgumentException for an {@code --id-column} that is not a column, as the scanner says it
	 */
	public static Decision decide(ScanSettings settings, String name, List<String> header, List<String[]> firstRows,
			boolean rememberValues) throws IOException {
		List<String[]> rows = firstRows.subList(0, Math.min(firstRows.size(), Scanner.DECIDE_AFTER));
		TableSource source = new RowsSource(name, header, rows);
		ScanReport first = new Scanner(settings).threads(1).rememberValues(false).scan(source);
		List<String> idNames = first.persons().identifierColumns();
		int[] idColumns = new int[idNames.size()];
		IdentifierKind[] kinds = new IdentifierKind[idNames.size()];
		for (int k = 0; k < idNames.size(); k++) {
			int c = columnOf(first.columns(), idNames.get(k));
			idColumns[k] = c;
			kinds[k] = kindOf(first.columns().get(c).types());
		}
		// the warnings the choice gave; not the status of a 1,000-row draft, nor its own "whole table" comparison
		List<String> all = first.details().warnings();
		List<String> warnings = new ArrayList<>();
		for (int i = first.scenarioStatus().problems().size(); i < all.size(); i++) {
			if (!all.get(i).startsWith(WOULD_CHOOSE)) {
				warnings.add(all.get(i));
			}
		}
		Plan plan = new Plan(List.copyOf(header), idColumns, kinds, settings.standard(), settings.asOf(),
				settings.confirmSample(), rememberValues);
		return new Decision(plan, idColumns.length > 0 ? first.persons().how() : "", List.copyOf(warnings));
	}

	private static final String WOULD_CHOOSE = "the identifier columns were chosen on the first ";

	/** The index of the identifier column the report names: the first column of that (masked) name with an identifier type. */
	private static int columnOf(List<Column> columns, String name) {
		int fallback = -1;
		for (int i = 0; i < columns.size(); i++) {
			Column c = columns.get(i);
			if (c.name().equals(name)) {
				if (kindOf(c.types()) != IdentifierKind.OPAQUE) {
					return i;
				}
				if (fallback < 0) {
					fallback = i;
				}
			}
		}
		if (fallback < 0) {
			throw new IllegalStateException("identifier column not found in the first rows' report");
		}
		return fallback;
	}

	/** As {@code Scanner.Run.kindOf}: the identifier kind of a column by the types found in it. */
	private static IdentifierKind kindOf(List<String> types) {
		if (types.contains(PiType.CN_RESIDENT_ID.id())) {
			return IdentifierKind.RESIDENT_ID;
		}
		if (types.contains(PiType.CN_PASSPORT.id())) {
			return IdentifierKind.PASSPORT;
		}
		if (types.contains(PiType.CN_MOBILE.id())) {
			return IdentifierKind.MOBILE;
		}
		if (types.contains(PiType.EMAIL.id())) {
			return IdentifierKind.EMAIL;
		}
		return IdentifierKind.OPAQUE;
	}

	/** Rows held in memory, as a table source for the scanner. */
	private static final class RowsSource implements TableSource {

		private final String name;

		private final List<String> header;

		private final List<String[]> rows;

		RowsSource(String name, List<String> header, List<String[]> rows) {
			this.name = name;
			this.header = header;
			this.rows = rows;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public void read(RowSink sink) {
			sink.header(this.header);
			String[][] current = new String[1][];
			Cells cells = new Cells() {

				@Override
				public int size() {
					return RowsSource.this.header.size();
				}

				@Override
				public CharSequence get(int index) {
					String s = (index < current[0].length) ? current[0][index] : null;
					return (s != null) ? s : "";
				}

			};
			long n = 0;
			for (String[] row : this.rows) {
				current[0] = row;
				sink.row(++n, cells);
			}
		}

		@Override
		public TableProblems problems() {
			return new TableProblems();
		}

		@Override
		public String describe() {
			return "";
		}

		@Override
		public void close() {
		}

	}

	// ------------------------------------------------------------------ the work on one partition

	/** Receives a partition's distinct persons (flushed in bounded batches). */
	public interface PersonSink {

		/** One distinct person of the batch: the normalised identifier, the columns of their rows, and whether a minor. */
		void person(IdentifierKind kind, String normalised, long columns, boolean minor);

	}

	/**
	 * The scanner's work on the rows of one partition: per column the exact counts, per segment (a run of rows in
	 * table order: one file split) the first samples, problems and lines, and the persons, flushed to a
	 * {@link PersonSink} whenever {@value #PERSONS_PER_FLUSH} distinct ones are held. One per task; not thread-safe.
	 *
	 * <p>
	 * Feed it row by row: {@link #cell} for each non-empty cell (its bytes, decoded by the given decoder), then
	 * {@link #endRow}.
	 */
	public static final class Worker {

		/** Distinct persons held before they are handed on (bounds the task's memory: about 30 MB). */
		public static final int PERSONS_PER_FLUSH = 1 << 18;

		private final Plan plan;

		private final Detector[] detectors = new Detector[PiType.values().length];

		private final ColumnTally[] tallies;

		private final ValueMemo[] memos;

		private final Value value = new Value();

		private final Value idValue = new Value();

		private final CharSlice idSlice = new CharSlice();

		private final PersonSink sink;

		private final Persons persons;

		private final Stats stats;

		/** The current segment, its first samples and fullness. */
		private SegmentPart segment;

		private ColumnFirsts[] firsts;

		private int[] samplesFull;

		private int[] confirmFull;

		private boolean[] valuesFull;

		private TableProblems problems;

		/** The current row's cells as decoded (for the identifier columns), and its mask. */
		private final char[][] idChars;

		private final int[] idLengths;

		private final boolean[] idPresent;

		private final int[] idSlot;

		private long mask;

		private int malformed;

		private long answer;

		private long wants;

		public Worker(Plan plan, PersonSink sink) {
			this.plan = plan;
			for (Detector d : Detectors.all()) {
				this.detectors[d.type().ordinal()] = d;
			}
			int width = plan.width();
			this.tallies = new ColumnTally[width];
			for (int i = 0; i < width; i++) {
				this.tallies[i] = new ColumnTally();
			}
			if (plan.rememberValues()) {
				this.memos = new ValueMemo[width];
				int[] budget = { ValueMemo.PER_THREAD };
				for (int i = 0; i < width; i++) {
					this.memos[i] = new ValueMemo(budget);
				}
			}
			else {
				this.memos = null;
			}
			this.sink = sink;
			this.persons = new Persons(plan);
			this.stats = new Stats(width);
			this.idChars = new char[plan.idColumns().length][];
			this.idLengths = new int[plan.idColumns().length];
			this.idPresent = new boolean[plan.idColumns().length];
			this.idSlot = new int[width];
			java.util.Arrays.fill(this.idSlot, -1);
			for (int k = 0; k < plan.idColumns().length; k++) {
				this.idSlot[plan.idColumns()[k]] = k;
				this.idChars[k] = new char[64];
			}
		}

		/**
		 * Starts a segment: the rows that follow, up to the next call, are a contiguous run in table order.
		 * @param file the file, or null when the source has no file order (then {@code start} orders the segments)
		 * @param start the segment's start (byte offset in the file, or the partition's index)
		 * @param lastOfFile whether the segment ends its file
		 */
		public void segment(String file, long start, boolean lastOfFile) {
			endSegment();
			this.segment = new SegmentPart(new Segment(file, start), lastOfFile, this.plan.width());
			int width = this.plan.width();
			this.firsts = new ColumnFirsts[width];
			this.samplesFull = new int[width];
			this.confirmFull = new int[width];
			this.valuesFull = new boolean[width];
			this.problems = new TableProblems();
		}

		/** The current block's problems: the reader's and those found decoding cells, merged by line at its end. */
		private final List<TableProblem> blockRead = new ArrayList<>();

		private final List<TableProblem> blockDecoded = new ArrayList<>();

		/**
		 * A problem the reader met in the current block (ragged rows, quotes), in reading order, its line relative to
		 * the segment's input.
		 */
		public void readProblem(long line, TableProblem.Kind kind, String detail) {
			this.blockRead.add(new TableProblem(line, kind, detail));
		}

		/**
		 * Ends a block of rows: its problems go to the segment's, the reader's and the decoding ones merged by line
		 * (as the scanner commits a block).
		 */
		public void endBlock() {
			List<TableProblem> all = this.blockRead;
			if (!this.blockDecoded.isEmpty()) {
				all = new ArrayList<>(this.blockRead);
				all.addAll(this.blockDecoded);
				all.sort((a, b) -> Long.compare(a.row(), b.row()));
			}
			for (TableProblem p : all) {
				this.problems.add(p.row(), p.kind(), p.detail());
			}
			this.blockRead.clear();
			this.blockDecoded.clear();
		}

		/** Lines the segment spans in its file, and lines of it that were not the file's (a header put in front). */
		public void lines(long lines, long prefixLines) {
			this.segment.lines = lines;
			this.segment.prefixLines = prefixLines;
		}

		/** Whether the segment's input ended inside a quoted field (it then does not end on a record's end). */
		public void endsInQuote(boolean open) {
			this.segment.endsInQuote = open;
		}

		/**
		 * One non-empty cell of the current row: {@code bytes[from, to)}, decoded by {@code decoder} when it must be
		 * looked at. Columns in increasing order.
		 */
		public void cell(int c, byte[] bytes, int from, int to, CellDecoder decoder) {
			int slot = this.idSlot[c];
			ValueMemo memo = null;
			if (this.memos != null && slot < 0 && this.memos[c].active(to - from)) {
				long known = this.memos[c].find(bytes, from, to);
				if (known == 0) {
					memo = this.memos[c];
				}
				else if (fromMemory(c, known, this.memos[c].wants())) {
					if ((known & ValueMemo.NOTHING) == 0) {
						this.mask |= columnBit(c);
					}
					return;
				}
			}
			int n = decoder.decode(bytes, from, to);
			int bad = decoder.malformed();
			this.malformed += bad;
			Value v = this.value.set(decoder.chars(), 0, n);
			if (v.isEmpty() || Scanner.isNullToken(v)) {
				this.answer = ValueMemo.NOTHING;
				this.wants = 0;
			}
			else {
				this.mask |= columnBit(c);
				profile(c, v);
			}
			if (memo != null && bad == 0) {
				memo.put(to - from, this.answer, this.wants);
			}
			if (slot >= 0) {
				if (this.idChars[slot].length < n) {
					this.idChars[slot] = new char[Math.max(n, 2 * this.idChars[slot].length)];
				}
				System.arraycopy(decoder.chars(), 0, this.idChars[slot], 0, n);
				this.idLengths[slot] = n;
				this.idPresent[slot] = true;
			}
		}

		/**
		 * Ends the current row: counts its person by the first identifier column with a valid identifier.
		 * @param line the row's line in the segment (for an undecodable-bytes problem)
		 * @param charset the name of the charset cells were decoded from (for that problem's text)
		 */
		public void endRow(long line, String charset) {
			this.stats.rows++;
			if (this.malformed > 0) {
				this.blockDecoded.add(new TableProblem(line, TableProblem.Kind.UNDECODABLE_BYTES,
						this.malformed + " undecodable byte sequence(s) in " + charset));
			}
			if (this.plan.idColumns().length > 0) {
				boolean counted = false;
				for (int k = 0; k < this.idPresent.length && !counted; k++) {
					if (this.idPresent[k]) {
						counted = countPerson(k);
					}
				}
				if (!counted) {
					this.stats.rowsWithoutId++;
				}
			}
			java.util.Arrays.fill(this.idPresent, false);
			this.mask = 0;
			this.malformed = 0;
		}

		private boolean countPerson(int k) {
			IdentifierKind kind = this.plan.idKinds()[k];
			this.idSlice.set(this.idChars[k], 0, this.idLengths[k]);
			CharSequence raw = this.idSlice;
			if (kind == IdentifierKind.RESIDENT_ID) {
				Value v = this.idValue.set(raw);
				if (v.compactLength() == 18 && ResidentIdNumber.isValid(v, 0, v.length())) {
					long first17 = 0;
					for (int i = 0; i < 17; i++) {
						first17 = first17 * 10 + (v.charAt(i) - '0');
					}
					this.persons.addResidentId(first17, this.mask);
					flushIfFull();
					return true;
				}
			}
			String normalised;
			try {
				normalised = Identifiers.normalise(kind, raw);
			}
			catch (InvalidIdentifierException ex) {
				return false;
			}
			this.persons.add(kind, normalised, this.mask);
			flushIfFull();
			return true;
		}

		private void flushIfFull() {
			if (this.persons.size() >= PERSONS_PER_FLUSH) {
				this.persons.drainTo(this.sink);
			}
		}

		/** Ends the partition: hands on the persons left and returns its counts, samples and problems. */
		public Stats finish() {
			endSegment();
			this.persons.drainTo(this.sink);
			for (int c = 0; c < this.tallies.length; c++) {
				ColumnTally t = this.tallies[c];
				this.stats.nonEmpty[c] += t.nonEmpty;
				for (int i = 0; i < t.strong.length; i++) {
					this.stats.strong[c][i] += t.strong[i];
					this.stats.weak[c][i] += t.weak[i];
				}
				for (int i = 0; i < t.embedded.length; i++) {
					this.stats.embedded[c][i] += t.embedded[i];
				}
			}
			return this.stats;
		}

		private void endSegment() {
			if (this.segment == null) {
				return;
			}
			endBlock();
			SegmentPart s = this.segment;
			for (int c = 0; c < this.firsts.length; c++) {
				ColumnFirsts f = this.firsts[c];
				if (f == null) {
					continue;
				}
				for (int t = 0; t < f.samples.length; t++) {
					if (f.samples[t] != null) {
						s.samples[c][t] = f.samples[t].toArray(new String[0]);
					}
					if (f.toConfirm[t] != null) {
						s.toConfirm[c][t] = f.toConfirm[t].toArray(new String[0]);
					}
				}
				if (f.values != null) {
					s.values[c] = f.values.toArray(new String[0]);
				}
			}
			s.problemTotal = this.problems.total();
			for (Map.Entry<TableProblem.Kind, Long> e : this.problems.counts().entrySet()) {
				s.problemCounts[e.getKey().ordinal()] = e.getValue();
			}
			List<TableProblem> first = this.problems.first();
			s.problemLines = new long[first.size()];
			s.problemKinds = new int[first.size()];
			s.problemDetails = new String[first.size()];
			for (int i = 0; i < first.size(); i++) {
				s.problemLines[i] = first.get(i).row();
				s.problemKinds[i] = first.get(i).kind().ordinal();
				s.problemDetails[i] = first.get(i).detail();
			}
			this.stats.segments.add(s);
			this.segment = null;
		}

		// the rest follows Scanner.Worker, with "full" meaning full in this segment (a value that cannot be among
		// the segment's first samples cannot be among the table's)

		private boolean fromMemory(int c, long known, long wanted) {
			if ((known & ValueMemo.NOTHING) != 0) {
				return true;
			}
			if (!this.valuesFull[c] || ((int) wanted & ~this.samplesFull[c]) != 0
					|| ((int) (wanted >>> 32) & ~this.confirmFull[c]) != 0) {
				return false;
			}
			ColumnTally tally = this.tallies[c];
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

		private void profile(int c, Value v) {
			ColumnTally tally = this.tallies[c];
			tally.nonEmpty++;
			long answer = 0;
			int sampled = 0;
			int confirmed = 0;
			int candidates = Screen.of(v);
			while (candidates != 0) {
				int t = Integer.numberOfTrailingZeros(candidates);
				candidates &= candidates - 1;
				Detector d = this.detectors[t];
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
					if (d.confirms() && (this.confirmFull[c] & (1 << t)) == 0) {
						ColumnFirsts f = firsts(c);
						if (f.wantsConfirm(t, this.plan.confirmSample())) {
							f.confirm(t, v.toString());
							if (!f.wantsConfirm(t, this.plan.confirmSample())) {
								this.confirmFull[c] |= 1 << t;
							}
						}
					}
				}
				if ((this.samplesFull[c] & (1 << t)) == 0) {
					sample(c, t, ColumnProfile.mask(d.type(), v));
				}
			}
			if (EmbeddedFinder.isText(v)) {
				int bits = EmbeddedFinder.find(v);
				if (bits != 0) {
					embedded(c, bits, EmbeddedFinder.RESIDENT_ID, 0, PiType.CN_RESIDENT_ID, v);
					embedded(c, bits, EmbeddedFinder.MOBILE, 1, PiType.CN_MOBILE, v);
					embedded(c, bits, EmbeddedFinder.EMAIL, 2, PiType.EMAIL, v);
					answer |= (long) bits << 40;
					sampled |= (((bits & EmbeddedFinder.RESIDENT_ID) != 0) ? 1 << PiType.CN_RESIDENT_ID.ordinal() : 0)
							| (((bits & EmbeddedFinder.MOBILE) != 0) ? 1 << PiType.CN_MOBILE.ordinal() : 0)
							| (((bits & EmbeddedFinder.EMAIL) != 0) ? 1 << PiType.EMAIL.ordinal() : 0);
				}
			}
			if (!this.valuesFull[c]) {
				ColumnFirsts f = firsts(c);
				if (f.wantsValue()) {
					f.value(v.toString());
				}
				this.valuesFull[c] = !f.wantsValue();
			}
			this.answer = answer;
			this.wants = (sampled & 0xFFFFFFFFL) | ((long) confirmed << 32);
		}

		private void sample(int c, int t, String masked) {
			ColumnFirsts f = firsts(c);
			if (f.wantsSample(t)) {
				f.sample(t, masked);
				if (!f.wantsSample(t)) {
					this.samplesFull[c] |= 1 << t;
				}
			}
		}

		private void embedded(int c, int bits, int bit, int slot, PiType type, Value v) {
			if ((bits & bit) != 0) {
				this.tallies[c].embedded[slot]++;
				int t = type.ordinal();
				if ((this.samplesFull[c] & (1 << t)) == 0) {
					sample(c, t, Identifiers.maskMiddle(v));
				}
			}
		}

		private ColumnFirsts firsts(int c) {
			ColumnFirsts f = this.firsts[c];
			if (f == null) {
				f = new ColumnFirsts();
				this.firsts[c] = f;
			}
			return f;
		}

	}

	/**
	 * A partition's distinct persons by normalised identifier, as the scanner's {@code PersonCounter} keeps them:
	 * resident ID and mobile numbers as one long, the others by their SHA-256 with the text kept until handed on.
	 */
	private static final class Persons {

		private final Plan plan;

		private final Map<IdentifierKind, KeyTable> tables = new EnumMap<>(IdentifierKind.class);

		private final long[] scratch = new long[4];

		private final MessageDigest sha256;

		private long size;

		Persons(Plan plan) {
			this.plan = plan;
			try {
				this.sha256 = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		long size() {
			return this.size;
		}

		void addResidentId(long first17, long columns) {
			this.scratch[0] = first17;
			add(table(IdentifierKind.RESIDENT_ID, 1), columns, null);
		}

		void add(IdentifierKind kind, String normalised, long columns) {
			switch (kind) {
				case RESIDENT_ID -> addResidentId(Long.parseLong(normalised, 0, 17, 10), columns);
				case MOBILE -> {
					this.scratch[0] = Long.parseLong(normalised);
					add(table(kind, 1), columns, null);
				}
				default -> {
					ByteBuffer digest = ByteBuffer.wrap(this.sha256.digest(normalised.getBytes(StandardCharsets.UTF_8)));
					for (int i = 0; i < 4; i++) {
						this.scratch[i] = digest.getLong();
					}
					add(table(kind, 4), columns, normalised);
				}
			}
		}

		private void add(KeyTable table, long columns, String payload) {
			int before = table.size();
			table.add(this.scratch, 0, columns, payload);
			this.size += table.size() - before;
		}

		private KeyTable table(IdentifierKind kind, int width) {
			KeyTable t = this.tables.get(kind);
			if (t == null) {
				t = new KeyTable(width, width > 1);
				this.tables.put(kind, t);
			}
			return t;
		}

		void drainTo(PersonSink sink) {
			for (Map.Entry<IdentifierKind, KeyTable> e : this.tables.entrySet()) {
				IdentifierKind kind = e.getKey();
				e.getValue().forEach((keys, offset, columns, payload) -> {
					if (kind == IdentifierKind.RESIDENT_ID) {
						String first17 = Long.toString(keys[offset]);
						sink.person(kind, first17 + ResidentIdNumber.checkDigit(first17), columns,
								this.plan.isMinor(keys[offset]));
					}
					else if (kind == IdentifierKind.MOBILE) {
						sink.person(kind, Long.toString(keys[offset]), columns, false);
					}
					else {
						sink.person(kind, (String) payload, columns, false);
					}
				});
			}
			this.tables.clear();
			this.size = 0;
		}

	}

	// ------------------------------------------------------------------ results, merged in table order

	/** Where a segment sits in table order: by file, then start. */
	public record Segment(String file, long start) implements Serializable, Comparable<Segment> {

		@Override
		public int compareTo(Segment o) {
			int c = (this.file == null || o.file == null) ? Boolean.compare(this.file != null, o.file != null)
					: this.file.compareTo(o.file);
			return (c != 0) ? c : Long.compare(this.start, o.start);
		}

	}

	/** One segment's first samples, problems and lines. */
	public static final class SegmentPart implements Serializable {

		private static final long serialVersionUID = 1L;

		final Segment segment;

		final boolean lastOfFile;

		final String[][][] samples;

		final String[][][] toConfirm;

		final String[][] values;

		long lines;

		long prefixLines;

		boolean endsInQuote;

		long problemTotal;

		final long[] problemCounts = new long[TableProblem.Kind.values().length];

		long[] problemLines;

		int[] problemKinds;

		String[] problemDetails;

		SegmentPart(Segment segment, boolean lastOfFile, int width) {
			this.segment = segment;
			this.lastOfFile = lastOfFile;
			this.samples = new String[width][ColumnProfile.TYPES.length][];
			this.toConfirm = new String[width][ColumnProfile.TYPES.length][];
			this.values = new String[width][];
		}

		public Segment segment() {
			return this.segment;
		}

		/** Whether the segment's input ended inside a quote although its file goes on (a record crosses into the next). */
		public boolean crossesIntoNext() {
			return this.endsInQuote && !this.lastOfFile;
		}

	}

	/** A partition's (or several merged partitions') exact counts and segments. */
	public static final class Stats implements Serializable {

		private static final long serialVersionUID = 1L;

		long rows;

		long rowsWithoutId;

		final long[] nonEmpty;

		final long[][] strong;

		final long[][] weak;

		final long[][] embedded;

		final List<SegmentPart> segments = new ArrayList<>();

		Stats(int width) {
			this.nonEmpty = new long[width];
			this.strong = new long[width][ColumnProfile.TYPES.length];
			this.weak = new long[width][ColumnProfile.TYPES.length];
			this.embedded = new long[width][3];
		}

		public long rows() {
			return this.rows;
		}

		public List<SegmentPart> segments() {
			return this.segments;
		}

	}

	/**
	 * The partitions' results added up in any order (in a tree, on the executors, then on the driver): counts
	 * summed, and per list of first samples only what can still be among the table's first (a segment is dropped from
	 * a list once the segments before it hold enough), so its size is bounded by the lists' sizes and the number of
	 * segments' line counts, not by the data.
	 */
	public static final class Merged implements Serializable {

		private static final long serialVersionUID = 1L;

		private final Plan plan;

		private final Stats total;

		/** Per (column, list): segment → items, pruned. Lists: 0..T-1 samples, T..2T-1 to confirm, 2T values. */
		private final Map<Integer, TreeMap<Segment, String[]>> lists = new java.util.HashMap<>();

		private final Map<Integer, Integer> listSizes = new java.util.HashMap<>();

		/** Per segment with problems: lines, kinds, details of its first problems, pruned as the lists are. */
		private final TreeMap<Segment, Object[]> problemsBySegment = new TreeMap<>();

		private long problemsKept;

		/** Per segment: its lines and the lines of what was put in front of it (for lines in the file). */
		private final TreeMap<Segment, long[]> lines = new TreeMap<>();

		private final List<Segment> crossing = new ArrayList<>();

		private long problemTotal;

		private final long[] problemCounts = new long[TableProblem.Kind.values().length];

		public Merged(Plan plan) {
			this.plan = plan;
			this.total = new Stats(plan.width());
		}

		/** Adds one partition's results. */
		public Merged add(Stats s) {
			addCounts(s);
			int width = this.plan.width();
			int types = ColumnProfile.TYPES.length;
			for (SegmentPart p : s.segments) {
				for (int c = 0; c < width; c++) {
					for (int t = 0; t < types; t++) {
						list(c * (2 * types + 1) + t, p.segment, p.samples[c][t]);
						list(c * (2 * types + 1) + types + t, p.segment, p.toConfirm[c][t]);
					}
					list(c * (2 * types + 1) + 2 * types, p.segment, p.values[c]);
				}
				this.lines.put(p.segment, new long[] { p.lines, p.prefixLines });
				if (p.crossesIntoNext()) {
					this.crossing.add(p.segment);
				}
				this.problemTotal += p.problemTotal;
				for (int k = 0; k < this.problemCounts.length; k++) {
					this.problemCounts[k] += p.problemCounts[k];
				}
				if (p.problemLines != null && p.problemLines.length > 0) {
					problems(p.segment, new Object[] { p.problemLines, p.problemKinds, p.problemDetails });
				}
			}
			return this;
		}

		/** Adds another merge's results (the order does not matter). */
		public Merged merge(Merged o) {
			addCounts(o.total);
			for (Map.Entry<Integer, TreeMap<Segment, String[]>> e : o.lists.entrySet()) {
				for (Map.Entry<Segment, String[]> item : e.getValue().entrySet()) {
					list(e.getKey(), item.getKey(), item.getValue());
				}
			}
			this.lines.putAll(o.lines);
			this.crossing.addAll(o.crossing);
			this.problemTotal += o.problemTotal;
			for (int k = 0; k < this.problemCounts.length; k++) {
				this.problemCounts[k] += o.problemCounts[k];
			}
			for (Map.Entry<Segment, Object[]> e : o.problemsBySegment.entrySet()) {
				problems(e.getKey(), e.getValue());
			}
			return this;
		}

		private void addCounts(Stats s) {
			int width = this.plan.width();
			this.total.rows += s.rows;
			this.total.rowsWithoutId += s.rowsWithoutId;
			for (int c = 0; c < width; c++) {
				this.total.nonEmpty[c] += s.nonEmpty[c];
				for (int t = 0; t < ColumnProfile.TYPES.length; t++) {
					this.total.strong[c][t] += s.strong[c][t];
					this.total.weak[c][t] += s.weak[c][t];
				}
				for (int i = 0; i < 3; i++) {
					this.total.embedded[c][i] += s.embedded[c][i];
				}
			}
		}

		private void problems(Segment segment, Object[] first) {
			this.problemsBySegment.put(segment, first);
			this.problemsKept += ((long[]) first[0]).length;
			while (this.problemsKept - ((long[]) this.problemsBySegment.lastEntry().getValue()[0]).length
					>= TableProblems.KEPT) {
				this.problemsKept -= ((long[]) this.problemsBySegment.pollLastEntry().getValue()[0]).length;
			}
		}

		private int cap(int key) {
			int types = ColumnProfile.TYPES.length;
			int list = key % (2 * types + 1);
			return (list < types) ? ColumnProfile.SAMPLES
					: (list < 2 * types) ? this.plan.confirmSample() : ColumnProfile.VALUE_SAMPLE;
		}

		private void list(int key, Segment segment, String[] items) {
			if (items == null || items.length == 0) {
				return;
			}
			int cap = cap(key);
			TreeMap<Segment, String[]> map = this.lists.computeIfAbsent(key, k -> new TreeMap<>());
			map.put(segment, items);
			int size = this.listSizes.merge(key, items.length, Integer::sum);
			while (size - map.lastEntry().getValue().length >= cap) {
				size -= map.pollLastEntry().getValue().length;
			}
			this.listSizes.put(key, size);
		}

		public long rows() {
			return this.total.rows;
		}

		/** Segments whose input ended inside a quote before their file did: a quoted line break crossed a split. */
		public List<Segment> crossing() {
			return this.crossing;
		}

		/** The table's columns as the scanner profiles them: counts added up, first samples in table order. */
		ColumnProfile[] profiles() {
			int width = this.plan.width();
			int types = ColumnProfile.TYPES.length;
			ColumnProfile[] profiles = new ColumnProfile[width];
			for (int c = 0; c < width; c++) {
				ColumnProfile p = new ColumnProfile(this.plan.names().get(c), c, this.plan.confirmSample());
				ColumnTally t = new ColumnTally();
				t.nonEmpty = this.total.nonEmpty[c];
				System.arraycopy(this.total.strong[c], 0, t.strong, 0, types);
				System.arraycopy(this.total.weak[c], 0, t.weak, 0, types);
				System.arraycopy(this.total.embedded[c], 0, t.embedded, 0, 3);
				p.add(t);
				// the lists of every segment in table order, one ColumnFirsts per segment (ColumnProfile keeps the first)
				TreeMap<Segment, ColumnFirsts> bySegment = new TreeMap<>();
				for (int list = 0; list <= 2 * types; list++) {
					TreeMap<Segment, String[]> map = this.lists.get(c * (2 * types + 1) + list);
					if (map == null) {
						continue;
					}
					for (Map.Entry<Segment, String[]> e : map.entrySet()) {
						ColumnFirsts f = bySegment.computeIfAbsent(e.getKey(), k -> new ColumnFirsts());
						List<String> items = new ArrayList<>(List.of(e.getValue()));
						if (list < types) {
							f.samples[list] = items;
						}
						else if (list < 2 * types) {
							f.toConfirm[list - types] = items;
						}
						else {
							f.values = items;
						}
					}
				}
				for (ColumnFirsts f : bySegment.values()) {
					p.add(f);
				}
				profiles[c] = p;
			}
			return profiles;
		}

		/**
		 * The problems, first ones in table order with their lines in their file.
		 * @param fileNames whether to name the file in each problem (a table of several files)
		 */
		TableProblems problems(boolean fileNames) {
			TableProblems out = new TableProblems();
			List<TableProblem> first = new ArrayList<>();
			for (Map.Entry<Segment, Object[]> e : this.problemsBySegment.entrySet()) {
				Segment seg = e.getKey();
				long[] lineNumbers = (long[]) e.getValue()[0];
				int[] kinds = (int[]) e.getValue()[1];
				String[] details = (String[]) e.getValue()[2];
				long[] l = this.lines.get(seg);
				long offset = lineOffset(seg) - ((l != null) ? l[1] : 0);
				for (int i = 0; i < lineNumbers.length && first.size() < TableProblems.KEPT; i++) {
					String detail = details[i];
					if (fileNames && seg.file() != null) {
						detail = detail + "; in " + fileName(seg.file());
					}
					first.add(new TableProblem(lineNumbers[i] + offset, TableProblem.Kind.values()[kinds[i]], detail));
				}
			}
			// TableProblems keeps the first KEPT it is given and counts all: give it those, then count the rest by kind
			long[] left = this.problemCounts.clone();
			for (TableProblem p : first) {
				out.add(p.row(), p.kind(), p.detail());
				left[p.kind().ordinal()]--;
			}
			for (int k = 0; k < left.length; k++) {
				for (long i = 0; i < left[k]; i++) {
					out.add(0, TableProblem.Kind.values()[k], "");
				}
			}
			return out;
		}

		/** Lines of the file before {@code s}: the lines of the segments of the same file that come before it. */
		private long lineOffset(Segment s) {
			long before = 0;
			for (Map.Entry<Segment, long[]> e : this.lines.headMap(s, false).entrySet()) {
				if (java.util.Objects.equals(e.getKey().file(), s.file())) {
					before += e.getValue()[0];
				}
			}
			return before;
		}

	}

	/** The last part of a path or URI. */
	public static String fileName(String path) {
		String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		int slash = p.lastIndexOf('/');
		return (slash >= 0) ? p.substring(slash + 1) : p;
	}

	/** Column names as reports show them (identifiers in a header row masked). */
	public static List<String> maskedNames(List<String> names) {
		List<String> out = new ArrayList<>();
		for (String n : names) {
			out.add(ColumnNames.masked(n));
		}
		return out;
	}

	// ------------------------------------------------------------------ the report

	/** Persons per class, counted over the distinct keyed hashes by {@link #columnMasks}. */
	public record PersonCounts(long distinct, long individuals, long sensitiveIndividuals, long minors) {
	}

	/** What the columns say once the partitions are merged: profiles and the masks that class a person. */
	public static final class Columns {

		final ColumnProfile[] profiles;

		final List<Column> columns;

		final List<Map<PiType, ColumnProfile.Finding>> judged;

		final long sensitiveColumns;

		final long otherPiColumns;

		Columns(ColumnProfile[] profiles, List<Column> columns, List<Map<PiType, ColumnProfile.Finding>> judged,
				long[] masks) {
			this.profiles = profiles;
			this.columns = columns;
			this.judged = judged;
			this.sensitiveColumns = masks[0];
			this.otherPiColumns = masks[1];
		}

		/** Column bits ({@link #columnBit}) of the columns holding sensitive information. */
		public long sensitiveColumns() {
			return this.sensitiveColumns;
		}

		/** Column bits of the columns holding non-sensitive personal information. */
		public long otherPiColumns() {
			return this.otherPiColumns;
		}

	}

	/** Judges the merged columns as {@code Reports.build} does. */
	public static Columns columns(ScanSettings settings, Merged merged) {
		Detector[] detectors = detectors();
		ColumnProfile[] profiles = merged.profiles();
		List<Column> columns = new ArrayList<>();
		List<Map<PiType, ColumnProfile.Finding>> judged = new ArrayList<>();
		for (ColumnProfile p : profiles) {
			Map<PiType, ColumnProfile.Finding> found = p.judge(detectors);
			judged.add(found);
			List<String> types = new ArrayList<>();
			List<Finding> findings = new ArrayList<>();
			List<String> sample = new ArrayList<>();
			boolean sensitive = false;
			long matched = 0;
			for (ColumnProfile.Finding f : found.values()) {
				boolean s = settings.standard().isSensitive(f.type());
				sensitive |= s;
				types.add(f.type().id());
				findings.add(new Finding(f.type().id(), f.matched(), round(f.share()), f.confidence(), s, f.basis()));
				matched += f.matched();
				for (String m : p.samples(f.type())) {
					if (sample.size() < ColumnProfile.SAMPLES) {
						sample.add(m);
					}
				}
			}
			columns.add(new Column(p.name, types, sensitive, Math.min(matched, p.nonEmpty), p.nonEmpty, sample, findings));
		}
		return new Columns(profiles, columns, judged, Reports.columnMasks(columns));
	}

	private static Detector[] detectors() {
		Detector[] detectors = new Detector[PiType.values().length];
		for (Detector d : Detectors.all()) {
			detectors[d.type().ordinal()] = d;
		}
		return detectors;
	}

	private static double round(double share) {
		return Math.round(share * 10_000) / 10_000.0;
	}

	/**
	 * The report, as {@code Reports.build} makes it from a single-machine scan, from the merged partitions and the
	 * persons counted over the keyed hashes.
	 * @param fileNames whether problems name their file (a table of several files)
	 * @param extraWarnings this engine's own warnings, after the scanner's
	 */
	public static ScanReport report(ScanSettings settings, String name, String format, Decision decision,
			Merged merged, Columns columns, PersonCounts counts, boolean fileNames, List<String> extraWarnings) {
		Plan plan = decision.plan();
		List<Integer> idColumns = new ArrayList<>();
		for (int c : plan.idColumns()) {
			idColumns.add(c);
		}
		List<String> idNames = new ArrayList<>();
		for (int c : idColumns) {
			idNames.add(columns.profiles[c].name);
		}
		// the scanner's warnings: the choice's, then whether the whole table would have chosen otherwise
		List<String> warnings = new ArrayList<>(decision.warnings());
		List<Integer> wouldChoose = chooseAutomatically(columns.profiles);
		if (settings.idColumns().isEmpty() && !wouldChoose.equals(idColumns)) {
			List<String> n = new ArrayList<>();
			for (int c : wouldChoose) {
				n.add(columns.profiles[c].name);
			}
			warnings.add(WOULD_CHOOSE + DECIDE_AFTER + " rows; on the whole table the choice would be " + n
					+ "; rescan with --id-column to fix it");
		}
		PersonCounter.Counts personCounts = new PersonCounter.Counts(counts.distinct(), counts.individuals(),
				counts.sensitiveIndividuals(), counts.minors());
		ScanReport.Persons personsReport = new ScanReport.Persons(idNames, counts.distinct(), counts.minors(),
				counts.individuals(), counts.sensitiveIndividuals(), idColumns.isEmpty() ? 0 : merged.total.rowsWithoutId,
				idColumns.isEmpty() ? "no identifier column found; persons not counted" : decision.idHow());
		List<ScanReport.SuggestedItem> suggestions = Reports.suggest(settings, ItemLexicon.load(), name,
				columns.profiles, columns.judged);
		Map<String, Object> scenario = Reports.scenario(settings, suggestions, personCounts);
		ScanReport.ScenarioStatus status = Reports.status(columns.columns, idNames, personCounts);
		TableProblems problems = merged.problems(fileNames);
		List<String> first = new ArrayList<>();
		for (TableProblem p : problems.first()) {
			if (first.size() < 20) {
				first.add(p.toString());
			}
		}
		List<String> allWarnings = new ArrayList<>();
		for (ScanReport.ScenarioProblem p : status.problems()) {
			allWarnings.add(p.message().en());
		}
		allWarnings.addAll(warnings);
		allWarnings.addAll(extraWarnings);
		ScanReport.Details details = new ScanReport.Details(format, settings.standard().name(),
				settings.asOf().toString(), problems.total(), Scanner.problemCounts(problems.counts()), first,
				List.copyOf(allWarnings));
		return new ScanReport(ScanReport.SCHEMA, name, merged.total.rows, columns.columns, personsReport, suggestions,
				scenario, details, status);
	}

	/** As {@code Scanner.Run.chooseAutomatically}: per identifier type in priority order, the column with the highest share. */
	private static List<Integer> chooseAutomatically(ColumnProfile[] columns) {
		Detector[] detectors = detectors();
		PiType[] priority = { PiType.CN_RESIDENT_ID, PiType.CN_PASSPORT, PiType.CN_MOBILE, PiType.EMAIL };
		List<Integer> chosen = new ArrayList<>();
		List<Map<PiType, ColumnProfile.Finding>> judged = new ArrayList<>();
		for (ColumnProfile p : columns) {
			judged.add(p.judge(detectors));
		}
		for (PiType type : priority) {
			int best = -1;
			double bestShare = 0;
			for (ColumnProfile p : columns) {
				ColumnProfile.Finding f = judged.get(p.index).get(type);
				if (f != null && f.share() > bestShare && !"found inside free text".equals(f.basis())) {
					best = p.index;
					bestShare = f.share();
				}
			}
			if (best >= 0 && !chosen.contains(best)) {
				chosen.add(best);
			}
		}
		return chosen;
	}

}
