package cn.outbound.service.user;

import java.time.Instant;

/**
 * A user as stored: {@code passwordHash} is a bcrypt hash, never the password. {@code stamp} rises with every change
 * of the user's power (role, enabled, password, tokens revoked): a session or token checked against an older stamp
 * no longer holds.
 */
public record Account(long id, String username, String passwordHash, Role role, boolean enabled, Instant createdAt,
		long stamp) {

	/** What a request needs to know of its user, read afresh on every request. */
	public record Standing(Role role, boolean enabled, long stamp) {
	}

}
