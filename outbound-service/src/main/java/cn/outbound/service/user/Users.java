package cn.outbound.service.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import cn.outbound.service.audit.Writes;
import cn.outbound.service.org.Organisations;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users and their API tokens. Passwords are stored as bcrypt hashes; an API token is 256 random bits shown once and
 * stored as its SHA-256 (a token has full entropy, so a fast hash cannot be reversed by guessing, and a request can
 * be authenticated without a slow hash). Every change is audited.
 */
public final class Users {

	public static final String TOKEN_PREFIX = "obt_";

	/** A user name after {@link #normalizeName}: lower-case ASCII letters, digits and {@code . _ @ -}. */
	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");

	private static final String COLUMNS = "id, username, password_hash, role, enabled, created_at, security_stamp, org_id";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final PasswordEncoder PASSWORDS = new BCryptPasswordEncoder(12);

	private final DataSource dataSource;

	private final Writes writes;

	public Users(DataSource dataSource, Writes writes) {
		this.dataSource = dataSource;
		this.writes = writes;
	}

	public static PasswordEncoder passwordEncoder() {
		return PASSWORDS;
	}

	/** A new user, with the password that was set or generated and a first API token, each shown once. */
	public record Created(Account account, String password, boolean passwordGenerated, String token) {
	}

	/**
	 * Creates a user with a first API token.
	 * @param password {@code null} to generate one
	 * @throws IllegalArgumentException for a bad name or a name already taken
	 */
	public Created add(String name, Role role, String password, String actor, String remote) throws SQLException {
		return add(name, role, password, null, actor, remote);
	}

	/**
	 * Creates a user of organisation {@code org} with a first API token.
	 * @param password {@code null} to generate one
	 * @param org {@code null}: the zone administration for a REGULATOR, else the default organisation
	 * @throws IllegalArgumentException for a bad name, a name already taken, no such organisation, or a role the
	 * organisation's kind does not hold ({@link Organisations#membership})
	 */
	public Created add(String name, Role role, String password, String org, String actor, String remote)
			throws SQLException {
		String username = requireName(name);
		if (password != null && password.length() < 12) {
			throw new IllegalArgumentException("the password must have at least 12 characters");
		}
		if (find(username).isPresent()) {
			throw new IllegalArgumentException("user '" + username + "' already exists");
		}
		boolean generated = password == null;
		String pw = generated ? randomPassword() : password;
		String hash = PASSWORDS.encode(pw);
		String token = newToken();
		Instant now = Instant.now();
		String[] joined = new String[1];
		long id = this.writes.submit((c, audit) -> {
			long userId;
			String orgId = Organisations.membership(c, org, role);
			joined[0] = orgId;
			try (PreparedStatement ps = c.prepareStatement("insert into app_user (username, password_hash, role, enabled,"
					+ " created_at, org_id) values (?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
				ps.setString(1, username);
				ps.setString(2, hash);
				ps.setString(3, role.name());
				ps.setBoolean(4, true);
				ps.setTimestamp(5, Timestamp.from(now));
				ps.setString(6, orgId);
				ps.executeUpdate();
				userId = generatedId(ps);
			}
			insertToken(c, userId, "initial", token);
			audit.append(actor, "USER_CREATED", "user:" + username, remote, "role=" + role.name() + " org=" + orgId);
			audit.append(actor, "TOKEN_ISSUED", "user:" + username, remote, "name=initial");
			return userId;
		});
		return new Created(new Account(id, username, hash, role, true, now, 0, joined[0]), pw, generated, token);
	}

	/**
	 * The one spelling of a user name: NFKC (full-width letters become ASCII) and case-folded, so that {@code ADMIN1},
	 * {@code Admin1} and {@code ａｄｍｉｎ１} are the same user. {@code null} when no user could have the name.
	 */
	public static String normalizeName(String name) {
		if (name == null || name.length() > 400) {
			return null;
		}
		String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return NAME.matcher(n).matches() ? n : null;
	}

	/** The normalised name, or an error naming the field and what is allowed (never echoing invisible characters). */
	static String requireName(String name) {
		String n = normalizeName(name);
		if (n == null) {
			throw new IllegalArgumentException("user name " + shown(name) + " is not allowed: use 1-100 letters, digits,"
					+ " '.', '_', '@' or '-', starting with a letter or digit (no spaces, control or invisible"
					+ " characters; upper and lower case are the same name)");
		}
		return n;
	}

	/** A name as it may be shown in a message: quoted, cut to 40 characters, anything unprintable as U+XXXX. */
	private static String shown(String name) {
		if (name == null) {
			return "(none)";
		}
		StringBuilder sb = new StringBuilder("'");
		name.codePoints().limit(40).forEach(cp -> {
			int type = Character.getType(cp);
			if (cp < 0x20 || type == Character.CONTROL || type == Character.FORMAT || Character.isWhitespace(cp)
					|| type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
				sb.append(String.format(Locale.ROOT, "U+%04X", cp));
			}
			else {
				sb.appendCodePoint(cp);
			}
		});
		return sb.append((name.codePointCount(0, name.length()) > 40) ? "…'" : "'").toString();
	}

	/** Issues another API token for a user; returns it (shown once). */
	public String issueToken(String username, String name, String actor, String remote) throws SQLException {
		Account account = find(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
		String token = newToken();
		this.writes.submit((c, audit) -> {
			insertToken(c, account.id(), name, token);
			audit.append(actor, "TOKEN_ISSUED", "user:" + account.username(), remote, "name=" + name);
			return null;
		});
		return token;
	}

	/** Revokes every token of a user; returns how many. */
	public int revokeTokens(String username, String actor, String remote) throws SQLException {
		Account account = find(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
		return this.writes.submit((c, audit) -> {
			try (PreparedStatement ps = c.prepareStatement(
					"update api_token set revoked_at = ? where user_id = ? and revoked_at is null")) {
				ps.setTimestamp(1, Timestamp.from(Instant.now()));
				ps.setLong(2, account.id());
				int n = ps.executeUpdate();
				raiseStamp(c, account.id());
				audit.append(actor, "TOKENS_REVOKED", "user:" + account.username(), remote, "count=" + n);
				return n;
			}
		});
	}

	private static void raiseStamp(Connection c, long userId) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
				"update app_user set security_stamp = security_stamp + 1 where id = ?")) {
			ps.setLong(1, userId);
			ps.executeUpdate();
		}
	}

	public void setPassword(String username, String password, String actor, String remote) throws SQLException {
		if (password == null || password.length() < 12) {
			throw new IllegalArgumentException("the password must have at least 12 characters");
		}
		String hash = PASSWORDS.encode(password);
		update(username, "password_hash = ?", hash, actor, remote, "PASSWORD_SET", null, false, null);
	}

	/** @throws LastAdministratorException if this would leave no enabled administrator */
	public void setRole(String username, Role role, String actor, String remote) throws SQLException {
		Account account = find(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
		update(username, "role = ?", role.name(), actor, remote, "ROLE_SET", "role=" + role.name(), role != Role.ADMIN,
				c -> Organisations.membership(c, account.orgId(), role));
	}

	/**
	 * Moves a user to organisation {@code org} (issue #13). The user's stamp rises: every session and token of the
	 * user is checked afresh, so the move takes effect on the next request.
	 * @throws IllegalArgumentException no such organisation, or one whose kind does not hold the user's role
	 * @throws LastAdministratorException if this would leave the default organisation with no enabled administrator
	 */
	public void setOrg(String username, String org, String actor, String remote) throws SQLException {
		Account account = find(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
		String orgId = Organisations.requireId(org);
		update(username, "org_id = ?", orgId, actor, remote, "ORG_SET", "org=" + orgId,
				!Organisations.DEFAULT.equals(orgId), c -> Organisations.membership(c, orgId, account.role()));
	}

	/** @throws LastAdministratorException if this would leave no enabled administrator */
	public void setEnabled(String username, boolean enabled, String actor, String remote) throws SQLException {
		update(username, "enabled = ?", enabled, actor, remote, enabled ? "USER_ENABLED" : "USER_DISABLED", null,
				!enabled, null);
	}

	/**
	 * Refused: the change would leave the server with no enabled administrator (who else could undo it?).
	 */
	public static final class LastAdministratorException extends IllegalStateException {

		private final String username;

		LastAdministratorException(String username) {
			super("user '" + username + "' is the last enabled administrator: make another user ADMIN first");
			this.username = username;
		}

		public String username() {
			return this.username;
		}

	}

	/**
	 * One change to a user, with its audit entry, in one write. The user's stamp rises, so every session and token of
	 * the user is checked afresh on its next request. {@code demotes}: the change takes administrator power away, which
	 * is refused for the last enabled administrator (writes are serialised, so the count cannot race).
	 */
	private void update(String name, String set, Object value, String actor, String remote, String action,
			String details, boolean demotes, Check check) throws SQLException {
		Account account = find(name).orElseThrow(() -> new IllegalArgumentException("no user '" + name + "'"));
		this.writes.submit((c, audit) -> {
			if (check != null) {
				check.check(c);
			}
			if (demotes && account.role() == Role.ADMIN && account.enabled()
					&& Organisations.DEFAULT.equals(account.orgId())) {
				// the deployment's administrators are the default organisation's (Scope#operator)
				try (PreparedStatement ps = c.prepareStatement("select count(*) from app_user where role = 'ADMIN'"
						+ " and enabled and org_id = '" + Organisations.DEFAULT + "' and id <> ?")) {
					ps.setLong(1, account.id());
					try (ResultSet rs = ps.executeQuery()) {
						rs.next();
						if (rs.getLong(1) == 0) {
							throw new LastAdministratorException(account.username());
						}
					}
				}
			}
			try (PreparedStatement ps = c.prepareStatement(
					"update app_user set " + set + ", security_stamp = security_stamp + 1 where id = ?")) {
				ps.setObject(1, value);
				ps.setLong(2, account.id());
				ps.executeUpdate();
			}
			audit.append(actor, action, "user:" + account.username(), remote, details);
			return null;
		});
	}

	/** A check made inside a change's transaction, before it is written. */
	@FunctionalInterface
	private interface Check {

		void check(Connection c) throws SQLException;

	}

	/** The user of that name (in any case or width: see {@link #normalizeName}). */
	public Optional<Account> find(String username) throws SQLException {
		String name = normalizeName(username);
		if (name == null) {
			return Optional.empty();
		}
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from app_user where username = ?")) {
			ps.setString(1, name);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(account(rs)) : Optional.empty();
			}
		}
	}

	/** The user's standing now: asked on every request of a session or token (one primary-key read). */
	public Optional<Account.Standing> standing(long userId) throws SQLException {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c
			.prepareStatement("select role, enabled, security_stamp from app_user where id = ?")) {
			ps.setLong(1, userId);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(new Account.Standing(Role.valueOf(rs.getString(1)), rs.getBoolean(2),
						rs.getLong(3))) : Optional.empty();
			}
		}
	}

	/** The enabled user a live token belongs to. */
	public Optional<Account> byToken(String token) throws SQLException {
		if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select u.id, u.username, u.password_hash, u.role, u.enabled, u.created_at, u.security_stamp, u.org_id"
						+ " from api_token t"
						+ " join app_user u on u.id = t.user_id where t.token_hash = ? and t.revoked_at is null and u.enabled")) {
			ps.setString(1, tokenHash(token));
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(account(rs)) : Optional.empty();
			}
		}
	}

	public List<Account> list() throws SQLException {
		return list(null);
	}

	/** The users of organisation {@code orgId} ({@code null}: of every organisation), by name. */
	public List<Account> list(String orgId) throws SQLException {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select " + COLUMNS + " from app_user" + ((orgId != null) ? " where org_id = ?" : "") + " order by username")) {
			if (orgId != null) {
				ps.setString(1, orgId);
			}
			List<Account> out = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.add(account(rs));
				}
			}
			return out;
		}
	}

	/** The enabled administrators of the deployment (the default organisation's ADMINs, see Scope#operator). */
	public long countAdmins() throws SQLException {
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement("select count(*) from app_user where role = 'ADMIN' and enabled"
						+ " and org_id = '" + Organisations.DEFAULT + "'");
				ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void insertToken(Connection c, long userId, String name, String token) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
				"insert into api_token (user_id, name, token_hash, created_at) values (?, ?, ?, ?)")) {
			ps.setLong(1, userId);
			ps.setString(2, (name == null || name.isBlank()) ? "token" : name.strip());
			ps.setString(3, tokenHash(token));
			ps.setTimestamp(4, Timestamp.from(Instant.now()));
			ps.executeUpdate();
		}
	}

	static long generatedId(PreparedStatement ps) throws SQLException {
		try (ResultSet keys = ps.getGeneratedKeys()) {
			if (!keys.next()) {
				throw new SQLException("no generated key");
			}
			return keys.getLong(1);
		}
	}

	private static Account account(ResultSet rs) throws SQLException {
		return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
				rs.getBoolean(5), rs.getTimestamp(6).toInstant(), rs.getLong(7), rs.getString(8));
	}

	public static String tokenHash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String randomPassword() {
		byte[] bytes = new byte[15];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
