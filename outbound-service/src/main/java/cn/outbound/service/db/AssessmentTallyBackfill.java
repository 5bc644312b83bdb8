package cn.outbound.service.db;

import cn.outbound.service.assessment.AssessmentTallies;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 9: counts the assessments stored before the tallies existed (V8) with the same code that counts each new
 * one ({@link AssessmentTallies}), so that the zone's years and months are cut by one rule. In Flyway's transaction.
 */
final class AssessmentTallyBackfill extends JavaStep {

	AssessmentTallyBackfill() {
		super(9, "assessment tallies backfill");
	}

	@Override
	public void migrate(Context context) throws Exception {
		AssessmentTallies.rebuild(context.getConnection());
	}

}
