package cn.outbound.cli;

import cn.outbound.ledger.db.DatabaseErrors;

/**
 * Turns an unexpected exception into one line for a person: its message and its cause's, never a stack trace. A
 * database failure is told by its kind and SQLSTATE ({@link DatabaseErrors}), never by the driver's message, which may
 * hold the SQL and the values of a row.
 */
final class Errors {

	private Errors() {
	}

	static String describe(Throwable ex) {
		StringBuilder sb = new StringBuilder();
		Throwable t = ex;
		int depth = 0;
		while (t != null && depth++ < 4) {
			String m = DatabaseErrors.isOwnDatabaseError(t) ? "database error: " + DatabaseErrors.describe(t)
					: t.getMessage();
			if (m != null && !m.isBlank() && sb.indexOf(m) < 0 && !(m.startsWith("database error: ")
					&& sb.indexOf(m.substring("database error: ".length())) >= 0)) {
				if (sb.length() > 0) {
					sb.append(": ");
				}
				sb.append(m.strip());
			}
			if (DatabaseErrors.isOwnDatabaseError(t)) {
				break;
			}
			t = t.getCause();
		}
		return (sb.length() > 0) ? sb.toString() : ex.getClass().getSimpleName();
	}

}
