package cn.outbound.ledger;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.outbound.ledger.db.Database;

/**
 * {@link LedgerSuite} on a plain H2 file URL as a user writes it, without {@code MODE=PostgreSQL} or any other
 * setting (#9: it failed with a raw SQL syntax error at {@code on conflict do nothing}).
 */
class PlainH2FileLedgerIntegrationTests extends LedgerSuite {

	private Path dir;

	@Override
	Database openDatabase() throws Exception {
		this.dir = Files.createTempDirectory("ledger-plain-h2");
		return Database.open("jdbc:h2:file:" + this.dir.resolve("data/db").toAbsolutePath(), null, null);
	}

	@Override
	void dropDatabase() {
		TestDatabases.deleteTree(this.dir);
		TestDatabases.deleteTree(this.spill);
	}

}
