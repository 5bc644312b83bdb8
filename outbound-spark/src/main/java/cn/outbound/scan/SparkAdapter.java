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
import cn.outbound.pii.detect.PiType;
import cn.outbound.pii.detect.SensitivityStandard;
import cn.outbound.pii.detect.Value;
import cn.outbound.tables.CellDecoder;
import cn.outbound.tables.CharSlice;
import cn.outbound.tables.Cells;
import cn.outbound.tables.TableProblem;
import cn.outbound.tables.TableProblems;
import cn.outbound.scan.ScanReport.Column;
import cn.outbound.tables.RowSink;
import cn.outbound.tables.TableSource;

/**
 * What outbound-spark needs of the scanner beyond its public parts. The per-column work on the executors is the
 * scanner's public {@link ColumnWorker} (screen, detectors, value memo, first samples, {@link ColumnCounts} and
 * {@link ColumnSamples}, merged in any order); this class adds the partition around it (segments in table order,
 * problems and lines, persons handed on in bounded batches), the merge of the partitions, and the report, which is
 * built by the scanner's own {@code Reports} from the merged columns. It lives in the scanner's package (inside
 * outbound-spark) only for that report and the column choice ({@code ColumnChoice}, {@code ColumnProfile}), which
 * stay package-private; it copies no rule: thresholds, detectors, masking, column judging, suggestions and the draft
 * scenario are the scanner's own.
 *
 * <p>
 * The choice of identifier columns is the scanner's own too: {@link #decide} runs a real {@link Scanner} over the
 * table's first {@value #DECIDE_AFTER} rows, exactly the rows the single-machine scan decides on.
 */
public final class SparkAdapter {

	private SparkAdapter() {
	}

	/** Rows the identifier columns are chosen on (the single-machine scanner's number). */
	public static final int DECIDE_AFTER = ColumnChoice.DECIDE_AFTER;

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
	 * {@value #DECIDE_AFTER} rows (in table order), which decides on exactly those rows.
	 * @param firstRows the first rows in table order (at most {@value #DECIDE_AFTER} are used)
	 * @throws IllegalArgumentException for an {@code --id-column} that is not a column, as the scanner says it
	 */
	public static Decision decide(ScanSettings settings, String name, List<String> header, List<String[]> firstRows,
			boolean rememberValues) throws IOException {
		List<String[]> rows = firstRows.subList(0, Math.min(firstRows.size(), DECIDE_AFTER));
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
			if (!all.get(i).startsWith(ColumnChoice.WOULD_CHOOSE)) {
				warnings.add(all.get(i));
			}
		}
		Plan plan = new Plan(List.copyOf(header), idColumns, kinds, settings.standard(), settings.asOf(),
				settings.confirmSample(), rememberValues);
		return new Decision(plan, idColumns.length > 0 ? first.persons().how() : "", List.copyOf(warnings));
	}

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

	/** The identifier kind of a column by the types the report names ({@code ColumnChoice.kindOf}). */
	private static IdentifierKind kindOf(List<String> types) {
		List<PiType> found = new ArrayList<>();
		for (PiType t : PiType.values()) {
			if (types.contains(t.id())) {
				found.add(t);
			}
		}
		return ColumnChoice.kindOf(found);
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

		private final ColumnWorker columns;

		private final Value idValue = new Value();

		private final CharSlice idSlice = new CharSlice();

		private final PersonSink sink;

		private final Persons persons;

		private final Stats stats;

		/** The current segment and its problems. */
		private SegmentPart segment;

		private TableProblems problems;

		/** The current row's cells as decoded (for the identifier columns). */
		private final char[][] idChars;

		private final int[] idLengths;

		private final boolean[] idPresent;

		private final int[] idSlot;

		public Worker(Plan plan, PersonSink sink) {
			this.plan = plan;
			int width = plan.width();
			this.columns = new ColumnWorker(width, plan.confirmSample(), plan.rememberValues());
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
			this.segment = new SegmentPart(new Segment(file, start), lastOfFile);
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
			// an identifier column's characters are needed for the person: never answered from the memo
			int n = this.columns.cell(c, bytes, from, to, decoder, slot < 0);
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
		 * What the detectors said about the last {@link #cell} of column {@code c}, to count another cell of the same
		 * bytes in that column by {@link #remembered} ({@link ColumnWorker#verdict}); 0 when it may not be kept (bytes
		 * that did not decode, or an identifier column, whose characters every row's person needs).
		 */
		public long verdict(int c) {
			return (this.idSlot[c] < 0) ? this.columns.verdict() : 0;
		}

		/** What the last cell's value wants before it may be counted from its {@link #verdict}. */
		public long verdictWants() {
			return this.columns.verdictWants();
		}

		/**
		 * Counts a non-empty cell of the current row from the {@link #verdict} of an earlier cell of the same bytes in
		 * column {@code c}, without its bytes; false when it must be given by {@link #cell} (it could become a sample).
		 */
		public boolean remembered(int c, long verdict, long wants) {
			return this.columns.remembered(c, verdict, wants);
		}

		/**
		 * Ends the current row: counts its person by the first identifier column with a valid identifier.
		 * @param line the row's line in the segment (for an undecodable-bytes problem)
		 * @param charset the name of the charset cells were decoded from (for that problem's text)
		 */
		public void endRow(long line, String charset) {
			this.stats.rows++;
			int malformed = this.columns.rowMalformed();
			if (malformed > 0) {
				this.blockDecoded.add(new TableProblem(line, TableProblem.Kind.UNDECODABLE_BYTES,
						malformed + " undecodable byte sequence(s) in " + charset));
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
			this.columns.nextRow();
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
					this.persons.addResidentId(first17, this.columns.rowMask());
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
			this.persons.add(kind, normalised, this.columns.rowMask());
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
			for (int c = 0; c < this.stats.counts.length; c++) {
				this.stats.counts[c].merge(this.columns.counts()[c]);
			}
			return this.stats;
		}

		private void endSegment() {
			if (this.segment == null) {
				return;
			}
			endBlock();
			SegmentPart s = this.segment;
			s.samples = this.columns.takeSamples();
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

		/** Per column, the segment's first samples (null for a column with none). */
		ColumnSamples[] samples;

		long lines;

		long prefixLines;

		boolean endsInQuote;

		long problemTotal;

		final long[] problemCounts = new long[TableProblem.Kind.values().length];

		long[] problemLines;

		int[] problemKinds;

		String[] problemDetails;

		SegmentPart(Segment segment, boolean lastOfFile) {
			this.segment = segment;
			this.lastOfFile = lastOfFile;
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

		/** Per column, the exact counts. */
		final ColumnCounts[] counts;

		final List<SegmentPart> segments = new ArrayList<>();

		Stats(int width) {
			this.counts = new ColumnCounts[width];
			for (int c = 0; c < width; c++) {
				this.counts[c] = new ColumnCounts();
			}
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
	 * merged ({@link ColumnCounts#merge}), and per column of each segment's first samples only what can still be among
	 * the table's first once the segments before it are known ({@link ColumnSamples#after}; a segment left with none is
	 * dropped), so its size is bounded by the lists' sizes and the number of segments' line counts, not by the data.
	 */
	public static final class Merged implements Serializable {

		private static final long serialVersionUID = 1L;

		private final Plan plan;

		private final Stats total;

		/** Per column: segment → its first samples that can still be among the table's, in table order. */
		private final Map<Integer, TreeMap<Segment, ColumnSamples>> samples = new java.util.HashMap<>();

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
			for (SegmentPart p : s.segments) {
				for (int c = 0; c < p.samples.length; c++) {
					samples(c, p.segment, p.samples[c]);
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
			for (Map.Entry<Integer, TreeMap<Segment, ColumnSamples>> e : o.samples.entrySet()) {
				for (Map.Entry<Segment, ColumnSamples> item : e.getValue().entrySet()) {
					samples(e.getKey(), item.getKey(), item.getValue());
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
			this.total.rows += s.rows;
			this.total.rowsWithoutId += s.rowsWithoutId;
			for (int c = 0; c < this.total.counts.length; c++) {
				this.total.counts[c].merge(s.counts[c]);
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

		/** Adds a segment's samples of column {@code c}, and trims every segment's to what can still be first. */
		private void samples(int c, Segment segment, ColumnSamples items) {
			if (items == null || items.isEmpty()) {
				return;
			}
			TreeMap<Segment, ColumnSamples> map = this.samples.computeIfAbsent(c, k -> new TreeMap<>());
			map.put(segment, items);
			ColumnSamples before = new ColumnSamples(this.plan.confirmSample());
			for (java.util.Iterator<Map.Entry<Segment, ColumnSamples>> it = map.entrySet().iterator(); it.hasNext();) {
				Map.Entry<Segment, ColumnSamples> e = it.next();
				ColumnSamples left = e.getValue().after(before);
				if (left.isEmpty()) {
					it.remove();
				}
				else {
					e.setValue(left);
					before.merge(left);
				}
			}
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
			ColumnProfile[] profiles = new ColumnProfile[width];
			for (int c = 0; c < width; c++) {
				ColumnProfile p = new ColumnProfile(this.plan.names().get(c), c, this.plan.confirmSample());
				p.add(this.total.counts[c]);
				// every segment's samples in table order (ColumnProfile keeps the first)
				for (ColumnSamples f : this.samples.getOrDefault(c, new TreeMap<>()).values()) {
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

	/** Persons per class, counted over the distinct keyed hashes by the masks of {@link Columns}. */
	public record PersonCounts(long distinct, long individuals, long sensitiveIndividuals, long minors) {
	}

	/** What the columns say once the partitions are merged: the judged columns and the masks that class a person. */
	public static final class Columns {

		final Reports.Judged judged;

		final long sensitiveColumns;

		final long otherPiColumns;

		Columns(Reports.Judged judged) {
			this.judged = judged;
			long[] masks = judged.masks();
			this.sensitiveColumns = masks[0];
			this.otherPiColumns = masks[1];
		}

		/** Column bits ({@link ColumnWorker#columnBit}) of the columns holding sensitive information. */
		public long sensitiveColumns() {
			return this.sensitiveColumns;
		}

		/** Column bits of the columns holding non-sensitive personal information. */
		public long otherPiColumns() {
			return this.otherPiColumns;
		}

	}

	/** Judges the merged columns as the scanner does ({@code Reports.judge}). */
	public static Columns columns(ScanSettings settings, Merged merged) {
		return new Columns(Reports.judge(settings, merged.profiles()));
	}

	/**
	 * The report, as {@code Reports} makes it from a single-machine scan, from the merged partitions and the persons
	 * counted over the keyed hashes.
	 * @param fileNames whether problems name their file (a table of several files)
	 * @param extraWarnings this engine's own warnings, after the scanner's
	 */
	public static ScanReport report(ScanSettings settings, String name, String format, Decision decision,
			Merged merged, Columns columns, PersonCounts counts, boolean fileNames, List<String> extraWarnings) {
		List<Integer> idColumns = new ArrayList<>();
		for (int c : decision.plan().idColumns()) {
			idColumns.add(c);
		}
		// the scanner's warnings: the choice's, then whether the whole table would have chosen otherwise
		List<String> warnings = new ArrayList<>(decision.warnings());
		String otherwise = ColumnChoice.wouldChooseOtherwise(settings, columns.judged.profiles(), idColumns);
		if (otherwise != null) {
			warnings.add(otherwise);
		}
		warnings.addAll(extraWarnings);
		PersonCounter.Counts personCounts = new PersonCounter.Counts(counts.distinct(), counts.individuals(),
				counts.sensitiveIndividuals(), counts.minors());
		return Reports.report(settings, ItemLexicon.load(), name, format, columns.judged, merged.total.rows, idColumns,
				decision.idHow(), personCounts, merged.total.rowsWithoutId, merged.problems(fileNames), warnings);
	}

}
