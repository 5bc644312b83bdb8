package cn.outbound.ledger.db;

/**
 * The databases the ledger runs on. The migrations are the same for both; only bulk paths differ (COPY on
 * PostgreSQL, JDBC batches on H2).
 */
public enum Dialect {

	/** H2 2.x in {@code MODE=PostgreSQL}: the embedded default. */
	H2,
	/** PostgreSQL 15+: production. */
	POSTGRESQL;

	static Dialect ofUrl(String url) {
		if (url.startsWith("jdbc:h2:")) {
			return H2;
		}
		if (url.startsWith("jdbc:postgresql:")) {
			return POSTGRESQL;
		}
		throw new IllegalArgumentException("unsupported database URL (expected jdbc:h2: or jdbc:postgresql:)");
	}

}
