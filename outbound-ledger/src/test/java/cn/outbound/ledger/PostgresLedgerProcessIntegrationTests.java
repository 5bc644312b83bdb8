package cn.outbound.ledger;

import org.junit.jupiter.api.Assumptions;

/**
 * {@link LedgerProcessSuite} on PostgreSQL, in fresh schemas, when {@code -Doutbound.test.postgres.url} is given.
 */
class PostgresLedgerProcessIntegrationTests extends LedgerProcessSuite {

	@Override
	String freshUrl(String name) {
		Assumptions.assumeTrue(TestDatabases.postgresConfigured(),
				"PostgreSQL tests need -D" + TestDatabases.POSTGRES_PROPERTY + "=jdbc:postgresql://...");
		return TestDatabases.freshPostgresUrl("ledger_process_" + name);
	}

}
