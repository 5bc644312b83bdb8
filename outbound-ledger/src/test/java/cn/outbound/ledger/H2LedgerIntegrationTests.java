package cn.outbound.ledger;

import java.nio.file.Files;

import cn.outbound.ledger.db.Database;

/**
 * {@link LedgerSuite} on the embedded default: an H2 file in PostgreSQL mode.
 */
class H2LedgerIntegrationTests extends LedgerSuite {

	@Override
	Database openDatabase() throws Exception {
		return TestDatabases.h2(Files.createTempDirectory("ledger-h2"));
	}

}
