package cn.outbound.service.user;

import java.time.Instant;

/**
 * A user as stored: {@code passwordHash} is a bcrypt hash, never the password. {@code stamp} rises with every change
 * of the user's power (role, enabled, password, tokens revoked): a session or token checked against an older stamp
 * no longer holds. {@code orgId}: the organisation the user belongs to (issue #13); a move raises the stamp too.
 */
public record Account(long id, String username, String passwordHash, Role role, boolean enabled, Instant createdAt,
		long stamp, String orgId) {

	/** What a request needs to know of its user, read afresh on every request. */
	public record Standing(Role role, boolean enabled, long stamp) {
	}

}
