package cn.outbound.ledger;

import org.junit.jupiter.api.Assumptions;

import cn.outbound.ledger.db.Database;

/**
 * {@link LedgerSuite} on PostgreSQL, in a fresh schema, when {@code -Doutbound.test.postgres.url=...} is given (CI
 * gives it; if it is given and the database cannot be reached, the tests fail rather than skip).
 */
class PostgresLedgerIntegrationTests extends LedgerSuite {

	private String url;

	@Override
	Database openDatabase() {
		Assumptions.assumeTrue(TestDatabases.postgresConfigured(),
				"PostgreSQL tests need -D" + TestDatabases.POSTGRES_PROPERTY + "=jdbc:postgresql://...");
		this.url = TestDatabases.freshPostgresUrl("ledger_suite");
		return Database.open(this.url, null, null);
	}

	@Override
	void dropDatabase() {
		if (this.url != null) {
			TestDatabases.dropPostgresSchema(this.url);
		}
	}

}
