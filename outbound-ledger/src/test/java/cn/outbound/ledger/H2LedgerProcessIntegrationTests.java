package cn.outbound.ledger;

import java.nio.file.Files;

/**
 * {@link LedgerProcessSuite} on an H2 file shared through {@code AUTO_SERVER}.
 */
class H2LedgerProcessIntegrationTests extends LedgerProcessSuite {

	@Override
	String freshUrl(String name) throws Exception {
		return TestDatabases.h2Url(Files.createTempDirectory("ledger-process-" + name));
	}

}
