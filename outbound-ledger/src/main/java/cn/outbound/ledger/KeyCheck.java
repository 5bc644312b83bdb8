package cn.outbound.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import cn.outbound.ledger.db.Database;
import cn.outbound.ledger.db.DatabaseErrors;
import cn.outbound.ledger.db.LedgerException;

/**
 * The check that a ledger is opened under the key it was created with: the first opening stores the key's check
 * value, every later one compares (with another key every person would be counted anew).
 */
final class KeyCheck {

	private KeyCheck() {
	}

	/** @throws LedgerKeyException if the ledger in {@code database} was created with another key */
	static void check(Database database, LedgerKey key) {
		String check = key.check();
		try (Connection c = database.connection()) {
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
				throw new LedgerKeyException("the ledger key in use (fingerprint " + key.fingerprint()
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

}
