package cn.outbound.ledger;

import cn.outbound.ledger.db.Database;

/**
 * {@link LedgerSuite} on the plainest H2 URL, {@code jdbc:h2:mem:} (#9): without a name each pooled connection
 * would see a database of its own, and without {@code MODE=PostgreSQL} the SQL would not parse.
 */
class PlainH2MemLedgerIntegrationTests extends LedgerSuite {

	@Override
	Database openDatabase() {
		return Database.open("jdbc:h2:mem:", null, null);
	}

	@Override
	void dropDatabase() {
		TestDatabases.deleteTree(this.spill);
	}

}
