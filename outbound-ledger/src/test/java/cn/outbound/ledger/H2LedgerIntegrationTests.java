package cn.outbound.ledger;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.outbound.ledger.db.Database;

/**
 * {@link LedgerSuite} on the embedded default: an H2 file in PostgreSQL mode.
 */
class H2LedgerIntegrationTests extends LedgerSuite {

	private Path dir;

	@Override
	Database openDatabase() throws Exception {
		this.dir = Files.createTempDirectory("ledger-h2");
		return TestDatabases.h2(this.dir);
	}

	@Override
	void dropDatabase() {
		TestDatabases.deleteTree(this.dir);
		TestDatabases.deleteTree(this.spill);
	}

}
