package cn.outbound.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.roaringbitmap.RoaringBitmap;

import cn.outbound.ledger.db.Database;
import cn.outbound.ledger.internal.Bitmaps;
import cn.outbound.ledger.internal.PersonDirectory;
import cn.outbound.ledger.internal.Tallies;
import cn.outbound.ledger.internal.Tallies.Key;
import cn.outbound.ledger.internal.Windows;
import cn.outbound.rules.Basis;

/**
 * What a file would add to a processor's year ({@link Ledger#whatIf}), without recording it: its persons read and
 * hashed as for a record, looked up in the person directory (on one connection, so many at once cannot exhaust the
 * pool), and measured against the year's latest tallies.
 */
final class WhatIfReader {

	private final Database database;

	private final LedgerKey key;

	private final LedgerSettings settings;

	private final PersonDirectory directory;

	WhatIfReader(Database database, LedgerKey key, LedgerSettings settings) {
		this.database = database;
		this.key = key;
		this.settings = settings;
		this.directory = new PersonDirectory(database.dialect());
	}

	/** See {@link Ledger#whatIf}. */
	WhatIf whatIf(String processor, LocalDate date, Basis basis, Persons persons, Thresholds thresholds) {
		String p = EventSpec.processor(processor);
		Basis b = (basis != null) ? basis : Basis.NONE;
		HashedParts read = new HashedParts();
		try {
			read.read(List.of(persons), this.key, this.settings, IngestListener.NONE);
			try (Windows windows = read.windows(null, null); Connection c = LedgerSql.readConnection(this.database)) {
				EventWriter.IdBuffer knownIds = new EventWriter.IdBuffer();
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
				RoaringBitmap counted = latest(c, p, year, StatusReader.countedKey(this.settings, sensitive));
				c.commit();
				long distinct = known.getLongCardinality() + unknown[0];
				long already = RoaringBitmap.andCardinality(known, sameKind);
				boolean counts = this.settings.counts(b);
				long before = counted.getLongCardinality();
				long after = counts ? RoaringBitmap.orCardinality(counted, known) + unknown[0] : before;
				ClassCounts afterCounts = sensitive ? new ClassCounts(0, after) : new ClassCounts(after, 0);
				List<Headroom> headroom = thresholds.headroom(afterCounts)
					.stream()
					.filter(h -> h.personClass() == persons.personClass())
					.toList();
				return new WhatIf(p, date, b, persons.personClass(), read.rows, read.invalid.count(), read.invalidRows(),
						distinct, already, distinct - already, counts, before, after, headroom);
			}
			catch (SQLException ex) {
				throw LedgerSql.readError(ex);
			}
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

}
