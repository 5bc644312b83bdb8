package cn.outbound.cli;

import cn.outbound.service.Services;
import cn.outbound.service.db.DatabaseSettings;

/**
 * The database the commands use, as the environment names it ({@link DatabaseSettings}: {@code OUTBOUND_DB_URL} or
 * the embedded H2 file, read the one way the server reads it too), and the application layer on it.
 */
final class Db {

	private Db() {
	}

	/** The settings of this process (system properties, then {@link LedgerCommand#env()}). */
	static DatabaseSettings settings() {
		return DatabaseSettings.fromEnvironment(LedgerCommand.env());
	}

	/** The services on that database, migrated, with a writer that extends the same audit chain as the server. */
	static Services open() {
		return Services.open(settings());
	}

}
