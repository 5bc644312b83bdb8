package cn.outbound.ledger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.roaringbitmap.RoaringBitmap;

import cn.outbound.ledger.db.Database;
import cn.outbound.ledger.internal.Bitmaps;
import cn.outbound.ledger.internal.Tallies;
import cn.outbound.ledger.internal.Tallies.Key;
import cn.outbound.rules.Basis;

/**
 * The status of a processor's year ({@link Ledger#status}): from the cached monthly tallies ({@link Tallies}), one
 * series per dimension (counted, exempt, per recipient, per basis; each per class), read at the month of the as-of
 * day; a day inside a month with later events reads that month from the events themselves. Counted and exempt persons,
 * headroom and alerts against the thresholds given, the months, the recipients and the bases.
 */
final class StatusReader {

	private final Database database;

	private final LedgerSettings settings;

	StatusReader(Database database, LedgerSettings settings) {
		this.database = database;
		this.settings = settings;
	}

	/** See {@link Ledger#status(String, int, LocalDate, Thresholds)}. */
	LedgerStatus status(String processor, int year, LocalDate asOf, Thresholds thresholds) {
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
			try (Connection c = LedgerSql.readConnection(this.database)) {
				try {
					return status(c, Tallies.snapshot(c, p, year, asOf), p, year, asOf, thresholds);
				}
				finally {
					c.commit();
				}
			}
		}
		catch (SQLException ex) {
			throw LedgerSql.readError(ex);
		}
	}

	/**
	 * The default as-of day of a year's status: today for the current year, 31 December for a past year; for a year
	 * with events dated later than that, the last of them.
	 */
	LocalDate defaultAsOf(String processor, int year, LocalDate today) {
		LocalDate asOf = (year < today.getYear()) ? LocalDate.of(year, 12, 31)
				: (year == today.getYear()) ? today : LocalDate.of(year, 1, 1);
		try (Connection c = LedgerSql.readConnection(this.database);
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
			throw LedgerSql.readError(ex);
		}
		return asOf;
	}

	/** The series of counted persons of a class: without exempt bases, or all of them when the settings count those. */
	static Key countedKey(LedgerSettings settings, boolean sensitive) {
		return settings.countExemptBases() ? new Key(Tallies.ALL, "", sensitive)
				: new Key(Tallies.BASIS, Basis.NONE.name(), sensitive);
	}

	private Key countedKey(boolean sensitive) {
		return countedKey(this.settings, sensitive);
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
			basisCounts.add(new LedgerStatus.BasisCounts(e.getKey(), this.settings.counts(e.getKey()), e.getValue()[0],
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
	private static Map<Key, Long> partialMonth(Connection c, String processor, int year, LocalDate asOf)
			throws SQLException {
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

}
