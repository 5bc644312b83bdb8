package cn.outbound.ledger.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * A database failure told to a person: what kind of failure and its SQLSTATE, never the SQL text, the values of a
 * row or the driver's full message (which may hold both). The log keeps the exception itself.
 */
public final class DatabaseErrors {

	private static final int MAX_LINE = 200;

	private DatabaseErrors() {
	}

	/**
	 * Whether {@code ex} or one of its causes is a database failure: a {@link SQLException}, or an exception of
	 * Flyway or of Spring's data access (their messages hold the SQL).
	 */
	public static boolean isDatabaseError(Throwable ex) {
		return anyCause(ex, DatabaseErrors::isOwnDatabaseError);
	}

	/** Whether {@code ex} or one of its causes passes {@code test}. */
	private static boolean anyCause(Throwable ex, java.util.function.Predicate<Throwable> test) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (test.test(t)) {
				return true;
			}
		}
		return false;
	}

	/** Whether {@code t} itself (not its causes) is a database failure whose message must not be shown. */
	public static boolean isOwnDatabaseError(Throwable t) {
		if (t instanceof SQLException) {
			return true;
		}
		for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
			String n = c.getName();
			if (n.equals("org.flywaydb.core.api.FlywayException") || n.equals("org.springframework.dao.DataAccessException")
					|| n.equals("com.zaxxer.hikari.pool.HikariPool$PoolInitializationException")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the failure is that the database cannot be reached now (connection refused or lost, pool exhausted,
	 * server shutting down): worth a 503 and a retry, not a 500.
	 */
	public static boolean isUnavailable(Throwable ex) {
		return anyCause(ex, t -> t instanceof SQLTransientConnectionException
				|| t instanceof SQLNonTransientConnectionException
				|| (t instanceof SQLException sql && sql.getSQLState() != null
						&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))));
	}

	/** Flyway refused to migrate: the applied migrations differ from this version's (checksum, or missing here). */
	static boolean isMigrationMismatch(Throwable ex) {
		return anyCause(ex, t -> t instanceof org.flywaydb.core.api.exception.FlywayValidateException);
	}

	/**
	 * One line without SQL: the kind of failure and the SQLSTATE of the first SQL exception in the causes, e.g.
	 * {@code "a table or column is missing, or the SQL was not understood (SQLSTATE 42S02)"}. A failure to connect or
	 * sign in keeps the first line of the driver's message (it names the host or the user, never a statement).
	 */
	public static String describe(Throwable ex) {
		SQLException sql = null;
		for (Throwable t = ex; t != null && sql == null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof SQLException s) {
				sql = s;
			}
		}
		if (sql == null) {
			if (isMigrationMismatch(ex)) {
				return "the database's schema history does not match this version's migrations (it was migrated by"
						+ " another version of Outbound, or a migration was changed); nothing was changed";
			}
			return isUnavailable(ex) ? "the database cannot be reached" : "the database failed";
		}
		String state = (sql.getSQLState() != null) ? sql.getSQLState() : "";
		String code = state.isEmpty() ? "" : " (SQLSTATE " + state + ")";
		if (state.startsWith("08") || state.startsWith("28") || state.startsWith("3D") || state.startsWith("57P")
				|| sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException) {
			return connectionLine(sql.getMessage()) + code;
		}
		return kind(state, sql.getErrorCode()) + code;
	}

	private static String kind(String state, int vendorCode) {
		if (state.equals("25006") || state.equals("90097") || vendorCode == 90097) {
			return "the database is read-only";
		}
		if (state.startsWith("23")) {
			return "a constraint of the database refused the change";
		}
		if (state.startsWith("40") || state.equals("HYT00") || state.startsWith("55P03")) {
			return "the database is busy (a lock or a conflicting transaction); try again";
		}
		if (state.startsWith("42") || state.startsWith("3F")) {
			return "a table or column is missing, or the SQL was not understood: the schema is not the one this "
					+ "version expects";
		}
		if (state.startsWith("53")) {
			return "the database is out of resources (disk, memory or connections)";
		}
		if (state.startsWith("22")) {
			return "the database refused a value";
		}
		return "the database failed";
	}

	/** The first line of a connection failure, without anything that follows a SQL marker. */
	private static String connectionLine(String message) {
		if (message == null || message.isBlank()) {
			return "cannot connect to the database";
		}
		String m = message.strip();
		int nl = m.indexOf('\n');
		if (nl >= 0) {
			m = m.substring(0, nl);
		}
		int sqlAt = m.toLowerCase(java.util.Locale.ROOT).indexOf("sql statement");
		if (sqlAt >= 0) {
			m = m.substring(0, sqlAt);
		}
		m = Database.safe(m.strip().replaceAll("[;:]+$", "").strip());
		return (m.length() > MAX_LINE) ? m.substring(0, MAX_LINE) + "…" : m;
	}

}
