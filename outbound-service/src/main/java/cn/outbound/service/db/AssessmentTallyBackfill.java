package cn.outbound.service.db;

import cn.outbound.service.assessment.AssessmentTallies;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 9: counts the assessments stored before the tallies existed (V8) with the same code that counts each new
 * one ({@link AssessmentTallies}), so that the zone's years and months are cut by one rule. In Flyway's transaction.
 */
final class AssessmentTallyBackfill implements JavaMigration {

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("9");
	}

	@Override
	public String getDescription() {
		return "assessment tallies backfill";
	}

	@Override
	public Integer getChecksum() {
		return 9;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		AssessmentTallies.rebuild(context.getConnection());
	}

}
