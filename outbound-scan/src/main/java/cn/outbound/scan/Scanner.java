package cn.outbound.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;
import cn.outbound.pii.InvalidIdentifierException;
import cn.outbound.pii.ResidentIdNumber;
import cn.outbound.pii.detect.Detector;
import cn.outbound.pii.detect.Detectors;
import cn.outbound.pii.detect.EmbeddedFinder;
import cn.outbound.pii.detect.PiType;
import cn.outbound.pii.detect.Screen;
import cn.outbound.pii.detect.Value;
import cn.outbound.tables.CellDecoder;
import cn.outbound.tables.CharSlice;
import cn.outbound.tables.Cells;
import cn.outbound.tables.DelimitedBlockReader;
import cn.outbound.tables.RowBlock;
import cn.outbound.tables.TableFormatException;
import cn.outbound.tables.TableProblem;
import cn.outbound.tables.RowSink;
import cn.outbound.tables.TableSource;
import cn.outbound.tables.TextSource;

/**
 * Scans a table in one pass: every value through every detector its character counts allow
 * ({@link Screen}), dictionary recognisers on a bounded sample, persons counted exactly by
 * normalised identifier, list items suggested from names, values and the description.
 *
 * <p>
 * Rows are worked on in blocks, on several threads once the identifier columns are chosen (after
 * the first {@value #DECIDE_AFTER} rows, read on the calling thread): delimited text as raw bytes
 * in blocks of whole records ({@link DelimitedBlockReader}), decoded cell by cell; other sources
 * row by row, copied into blocks. Each thread counts into its own tallies and person set, added
 * up at the end; samples and problems are taken per block and added in block order. The report is
 * the same whatever the number of threads. One scanner per scan.
 */
public final class Scanner {

	/** Rows looked at before the identifier columns are chosen (they are then replayed). */
	static final int DECIDE_AFTER = 1000;

	private static final PiType[] ID_PRIORITY = { PiType.CN_RESIDENT_ID, PiType.CN_PASSPORT, PiType.CN_MOBILE,
			PiType.EMAIL };

	private final ScanSettings settings;

	/** Every detector, at the index of its type's ordinal. */
	private final Detector[] detectors;

	private final ItemLexicon lexicon;

	/** Identifiers handed to the ledger, if any: called with (kind, normalised) per row. */
	private IdentifierListener listener;

	private int threads = Math.min(Runtime.getRuntime().availableProcessors(), 8);

	private boolean remember = true;

	public Scanner(ScanSettings settings) {
		this.settings = settings;
		this.detectors = new Detector[PiType.values().length];
		for (Detector d : Detectors.all()) {
			this.detectors[d.type().ordinal()] = d;
		}
		this.lexicon = ItemLexicon.load();
	}

	/**
	 * Receives every row's normalised person identifier (for recording to the ledger). With more
	 * than one thread the calls come in no particular order, one at a time.
	 */
	public interface IdentifierListener {

		void identifier(IdentifierKind kind, String normalised);

	}

	public Scanner onIdentifier(IdentifierListener l) {
		this.listener = l;
		return this;
	}

	/**
	 * Threads that work on the rows (default: the number of processors, at most 8); with 1,
	 * everything runs on the calling thread. The report does not depend on it.
	 */
	public Scanner threads(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("threads must be at least 1");
		}
		this.threads = count;
		return this;
	}

	/**
	 * Whether repeated values of delimited text are counted from what the detectors said the first
	 * time ({@link ValueMemo}; default on). The report is the same either way; off, every value is
	 * decoded and checked (for measuring the detectors' own speed).
	 */
	public Scanner rememberValues(boolean remember) {
		this.remember = remember;
		return this;
	}

	/** One person after a scan: their normalised identifier and which classes they count in. */
	public interface PersonVisitor {

		void person(IdentifierKind kind, String normalised, boolean nonSensitive, boolean sensitive);

	}

	private boolean retainIdentifiers;

	private PersonCounter lastPersons;

	private long lastSensitive;

	private long lastOther;

	/**
	 * Keeps the text of e-mail, passport and opaque identifiers in memory during the scan, so that
	 * {@link #forEachPerson} can hand every person to the ledger (resident ID and mobile numbers
	 * are always available: they are stored as their digits).
	 */
	public Scanner retainIdentifiers(boolean retain) {
		this.retainIdentifiers = retain;
		return this;
	}

	/**
	 * Hands every distinct person of the last scan to {@code visitor}, classed as in the report
	 * (for recording the export in the ledger without reading the data again).
	 * @return persons that could not be handed over because their identifiers were not retained
	 */
	public long forEachPerson(PersonVisitor visitor) {
		if (this.lastPersons == null) {
			throw new IllegalStateException("scan a table first");
		}
		return this.lastPersons.forEach(visitor, this.lastSensitive, this.lastOther);
	}

	public ScanReport scan(TableSource source) throws IOException {
		Run run = new Run();
		try {
			if (source instanceof TextSource text && text.blocks() != null) {
				run.read(text.blocks());
			}
			else {
				source.read(run);
			}
			if (run.profiles == null) {
				throw new TableFormatException(source.name() + " has no header row");
			}
			run.finish();
		}
		finally {
			run.shutdown();
		}
		ScanReport report = Reports.build(this.settings, this.detectors, this.lexicon, source, run.profiles, run.rows,
				run.idColumns, run.idKinds, run.persons, run.rowsWithoutId, run.idHow, run.warnings);
		this.lastPersons = run.persons;
		long[] masks = Reports.columnMasks(report.columns());
		this.lastSensitive = masks[0];
		this.lastOther = masks[1];
		return report;
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

	static Map<String, Long> problemCounts(Map<TableProblem.Kind, Long> counts) {
		Map<String, Long> out = new LinkedHashMap<>();
		counts.forEach((k, v) -> out.put(k.name(), v));
		return out;
	}

	/**
	 * One thread's share of the work: its own tallies and person set, added up at the end, and
	 * the samples of the block it is working on.
	 */
	private final class Worker {

		final Run run;

		final ColumnTally[] tallies;

		final PersonCounter persons = new PersonCounter(Scanner.this.settings.standard(), Scanner.this.settings.asOf(),
				Scanner.this.retainIdentifiers);

		final Value value = new Value();

		final Value idValue = new Value();

		final CharSlice slice = new CharSlice();

		/** For blocks of bytes. */
		final CellDecoder decoder;

		long rowsWithoutId;

		/** The current block's samples, per column. */
		ColumnFirsts[] firsts;

		/** Per column, for blocks of bytes: what the detectors said about recent values; null for rows. */
		final ValueMemo[] memos;

		/** What {@link #profile} found, to remember: the answer and what it wants (see {@link ValueMemo}). */
		private long answer;

		private long wants;

		Worker(Run run) {
			this.run = run;
			this.tallies = new ColumnTally[run.profiles.length];
			for (int i = 0; i < this.tallies.length; i++) {
				this.tallies[i] = new ColumnTally();
			}
			this.decoder = (run.blockReader != null) ? run.blockReader.newDecoder() : null;
			if (run.blockReader != null && Scanner.this.remember) {
				this.memos = new ValueMemo[this.tallies.length];
				int[] budget = { ValueMemo.PER_THREAD };
				for (int i = 0; i < this.memos.length; i++) {
					this.memos[i] = new ValueMemo(budget);
				}
			}
			else {
				this.memos = null;
			}
		}

		/** Profiles every row of {@code batch}, counts its persons (or keeps them for later). */
		void work(Batch batch) {
			int width = this.tallies.length;
			this.firsts = new ColumnFirsts[width];
			List<TableProblem> undecodable = List.of();
			RowBlock block = (this.memos != null && batch instanceof ByteBatch bytes) ? bytes.block : null;
			for (int r = 0; r < batch.rows; r++) {
				long mask = 0;
				int malformed = 0;
				for (int c = 0; c < width; c++) {
					if (batch.isEmpty(r, c)) {
						continue;
					}
					ValueMemo memo = null;
					if (block != null) {
						int cell = block.cell(r, c);
						byte[] bytes = block.array(cell);
						int from = block.start(cell);
						int to = block.end(cell);
						if (this.memos[c].active(to - from)) {
							long known = this.memos[c].find(bytes, from, to);
							if (known == 0) {
								memo = this.memos[c];
							}
							else if (fromMemory(c, known, this.memos[c].wants())) {
								if ((known & ValueMemo.NOTHING) == 0) {
									mask |= 1L << Math.min(c, 63);
								}
								continue;
							}
						}
					}
					int bad = batch.load(r, c, this);
					malformed += bad;
					Value v = this.value.set(this.slice);
					if (v.isEmpty() || isNullToken(v)) {
						this.answer = ValueMemo.NOTHING;
						this.wants = 0;
					}
					else {
						mask |= 1L << Math.min(c, 63);
						profile(c, v);
					}
					if (memo != null && bad == 0) {
						int cell = block.cell(r, c);
						memo.put(block.end(cell) - block.start(cell), this.answer, this.wants);
					}
				}
				if (malformed > 0) {
					if (undecodable.isEmpty()) {
						undecodable = new ArrayList<>();
					}
					undecodable.add(new TableProblem(batch.line(r), TableProblem.Kind.UNDECODABLE_BYTES,
							malformed + " undecodable byte sequence(s) in " + this.run.blockReader.charset().name()));
				}
				if (this.run.idColumns != null) {
					countPerson(batch, r, mask);
				}
				else {
					this.run.keep(this, batch, r, mask);
				}
			}
			this.run.commit(batch, this.firsts, undecodable);
			this.firsts = null;
		}

		/**
		 * Counts a value of column {@code c} from what the memo remembers of it, if it cannot become
		 * a sample (every list it could go into is full); false when it must take the long way.
		 */
		private boolean fromMemory(int c, long known, long wanted) {
			if ((known & ValueMemo.NOTHING) != 0) {
				return true;
			}
			ColumnProfile global = this.run.profiles[c];
			if (!global.valuesFull || ((int) wanted & ~global.samplesFull) != 0
					|| ((int) (wanted >>> 32) & ~global.confirmFull) != 0) {
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

		/**
		 * One non-empty value of column {@code c} through the detectors its screen allows; leaves in
		 * {@link #answer} and {@link #wants} what the memo needs to count it again.
		 */
		private void profile(int c, Value v) {
			ColumnTally tally = this.tallies[c];
			ColumnProfile global = this.run.profiles[c];
			tally.nonEmpty++;
			long answer = 0;
			int sampled = 0;
			int confirmed = 0;
			int candidates = Screen.of(v);
			while (candidates != 0) {
				int t = Integer.numberOfTrailingZeros(candidates);
				candidates &= candidates - 1;
				Detector d = Scanner.this.detectors[t];
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
					if (d.confirms() && (global.confirmFull & (1 << t)) == 0) {
						ColumnFirsts f = firsts(c);
						if (f.wantsConfirm(t, global.confirmSample)) {
							f.confirm(t, v.toString());
						}
					}
				}
				if ((global.samplesFull & (1 << t)) == 0) {
					ColumnFirsts f = firsts(c);
					if (f.wantsSample(t)) {
						f.sample(t, ColumnProfile.mask(d.type(), v));
					}
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
			if (!global.valuesFull) {
				ColumnFirsts f = firsts(c);
				if (f.wantsValue()) {
					f.value(v.toString());
				}
			}
			this.answer = answer;
			this.wants = (sampled & 0xFFFFFFFFL) | ((long) confirmed << 32);
		}

		private void embedded(int c, int bits, int bit, int slot, PiType type, Value v) {
			if ((bits & bit) != 0) {
				this.tallies[c].embedded[slot]++;
				int t = type.ordinal();
				if ((this.run.profiles[c].samplesFull & (1 << t)) == 0) {
					ColumnFirsts f = firsts(c);
					if (f.wantsSample(t)) {
						f.sample(t, Identifiers.maskMiddle(v));
					}
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

		void countPerson(Batch batch, int r, long mask) {
			List<Integer> idColumns = this.run.idColumns;
			for (int k = 0; k < idColumns.size(); k++) {
				int column = idColumns.get(k);
				if (batch.isEmpty(r, column)) {
					continue;
				}
				batch.load(r, column, this);
				if (countPerson(this.slice, k, mask)) {
					return;
				}
			}
			this.rowsWithoutId++;
		}

		void countPerson(String[] row, long mask) {
			List<Integer> idColumns = this.run.idColumns;
			for (int k = 0; k < idColumns.size(); k++) {
				String raw = row[idColumns.get(k)];
				if (!raw.isEmpty() && countPerson(raw, k, mask)) {
					return;
				}
			}
			this.rowsWithoutId++;
		}

		/** Counts the person of identifier column {@code k}'s value {@code raw}; false if it is not valid. */
		private boolean countPerson(CharSequence raw, int k, long mask) {
			IdentifierKind kind = this.run.idKinds.get(k);
			if (kind == IdentifierKind.RESIDENT_ID && Scanner.this.listener == null) {
				// fast path: a valid 18-character number goes in as its first 17 digits, no strings made
				Value v = this.idValue.set(raw);
				if (v.compactLength() == 18 && ResidentIdNumber.isValid(v, 0, v.length())) {
					long first17 = 0;
					for (int i = 0; i < 17; i++) {
						first17 = first17 * 10 + (v.charAt(i) - '0');
					}
					this.persons.addResidentId(first17, mask);
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
			this.persons.add(kind, normalised, mask);
			IdentifierListener l = Scanner.this.listener;
			if (l != null) {
				synchronized (l) {
					l.identifier(kind, normalised);
				}
			}
			return true;
		}

	}

	private final class Run implements RowSink {

		/** The table's columns: samples added block by block, counts added at the end. */
		ColumnProfile[] profiles;

		/** Works on the first rows (on the reading thread). */
		Worker main;

		long rows;

		/** Every thread's persons, merged at the end. */
		PersonCounter persons;

		long rowsWithoutId;

		/** Chosen after the first {@link #DECIDE_AFTER} rows; null until then. */
		volatile List<Integer> idColumns;

		List<IdentifierKind> idKinds;

		String idHow;

		final List<String> warnings = new ArrayList<>();

		/** Rows seen before the identifier columns were chosen, kept to be counted then. */
		private final List<String[]> kept = new ArrayList<>();

		private final long[] keptMasks = new long[DECIDE_AFTER];

		private List<String> names;

		/** Delimited text read as bytes, or null when rows come through {@link #row}. */
		DelimitedBlockReader blockReader;

		private CharBatch current;

		private long batches;

		private int created;

		private BlockingQueue<Batch> full;

		private BlockingQueue<Batch> free;

		private final List<Thread> workerThreads = new ArrayList<>();

		private final List<Worker> workers = new ArrayList<>();

		private volatile Throwable failure;

		/** Samples and problems of blocks done out of order, until the blocks before them are done. */
		private final Map<Long, Done> waiting = new HashMap<>();

		private long nextToAdd;

		private final Batch poison = new CharBatch(0);

		void read(DelimitedBlockReader reader) {
			this.blockReader = reader;
			header(reader.header());
			while (true) {
				ByteBatch batch = (ByteBatch) takeFree();
				if (!reader.next(batch.block)) {
					this.free.offer(batch);
					return;
				}
				batch.index = batch.block.index();
				batch.rows = batch.block.rows();
				this.rows += batch.rows;
				dispatch(batch);
			}
		}

		@Override
		public void header(List<String> names) {
			this.names = List.copyOf(names);
			this.profiles = new ColumnProfile[names.size()];
			for (int i = 0; i < names.size(); i++) {
				this.profiles[i] = new ColumnProfile(names.get(i), i, Scanner.this.settings.confirmSample());
			}
			for (String wanted : Scanner.this.settings.idColumns()) {
				if (!names.contains(wanted)) {
					throw new IllegalArgumentException(
							"--id-column '" + wanted + "' is not a column of this table; its columns are "
									+ names.stream().map(ColumnNames::masked).toList());
				}
			}
			// blocks: one per worker, as many queued, one being read, one spare (1 MB of bytes, 1 MB of cell bounds each)
			int threads = Scanner.this.threads;
			this.full = new ArrayBlockingQueue<>(threads);
			this.free = new ArrayBlockingQueue<>(2 * threads + 2);
			this.main = new Worker(this);
		}

		@Override
		public void row(long number, Cells cells) {
			this.rows++;
			if (this.current == null) {
				this.current = (CharBatch) takeFree();
				this.current.index = this.batches++;
			}
			this.current.add(cells);
			if (this.current.isFull()) {
				CharBatch batch = this.current;
				this.current = null;
				dispatch(batch);
			}
		}

		/** Works on a block: on this thread until the identifier columns are chosen, then on the workers. */
		private void dispatch(Batch batch) {
			checkFailure();
			if (this.idColumns == null || Scanner.this.threads == 1) {
				this.main.work(batch);
				recycle(batch);
				return;
			}
			if (this.workerThreads.isEmpty()) {
				startWorkers();
			}
			try {
				while (!this.full.offer(batch, 50, TimeUnit.MILLISECONDS)) {
					checkFailure();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while scanning");
			}
		}

		private Batch takeFree() {
			Batch b = this.free.poll();
			if (b != null) {
				return b;
			}
			if (this.created < 2 * Scanner.this.threads + 2) {
				this.created++;
				return (this.blockReader != null) ? new ByteBatch(this.blockReader.newBlock())
						: new CharBatch(this.names.size());
			}
			try {
				while ((b = this.free.poll(50, TimeUnit.MILLISECONDS)) == null) {
					checkFailure();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while scanning");
			}
			return b;
		}

		private void recycle(Batch batch) {
			batch.clear();
			this.free.offer(batch);
		}

		private void startWorkers() {
			for (int i = 0; i < Scanner.this.threads; i++) {
				Worker w = new Worker(this);
				this.workers.add(w);
				Thread t = new Thread(() -> {
					try {
						while (true) {
							Batch b = this.full.take();
							if (b == this.poison) {
								return;
							}
							w.work(b);
							recycle(b);
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					catch (Throwable ex) {
						if (this.failure == null) {
							this.failure = ex;
						}
					}
				}, "outbound-scan-" + (i + 1));
				t.setDaemon(true);
				this.workerThreads.add(t);
				t.start();
			}
		}

		private void checkFailure() {
			Throwable t = this.failure;
			if (t instanceof RuntimeException re) {
				throw re;
			}
			if (t instanceof Error e) {
				throw e;
			}
			if (t != null) {
				throw new IllegalStateException(t);
			}
		}

		/** Keeps a row seen before the identifier columns are chosen; chooses them after the last such row. */
		void keep(Worker w, Batch batch, int r, long mask) {
			String[] copy = new String[this.profiles.length];
			for (int c = 0; c < copy.length; c++) {
				if (batch.isEmpty(r, c)) {
					copy[c] = "";
				}
				else {
					batch.load(r, c, w);
					copy[c] = w.slice.toString();
				}
			}
			this.keptMasks[this.kept.size()] = mask;
			this.kept.add(copy);
			if (this.kept.size() == DECIDE_AFTER) {
				decide(w);
			}
		}

		/**
		 * Adds a block's samples and problems once every block before it has been added, so they
		 * are the first in the table whatever thread finished first.
		 */
		synchronized void commit(Batch batch, ColumnFirsts[] firsts, List<TableProblem> undecodable) {
			List<TableProblem> read = batch.problems();
			if (batch.index != this.nextToAdd) {
				this.waiting.put(batch.index, new Done(firsts, read.isEmpty() ? List.of() : List.copyOf(read), undecodable));
				return;
			}
			add(firsts, read, undecodable);
			Done d;
			while ((d = this.waiting.remove(this.nextToAdd)) != null) {
				add(d.firsts, d.read, d.undecodable);
			}
		}

		private void add(ColumnFirsts[] firsts, List<TableProblem> read, List<TableProblem> undecodable) {
			for (int c = 0; c < this.profiles.length; c++) {
				this.profiles[c].add(firsts[c]);
			}
			if (this.blockReader != null) {
				this.blockReader.commit(read, undecodable);
			}
			this.nextToAdd++;
		}

		void finish() {
			if (this.current != null) {
				CharBatch batch = this.current;
				this.current = null;
				if (batch.rows > 0) {
					dispatch(batch);
				}
				else {
					recycle(batch);
				}
			}
			stopWorkers();
			checkFailure();
			if (this.idColumns == null) {
				decide(this.main);
			}
			// the largest person set takes in the others (each thread's set may hold most persons)
			PersonCounter persons = this.main.persons;
			for (Worker w : this.workers) {
				if (w.persons.size() > persons.size()) {
					persons = w.persons;
				}
			}
			long withoutId = 0;
			for (Worker w : allWorkers()) {
				if (w.persons != persons) {
					persons.merge(w.persons);
				}
				withoutId += w.rowsWithoutId;
			}
			this.persons = persons;
			this.rowsWithoutId = withoutId;
			for (int c = 0; c < this.profiles.length; c++) {
				for (Worker w : allWorkers()) {
					this.profiles[c].add(w.tallies[c]);
				}
			}
			List<Integer> wouldChoose = chooseAutomatically(this.profiles);
			if (Scanner.this.settings.idColumns().isEmpty() && !wouldChoose.equals(this.idColumns)) {
				this.warnings.add("the identifier columns were chosen on the first " + DECIDE_AFTER
						+ " rows; on the whole table the choice would be " + names(wouldChoose)
						+ "; rescan with --id-column to fix it");
			}
		}

		private List<Worker> allWorkers() {
			List<Worker> all = new ArrayList<>(this.workers);
			all.add(0, this.main);
			return all;
		}

		private void stopWorkers() {
			try {
				for (int i = 0; i < this.workerThreads.size(); i++) {
					while (!this.full.offer(this.poison, 50, TimeUnit.MILLISECONDS)) {
						checkFailure();
					}
				}
				for (Thread t : this.workerThreads) {
					t.join();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while finishing the scan");
			}
			this.workerThreads.clear();
		}

		void shutdown() {
			for (Thread t : this.workerThreads) {
				t.interrupt();
			}
			this.workerThreads.clear();
		}

		private List<String> names(List<Integer> columns) {
			List<String> n = new ArrayList<>();
			for (int c : columns) {
				n.add(this.profiles[c].name);
			}
			return n;
		}

		/**
		 * Chooses the identifier columns on what the rows so far showed ({@code w} has worked on all
		 * of them, on this thread), then counts the persons of the rows kept until now.
		 */
		private void decide(Worker w) {
			ColumnProfile[] sofar = new ColumnProfile[this.profiles.length];
			for (int c = 0; c < sofar.length; c++) {
				sofar[c] = this.profiles[c].copy();
				sofar[c].add(w.tallies[c]);
				if (w.firsts != null) {
					sofar[c].add(w.firsts[c]);
				}
			}
			List<String> wanted = Scanner.this.settings.idColumns();
			List<Integer> columns = new ArrayList<>();
			List<IdentifierKind> kinds = new ArrayList<>();
			if (!wanted.isEmpty()) {
				for (String name : wanted) {
					for (ColumnProfile p : sofar) {
						if (p.name.equals(name)) {
							columns.add(p.index);
							kinds.add(kindOf(p));
							break;
						}
					}
				}
				this.idHow = "given with --id-column";
			}
			else {
				for (int c : byDistinctValues(chooseAutomatically(sofar))) {
					columns.add(c);
					kinds.add(kindOf(sofar[c]));
				}
				this.idHow = "chosen from the values: resident ID, then passport, mobile, e-mail, a column with fewer than half"
						+ " the distinct values of another coming after it; a row is keyed by the first that is valid";
			}
			this.idKinds = List.copyOf(kinds);
			this.idColumns = List.copyOf(columns);
			for (int r = 0; r < this.kept.size(); r++) {
				w.countPerson(this.kept.get(r), this.keptMasks[r]);
			}
			this.kept.clear();
		}

		/**
		 * Orders the chosen identifier columns so that the one naming the most persons in the rows seen so far keys the
		 * rows: a column with fewer than half the distinct values of the richest (the clerk's ID beside the customers'
		 * phones, a constant e-mail address) goes after the others, and the report warns. Warns too when the columns
		 * name few persons for the rows.
		 */
		private List<Integer> byDistinctValues(List<Integer> chosen) {
			if (chosen.isEmpty() || this.kept.isEmpty()) {
				return chosen;
			}
			Map<Integer, Integer> distinct = new java.util.HashMap<>();
			int most = 0;
			for (int c : chosen) {
				java.util.Set<String> values = new java.util.HashSet<>();
				for (String[] row : this.kept) {
					String v = row[c].strip();
					if (!v.isEmpty()) {
						values.add(v);
					}
				}
				distinct.put(c, values.size());
				most = Math.max(most, values.size());
			}
			List<Integer> strong = new ArrayList<>();
			List<Integer> weak = new ArrayList<>();
			for (int c : chosen) {
				(2L * distinct.get(c) >= most ? strong : weak).add(c);
			}
			int rows = this.kept.size();
			if (!weak.isEmpty()) {
				this.warnings.add("identifier column(s) " + names(weak, distinct) + " hold fewer than half the distinct values"
						+ " of " + names(strong, distinct) + " in the first " + rows + " rows (staff, or a constant?): rows are"
						+ " keyed by " + ColumnNames.masked(this.names.get(strong.get(0))) + " first; give --id-column to choose");
			}
			if (rows >= 100 && 10L * most < rows) {
				this.warnings.add("the identifier columns name only " + most + " distinct values in the first " + rows
						+ " rows: check that they identify the persons the data is about, or give --id-column");
			}
			strong.addAll(weak);
			return strong;
		}

		private String names(List<Integer> columns, Map<Integer, Integer> distinct) {
			List<String> out = new ArrayList<>();
			for (int c : columns) {
				out.add("'" + ColumnNames.masked(this.names.get(c)) + "' (" + distinct.get(c) + ")");
			}
			return String.join(", ", out);
		}

		private List<Integer> chooseAutomatically(ColumnProfile[] columns) {
			List<Integer> chosen = new ArrayList<>();
			List<Map<PiType, ColumnProfile.Finding>> judged = new ArrayList<>();
			for (ColumnProfile p : columns) {
				judged.add(p.judge(Scanner.this.detectors));
			}
			for (PiType type : ID_PRIORITY) {
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

		private IdentifierKind kindOf(ColumnProfile p) {
			Map<PiType, ColumnProfile.Finding> found = p.judge(Scanner.this.detectors);
			if (found.containsKey(PiType.CN_RESIDENT_ID)) {
				return IdentifierKind.RESIDENT_ID;
			}
			if (found.containsKey(PiType.CN_PASSPORT)) {
				return IdentifierKind.PASSPORT;
			}
			if (found.containsKey(PiType.CN_MOBILE)) {
				return IdentifierKind.MOBILE;
			}
			if (found.containsKey(PiType.EMAIL)) {
				return IdentifierKind.EMAIL;
			}
			return IdentifierKind.OPAQUE;
		}

	}

	/** A block's samples and problems waiting for the blocks before it. */
	private record Done(ColumnFirsts[] firsts, List<TableProblem> read, List<TableProblem> undecodable) {
	}

	/** A block of rows to work on, on any thread. */
	private abstract static class Batch {

		long index;

		int rows;

		abstract boolean isEmpty(int row, int column);

		/** Points {@code w.slice} at the cell's characters; returns the undecodable sequences in it. */
		abstract int load(int row, int column, Worker w);

		/** The line on which a row starts (for problems found while decoding). */
		abstract long line(int row);

		/** Problems the reader met in these rows. */
		abstract List<TableProblem> problems();

		abstract void clear();

	}

	/** Whole records of delimited text as bytes, decoded cell by cell. */
	private static final class ByteBatch extends Batch {

		final RowBlock block;

		ByteBatch(RowBlock block) {
			this.block = block;
		}

		@Override
		boolean isEmpty(int row, int column) {
			return this.block.isEmpty(this.block.cell(row, column));
		}

		@Override
		int load(int row, int column, Worker w) {
			CellDecoder d = w.decoder;
			int n = d.decode(this.block, this.block.cell(row, column));
			w.slice.set(d.chars(), 0, n);
			return d.malformed();
		}

		@Override
		long line(int row) {
			return this.block.line(row);
		}

		@Override
		List<TableProblem> problems() {
			return this.block.problems();
		}

		@Override
		void clear() {
			this.rows = 0;
		}

	}

	/** Rows copied out of a row-by-row source. */
	private static final class CharBatch extends Batch {

		static final int ROWS = 2048;

		/** Cells per batch at most, as for a block of bytes: a wide table gets fewer rows per batch. */
		static final int MAX_CELLS = 1 << 17;

		final int width;

		final int maxRows;

		char[] chars = new char[1 << 16];

		int length;

		final int[] starts;

		final int[] ends;

		CharBatch(int width) {
			this.width = width;
			this.maxRows = Math.max(1, Math.min(ROWS, MAX_CELLS / Math.max(width, 1)));
			this.starts = new int[this.maxRows * Math.max(width, 1)];
			this.ends = new int[this.maxRows * Math.max(width, 1)];
		}

		void add(Cells cells) {
			int base = this.rows * this.width;
			for (int i = 0; i < this.width; i++) {
				CharSequence c = cells.get(i);
				int n = c.length();
				if (this.length + n > this.chars.length) {
					this.chars = java.util.Arrays.copyOf(this.chars, Math.max(this.length + n, this.chars.length * 2));
				}
				if (c instanceof CharSlice slice) {
					System.arraycopy(slice.array(), slice.offset(), this.chars, this.length, n);
				}
				else {
					c.toString().getChars(0, n, this.chars, this.length);
				}
				this.starts[base + i] = this.length;
				this.length += n;
				this.ends[base + i] = this.length;
			}
			this.rows++;
		}

		boolean isFull() {
			return this.rows == this.maxRows;
		}

		@Override
		boolean isEmpty(int row, int column) {
			int k = row * this.width + column;
			return this.starts[k] == this.ends[k];
		}

		@Override
		int load(int row, int column, Worker w) {
			int k = row * this.width + column;
			w.slice.set(this.chars, this.starts[k], this.ends[k] - this.starts[k]);
			return 0;
		}

		@Override
		long line(int row) {
			return 0;
		}

		@Override
		List<TableProblem> problems() {
			return List.of();
		}

		@Override
		void clear() {
			this.rows = 0;
			this.length = 0;
		}

	}

}
