package cn.outbound.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.roaringbitmap.RoaringBitmap;

import cn.outbound.rules.Basis;

/**
 * The derived cache {@code ledger_tally}: per processor, year, class and dimension, the cumulative union of the
 * persons of every event in months 1..m, one row per month that had events. Status reads only the stored
 * cardinalities; bitmaps are read when an event is added, or when a status is asked as of a day inside a month
 * that has later events.
 */
public final class Tallies {

	public static final String BASIS = "basis";

	public static final String EXEMPT = "exempt";

	public static final String ALL = "all";

	public static final String RECIPIENT = "recipient";

	public static final String RECIPIENT_COUNTED = "recipient-counted";

	public static final String RECIPIENT_EXEMPT = "recipient-exempt";

	/** One tally series. */
	public record Key(String dimension, String value, boolean sensitive) {
	}

	/** The series an event of this basis and recipient belongs to. */
	public static List<Key> keysOf(Basis basis, String recipient, boolean sensitive) {
		List<Key> keys = new ArrayList<>();
		keys.add(new Key(BASIS, basis.name(), sensitive));
		if (basis.exempt()) {
			keys.add(new Key(EXEMPT, "", sensitive));
		}
		keys.add(new Key(ALL, "", sensitive));
		keys.add(new Key(RECIPIENT, recipient, sensitive));
		keys.add(new Key(basis.exempt() ? RECIPIENT_EXEMPT : RECIPIENT_COUNTED, recipient, sensitive));
		return keys;
	}

	/** The series that says whether a person is already in the year under a basis of the same kind. */
	public static Key yearKey(Basis basis, boolean sensitive) {
		return basis.exempt() ? new Key(EXEMPT, "", sensitive) : new Key(BASIS, Basis.NONE.name(), sensitive);
	}

	private Tallies() {
	}

	/**
	 * Adds {@code persons} to every series of the event from {@code month} on. Runs under the ledger lock.
	 * @return how many of {@code persons} were not yet in the year's series of the same kind (counted or exempt)
	 */
	public static long add(Connection c, String processor, int year, int month, Basis basis, String recipient,
			boolean sensitive, RoaringBitmap persons) throws SQLException {
		long fresh = -1;
		Key yearKey = yearKey(basis, sensitive);
		for (Key key : keysOf(basis, recipient, sensitive)) {
			TreeMap<Integer, Long> months = months(c, processor, year, key);
			Integer seedMonth = months.lowerKey(month);
			int from = (seedMonth != null) ? seedMonth : month;
			Map<Integer, RoaringBitmap> bitmaps = bitmaps(c, processor, year, key, from);
			if (key.equals(yearKey)) {
				RoaringBitmap latest = months.isEmpty() ? new RoaringBitmap() : bitmaps.getOrDefault(months.lastKey(),
						new RoaringBitmap());
				fresh = persons.getLongCardinality() - RoaringBitmap.andCardinality(persons, latest);
			}
			if (!months.containsKey(month)) {
				RoaringBitmap seed = (seedMonth != null) ? bitmaps.get(seedMonth) : new RoaringBitmap();
				RoaringBitmap row = RoaringBitmap.or(seed, persons);
				insert(c, processor, year, key, month, row);
			}
			for (Map.Entry<Integer, RoaringBitmap> e : bitmaps.entrySet()) {
				if (e.getKey() >= month) {
					RoaringBitmap row = e.getValue();
					long before = row.getLongCardinality();
					row.or(persons);
					if (row.getLongCardinality() != before) {
						update(c, processor, year, key, e.getKey(), row);
					}
				}
			}
		}
		return fresh;
	}

	/** Month to cardinality of a series. */
	static TreeMap<Integer, Long> months(Connection c, String processor, int year, Key key) throws SQLException {
		TreeMap<Integer, Long> out = new TreeMap<>();
		try (PreparedStatement ps = c.prepareStatement("select tally_month, persons from ledger_tally where processor = ?"
				+ " and tally_year = ? and dimension = ? and dimension_value = ? and sensitive = ?")) {
			bindKey(ps, processor, year, key);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.put(rs.getInt(1), rs.getLong(2));
				}
			}
		}
		return out;
	}

	/** The bitmaps of a series from month {@code from} on. */
	static Map<Integer, RoaringBitmap> bitmaps(Connection c, String processor, int year, Key key, int from)
			throws SQLException {
		Map<Integer, RoaringBitmap> out = new TreeMap<>();
		try (PreparedStatement ps = c.prepareStatement("select tally_month, bitmap from ledger_tally where processor = ?"
				+ " and tally_year = ? and dimension = ? and dimension_value = ? and sensitive = ? and tally_month >= ?")) {
			bindKey(ps, processor, year, key);
			ps.setInt(6, from);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.put(rs.getInt(1), Bitmaps.fromBytes(rs.getBytes(2)));
				}
			}
		}
		return out;
	}

	/**
	 * The latest bitmap of every series of a processor-year strictly before {@code month}, keyed by series (used for
	 * a status inside a month).
	 */
	public static Map<Key, RoaringBitmap> before(Connection c, String processor, int year, int month)
			throws SQLException {
		Map<Key, Integer> latest = new HashMap<>();
		try (PreparedStatement ps = c.prepareStatement("select dimension, dimension_value, sensitive, max(tally_month)"
				+ " from ledger_tally where processor = ? and tally_year = ? and tally_month < ?"
				+ " group by dimension, dimension_value, sensitive")) {
			ps.setString(1, processor);
			ps.setInt(2, year);
			ps.setInt(3, month);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					latest.put(new Key(rs.getString(1), rs.getString(2), rs.getBoolean(3)), rs.getInt(4));
				}
			}
		}
		Map<Key, RoaringBitmap> out = new LinkedHashMap<>();
		for (Map.Entry<Key, Integer> e : latest.entrySet()) {
			out.put(e.getKey(), bitmaps(c, processor, year, e.getKey(), e.getValue()).get(e.getValue()));
		}
		return out;
	}

	/** A row of the cache: series, month, cardinality. */
	public record Row(Key key, int month, long persons) {
	}

	/**
	 * What a status needs, in one statement (one round trip, one snapshot): the rows up to {@code asOf}'s month,
	 * the events up to {@code asOf} and their last date, and how many events of that month come after it.
	 */
	public record Snapshot(List<Row> rows, long events, java.time.LocalDate lastEventDate, long laterInMonth) {
	}

	public static Snapshot snapshot(Connection c, String processor, int year, java.time.LocalDate asOf)
			throws SQLException {
		List<Row> rows = new ArrayList<>();
		long events = 0;
		long later = 0;
		java.time.LocalDate last = null;
		java.sql.Date day = java.sql.Date.valueOf(asOf);
		java.sql.Date monthEnd = java.sql.Date.valueOf(asOf.withDayOfMonth(asOf.lengthOfMonth()));
		try (PreparedStatement ps = c.prepareStatement("select 0, dimension, dimension_value, sensitive, tally_month,"
				+ " persons, cast(null as date) from ledger_tally where processor = ? and tally_year = ? and tally_month <= ?"
				+ " union all select 1, cast(null as varchar(24)), cast(null as varchar(200)), cast(null as boolean),"
				+ " cast(null as int), count(*), max(event_date) from ledger_event"
				+ " where processor = ? and event_year = ? and event_date <= ?"
				+ " union all select 2, cast(null as varchar(24)), cast(null as varchar(200)), cast(null as boolean),"
				+ " cast(null as int), count(*), cast(null as date) from ledger_event"
				+ " where processor = ? and event_year = ? and event_date > ? and event_date <= ?")) {
			ps.setString(1, processor);
			ps.setInt(2, year);
			ps.setInt(3, asOf.getMonthValue());
			ps.setString(4, processor);
			ps.setInt(5, year);
			ps.setDate(6, day);
			ps.setString(7, processor);
			ps.setInt(8, year);
			ps.setDate(9, day);
			ps.setDate(10, monthEnd);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					switch (rs.getInt(1)) {
						case 0 -> rows.add(new Row(new Key(rs.getString(2), rs.getString(3), rs.getBoolean(4)), rs.getInt(5),
								rs.getLong(6)));
						case 1 -> {
							events = rs.getLong(6);
							last = (rs.getDate(7) != null) ? rs.getDate(7).toLocalDate() : null;
						}
						default -> later = rs.getLong(6);
					}
				}
			}
		}
		return new Snapshot(rows, events, last, later);
	}

	/** Drops a processor-year's cache (before a rebuild). */
	public static void clear(Connection c, String processor, int year) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("delete from ledger_tally where processor = ? and tally_year = ?")) {
			ps.setString(1, processor);
			ps.setInt(2, year);
			ps.executeUpdate();
		}
	}

	private static void insert(Connection c, String processor, int year, Key key, int month, RoaringBitmap row)
			throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("insert into ledger_tally (processor, tally_year, dimension,"
				+ " dimension_value, sensitive, tally_month, persons, bitmap) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
			bindKey(ps, processor, year, key);
			ps.setInt(6, month);
			ps.setLong(7, row.getLongCardinality());
			ps.setBytes(8, Bitmaps.toBytes(row));
			ps.executeUpdate();
		}
	}

	private static void update(Connection c, String processor, int year, Key key, int month, RoaringBitmap row)
			throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("update ledger_tally set persons = ?, bitmap = ? where processor = ?"
				+ " and tally_year = ? and dimension = ? and dimension_value = ? and sensitive = ? and tally_month = ?")) {
			ps.setLong(1, row.getLongCardinality());
			ps.setBytes(2, Bitmaps.toBytes(row));
			ps.setString(3, processor);
			ps.setInt(4, year);
			ps.setString(5, key.dimension());
			ps.setString(6, key.value());
			ps.setBoolean(7, key.sensitive());
			ps.setInt(8, month);
			ps.executeUpdate();
		}
	}

	private static void bindKey(PreparedStatement ps, String processor, int year, Key key) throws SQLException {
		ps.setString(1, processor);
		ps.setInt(2, year);
		ps.setString(3, key.dimension());
		ps.setString(4, key.value());
		ps.setBoolean(5, key.sensitive());
	}

}
