package cn.outbound.cli;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * {@link DoorsAuditContract} on PostgreSQL, in a schema of its own made anew: the server's tables and the ledger's.
 * Runs when {@code outbound.test.postgres.url} is set (CI sets it through OUTBOUND_TEST_POSTGRES_URL); skipped only on
 * a machine without it.
 */
class PostgresDoorsAuditIntegrationTests extends DoorsAuditContract {

	static final String SCHEMA = "outbound_doors_test";

	/** The deployment key every process shares (a server database has no generated one). */
	static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	private String url;

	@Override
	Map<String, String> environment() throws SQLException {
		this.url = postgres(SCHEMA);
		return Map.of("OUTBOUND_DB_URL", this.url, "OUTBOUND_DB_SCHEMA", SCHEMA, "OUTBOUND_LEDGER_KEY", KEY);
	}

	@Override
	List<String> serverArguments() {
		return List.of("--outbound.db.url=" + this.url, "--outbound.db.schema=" + SCHEMA, "--outbound.ledger.key=" + KEY);
	}

}
