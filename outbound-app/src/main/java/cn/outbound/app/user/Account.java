package cn.outbound.app.user;

import java.time.Instant;

/**
 * A user as stored: {@code passwordHash} is a bcrypt hash, never the password.
 */
public record Account(long id, String username, String passwordHash, Role role, boolean enabled, Instant createdAt) {
}
