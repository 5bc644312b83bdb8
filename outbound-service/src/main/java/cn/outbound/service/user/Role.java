package cn.outbound.service.user;

/**
 * What a user may do. Each role includes the ones below it.
 */
public enum Role {

	/** Users, rule-pack editions, the audit log; and everything an analyst may do. */
	ADMIN,
	/** Create assessments and decisions; and read. */
	ANALYST,
	/** Read assessments and rule packs. */
	VIEWER;

	public String authority() {
		return "ROLE_" + name();
	}

}
