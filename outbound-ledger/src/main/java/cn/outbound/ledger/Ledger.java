package cn.outbound.ledger;

import cn.outbound.rules.Basis;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.roaringbitmap.RoaringBitmap;

import cn.outbound.ledger.IngestListener.Phase;
import cn.outbound.ledger.db.Database;
import cn.outbound.ledger.db.DatabaseErrors;
import cn.outbound.ledger.internal.Bitmaps;
import cn.outbound.ledger.internal.HashSpill;
import cn.outbound.ledger.internal.HashingReader;
import cn.outbound.ledger.internal.InvalidRows;
import cn.outbound.ledger.internal.PersonDirectory;
import cn.outbound.ledger.internal.Run;
import cn.outbound.ledger.internal.Tallies;
import cn.outbound.ledger.internal.Tallies.Key;
import cn.outbound.ledger.internal.Windows;

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
 */
public final class Ledger implements AutoCloseable {

	private final Database database;

	private final boolean ownsDatabase;

	private final LedgerKey key;

	private final LedgerSettings settings;

	private final PersonDirectory directory;

	/**
	 * Decisions ask {@link #countsUpTo} for every scenario naming a processor; the answer is remembered until the
	 * ledger's version changes (any write, from any process).
	 */
	private final Map<String, RememberedCounts> remembered = new ConcurrentHashMap<>();

	private static final int REMEMBERED_MAX = 10_000;

	private Ledger(Database database, boolean ownsDatabase, LedgerKey key, LedgerSettings settings) {
		this.database = database;
		this.ownsDatabase = ownsDatabase;
		this.key = key;
		this.settings = settings;
		this.directory = new PersonDirectory(database.dialect());
	}

	/**
	 * Opens the ledger in {@code database} (already migrated) under {@code key}.
	 * @throws LedgerKeyException if the ledger was created with another key
	 */
	public static Ledger open(Database database, LedgerKey key, LedgerSettings settings) {
		Ledger ledger = new Ledger(database, false, key, settings);
		ledger.checkKey();
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
			ledger.checkKey();
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
		if (parts.isEmpty()) {
			throw new LedgerInputException("ids", "an event needs at least one set of persons");
		}
		IngestListener listener = options.listener();
		listener.phase(Phase.READING);
		Read read = read(parts, listener);
		try {
			if (read.invalid.count() > 0 && !options.skipInvalid()) {
				throw new InvalidIdentifiersException(read.invalid.rows(), read.invalid.count(), read.rows);
			}
			if (read.identifiers() == 0) {
				throw new LedgerInputException("ids", "no valid identifier in " + read.rows + " rows: nothing to record");
			}
			listener.phase(Phase.WRITING);
			RecordResult result = write(event, parts.stream().map(Persons::personClass).toList(), read);
			listener.phase(Phase.COMMITTED);
			return result;
		}
		finally {
			read.close();
		}
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
		if (parts.isEmpty()) {
			throw new LedgerInputException("ids", "an event needs at least one set of persons");
		}
		for (HashedPersons p : parts) {
			if (!p.keyFingerprint().equals(this.key.fingerprint())) {
				throw new LedgerKeyException("the persons were hashed under the key " + p.keyFingerprint()
						+ ", not the ledger's key " + this.key.fingerprint() + ": nothing was recorded");
			}
		}
		IngestListener l = (listener != null) ? listener : IngestListener.NONE;
		l.phase(Phase.READING);
		Read read = new Read();
		try {
			int capacity = Math.max(1024, this.settings.runCapacity());
			for (HashedPersons p : parts) {
				HashSpill spill = new HashSpill(this.settings.spillDirectory(), capacity);
				read.spills.add(List.of(spill));
				long n = 0;
				while (p.hashes().hasNext()) {
					byte[] h = p.hashes().next();
					if (h == null || h.length != PersonHashes.BYTES) {
						throw new LedgerInputException("ids", "a person hash must be " + PersonHashes.BYTES + " bytes");
					}
					spill.add(h, 0);
					n++;
					if ((n & 0xFFFF) == 0) {
						l.rows(read.rows + n);
					}
				}
				read.rows += n;
				read.identifiersPerPart.add(n);
			}
			l.rows(read.rows);
			if (read.identifiers() == 0) {
				throw new LedgerInputException("ids", "no person to record");
			}
			l.phase(Phase.WRITING);
			RecordResult result = write(event, parts.stream().map(HashedPersons::personClass).toList(), read);
			l.phase(Phase.COMMITTED);
			return result;
		}
		finally {
			read.close();
		}
	}

	/**
	 * One ingest at a time per database in this process reaches the database phase (the ledger lock serialises
	 * them anyway); so an ingest never holds a pooled connection while it waits for the lock, and the second
	 * connection it takes for reading ahead is always there to take.
	 */
	private static final Map<Database, Semaphore> WRITERS = new WeakHashMap<>();

	private static Semaphore writerGate(Database db) {
		synchronized (WRITERS) {
			return WRITERS.computeIfAbsent(db, d -> new Semaphore(1, true));
		}
	}

	private RecordResult write(EventSpec event, List<PersonClass> parts, Read read) {
		Semaphore gate = writerGate(this.database);
		try {
			gate.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LedgerException("interrupted while waiting to record event '" + event.eventKey() + "'", ex);
		}
		try {
			return writeGated(event, parts, read);
		}
		finally {
			gate.release();
		}
	}

	private RecordResult writeGated(EventSpec event, List<PersonClass> parts, Read read) {
		MessageDigest hashDigest = sha256();
		MessageDigest partsDigest = sha256();
		try (Connection c = this.database.connection(); Windows windows = read.windows(hashDigest, partsDigest)) {
			c.setAutoCommit(false);
			try {
				long nextId = lock(c);
				Optional<StoredEvent> existing = storedEvent(c, event.processor(), event.eventKey());
				if (existing.isPresent()) {
					Windows.Window w;
					while ((w = windows.next()) != null) {
						windows.release(w);
					}
					c.rollback();
					if (!MessageDigest.isEqual(eventDigest(event, parts, hashDigest, partsDigest), existing.get().digest)) {
						throw new EventKeyConflictException(event.processor(), event.eventKey());
					}
					EventSummary s = existing.get().summary;
					return new RecordResult(RecordResult.Outcome.ALREADY_RECORDED, existing.get().id, s.event(), read.rows,
							read.invalid.count(), read.invalid.rows(), s.parts(), counts(s.event().basis()));
				}
				int[] classMask = classMasks(parts);
				IdBuffer[] byClass = { new IdBuffer(), new IdBuffer() };
				PersonDirectory.Resolved resolved = this.directory.resolve(c, readAheadConnection(), windows, true, nextId,
						(id, p, created) -> {
					if ((p & classMask[0]) != 0) {
						byClass[0].add((int) id);
					}
					if ((p & classMask[1]) != 0) {
						byClass[1].add((int) id);
					}
				});
				long eventId = insertEvent(c, event, eventDigest(event, parts, hashDigest, partsDigest), read.rows,
						read.invalid.count());
				List<RecordResult.Part> resultParts = new ArrayList<>();
				for (PersonClass pc : PersonClass.values()) {
					if (classMask[pc.ordinal()] == 0) {
						continue;
					}
					RoaringBitmap persons = byClass[pc.ordinal()].bitmap();
					long fresh = Tallies.add(c, event.processor(), event.year(), event.date().getMonthValue(),
							event.basis(), recipient(event), pc.sensitive(), persons);
					long identifiers = read.identifiers(pc, parts);
					insertEventPersons(c, eventId, pc, identifiers, persons, fresh);
					resultParts.add(new RecordResult.Part(pc, identifiers, persons.getLongCardinality(), fresh));
				}
				try (PreparedStatement ps = c.prepareStatement("update ledger_lock set next_person_id = ?, version = version + 1 where id = 1")) {
					ps.setLong(1, resolved.nextId());
					ps.executeUpdate();
				}
				c.commit();
				return new RecordResult(RecordResult.Outcome.RECORDED, eventId, event, read.rows, read.invalid.count(),
						read.invalid.rows(), resultParts, counts(event.basis()));
			}
			catch (SQLException | RuntimeException ex) {
				rollbackQuietly(c);
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new LedgerException("database error while recording event '" + event.eventKey() + "': "
					+ DatabaseErrors.describe(ex), ex);
		}
	}

	private boolean counts(Basis basis) {
		return !basis.exempt() || this.settings.countExemptBases();
	}

	/** Bit masks of the parts of each class. */
	private static int[] classMasks(List<PersonClass> parts) {
		int[] masks = new int[2];
		for (int i = 0; i < parts.size(); i++) {
			masks[parts.get(i).ordinal()] |= 1 << i;
		}
		return masks;
	}

	private static String recipient(EventSpec e) {
		return (e.recipient() != null) ? e.recipient() : "";
	}

	/** Takes the ledger lock (held to the end of the transaction) and returns the next free person id. */
	private static long lock(Connection c) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("select next_person_id from ledger_lock where id = 1 for update");
				ResultSet rs = ps.executeQuery()) {
			if (!rs.next()) {
				throw new LedgerException("the ledger's lock row is missing: the schema is damaged");
			}
			return rs.getLong(1);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Ids collected in batches, added to a bitmap in bulk. */
	private static final class IdBuffer {

		private final int[] buf = new int[1 << 16];

		private int n;

		private final RoaringBitmap bitmap = new RoaringBitmap();

		void add(int id) {
			this.buf[this.n++] = id;
			if (this.n == this.buf.length) {
				flush();
			}
		}

		private void flush() {
			Arrays.sort(this.buf, 0, this.n);
			this.bitmap.addN(this.buf, 0, this.n);
			this.n = 0;
		}

		RoaringBitmap bitmap() {
			flush();
			return this.bitmap;
		}

	}

	/**
	 * What makes an event the same event: its fields and classes, every person hash in order and the classes each
	 * is in. Independent of row order, duplicates, encoding and how the work was cut up.
	 */
	private static byte[] eventDigest(EventSpec e, List<PersonClass> parts, MessageDigest hashes, MessageDigest masks) {
		MessageDigest md = sha256();
		StringBuilder sb = new StringBuilder("outbound-ledger/event/v1");
		for (String s : Arrays.asList(e.processor(), e.eventKey(), e.date().toString(), e.recipient(),
				e.basis().name(), e.assessmentId())) {
			sb.append('\u0000').append((s != null) ? s : "\u0001");
		}
		for (PersonClass p : parts) {
			sb.append('\u0000').append(p.name());
		}
		md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
		md.update(hashes.digest());
		md.update(masks.digest());
		return md.digest();
	}

	private long insertEvent(Connection c, EventSpec e, byte[] digest, long rows, long invalid) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("insert into ledger_event (processor, event_key, event_date,"
				+ " event_year, recipient, basis, assessment_id, digest, rows_read, invalid_rows, recorded_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
			ps.setString(1, e.processor());
			ps.setString(2, e.eventKey());
			ps.setDate(3, Date.valueOf(e.date()));
			ps.setInt(4, e.year());
			ps.setString(5, recipient(e));
			ps.setString(6, e.basis().name());
			ps.setString(7, e.assessmentId());
			ps.setBytes(8, digest);
			ps.setLong(9, rows);
			ps.setLong(10, invalid);
			ps.setObject(11, OffsetDateTime.now(this.settings.clock()));
			ps.executeUpdate();
			try (ResultSet keys = ps.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	private static void insertEventPersons(Connection c, long eventId, PersonClass pc, long identifiers,
			RoaringBitmap persons, long fresh) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("insert into ledger_event_persons (event_id, sensitive,"
				+ " identifiers, persons, new_this_year, bitmap) values (?, ?, ?, ?, ?, ?)")) {
			ps.setLong(1, eventId);
			ps.setBoolean(2, pc.sensitive());
			ps.setLong(3, identifiers);
			ps.setLong(4, persons.getLongCardinality());
			ps.setLong(5, fresh);
			ps.setBytes(6, Bitmaps.toBytes(persons));
			ps.executeUpdate();
		}
	}

	private record StoredEvent(long id, byte[] digest, EventSummary summary) {
	}

	private static Optional<StoredEvent> storedEvent(Connection c, String processor, String eventKey)
			throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("select id, digest, event_date, recipient, basis, assessment_id,"
				+ " recorded_at, rows_read, invalid_rows from ledger_event where processor = ? and event_key = ?")) {
			ps.setString(1, processor);
			ps.setString(2, eventKey);
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					return Optional.empty();
				}
				long id = rs.getLong(1);
				EventSpec spec = new EventSpec(processor, eventKey, rs.getDate(3).toLocalDate(), rs.getString(4),
						Basis.valueOf(rs.getString(5)), rs.getString(6));
				EventSummary summary = new EventSummary(spec, rs.getObject(7, OffsetDateTime.class), rs.getLong(8),
						rs.getLong(9), eventParts(c, id));
				return Optional.of(new StoredEvent(id, rs.getBytes(2), summary));
			}
		}
	}

	private static List<RecordResult.Part> eventParts(Connection c, long eventId) throws SQLException {
		List<RecordResult.Part> parts = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement("select sensitive, identifiers, persons, new_this_year"
				+ " from ledger_event_persons where event_id = ? order by sensitive")) {
			ps.setLong(1, eventId);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					parts.add(new RecordResult.Part(PersonClass.of(rs.getBoolean(1)), rs.getLong(2), rs.getLong(3),
							rs.getLong(4)));
				}
			}
		}
		return parts;
	}

	// ---------------------------------------------------------------- reading and hashing

	/** The parts read and hashed, waiting for the database. */
	private final class Read implements AutoCloseable {

		/** Per part, the spills of its hashing threads. */
		final List<List<HashSpill>> spills = new ArrayList<>();

		final List<Long> identifiersPerPart = new ArrayList<>();

		final InvalidRows invalid = new InvalidRows(InvalidIdentifiersException.KEPT);

		long rows;

		long identifiers() {
			return this.identifiersPerPart.stream().mapToLong(Long::longValue).sum();
		}

		long identifiers(PersonClass pc, List<PersonClass> parts) {
			long n = 0;
			for (int i = 0; i < parts.size(); i++) {
				if (parts.get(i) == pc) {
					n += this.identifiersPerPart.get(i);
				}
			}
			return n;
		}

		Windows windows(MessageDigest hashDigest, MessageDigest partsDigest) {
			List<List<Run>> runs = new ArrayList<>();
			for (List<HashSpill> part : this.spills) {
				List<Run> partRuns = new ArrayList<>();
				for (HashSpill s : part) {
					partRuns.addAll(s.finishRuns());
				}
				runs.add(partRuns);
			}
			return new Windows(runs, hashDigest, partsDigest);
		}

		@Override
		public void close() {
			for (List<HashSpill> part : this.spills) {
				part.forEach(HashSpill::close);
			}
		}

	}

	private Read read(List<Persons> parts, IngestListener listener) {
		Read read = new Read();
		int threads = this.settings.hashThreads();
		HashingReader reader = new HashingReader(this.key::hasher, threads);
		int capacity = Math.max(1024, this.settings.runCapacity() / threads);
		try {
			for (Persons p : parts) {
				try (IdentifierSource source = p.source()) {
					HashingReader.Result r = reader.read(source, p.kind(),
							() -> new HashSpill(this.settings.spillDirectory(), capacity), read.invalid, listener,
							read.rows);
					read.spills.add(r.spills());
					read.rows += r.rows();
					read.identifiersPerPart.add(r.identifiers());
				}
			}
			return read;
		}
		catch (RuntimeException ex) {
			read.close();
			throw ex;
		}
	}

	// ---------------------------------------------------------------- status

	/**
	 * The status of a processor's year up to and including {@code asOf}.
	 * @param thresholds the lines to measure headroom against (e.g. {@link Thresholds#NATIONAL_2024})
	 */
	public LedgerStatus status(String processor, int year, LocalDate asOf, Thresholds thresholds) {
		String p = EventSpec.processor(processor);
		if (asOf.getYear() != year) {
			throw new LedgerInputException("as-of", "as-of date " + asOf + " is not in " + year);
		}
		try {
			// the common case in one statement on a plain connection; a day inside a month with later events reads
			// bitmaps, in one repeatable-read transaction
			Tallies.Snapshot snapshot;
			try (Connection c = this.database.connection()) {
				snapshot = Tallies.snapshot(c, p, year, asOf);
			}
			if (snapshot.laterInMonth() == 0) {
				return status(null, snapshot, p, year, asOf, thresholds);
			}
			try (Connection c = readConnection()) {
				try {
					return status(c, Tallies.snapshot(c, p, year, asOf), p, year, asOf, thresholds);
				}
				finally {
					c.commit();
				}
			}
		}
		catch (SQLException ex) {
			throw new LedgerException("database error while reading the ledger: " + DatabaseErrors.describe(ex), ex);
		}
	}

	/**
	 * The status of a processor's year: up to today for the current year, up to 31 December for a past year; for a
	 * year with events dated later than that, up to the last of them.
	 */
	public LedgerStatus status(String processor, int year, Thresholds thresholds) {
		return status(processor, year, defaultAsOf(processor, year), thresholds);
	}

	private LocalDate defaultAsOf(String processor, int year) {
		LocalDate today = today();
		LocalDate asOf = (year < today.getYear()) ? LocalDate.of(year, 12, 31)
				: (year == today.getYear()) ? today : LocalDate.of(year, 1, 1);
		try (Connection c = readConnection();
				PreparedStatement ps = c.prepareStatement(
						"select max(event_date) from ledger_event where processor = ? and event_year = ?")) {
			ps.setString(1, processor);
			ps.setInt(2, year);
			try (ResultSet rs = ps.executeQuery()) {
				if (rs.next() && rs.getDate(1) != null && rs.getDate(1).toLocalDate().isAfter(asOf)) {
					asOf = rs.getDate(1).toLocalDate();
				}
			}
			c.commit();
		}
		catch (SQLException ex) {
			throw new LedgerException("database error while reading the ledger: " + DatabaseErrors.describe(ex), ex);
		}
		return asOf;
	}

	/**
	 * The counted persons of {@code processor} from 1 January of {@code date}'s year up to {@code date}, inclusive:
	 * the {@code priorThisYear} of a decision for an export on that date.
	 */
	public LedgerCounts countsUpTo(String processor, LocalDate date) {
		// the version is read before the counts: a write committed in between makes the next call read them again
		long version = version();
		String key = processor + '\u0000' + date;
		RememberedCounts remembered = this.remembered.get(key);
		if (remembered != null && remembered.version() == version) {
			return remembered.counts();
		}
		LedgerStatus s = status(processor, date.getYear(), date, Thresholds.NONE);
		LedgerCounts counts = new LedgerCounts(s.processor(), date, s.individuals(), s.sensitiveIndividuals(), s.events(),
				s.exemptBasesCounted());
		if (this.remembered.size() >= REMEMBERED_MAX) {
			this.remembered.clear();
		}
		this.remembered.put(key, new RememberedCounts(version, counts));
		return counts;
	}

	/** Counts of {@link #countsUpTo} as of a ledger version. */
	private record RememberedCounts(long version, LedgerCounts counts) {
	}

	/** The ledger's write counter ({@code ledger_lock.version}). */
	long version() {
		try (Connection c = this.database.connection();
				PreparedStatement ps = c.prepareStatement("select version from ledger_lock where id = 1");
				ResultSet rs = ps.executeQuery()) {
			if (!rs.next()) {
				throw new LedgerException("the ledger's lock row is missing: the schema is damaged");
			}
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new LedgerException("database error while reading the ledger: " + DatabaseErrors.describe(ex), ex);
		}
	}

	private Connection readConnection() throws SQLException {
		Connection c = this.database.connection();
		c.setAutoCommit(false);
		c.setReadOnly(true);
		// one snapshot for all the reads of a status (the pool resets these settings when the connection returns)
		c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		return c;
	}

	/**
	 * A second connection for reading the person directory ahead (one snapshot, read-only). The caller holds the
	 * ledger lock when it writes, so what it reads ahead cannot change under it.
	 */
	private Connection readAheadConnection() throws SQLException {
		return readConnection();
	}

	private Key countedKey(boolean sensitive) {
		return this.settings.countExemptBases() ? new Key(Tallies.ALL, "", sensitive)
				: new Key(Tallies.BASIS, Basis.NONE.name(), sensitive);
	}

	private LedgerStatus status(Connection c, Tallies.Snapshot snapshot, String processor, int year, LocalDate asOf,
			Thresholds thresholds) throws SQLException {
		int month = asOf.getMonthValue();
		// series -> month -> cardinality
		Map<Key, TreeMap<Integer, Long>> series = new LinkedHashMap<>();
		for (Tallies.Row r : snapshot.rows()) {
			series.computeIfAbsent(r.key(), k -> new TreeMap<>()).put(r.month(), r.persons());
		}
		long events = snapshot.events();
		LocalDate last = snapshot.lastEventDate();
		if (snapshot.laterInMonth() > 0) {
			// the month's rows include events after asOf: that month comes from the events themselves
			Map<Key, Long> partial = partialMonth(c, processor, year, asOf);
			for (Map.Entry<Key, TreeMap<Integer, Long>> e : series.entrySet()) {
				e.getValue().remove(month);
			}
			for (Map.Entry<Key, Long> e : partial.entrySet()) {
				series.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).put(month, e.getValue());
			}
		}
		boolean countExempt = this.settings.countExemptBases();
		long individuals = at(series, countedKey(false), month);
		long sensitive = at(series, countedKey(true), month);
		ClassCounts exempt = new ClassCounts(at(series, new Key(Tallies.EXEMPT, "", false), month),
				at(series, new Key(Tallies.EXEMPT, "", true), month));
		ClassCounts counted = new ClassCounts(individuals, sensitive);
		List<Headroom> headroom = thresholds.headroom(counted);
		List<Headroom> alerts = headroom.stream().filter(h -> h.alert() > 0).toList();

		List<LedgerStatus.Month> months = new ArrayList<>();
		long prevN = 0;
		long prevS = 0;
		for (int m = 1; m <= month; m++) {
			long n = at(series, countedKey(false), m);
			long s = at(series, countedKey(true), m);
			months.add(new LedgerStatus.Month(YearMonth.of(year, m), n, s, n - prevN, s - prevS,
					new ClassCounts(at(series, new Key(Tallies.EXEMPT, "", false), m),
							at(series, new Key(Tallies.EXEMPT, "", true), m))));
			prevN = n;
			prevS = s;
		}

		TreeSet<String> recipientNames = new TreeSet<>();
		Map<Basis, long[]> bases = new EnumMap<>(Basis.class);
		for (Key k : series.keySet()) {
			if (k.dimension().equals(Tallies.RECIPIENT)) {
				recipientNames.add(k.value());
			}
			if (k.dimension().equals(Tallies.BASIS)) {
				long v = at(series, k, month);
				if (v > 0) {
					bases.computeIfAbsent(Basis.valueOf(k.value()), b -> new long[2])[k.sensitive() ? 1 : 0] = v;
				}
			}
		}
		List<LedgerStatus.Recipient> recipients = new ArrayList<>();
		String countedDim = countExempt ? Tallies.RECIPIENT : Tallies.RECIPIENT_COUNTED;
		for (String r : recipientNames) {
			long n = at(series, new Key(countedDim, r, false), month);
			long s = at(series, new Key(countedDim, r, true), month);
			ClassCounts ex = new ClassCounts(at(series, new Key(Tallies.RECIPIENT_EXEMPT, r, false), month),
					at(series, new Key(Tallies.RECIPIENT_EXEMPT, r, true), month));
			if (n + s + ex.individuals() + ex.sensitiveIndividuals() > 0) {
				recipients.add(new LedgerStatus.Recipient(r, n, s, ex));
			}
		}
		List<LedgerStatus.BasisCounts> basisCounts = new ArrayList<>();
		for (Map.Entry<Basis, long[]> e : bases.entrySet()) {
			basisCounts.add(new LedgerStatus.BasisCounts(e.getKey(), counts(e.getKey()), e.getValue()[0],
					e.getValue()[1]));
		}
		return new LedgerStatus(processor, year, asOf, individuals, sensitive, exempt, countExempt, events, last,
				thresholds.source(), headroom, alerts, months, recipients, basisCounts);
	}

	/** The value of a series at the end of month {@code m}: its latest row up to m, or 0. */
	private static long at(Map<Key, TreeMap<Integer, Long>> series, Key key, int m) {
		TreeMap<Integer, Long> months = series.get(key);
		if (months == null) {
			return 0;
		}
		Map.Entry<Integer, Long> e = months.floorEntry(m);
		return (e != null) ? e.getValue() : 0;
	}

	/**
	 * The value at {@code asOf} of every series that has events in {@code asOf}'s month up to that day: last month's
	 * rows plus those events. (The other series keep their value of the month before.)
	 */
	private Map<Key, Long> partialMonth(Connection c, String processor, int year, LocalDate asOf) throws SQLException {
		Map<Key, RoaringBitmap> acc = new HashMap<>(Tallies.before(c, processor, year, asOf.getMonthValue()));
		Set<Key> touched = new HashSet<>();
		try (PreparedStatement ps = c.prepareStatement("select e.basis, e.recipient, p.sensitive, p.bitmap"
				+ " from ledger_event e join ledger_event_persons p on p.event_id = e.id"
				+ " where e.processor = ? and e.event_year = ? and e.event_date >= ? and e.event_date <= ?")) {
			ps.setString(1, processor);
			ps.setInt(2, year);
			ps.setDate(3, Date.valueOf(asOf.withDayOfMonth(1)));
			ps.setDate(4, Date.valueOf(asOf));
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					RoaringBitmap persons = Bitmaps.fromBytes(rs.getBytes(4));
					for (Key k : Tallies.keysOf(Basis.valueOf(rs.getString(1)), rs.getString(2), rs.getBoolean(3))) {
						acc.computeIfAbsent(k, x -> new RoaringBitmap()).or(persons);
						touched.add(k);
					}
				}
			}
		}
		Map<Key, Long> out = new HashMap<>();
		for (Key k : touched) {
			out.put(k, acc.get(k).getLongCardinality());
		}
		return out;
	}

	// ---------------------------------------------------------------- what if

	/**
	 * How many new persons {@code persons} would add to {@code processor}'s year of {@code date} under
	 * {@code basis}, without recording anything. Invalid rows are counted and reported, not fatal.
	 */
	public WhatIf whatIf(String processor, LocalDate date, Basis basis, Persons persons, Thresholds thresholds) {
		String p = EventSpec.processor(processor);
		Basis b = (basis != null) ? basis : Basis.NONE;
		Read read = read(List.of(persons), IngestListener.NONE);
		try (Windows windows = read.windows(null, null); Connection c = readConnection()) {
			IdBuffer knownIds = new IdBuffer();
			long[] unknown = { 0 };
			// inline reads: a what-if takes one connection only, so that many at once cannot exhaust the pool
			this.directory.resolve(c, null, windows, false, 0, (id, parts, created) -> {
				if (id >= 0) {
					knownIds.add((int) id);
				}
				else {
					unknown[0]++;
				}
			});
			RoaringBitmap known = knownIds.bitmap();
			boolean sensitive = persons.personClass().sensitive();
			int year = date.getYear();
			RoaringBitmap sameKind = latest(c, p, year, Tallies.yearKey(b, sensitive));
			RoaringBitmap counted = latest(c, p, year, countedKey(sensitive));
			c.commit();
			long distinct = known.getLongCardinality() + unknown[0];
			long already = RoaringBitmap.andCardinality(known, sameKind);
			boolean counts = counts(b);
			long before = counted.getLongCardinality();
			long after = counts ? RoaringBitmap.orCardinality(counted, known) + unknown[0] : before;
			ClassCounts afterCounts = sensitive ? new ClassCounts(0, after) : new ClassCounts(after, 0);
			List<Headroom> headroom = thresholds.headroom(afterCounts)
				.stream()
				.filter(h -> h.personClass() == persons.personClass())
				.toList();
			return new WhatIf(p, date, b, persons.personClass(), read.rows, read.invalid.count(), read.invalid.rows(),
					distinct, already, distinct - already, counts, before, after, headroom);
		}
		catch (SQLException ex) {
			throw new LedgerException("database error while reading the ledger: " + DatabaseErrors.describe(ex), ex);
		}
		finally {
			read.close();
		}
	}

	/** The latest (whole-year) bitmap of a series, or empty. */
	private static RoaringBitmap latest(Connection c, String processor, int year, Key key) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("select bitmap from ledger_tally where processor = ?"
				+ " and tally_year = ? and dimension = ? and dimension_value = ? and sensitive = ?"
				+ " order by tally_month desc")) {
			ps.setString(1, processor);
			ps.setInt(2, year);
			ps.setString(3, key.dimension());
			ps.setString(4, key.value());
			ps.setBoolean(5, key.sensitive());
			ps.setMaxRows(1);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Bitmaps.fromBytes(rs.getBytes(1)) : new RoaringBitmap();
			}
		}
	}

	// ---------------------------------------------------------------- events

	/** The recorded event under a key, if any. */
	public Optional<EventSummary> event(String processor, String eventKey) {
		try (Connection c = readConnection()) {
			Optional<EventSummary> e = storedEvent(c, processor, eventKey).map(StoredEvent::summary);
			c.commit();
			return e;
		}
		catch (SQLException ex) {
			throw new LedgerException("database error while reading the ledger: " + DatabaseErrors.describe(ex), ex);
		}
	}

	/** The events of a processor's year, by date then recording order. */
	public List<EventSummary> events(String processor, int year) {
		List<EventSummary> out = new ArrayList<>();
		try (Connection c = readConnection()) {
			List<String> keys = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement("select event_key from ledger_event where processor = ?"
					+ " and event_year = ? order by event_date, id")) {
				ps.setString(1, processor);
				ps.setInt(2, year);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						keys.add(rs.getString(1));
					}
				}
			}
			for (String k : keys) {
				storedEvent(c, processor, k).ifPresent(e -> out.add(e.summary()));
			}
			c.commit();
		}
		catch (SQLException ex) {
			throw new LedgerException("database error while reading the ledger: " + DatabaseErrors.describe(ex), ex);
		}
		return out;
	}

	/**
	 * Recomputes a processor-year's cached counts from its events (the record of truth). Takes the ledger lock.
	 */
	public void rebuild(String processor, int year) {
		try (Connection c = this.database.connection()) {
			c.setAutoCommit(false);
			try {
				lock(c);
				try (PreparedStatement ps = c.prepareStatement("update ledger_lock set version = version + 1 where id = 1")) {
					ps.executeUpdate();
				}
				Tallies.clear(c, processor, year);
				try (PreparedStatement ps = c.prepareStatement("select e.id, e.event_date, e.basis, e.recipient,"
						+ " p.sensitive, p.bitmap from ledger_event e join ledger_event_persons p on p.event_id = e.id"
						+ " where e.processor = ? and e.event_year = ? order by e.event_date, e.id, p.sensitive")) {
					ps.setString(1, processor);
					ps.setInt(2, year);
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							Tallies.add(c, processor, year, rs.getDate(2).toLocalDate().getMonthValue(),
									Basis.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5),
									Bitmaps.fromBytes(rs.getBytes(6)));
						}
					}
				}
				c.commit();
			}
			catch (SQLException | RuntimeException ex) {
				rollbackQuietly(c);
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new LedgerException("database error while rebuilding the counts: " + DatabaseErrors.describe(ex), ex);
		}
	}

	// ---------------------------------------------------------------- key check

	private void checkKey() {
		String check = this.key.check();
		try (Connection c = this.database.connection()) {
			String stored = readCheck(c);
			if (stored == null) {
				// SQL every dialect accepts (no ON CONFLICT): a concurrent first start may win the insert
				try (PreparedStatement ps = c.prepareStatement("insert into ledger_meta (name, val) select 'key_check', ?"
						+ " where not exists (select 1 from ledger_meta where name = 'key_check')")) {
					ps.setString(1, check);
					ps.executeUpdate();
				}
				catch (SQLException ex) {
					if (ex.getSQLState() == null || !ex.getSQLState().startsWith("23")) {
						throw ex;
					}
				}
				stored = readCheck(c);
			}
			if (!check.equals(stored)) {
				throw new LedgerKeyException("the ledger key in use (fingerprint " + this.key.fingerprint()
						+ ") is not the key this ledger was created with. Set " + LedgerKey.ENV
						+ " to the original key (or restore " + LedgerKey.FILE_NAME + " from its backup); with another key"
						+ " every person would be counted anew.");
			}
		}
		catch (SQLException ex) {
			throw new LedgerException("database error while checking the ledger key: " + DatabaseErrors.describe(ex), ex);
		}
	}

	private static String readCheck(Connection c) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("select val from ledger_meta where name = 'key_check'");
				ResultSet rs = ps.executeQuery()) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private static void rollbackQuietly(Connection c) {
		try {
			c.rollback();
		}
		catch (SQLException ex) {
			// the original failure matters more
		}
	}

	@Override
	public void close() {
		if (this.ownsDatabase) {
			this.database.close();
		}
	}

}
