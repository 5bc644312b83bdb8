package cn.outbound.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.Identifiers;
import cn.outbound.pii.InvalidIdentifierException;
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

	public ScanReport scan(TableSource source) throws IOException {
		Run run = new Run();
		source.read(run);
		if (run.profiles == null) {
			throw new cn.outbound.pii.io.TableFormatException(source.name() + " has no header row");
		}
		run.finish();
		return Reports.build(this.settings, this.detectors, this.lexicon, source, run.profiles, run.rows,
				run.idColumns, run.idKinds, run.persons, run.rowsWithoutId, run.idHow, run.warnings);
	}

	private final class Run implements RowSink {

		ColumnProfile[] profiles;

		final Value value = new Value();

		long rows;

		final PersonCounter persons = new PersonCounter(Scanner.this.settings.standard(), Scanner.this.settings.asOf());

		List<Integer> idColumns;

		List<IdentifierKind> idKinds;

		String idHow;

		long rowsWithoutId;

		final List<String[]> buffered = new ArrayList<>();

		final List<Long> bufferedMasks = new ArrayList<>();

		final List<String> warnings = new ArrayList<>();

		@Override
		public void header(List<String> names) {
			this.profiles = new ColumnProfile[names.size()];
			for (int i = 0; i < names.size(); i++) {
				this.profiles[i] = new ColumnProfile(names.get(i), i, Scanner.this.settings.confirmSample());
			}
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
			if (this.idColumns != null) {
				countPerson(cells, mask);
				return;
			}
			String[] copy = new String[width];
			for (int i = 0; i < width; i++) {
				copy[i] = cells.string(i);
			}
			this.buffered.add(copy);
			this.bufferedMasks.add(mask);
			if (this.rows == DECIDE_AFTER) {
				decideAndReplay();
			}
		}

		void finish() {
			if (this.idColumns == null) {
				decideAndReplay();
			}
			List<Integer> wouldChoose = chooseAutomatically();
			if (Scanner.this.settings.idColumns().isEmpty() && !wouldChoose.equals(this.idColumns)) {
				this.warnings.add("the identifier columns were chosen on the first " + DECIDE_AFTER
						+ " rows; on the whole table the choice would be " + names(wouldChoose)
						+ "; rescan with --id-column to fix it");
			}
		}

		private List<String> names(List<Integer> columns) {
			List<String> n = new ArrayList<>();
			for (int c : columns) {
				n.add(this.profiles[c].name);
			}
			return n;
		}

		private void decideAndReplay() {
			List<String> wanted = Scanner.this.settings.idColumns();
			this.idColumns = new ArrayList<>();
			this.idKinds = new ArrayList<>();
			if (!wanted.isEmpty()) {
				for (String w : wanted) {
					for (ColumnProfile p : this.profiles) {
						if (p.name.equals(w)) {
							this.idColumns.add(p.index);
							this.idKinds.add(kindOf(p));
							break;
						}
					}
				}
				this.idHow = "given with --id-column";
			}
			else {
				for (int c : chooseAutomatically()) {
					this.idColumns.add(c);
					this.idKinds.add(kindOf(this.profiles[c]));
				}
				this.idHow = "chosen from the values: resident ID, then passport, mobile, e-mail; a row is keyed by the first that is valid";
			}
			for (int r = 0; r < this.buffered.size(); r++) {
				String[] row = this.buffered.get(r);
				countPerson(new StringCells(row), this.bufferedMasks.get(r));
			}
			this.buffered.clear();
			this.bufferedMasks.clear();
		}

		private List<Integer> chooseAutomatically() {
			List<Integer> chosen = new ArrayList<>();
			for (PiType type : ID_PRIORITY) {
				int best = -1;
				double bestShare = 0;
				for (ColumnProfile p : this.profiles) {
					Map<PiType, ColumnProfile.Finding> found = p.judge(Scanner.this.detectors);
					ColumnProfile.Finding f = found.get(type);
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

		private void countPerson(Cells cells, long mask) {
			for (int k = 0; k < this.idColumns.size(); k++) {
				CharSequence raw = cells.get(this.idColumns.get(k));
				if (raw.length() == 0) {
					continue;
				}
				IdentifierKind kind = this.idKinds.get(k);
				String normalised;
				try {
					normalised = Identifiers.normalise(kind, raw);
				}
				catch (InvalidIdentifierException ex) {
					continue;
				}
				this.persons.add(kind, normalised, mask);
				if (Scanner.this.listener != null) {
					Scanner.this.listener.identifier(kind, normalised);
				}
				return;
			}
			this.rowsWithoutId++;
		}

	}

	/** Values that stand for "nothing": treated as empty, not as data. */
	static boolean isNullToken(Value v) {
		int n = v.length();
		if (n > 4) {
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
