package cn.outbound.app.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * What one user's next request needs from their last one (a scan report to show and download, a rule-pack edition
 * checked and waiting to be published, questionnaire answers kept over a sign-in), kept for a while under an
 * unguessable id, for that user only. Kept in the database (table {@code short_term_entry}), so that the next request
 * finds it on whichever instance it lands (#13); the oldest entries of a store go first when it is full, and expired
 * ones are removed by the housekeeping job. A database failure is an {@link IllegalStateException}.
 *
 * @param <T> what is kept
 */
public final class ShortTermStore<T> {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** How a value is written to the database and read back. */
	public interface Codec<T> {

		byte[] write(T value) throws IOException;

		T read(byte[] bytes) throws IOException;

	}

	private final DataSource dataSource;

	private final String name;

	private final int capacity;

	private final Duration keep;

	private final Codec<T> codec;

	private final Clock clock;

	/**
	 * @param name the store's name, one per kind of value (at most 40 characters)
	 * @param capacity how many entries the store keeps at most, over all users and instances
	 */
	public ShortTermStore(DataSource dataSource, String name, int capacity, Duration keep, Codec<T> codec) {
		this(dataSource, name, capacity, keep, codec, Clock.systemUTC());
	}

	ShortTermStore(DataSource dataSource, String name, int capacity, Duration keep, Codec<T> codec, Clock clock) {
		this.dataSource = dataSource;
		this.name = name;
		this.capacity = capacity;
		this.keep = keep;
		this.codec = codec;
		this.clock = clock;
	}

	/** Keeps {@code value} for {@code owner}; returns its id (32 hex digits). */
	public String put(String owner, T value) {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String id = HexFormat.of().formatHex(bytes);
		long now = this.clock.millis();
		try (Connection c = this.dataSource.getConnection()) {
			byte[] content = this.codec.write(value);
			try (PreparedStatement ps = c
				.prepareStatement("delete from short_term_entry where store = ? and expires_millis <= ?")) {
				ps.setString(1, this.name);
				ps.setLong(2, now);
				ps.executeUpdate();
			}
			// room for the new entry: the oldest beyond capacity - 1 go
			try (PreparedStatement ps = c.prepareStatement("delete from short_term_entry where store = ? and id in"
					+ " (select id from short_term_entry where store = ? order by expires_millis desc, id"
					+ " offset ? rows)")) {
				ps.setString(1, this.name);
				ps.setString(2, this.name);
				ps.setInt(3, Math.max(0, this.capacity - 1));
				ps.executeUpdate();
			}
			try (PreparedStatement ps = c.prepareStatement(
					"insert into short_term_entry (id, store, owner, expires_millis, content) values (?, ?, ?, ?, ?)")) {
				ps.setString(1, id);
				ps.setString(2, this.name);
				ps.setString(3, owner);
				ps.setLong(4, now + this.keep.toMillis());
				ps.setBytes(5, content);
				ps.executeUpdate();
			}
			return id;
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("could not keep a " + this.name + " entry: " + ex.getMessage(), ex);
		}
	}

	/** The value kept under {@code id} for {@code owner}; empty when unknown, expired or someone else's. */
	public Optional<T> get(String id, String owner) {
		try (Connection c = this.dataSource.getConnection()) {
			return read(c, id, owner);
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("could not read a " + this.name + " entry: " + ex.getMessage(), ex);
		}
	}

	/** Takes the value out: a second request with the same id, on any instance, finds nothing. */
	public Optional<T> remove(String id, String owner) {
		try (Connection c = this.dataSource.getConnection()) {
			Optional<T> found = read(c, id, owner);
			if (found.isEmpty()) {
				return found;
			}
			try (PreparedStatement ps = c
				.prepareStatement("delete from short_term_entry where id = ? and store = ? and owner = ?")) {
				ps.setString(1, id);
				ps.setString(2, this.name);
				ps.setString(3, owner);
				// only the request that deleted the row has taken it
				return (ps.executeUpdate() == 1) ? found : Optional.empty();
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("could not take a " + this.name + " entry: " + ex.getMessage(), ex);
		}
	}

	/** How many entries the store holds now (not expired). */
	public int size() {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c
			.prepareStatement("select count(*) from short_term_entry where store = ? and expires_millis > ?")) {
			ps.setString(1, this.name);
			ps.setLong(2, this.clock.millis());
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not count " + this.name + " entries: " + ex.getMessage(), ex);
		}
	}

	/** Removes the expired entries of every store; returns how many. */
	public static int purge(DataSource dataSource, long nowMillis) throws SQLException {
		try (Connection c = dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement("delete from short_term_entry where expires_millis <= ?")) {
			ps.setLong(1, nowMillis);
			return ps.executeUpdate();
		}
	}

	private Optional<T> read(Connection c, String id, String owner) throws SQLException, IOException {
		if (id == null || owner == null) {
			return Optional.empty();
		}
		try (PreparedStatement ps = c.prepareStatement("select content from short_term_entry where id = ? and store = ?"
				+ " and owner = ? and expires_millis > ?")) {
			ps.setString(1, id);
			ps.setString(2, this.name);
			ps.setString(3, owner);
			ps.setLong(4, this.clock.millis());
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(this.codec.read(rs.getBytes(1))) : Optional.empty();
			}
		}
	}

}
