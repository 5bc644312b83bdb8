package cn.outbound.service.db;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration written in Java, numbered among the SQL ones of {@code db/outbound-app} and run in Flyway's
 * transaction. Its checksum is its version: the code that runs is this version's, and a changed step takes a new
 * number, as a changed SQL file would.
 */
abstract class JavaStep implements JavaMigration {

	private final int version;

	private final String description;

	JavaStep(int version, String description) {
		this.version = version;
		this.description = description;
	}

	@Override
	public final MigrationVersion getVersion() {
		return MigrationVersion.fromVersion(String.valueOf(this.version));
	}

	@Override
	public final String getDescription() {
		return this.description;
	}

	@Override
	public final Integer getChecksum() {
		return this.version;
	}

	@Override
	public final boolean canExecuteInTransaction() {
		return true;
	}

}
