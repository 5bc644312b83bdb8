package cn.outbound.scan;

import java.io.IOException;

import cn.outbound.pii.detect.Screen;
import cn.outbound.tables.DelimitedBlockReader;
import cn.outbound.tables.TableFormatException;
import cn.outbound.tables.TableSource;
import cn.outbound.tables.TextSource;

/**
 * Scans a table in one pass: every value through every detector its character counts allow ({@link Screen}),
 * dictionary recognisers on a bounded sample, persons counted exactly by normalised identifier, list items suggested
 * from names, values and the description.
 *
 * <p>
 * The facade of the scanner's parts: a {@link ScanRun} reads the source in blocks (delimited text as raw bytes in
 * blocks of whole records, {@link DelimitedBlockReader}, decoded cell by cell; other sources row by row, copied into
 * blocks) and works on them on several threads once the identifier columns are chosen ({@link ColumnChoice}, after the
 * first {@value ColumnChoice#DECIDE_AFTER} rows, read on the calling thread); each thread ({@link RowWorker}) counts
 * into its own per-column work ({@link ColumnWorker}) and person set, added up at the end; samples and problems are
 * taken per block and added in block order. {@link Reports} makes the report. The report is the same whatever the
 * number of threads. One scanner per scan.
 */
public final class Scanner {

	private final ScanSettings settings;

	private final ItemLexicon lexicon;

	/** Identifiers handed to the ledger, if any: called with (kind, normalised) per row. */
	private IdentifierListener listener;

	private int threads = Math.min(Runtime.getRuntime().availableProcessors(), 8);

	private boolean remember = true;

	private boolean retainIdentifiers;

	private PersonCounter lastPersons;

	private long lastSensitive;

	private long lastOther;

	public Scanner(ScanSettings settings) {
		this.settings = settings;
		this.lexicon = ItemLexicon.load();
	}

	/**
	 * Receives every row's normalised person identifier (for recording to the ledger). With more than one thread the
	 * calls come in no particular order, one at a time.
	 */
	public Scanner onIdentifier(IdentifierListener l) {
		this.listener = l;
		return this;
	}

	/**
	 * Threads that work on the rows (default: the number of processors, at most 8); with 1, everything runs on the
	 * calling thread. The report does not depend on it.
	 */
	public Scanner threads(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("threads must be at least 1");
		}
		this.threads = count;
		return this;
	}

	/**
	 * Whether repeated values of delimited text are counted from what the detectors said the first time
	 * ({@link ValueMemo}; default on). The report is the same either way; off, every value is decoded and checked (for
	 * measuring the detectors' own speed).
	 */
	public Scanner rememberValues(boolean remember) {
		this.remember = remember;
		return this;
	}

	/**
	 * Keeps the text of e-mail, passport and opaque identifiers in memory during the scan, so that
	 * {@link #forEachPerson} can hand every person to the ledger (resident ID and mobile numbers are always available:
	 * they are stored as their digits).
	 */
	public Scanner retainIdentifiers(boolean retain) {
		this.retainIdentifiers = retain;
		return this;
	}

	/**
	 * Hands every distinct person of the last scan to {@code visitor}, classed as in the report (for recording the
	 * export in the ledger without reading the data again).
	 * @return persons that could not be handed over because their identifiers were not retained
	 */
	public long forEachPerson(PersonVisitor visitor) {
		if (this.lastPersons == null) {
			throw new IllegalStateException("scan a table first");
		}
		return this.lastPersons.forEach(visitor, this.lastSensitive, this.lastOther);
	}

	public ScanReport scan(TableSource source) throws IOException {
		ScanRun run = new ScanRun(this.settings, this.threads, this.remember, this.retainIdentifiers, this.listener);
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
		ScanReport report = Reports.build(this.settings, this.lexicon, source, run);
		this.lastPersons = run.persons;
		long[] masks = Reports.columnMasks(report.columns());
		this.lastSensitive = masks[0];
		this.lastOther = masks[1];
		return report;
	}

}
