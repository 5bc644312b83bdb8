package cn.outbound.ledger;

import cn.outbound.rules.Basis;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * Deployment settings of the ledger.
 *
 * @param countExemptBases count persons under exempt bases toward the thresholds too. Default false, as the spec
 * says: whether they count is not settled by any official text. Environment:
 * {@code OUTBOUND_COUNT_EXEMPT_BASES=true} (the same switch the rule engine reads)
 * @param spillDirectory where large ingests spill sorted runs of keyed hashes (never identifiers); default the
 * system temporary directory; environment {@code OUTBOUND_LEDGER_SPILL_DIR}
 * @param runCapacity hashes sorted in memory per run, shared by the hashing threads (64 bytes of heap each);
 * default 1,048,576 (64 MB)
 * @param hashThreads threads that normalise and hash while the calling thread reads (the heavier half of the work);
 * default one per processor; environment {@code OUTBOUND_LEDGER_THREADS}
 * @param clock the clock for "today" (Asia/Shanghai), replaceable in tests
 */
public record LedgerSettings(boolean countExemptBases, Path spillDirectory, int runCapacity, int hashThreads,
		Clock clock) {

	/** The calendar of the counting year. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public LedgerSettings {
		spillDirectory = (spillDirectory != null) ? spillDirectory : Path.of(System.getProperty("java.io.tmpdir"));
		runCapacity = (runCapacity > 0) ? runCapacity : 1 << 20;
		hashThreads = (hashThreads > 0) ? hashThreads : Math.max(1, Runtime.getRuntime().availableProcessors());
		clock = (clock != null) ? clock : Clock.system(ZONE);
	}

	public static LedgerSettings defaults() {
		return new LedgerSettings(false, null, 0, 0, null);
	}

	/** Defaults, overridden by {@code OUTBOUND_COUNT_EXEMPT_BASES}, {@code OUTBOUND_LEDGER_SPILL_DIR}, {@code OUTBOUND_LEDGER_THREADS}. */
	public static LedgerSettings fromEnvironment(Map<String, String> env) {
		boolean count = Boolean.parseBoolean(env.get("OUTBOUND_COUNT_EXEMPT_BASES"));
		String spill = env.get("OUTBOUND_LEDGER_SPILL_DIR");
		int threads = 0;
		String t = env.get("OUTBOUND_LEDGER_THREADS");
		if (t != null && !t.isBlank()) {
			try {
				threads = Integer.parseInt(t.strip());
			}
			catch (NumberFormatException ex) {
				throw new LedgerInputException("OUTBOUND_LEDGER_THREADS",
						"OUTBOUND_LEDGER_THREADS must be a whole number of threads, from 1");
			}
		}
		return new LedgerSettings(count, (spill != null && !spill.isBlank()) ? Path.of(spill) : null, 0, threads,
				null);
	}

	public LedgerSettings withCountExemptBases(boolean count) {
		return new LedgerSettings(count, this.spillDirectory, this.runCapacity, this.hashThreads, this.clock);
	}

	public LedgerSettings withSpillDirectory(Path dir) {
		return new LedgerSettings(this.countExemptBases, dir, this.runCapacity, this.hashThreads, this.clock);
	}

	public LedgerSettings withRunCapacity(int capacity) {
		return new LedgerSettings(this.countExemptBases, this.spillDirectory, capacity, this.hashThreads, this.clock);
	}

	public LedgerSettings withHashThreads(int threads) {
		return new LedgerSettings(this.countExemptBases, this.spillDirectory, this.runCapacity, threads, this.clock);
	}

	public LedgerSettings withClock(Clock c) {
		return new LedgerSettings(this.countExemptBases, this.spillDirectory, this.runCapacity, this.hashThreads, c);
	}

	/** Whether persons exported under {@code basis} are counted toward the thresholds. */
	boolean counts(Basis basis) {
		return !basis.exempt() || this.countExemptBases;
	}

}
