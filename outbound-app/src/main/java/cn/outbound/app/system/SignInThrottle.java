package cn.outbound.app.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins per account and per client address within a sliding window. Past the limit of either, sign-in is
 * refused (without checking the password) until the oldest failure leaves the window. The failures are kept in the
 * database (table {@code sign_in_failure}), so every instance of a deployment counts the same failures (#13); each
 * account or address keeps no more rows than its limit (a failure past it is not written), and failures that left
 * the window are removed by the housekeeping job. Names and addresses are kept as their SHA-256 only: what someone
 * typed is not stored.
 * <p>
 * When the database cannot be asked, a sign-in is not refused here (its password check then fails on the same
 * database anyway) and the failure is not counted.
 */
final class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private static final String ACCOUNT = "account";

	private static final String ADDRESS = "address";

	private final DataSource dataSource;

	private final int perAccount;

	private final int perAddress;

	private final long windowMillis;

	SignInThrottle(DataSource dataSource, OutboundSettings.Session settings) {
		this.dataSource = dataSource;
		this.perAccount = Math.max(1, settings.maxFailuresPerAccount());
		this.perAddress = Math.max(1, settings.maxFailuresPerAddress());
		this.windowMillis = settings.failureWindow().toMillis();
	}

	/** Whether a sign-in of this account from this address is refused now. */
	boolean refused(String account, String address, long now) {
		try (Connection c = this.dataSource.getConnection()) {
			return count(c, ACCOUNT, account, now) >= this.perAccount || count(c, ADDRESS, address, now) >= this.perAddress;
		}
		catch (SQLException ex) {
			log.warn("Could not read the sign-in failures: {}", ex.getMessage());
			return false;
		}
	}

	/**
	 * Counts a failure.
	 * @return whether it is still within both limits (false from the failure that reaches a limit on): only those are
	 * audited one by one, so a flood cannot grow the audit log
	 */
	boolean failed(String account, String address, long now) {
		try (Connection c = this.dataSource.getConnection()) {
			int accounts = count(c, ACCOUNT, account, now);
			int addresses = count(c, ADDRESS, address, now);
			if (accounts < this.perAccount) {
				add(c, ACCOUNT, account, now);
			}
			if (addresses < this.perAddress) {
				add(c, ADDRESS, address, now);
			}
			return accounts < this.perAccount && addresses < this.perAddress;
		}
		catch (SQLException ex) {
			log.warn("Could not count a failed sign-in: {}", ex.getMessage());
			return true;
		}
	}

	/** A successful sign-in clears its account's failures (not its address's). */
	void succeeded(String account) {
		if (account == null) {
			return;
		}
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement("delete from sign_in_failure where kind = ? and subject = ?")) {
			ps.setString(1, ACCOUNT);
			ps.setString(2, subject(ACCOUNT, account));
			ps.executeUpdate();
		}
		catch (SQLException ex) {
			log.warn("Could not clear the sign-in failures of an account: {}", ex.getMessage());
		}
	}

	/** Removes the failures that left the window; returns how many. */
	int purge(long now) throws SQLException {
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement("delete from sign_in_failure where at_millis <= ?")) {
			ps.setLong(1, now - this.windowMillis);
			return ps.executeUpdate();
		}
	}

	private int count(Connection c, String kind, String key, long now) throws SQLException {
		if (key == null) {
			return 0;
		}
		try (PreparedStatement ps = c.prepareStatement(
				"select count(*) from sign_in_failure where kind = ? and subject = ? and at_millis > ? and at_millis <= ?")) {
			ps.setString(1, kind);
			ps.setString(2, subject(kind, key));
			ps.setLong(3, now - this.windowMillis);
			ps.setLong(4, now);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	private static void add(Connection c, String kind, String key, long now) throws SQLException {
		if (key == null) {
			return;
		}
		try (PreparedStatement ps = c
			.prepareStatement("insert into sign_in_failure (kind, subject, at_millis) values (?, ?, ?)")) {
			ps.setString(1, kind);
			ps.setString(2, subject(kind, key));
			ps.setLong(3, now);
			ps.executeUpdate();
		}
	}

	private static String subject(String kind, String key) {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(md.digest((kind + ":" + key).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
