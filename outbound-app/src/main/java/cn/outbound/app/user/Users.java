package cn.outbound.app.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import cn.outbound.app.audit.Writes;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users and their API tokens. Passwords are stored as bcrypt hashes; an API token is 256 random bits shown once and
 * stored as its SHA-256 (a token has full entropy, so a fast hash cannot be reversed by guessing, and a request can
 * be authenticated without a slow hash). Every change is audited.
 */
public final class Users {

	public static final String TOKEN_PREFIX = "obt_";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

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
	public Created add(String username, Role role, String password, String actor, String remote) throws SQLException {
		if (username == null || !NAME.matcher(username).matches()) {
			throw new IllegalArgumentException("user name '" + username
					+ "' is not allowed: use 1-100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
		}
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
		long id = this.writes.submit((c, audit) -> {
			long userId;
			try (PreparedStatement ps = c.prepareStatement("insert into app_user (username, password_hash, role, enabled,"
					+ " created_at) values (?, ?, ?, ?, ?)", new String[] { "id" })) {
				ps.setString(1, username);
				ps.setString(2, hash);
				ps.setString(3, role.name());
				ps.setBoolean(4, true);
				ps.setTimestamp(5, Timestamp.from(now));
				ps.executeUpdate();
				userId = generatedId(ps);
			}
			insertToken(c, userId, "initial", token);
			audit.append(actor, "USER_CREATED", "user:" + username, remote, "role=" + role.name());
			audit.append(actor, "TOKEN_ISSUED", "user:" + username, remote, "name=initial");
			return userId;
		});
		return new Created(new Account(id, username, hash, role, true, now), pw, generated, token);
	}

	/** Issues another API token for a user; returns it (shown once). */
	public String issueToken(String username, String name, String actor, String remote) throws SQLException {
		Account account = find(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
		String token = newToken();
		this.writes.submit((c, audit) -> {
			insertToken(c, account.id(), name, token);
			audit.append(actor, "TOKEN_ISSUED", "user:" + username, remote, "name=" + name);
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
				audit.append(actor, "TOKENS_REVOKED", "user:" + username, remote, "count=" + n);
				return n;
			}
		});
	}

	public void setPassword(String username, String password, String actor, String remote) throws SQLException {
		if (password == null || password.length() < 12) {
			throw new IllegalArgumentException("the password must have at least 12 characters");
		}
		String hash = PASSWORDS.encode(password);
		update(username, "password_hash = ?", hash, actor, remote, "PASSWORD_SET", null);
	}

	public void setRole(String username, Role role, String actor, String remote) throws SQLException {
		update(username, "role = ?", role.name(), actor, remote, "ROLE_SET", "role=" + role.name());
	}

	public void setEnabled(String username, boolean enabled, String actor, String remote) throws SQLException {
		update(username, "enabled = ?", enabled, actor, remote, enabled ? "USER_ENABLED" : "USER_DISABLED", null);
	}

	private void update(String username, String set, Object value, String actor, String remote, String action,
			String details) throws SQLException {
		int n = this.writes.submit((c, audit) -> {
			try (PreparedStatement ps = c.prepareStatement("update app_user set " + set + " where username = ?")) {
				ps.setObject(1, value);
				ps.setString(2, username);
				int rows = ps.executeUpdate();
				if (rows > 0) {
					audit.append(actor, action, "user:" + username, remote, details);
				}
				return rows;
			}
		});
		if (n == 0) {
			throw new IllegalArgumentException("no user '" + username + "'");
		}
	}

	public Optional<Account> find(String username) throws SQLException {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select id, username, password_hash, role, enabled, created_at from app_user where username = ?")) {
			ps.setString(1, username);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(account(rs)) : Optional.empty();
			}
		}
	}

	/** The enabled user a live token belongs to. */
	public Optional<Account> byToken(String token) throws SQLException {
		if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select u.id, u.username, u.password_hash, u.role, u.enabled, u.created_at from api_token t"
						+ " join app_user u on u.id = t.user_id where t.token_hash = ? and t.revoked_at is null and u.enabled")) {
			ps.setString(1, tokenHash(token));
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(account(rs)) : Optional.empty();
			}
		}
	}

	public List<Account> list() throws SQLException {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select id, username, password_hash, role, enabled, created_at from app_user order by username");
				ResultSet rs = ps.executeQuery()) {
			List<Account> out = new ArrayList<>();
			while (rs.next()) {
				out.add(account(rs));
			}
			return out;
		}
	}

	public long countAdmins() throws SQLException {
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement("select count(*) from app_user where role = 'ADMIN' and enabled");
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
				rs.getBoolean(5), rs.getTimestamp(6).toInstant());
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
