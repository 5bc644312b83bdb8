package cn.outbound.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.Semaphore;

import org.roaringbitmap.RoaringBitmap;

import cn.outbound.ledger.IngestListener.Phase;
import cn.outbound.ledger.db.Database;
import cn.outbound.ledger.db.DatabaseErrors;
import cn.outbound.ledger.db.LedgerException;
import cn.outbound.ledger.internal.Bitmaps;
import cn.outbound.ledger.internal.PersonDirectory;
import cn.outbound.ledger.internal.Tallies;
import cn.outbound.ledger.internal.Windows;
import cn.outbound.rules.Basis;

/**
 * The ledger's record path ({@link Ledger#record}, {@link Ledger#recordHashed}, {@link Ledger#rebuild}): every part
 * read and hashed to the end first ({@link HashedParts}), then, under the ledger lock and in one transaction, the new
 * persons ({@link PersonDirectory}), the event, its persons per class and the counts ({@link Tallies}); the event key
 * makes a repeat a no-op, a different event under a used key a conflict.
 */
final class EventWriter {

	private final Database database;

	private final LedgerKey key;

	private final LedgerSettings settings;

	private final PersonDirectory directory;

	EventWriter(Database database, LedgerKey key, LedgerSettings settings) {
		this.database = database;
		this.key = key;
		this.settings = settings;
		this.directory = new PersonDirectory(database.dialect());
	}

	/** See {@link Ledger#record(EventSpec, List, IngestOptions)}. */
	RecordResult record(EventSpec event, List<Persons> parts, IngestOptions options) {
		if (parts.isEmpty()) {
			throw new LedgerInputException("ids", "an event needs at least one set of persons");
		}
		IngestListener listener = options.listener();
		listener.phase(Phase.READING);
		HashedParts read = new HashedParts();
		try {
			read.read(parts, this.key, this.settings, listener);
			if (read.invalid.count() > 0 && !options.skipInvalid()) {
				throw new InvalidIdentifiersException(read.invalidRows(), read.invalid.count(), read.rows);
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

	/** See {@link Ledger#recordHashed}. */
	RecordResult recordHashed(EventSpec event, List<HashedPersons> parts, IngestListener listener) {
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
		HashedParts read = new HashedParts();
		try {
			read.readHashed(parts, this.settings, l);
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

	private RecordResult write(EventSpec event, List<PersonClass> parts, HashedParts read) {
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

	private RecordResult writeGated(EventSpec event, List<PersonClass> parts, HashedParts read) {
		MessageDigest hashDigest = sha256();
		MessageDigest partsDigest = sha256();
		try (Connection c = this.database.connection(); Windows windows = read.windows(hashDigest, partsDigest)) {
			c.setAutoCommit(false);
			try {
				long nextId = LedgerSql.lock(c);
				Optional<EventReader.StoredEvent> existing = EventReader.storedEvent(c, event.processor(),
						event.eventKey());
				if (existing.isPresent()) {
					Windows.Window w;
					while ((w = windows.next()) != null) {
						windows.release(w);
					}
					c.rollback();
					if (!MessageDigest.isEqual(eventDigest(event, parts, hashDigest, partsDigest),
							existing.get().digest())) {
						throw new EventKeyConflictException(event.processor(), event.eventKey());
					}
					EventSummary s = existing.get().summary();
					return new RecordResult(RecordResult.Outcome.ALREADY_RECORDED, existing.get().id(), s.event(),
							read.rows, read.invalid.count(), read.invalidRows(), s.parts(),
							this.settings.counts(s.event().basis()));
				}
				int[] classMask = classMasks(parts);
				IdBuffer[] byClass = { new IdBuffer(), new IdBuffer() };
				PersonDirectory.Resolved resolved = this.directory.resolve(c, LedgerSql.readConnection(this.database),
						windows, true, nextId, (id, p, created) -> {
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
				try (PreparedStatement ps = c.prepareStatement(
						"update ledger_lock set next_person_id = ?, version = version + 1 where id = 1")) {
					ps.setLong(1, resolved.nextId());
					ps.executeUpdate();
				}
				c.commit();
				return new RecordResult(RecordResult.Outcome.RECORDED, eventId, event, read.rows, read.invalid.count(),
						read.invalidRows(), resultParts, this.settings.counts(event.basis()));
			}
			catch (SQLException | RuntimeException ex) {
				LedgerSql.rollbackQuietly(c);
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new LedgerException("database error while recording event '" + event.eventKey() + "': "
					+ DatabaseErrors.describe(ex), ex);
		}
	}

	/** See {@link Ledger#rebuild}. */
	void rebuild(String processor, int year) {
		try (Connection c = this.database.connection()) {
			c.setAutoCommit(false);
			try {
				LedgerSql.lock(c);
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
				LedgerSql.rollbackQuietly(c);
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new LedgerException("database error while rebuilding the counts: " + DatabaseErrors.describe(ex), ex);
		}
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

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
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

	/** Ids collected in batches, added to a bitmap in bulk. */
	static final class IdBuffer {

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

}
