package cn.outbound.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import cn.outbound.ledger.db.Database;
import cn.outbound.ledger.db.DatabaseErrors;
import cn.outbound.ledger.db.LedgerException;

/** What the ledger's readers and writer share about their connections: snapshots, the lock, the version, errors. */
final class LedgerSql {

	private LedgerSql() {
	}

	/**
	 * A connection for one snapshot of reads (read-only, repeatable read; the pool resets these settings when the
	 * connection returns). Also the second connection that reads the person directory ahead while the writer holds
	 * the ledger lock, so that what it reads cannot change under it.
	 */
	static Connection readConnection(Database database) throws SQLException {
		Connection c = database.connection();
		c.setAutoCommit(false);
		c.setReadOnly(true);
		c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		return c;
	}

	/** Takes the ledger lock (held to the end of the transaction) and returns the next free person id. */
	static long lock(Connection c) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("select next_person_id from ledger_lock where id = 1 for update");
				ResultSet rs = ps.executeQuery()) {
			if (!rs.next()) {
				throw new LedgerException("the ledger's lock row is missing: the schema is damaged");
			}
			return rs.getLong(1);
		}
	}

	/** The ledger's write counter ({@code ledger_lock.version}). */
	static long version(Database database) {
		try (Connection c = database.connection();
				PreparedStatement ps = c.prepareStatement("select version from ledger_lock where id = 1");
				ResultSet rs = ps.executeQuery()) {
			if (!rs.next()) {
				throw new LedgerException("the ledger's lock row is missing: the schema is damaged");
			}
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw readError(ex);
		}
	}

	static LedgerException readError(SQLException ex) {
		return new LedgerException("database error while reading the ledger: " + DatabaseErrors.describe(ex), ex);
	}

	static void rollbackQuietly(Connection c) {
		try {
			c.rollback();
		}
		catch (SQLException ex) {
			// the original failure matters more
		}
	}

}
