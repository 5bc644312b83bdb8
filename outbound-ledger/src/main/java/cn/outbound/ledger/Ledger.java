package cn.outbound.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import cn.outbound.ledger.db.Database;
import cn.outbound.ledger.internal.HashSpill;
import cn.outbound.rules.Basis;

/**
 * The ledger of persons exported: exact distinct counts per processor, year and class, without ever holding a raw
 * identifier. Thread-safe; share one instance per database.
 *
 * <ul>
 * <li>{@link #record} an export event: reads its identifiers once (streaming, memory flat in the input size),
 * normalises and hashes them (HMAC-SHA-256 under the deployment key), then writes everything in one transaction:
 * interrupted, the event leaves no trace. Idempotent by the event key.</li>
 * <li>{@link #status}: counted and exempt persons per class, headroom to the threshold lines, monthly history,
 * per recipient, per basis.</li>
 * <li>{@link #countsUpTo}: what a decision takes as {@code priorThisYear}.</li>
 * <li>{@link #whatIf}: how many new persons a file would add, without recording it.</li>
 * </ul>
 *
 * <p>
 * The facade of the ledger's parts: {@link EventWriter} (the record path: {@link HashedParts} read and hashed, then
 * one transaction), {@link StatusReader} (status, months, recipients, bases), {@link WhatIfReader},
 * {@link EventReader} (the events) and {@link KeyCheck}.
 */
public final class Ledger implements AutoCloseable {

	private final Database database;

	private final boolean ownsDatabase;

	private final LedgerSettings settings;

	private final EventWriter writer;

	private final StatusReader statusReader;

	private final WhatIfReader whatIfReader;

	private final EventReader eventReader;

	/**
	 * Decisions ask {@link #countsUpTo} for every scenario naming a processor; the answer is remembered until the
	 * ledger's version changes (any write, from any process).
	 */
	private final Map<String, RememberedCounts> remembered = new ConcurrentHashMap<>();

	private static final int REMEMBERED_MAX = 10_000;

	private Ledger(Database database, boolean ownsDatabase, LedgerKey key, LedgerSettings settings) {
		this.database = database;
		this.ownsDatabase = ownsDatabase;
		this.settings = settings;
		this.writer = new EventWriter(database, key, settings);
		this.statusReader = new StatusReader(database, settings);
		this.whatIfReader = new WhatIfReader(database, key, settings);
		this.eventReader = new EventReader(database);
	}

	/**
	 * Opens the ledger in {@code database} (already migrated) under {@code key}.
	 * @throws LedgerKeyException if the ledger was created with another key
	 */
	public static Ledger open(Database database, LedgerKey key, LedgerSettings settings) {
		Ledger ledger = new Ledger(database, false, key, settings);
		KeyCheck.check(database, key);
		HashSpill.removeStale(settings.spillDirectory());
		return ledger;
	}

	/**
	 * Opens the database, key and settings named by the environment ({@code OUTBOUND_DB_URL},
	 * {@code OUTBOUND_LEDGER_KEY}, {@code OUTBOUND_COUNT_EXEMPT_BASES}, ...). The ledger closes the database.
	 * @param notices told about a generated key (print it to the user)
	 */
	public static Ledger fromEnvironment(Map<String, String> env, Consumer<String> notices) {
		LedgerKey.requireForServerDatabase(env);
		Database db = Database.fromEnvironment(env);
		try {
			LedgerKey key = LedgerKey.resolve(db, env, notices);
			Ledger ledger = new Ledger(db, true, key, LedgerSettings.fromEnvironment(env));
			KeyCheck.check(db, key);
			HashSpill.removeStale(ledger.settings.spillDirectory());
			return ledger;
		}
		catch (RuntimeException ex) {
			db.close();
			throw ex;
		}
	}

	public LedgerSettings settings() {
		return this.settings;
	}

	public Database database() {
		return this.database;
	}

	/** Today in Asia/Shanghai (by the settings' clock). */
	public LocalDate today() {
		return LocalDate.now(this.settings.clock().withZone(LedgerSettings.ZONE));
	}

	// ---------------------------------------------------------------- record

	/** Records one class of persons with the default options. */
	public RecordResult record(EventSpec event, Persons persons) {
		return record(event, List.of(persons), IngestOptions.DEFAULT);
	}

	public RecordResult record(EventSpec event, Persons persons, IngestOptions options) {
		return record(event, List.of(persons), options);
	}

	/**
	 * Records an export event. Its persons come in one or more parts (typically one per class). All parts are read
	 * to the end first; then, in one transaction: new persons, the event, its persons per class and the counts.
	 * @throws InvalidIdentifiersException if a row has no valid identifier and {@code skipInvalid} is off (nothing is
	 * recorded)
	 * @throws EventKeyConflictException if the key is used by a different event
	 * @throws LedgerInputException if there is no valid identifier at all
	 */
	public RecordResult record(EventSpec event, List<Persons> parts, IngestOptions options) {
		return this.writer.record(event, parts, options);
	}

	/**
	 * Records an export event whose persons come as keyed hashes made under this ledger's key ({@link PersonHashes},
	 * e.g. in a Spark job's executors). As {@link #record(EventSpec, List, IngestOptions)}: all hashes are read to the
	 * end first (spilled past memory, never all held), then everything is written in one transaction, so an input
	 * that fails part-way leaves nothing; idempotent by the event key.
	 * @throws LedgerKeyException if a part's hashes were made under another key
	 * @throws LedgerInputException if there is no hash at all
	 */
	public RecordResult recordHashed(EventSpec event, List<HashedPersons> parts, IngestListener listener) {
		return this.writer.recordHashed(event, parts, listener);
	}

	// ---------------------------------------------------------------- status

	/**
	 * The status of a processor's year up to and including {@code asOf}.
	 * @param thresholds the lines to measure headroom against (e.g. {@link Thresholds#NATIONAL_2024})
	 */
	public LedgerStatus status(String processor, int year, LocalDate asOf, Thresholds thresholds) {
		return this.statusReader.status(processor, year, asOf, thresholds);
	}

	/**
	 * The status of a processor's year: up to today for the current year, up to 31 December for a past year; for a
	 * year with events dated later than that, up to the last of them.
	 */
	public LedgerStatus status(String processor, int year, Thresholds thresholds) {
		return status(processor, year, this.statusReader.defaultAsOf(processor, year, today()), thresholds);
	}

	/**
	 * The counted persons of {@code processor} from 1 January of {@code date}'s year up to {@code date}, inclusive:
	 * the {@code priorThisYear} of a decision for an export on that date.
	 */
	public LedgerCounts countsUpTo(String processor, LocalDate date) {
		// the version is read before the counts: a write committed in between makes the next call read them again
		long version = version();
		String k = processor + '\u0000' + date;
		RememberedCounts remembered = this.remembered.get(k);
		if (remembered != null && remembered.version() == version) {
			return remembered.counts();
		}
		LedgerStatus s = status(processor, date.getYear(), date, Thresholds.NONE);
		LedgerCounts counts = new LedgerCounts(s.processor(), date, s.individuals(), s.sensitiveIndividuals(), s.events(),
				s.exemptBasesCounted());
		if (this.remembered.size() >= REMEMBERED_MAX) {
			this.remembered.clear();
		}
		this.remembered.put(k, new RememberedCounts(version, counts));
		return counts;
	}

	/** Counts of {@link #countsUpTo} as of a ledger version. */
	private record RememberedCounts(long version, LedgerCounts counts) {
	}

	/** The ledger's write counter ({@code ledger_lock.version}). */
	long version() {
		return LedgerSql.version(this.database);
	}

	// ---------------------------------------------------------------- what if

	/**
	 * How many new persons {@code persons} would add to {@code processor}'s year of {@code date} under
	 * {@code basis}, without recording anything. Invalid rows are counted and reported, not fatal.
	 */
	public WhatIf whatIf(String processor, LocalDate date, Basis basis, Persons persons, Thresholds thresholds) {
		return this.whatIfReader.whatIf(processor, date, basis, persons, thresholds);
	}

	// ---------------------------------------------------------------- events

	/** The recorded event under a key, if any. */
	public Optional<EventSummary> event(String processor, String eventKey) {
		return this.eventReader.event(processor, eventKey);
	}

	/** The events of a processor's year, by date then recording order. */
	public List<EventSummary> events(String processor, int year) {
		return this.eventReader.events(processor, year);
	}

	/**
	 * Recomputes a processor-year's cached counts from its events (the record of truth). Takes the ledger lock.
	 */
	public void rebuild(String processor, int year) {
		this.writer.rebuild(processor, year);
	}

	@Override
	public void close() {
		if (this.ownsDatabase) {
			this.database.close();
		}
	}

}
