package cn.outbound.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;
import cn.outbound.pii.InvalidIdentifierException;
import cn.outbound.pii.ResidentIdNumber;
import cn.outbound.pii.detect.Detector;
import cn.outbound.pii.detect.Detectors;
import cn.outbound.pii.detect.PiType;
import cn.outbound.pii.detect.Value;
import cn.outbound.pii.io.Cells;
import cn.outbound.pii.io.TableProblem;
import cn.outbound.scan.source.RowSink;
import cn.outbound.scan.source.TableSource;

/**
 * Scans a table in one pass: every value through every detector's cheap check, dictionary
 * recognisers on a bounded sample, persons counted exactly by normalised identifier, list items
 * suggested from names, values and the description. Not thread-safe; one scanner per scan.
 */
public final class Scanner {

	/** Rows looked at before the identifier columns are chosen (they are then replayed). */
	static final int DECIDE_AFTER = 1000;

	private static final PiType[] ID_PRIORITY = { PiType.CN_RESIDENT_ID, PiType.CN_PASSPORT, PiType.CN_MOBILE,
			PiType.EMAIL };

	private final ScanSettings settings;

	private final Detector[] detectors;

	private final ItemLexicon lexicon;

	/** Identifiers handed to the ledger, if any: called with (kind, normalised) per row. */
	private IdentifierListener listener;

	public Scanner(ScanSettings settings) {
		this.settings = settings;
		this.detectors = Detectors.all().toArray(Detector[]::new);
		this.lexicon = ItemLexicon.load();
	}

	/** Receives every row's normalised person identifier (for recording to the ledger). */
	public interface IdentifierListener {

		void identifier(IdentifierKind kind, String normalised);

	}

	public Scanner onIdentifier(IdentifierListener l) {
		this.listener = l;
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
			source.read(run);
			if (run.main == null) {
				throw new cn.outbound.pii.io.TableFormatException(source.name() + " has no header row");
			}
			run.finish();
		}
		finally {
			run.shutdown();
		}
		ScanReport report = Reports.build(this.settings, this.detectors, this.lexicon, source, run.main.profiles,
				run.rows, run.idColumns, run.idKinds, run.main.persons, run.main.rowsWithoutId, run.idHow, run.warnings);
		this.lastPersons = run.main.persons;
		long[] masks = Reports.columnMasks(report.columns());
		this.lastSensitive = masks[0];
		this.lastOther = masks[1];
		return report;
	}

	/**
	 * One thread's share of the work: its own column profiles and person set, merged at the end.
	 */
	private final class Worker {

		final ColumnProfile[] profiles;

		final PersonCounter persons = new PersonCounter(Scanner.this.settings.standard(), Scanner.this.settings.asOf(),
				Scanner.this.retainIdentifiers);

		final Value value = new Value();

		final Value idValue = new Value();

		long rowsWithoutId;

		Worker(List<String> names) {
			this.profiles = new ColumnProfile[names.size()];
			for (int i = 0; i < names.size(); i++) {
				this.profiles[i] = new ColumnProfile(names.get(i), i, Scanner.this.settings.confirmSample());
			}
		}

		/** Profiles the row; returns the bit set of columns with a value. */
		long profile(Cells cells) {
			long mask = 0;
			int width = this.profiles.length;
			Detector[] ds = Scanner.this.detectors;
			for (int i = 0; i < width; i++) {
				Value v = this.value.set(cells.get(i));
				if (v.isEmpty() || isNullToken(v)) {
					continue;
				}
				mask |= 1L << Math.min(i, 63);
				this.profiles[i].add(v, ds);
			}
			return mask;
		}

		void countPerson(Cells cells, long mask, List<Integer> idColumns, List<IdentifierKind> idKinds) {
			for (int k = 0; k < idColumns.size(); k++) {
				CharSequence raw = cells.get(idColumns.get(k));
				if (raw.length() == 0) {
					continue;
				}
				IdentifierKind kind = idKinds.get(k);
				if (kind == IdentifierKind.RESIDENT_ID && Scanner.this.listener == null) {
					// fast path: a valid 18-character number goes in as its first 17 digits, no strings made
					Value v = this.idValue.set(raw);
					if (v.compactLength() == 18 && ResidentIdNumber.isValid(v, 0, v.length())) {
						long first17 = 0;
						for (int i = 0; i < 17; i++) {
							first17 = first17 * 10 + (v.charAt(i) - '0');
						}
						this.persons.addResidentId(first17, mask);
						return;
					}
				}
				String normalised;
				try {
					normalised = Identifiers.normalise(kind, raw);
				}
				catch (InvalidIdentifierException ex) {
					continue;
				}
				this.persons.add(kind, normalised, mask);
				IdentifierListener l = Scanner.this.listener;
				if (l != null) {
					synchronized (l) {
						l.identifier(kind, normalised);
					}
				}
				return;
			}
			this.rowsWithoutId++;
		}

		void merge(Worker other) {
			for (int i = 0; i < this.profiles.length; i++) {
				this.profiles[i].merge(other.profiles[i]);
			}
			this.persons.merge(other.persons);
			this.rowsWithoutId += other.rowsWithoutId;
		}

	}

	private final class Run implements RowSink {

		/** The reading thread's worker; it also holds the merged result at the end. */
		Worker main;

		long rows;

		List<Integer> idColumns;

		List<IdentifierKind> idKinds;

		String idHow;

		final List<String[]> buffered = new ArrayList<>();

		final List<Long> bufferedMasks = new ArrayList<>();

		final List<String> warnings = new ArrayList<>();

		private List<String> names;

		/** Batches for the helper thread; when it is busy the reading thread works a batch itself. */
		private final java.util.concurrent.ArrayBlockingQueue<Batch> full = new java.util.concurrent.ArrayBlockingQueue<>(2);

		private final java.util.concurrent.ArrayBlockingQueue<Batch> free = new java.util.concurrent.ArrayBlockingQueue<>(4);

		private Batch current;

		private Thread helper;

		private Worker helperWorker;

		private volatile Throwable helperFailure;

		@Override
		public void header(List<String> names) {
			this.names = List.copyOf(names);
			this.main = new Worker(names);
			for (String wanted : Scanner.this.settings.idColumns()) {
				if (!names.contains(wanted)) {
					throw new IllegalArgumentException(
							"--id-column '" + wanted + "' is not a column of this table; its columns are " + names);
				}
			}
		}

		@Override
		public void row(long number, Cells cells) {
			this.rows++;
			if (this.idColumns != null) {
				if (this.current == null) {
					this.current = takeFree();
				}
				this.current.add(number, cells);
				if (this.current.isFull()) {
					dispatch(this.current);
					this.current = null;
				}
				return;
			}
			long mask = this.main.profile(cells);
			int width = this.main.profiles.length;
			String[] copy = new String[width];
			for (int i = 0; i < width; i++) {
				copy[i] = cells.string(i);
			}
			this.buffered.add(copy);
			this.bufferedMasks.add(mask);
			if (this.rows == DECIDE_AFTER) {
				decideAndReplay();
				startHelper();
			}
		}

		private Batch takeFree() {
			Batch b = this.free.poll();
			return (b != null) ? b : new Batch(this.names.size());
		}

		private void dispatch(Batch batch) {
			checkHelper();
			if (this.helper == null || !this.full.offer(batch)) {
				work(this.main, batch);
				batch.clear();
				this.free.offer(batch);
			}
		}

		private void work(Worker w, Batch batch) {
			for (int r = 0; r < batch.rows; r++) {
				batch.at(r);
				long mask = w.profile(batch);
				w.countPerson(batch, mask, this.idColumns, this.idKinds);
			}
		}

		private void startHelper() {
			if (Runtime.getRuntime().availableProcessors() < 2) {
				return;
			}
			this.helperWorker = new Worker(this.names);
			this.helper = new Thread(() -> {
				try {
					while (true) {
						Batch b = this.full.take();
						if (b.rows < 0) {
							return;
						}
						work(this.helperWorker, b);
						b.clear();
						this.free.offer(b);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (Throwable ex) {
					this.helperFailure = ex;
				}
			}, "outbound-scan-helper");
			this.helper.setDaemon(true);
			this.helper.start();
		}

		private void checkHelper() {
			Throwable t = this.helperFailure;
			if (t instanceof RuntimeException re) {
				throw re;
			}
			if (t instanceof Error e) {
				throw e;
			}
		}

		void finish() {
			if (this.idColumns == null) {
				decideAndReplay();
			}
			if (this.current != null && this.current.rows > 0) {
				work(this.main, this.current);
				this.current = null;
			}
			stopHelper();
			checkHelper();
			if (this.helperWorker != null) {
				this.main.merge(this.helperWorker);
				this.helperWorker = null;
			}
			List<Integer> wouldChoose = chooseAutomatically();
			if (Scanner.this.settings.idColumns().isEmpty() && !wouldChoose.equals(this.idColumns)) {
				this.warnings.add("the identifier columns were chosen on the first " + DECIDE_AFTER
						+ " rows; on the whole table the choice would be " + names(wouldChoose)
						+ "; rescan with --id-column to fix it");
			}
		}

		private void stopHelper() {
			if (this.helper == null) {
				return;
			}
			Batch poison = new Batch(0);
			poison.rows = -1;
			try {
				this.full.put(poison);
				this.helper.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while finishing the scan");
			}
			this.helper = null;
		}

		void shutdown() {
			if (this.helper != null) {
				this.helper.interrupt();
				this.helper = null;
			}
		}

		private List<String> names(List<Integer> columns) {
			List<String> n = new ArrayList<>();
			for (int c : columns) {
				n.add(this.main.profiles[c].name);
			}
			return n;
		}

		private void decideAndReplay() {
			List<String> wanted = Scanner.this.settings.idColumns();
			List<Integer> columns = new ArrayList<>();
			List<IdentifierKind> kinds = new ArrayList<>();
			if (!wanted.isEmpty()) {
				for (String w : wanted) {
					for (ColumnProfile p : this.main.profiles) {
						if (p.name.equals(w)) {
							columns.add(p.index);
							kinds.add(kindOf(p));
							break;
						}
					}
				}
				this.idHow = "given with --id-column";
			}
			else {
				for (int c : chooseAutomatically()) {
					columns.add(c);
					kinds.add(kindOf(this.main.profiles[c]));
				}
				this.idHow = "chosen from the values: resident ID, then passport, mobile, e-mail; a row is keyed by the first that is valid";
			}
			this.idColumns = List.copyOf(columns);
			this.idKinds = List.copyOf(kinds);
			for (int r = 0; r < this.buffered.size(); r++) {
				this.main.countPerson(new StringCells(this.buffered.get(r)), this.bufferedMasks.get(r), this.idColumns,
						this.idKinds);
			}
			this.buffered.clear();
			this.bufferedMasks.clear();
		}

		private List<Integer> chooseAutomatically() {
			List<Integer> chosen = new ArrayList<>();
			List<Map<PiType, ColumnProfile.Finding>> judged = new ArrayList<>();
			for (ColumnProfile p : this.main.profiles) {
				judged.add(p.judge(Scanner.this.detectors));
			}
			for (PiType type : ID_PRIORITY) {
				int best = -1;
				double bestShare = 0;
				for (ColumnProfile p : this.main.profiles) {
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

	/** Rows copied out of the reader's buffer, to be profiled on either thread. */
	private static final class Batch implements Cells {

		static final int ROWS = 2048;

		final int width;

		char[] chars = new char[1 << 16];

		int length;

		final int[] starts;

		final int[] ends;

		int rows;

		private int row;

		private final cn.outbound.pii.io.CharSlice[] slices;

		Batch(int width) {
			this.width = width;
			this.starts = new int[ROWS * Math.max(width, 1)];
			this.ends = new int[ROWS * Math.max(width, 1)];
			this.slices = new cn.outbound.pii.io.CharSlice[width];
			for (int i = 0; i < width; i++) {
				this.slices[i] = new cn.outbound.pii.io.CharSlice();
			}
		}

		void add(long number, Cells cells) {
			int base = this.rows * this.width;
			for (int i = 0; i < this.width; i++) {
				CharSequence c = cells.get(i);
				int n = c.length();
				if (this.length + n > this.chars.length) {
					this.chars = java.util.Arrays.copyOf(this.chars, Math.max(this.length + n, this.chars.length * 2));
				}
				if (c instanceof cn.outbound.pii.io.CharSlice slice) {
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
			return this.rows == ROWS;
		}

		void at(int r) {
			this.row = r;
		}

		void clear() {
			this.rows = 0;
			this.length = 0;
		}

		@Override
		public int size() {
			return this.width;
		}

		@Override
		public CharSequence get(int index) {
			int k = this.row * this.width + index;
			cn.outbound.pii.io.CharSlice s = this.slices[index];
			s.set(this.chars, this.starts[k], this.ends[k] - this.starts[k]);
			return s;
		}

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
		return v.equalsIgnoreCase("null") || v.equalsIgnoreCase("n/a") || v.equalsIgnoreCase("na")
				|| v.equalsIgnoreCase("none") || v.equalsIgnoreCase("nil") || v.equalsIgnoreCase("\\n")
				|| v.equalsIgnoreCase("不详") || v.equalsIgnoreCase("未知") || v.equalsIgnoreCase("--");
	}

	/** Cells over buffered strings. */
	private static final class StringCells implements Cells {

		private final String[] values;

		StringCells(String[] values) {
			this.values = values;
		}

		@Override
		public int size() {
			return this.values.length;
		}

		@Override
		public CharSequence get(int index) {
			return this.values[index];
		}

	}

	static Map<String, Long> problemCounts(Map<TableProblem.Kind, Long> counts) {
		Map<String, Long> out = new LinkedHashMap<>();
		counts.forEach((k, v) -> out.put(k.name(), v));
		return out;
	}

}
