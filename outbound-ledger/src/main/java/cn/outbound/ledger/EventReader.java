package cn.outbound.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.outbound.ledger.db.Database;
import cn.outbound.rules.Basis;

/** The recorded events ({@link Ledger#event}, {@link Ledger#events}): what was recorded, when, and its persons. */
final class EventReader {

	private final Database database;

	EventReader(Database database) {
		this.database = database;
	}

	/** An event as stored: its id, its digest (what makes it the same event) and its summary. */
	record StoredEvent(long id, byte[] digest, EventSummary summary) {
	}

	/** See {@link Ledger#event}. */
	Optional<EventSummary> event(String processor, String eventKey) {
		try (Connection c = LedgerSql.readConnection(this.database)) {
			Optional<EventSummary> e = storedEvent(c, processor, eventKey).map(StoredEvent::summary);
			c.commit();
			return e;
		}
		catch (SQLException ex) {
			throw LedgerSql.readError(ex);
		}
	}

	/** See {@link Ledger#events}. */
	List<EventSummary> events(String processor, int year) {
		List<EventSummary> out = new ArrayList<>();
		try (Connection c = LedgerSql.readConnection(this.database)) {
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
			throw LedgerSql.readError(ex);
		}
		return out;
	}

	/** The event stored under a key, read on {@code c}. */
	static Optional<StoredEvent> storedEvent(Connection c, String processor, String eventKey) throws SQLException {
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

}
