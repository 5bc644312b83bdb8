package cn.outbound.service.user;

/**
 * What a user may do. ADMIN, ANALYST and VIEWER are an enterprise's roles, each including the ones below it.
 * {@link #REGULATOR} stands apart: it is the zone administration's role (its users belong to the organisation of kind
 * ZONE) and includes none of the others (see docs/organisations.md).
 */
public enum Role {

	/** Users, rule-pack editions, the audit log; and everything an analyst may do. */
	ADMIN,
	/** Create assessments and decisions; and read. */
	ANALYST,
	/** Read assessments and rule packs. */
	VIEWER,
	/**
	 * The zone administration: reads what enterprises reported to the zone and the zone's statistics, maintains list
	 * editions; never an enterprise's drafts, scans, ledger or unreported assessments (issue #13).
	 */
	REGULATOR;

	/** Whether the role is one of an enterprise's (ADMIN, ANALYST, VIEWER). */
	public boolean enterprise() {
		return this != REGULATOR;
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
