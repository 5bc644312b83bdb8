package cn.outbound.service.org;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import cn.outbound.rules.scenario.ProcessorIds;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.user.Role;

/**
 * The organisations of a deployment (issue #13), and the rules of who belongs where, in one place for every door
 * (pages, {@code /api/v1/orgs}, {@code outbound orgs}). Every deployment has {@value #DEFAULT} (where everything
 * stored before organisations existed belongs, and where users go when none is named) and {@value #ZONE} (the zone
 * administration, whose users are REGULATORs). Creating one is audited ({@value #CREATE_ACTION}).
 */
public final class Organisations {

	/** The organisation of a deployment that never created one. */
	public static final String DEFAULT = "default";

	/** The zone administration's organisation (kind ZONE). */
	public static final String ZONE = "zone";

	/** The audit action of a new organisation; target {@code org:ID}. */
	public static final String CREATE_ACTION = "ORG_CREATED";

	/** The longest organisation id. */
	public static final int MAX_ID = 40;

	/** The longest organisation name. */
	public static final int MAX_NAME = 200;

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private final DataSource dataSource;

	private final Writes writes;

	public Organisations(DataSource dataSource, Writes writes) {
		this.dataSource = dataSource;
		this.writes = writes;
	}

	/**
	 * An organisation id in its one form (lower case), or an error naming the field {@code org} and what is allowed.
	 * @throws IllegalArgumentException for anything else
	 */
	public static String requireId(String id) {
		String v = (id == null) ? "" : id.strip().toLowerCase(Locale.ROOT);
		if (!ID.matcher(v).matches()) {
			throw new IllegalArgumentException("org: '" + shown(id) + "' is not an organisation id: use 1-" + MAX_ID
					+ " lower-case letters, digits or '-', starting with a letter or digit");
		}
		return v;
	}

	/** What was typed, as a message may show it: cut to 40 code points, '?' for control and invisible ones. */
	private static String shown(String s) {
		StringBuilder out = new StringBuilder();
		if (s != null) {
			s.codePoints().limit(40).forEach(cp -> {
				int type = Character.getType(cp);
				out.appendCodePoint((type == Character.CONTROL || type == Character.FORMAT) ? '?' : cp);
			});
		}
		return out.toString();
	}

	/**
	 * Creates an enterprise organisation.
	 * @throws IllegalArgumentException a bad id or name (naming the field), or an id already taken
	 */
	public Organisation add(String id, String name, Actor actor) throws SQLException {
		String orgId = requireId(id);
		String n = (name == null) ? "" : name.strip();
		if (n.isEmpty() || n.length() > MAX_NAME || n.codePoints().anyMatch(cp -> cp < 0x20)) {
			throw new IllegalArgumentException("name: an organisation's name must be 1-" + MAX_NAME
					+ " characters without control characters");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.writes.submit((c, audit) -> {
			if (find(c, orgId).isPresent()) {
				throw new IllegalArgumentException("org: organisation '" + orgId + "' already exists");
			}
			try (PreparedStatement ps = c
				.prepareStatement("insert into organisation (id, name, kind, created_at) values (?, ?, ?, ?)")) {
				ps.setString(1, orgId);
				ps.setString(2, n);
				ps.setString(3, Organisation.Kind.ENTERPRISE.name());
				ps.setTimestamp(4, Timestamp.from(now));
				ps.executeUpdate();
			}
			audit.append(actor.name(), CREATE_ACTION, "org:" + orgId, actor.remote(), null);
			return null;
		});
		return new Organisation(orgId, n, Organisation.Kind.ENTERPRISE, now);
	}

	public List<Organisation> list() throws SQLException {
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement("select id, name, kind, created_at from organisation order by id");
				ResultSet rs = ps.executeQuery()) {
			List<Organisation> out = new ArrayList<>();
			while (rs.next()) {
				out.add(read(rs));
			}
			return out;
		}
	}

	/** The organisation {@code id} (any case); empty for an id that is not one. */
	public Optional<Organisation> find(String id) throws SQLException {
		String v;
		try {
			v = requireId(id);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		try (Connection c = this.dataSource.getConnection()) {
			return find(c, v);
		}
	}

	/**
	 * The organisation a new user or a moved user joins, checked against the role: REGULATORs belong to the zone
	 * administration (kind ZONE) and only they do.
	 * @param id {@code null}: {@value #ZONE} for a REGULATOR, else {@value #DEFAULT}
	 * @throws IllegalArgumentException naming the field {@code org} (no such organisation) or {@code role}
	 */
	public static String membership(Connection c, String id, Role role) throws SQLException {
		String orgId = (id == null || id.isBlank()) ? ((role == Role.REGULATOR) ? ZONE : DEFAULT) : requireId(id);
		Organisation org = find(c, orgId)
			.orElseThrow(() -> new IllegalArgumentException("org: no organisation '" + orgId + "'"));
		if ((role == Role.REGULATOR) != (org.kind() == Organisation.Kind.ZONE)) {
			throw new IllegalArgumentException("role: " + ((role == Role.REGULATOR)
					? "a REGULATOR belongs to the zone administration (--org " + ZONE + ")"
					: "the zone administration's users are REGULATORs; " + role.name() + " belongs to an enterprise"));
		}
		return orgId;
	}

	private static Optional<Organisation> find(Connection c, String id) throws SQLException {
		try (PreparedStatement ps = c
			.prepareStatement("select id, name, kind, created_at from organisation where id = ?")) {
			ps.setString(1, id);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(read(rs)) : Optional.empty();
			}
		}
	}

	private static Organisation read(ResultSet rs) throws SQLException {
		return new Organisation(rs.getString(1), rs.getString(2), Organisation.Kind.valueOf(rs.getString(3)),
				rs.getTimestamp(4).toInstant());
	}

	// ---------------------------------------------------------------- who administers what

	/**
	 * Refuses anyone but the deployment's administrator ({@link Scope#operator}: an ADMIN of {@value #DEFAULT}) the
	 * deployment's own pages: organisations, the audit log, rule packs.
	 * @throws Denied {@code FORBIDDEN}
	 */
	public static void requireOperator(Scope scope) {
		if (!scope.operator()) {
			throw Denied.forbidden("Only an administrator of the organisation '" + DEFAULT
					+ "' administers the deployment (organisations, the audit log, rule packs).");
		}
	}

	/**
	 * Whose users the caller administers: {@code null} for every organisation's (the deployment's administrator), else
	 * the caller's own (an enterprise's ADMIN).
	 * @throws Denied {@code FORBIDDEN} for anyone but an ADMIN
	 */
	public static String administeredOrg(Scope scope) {
		if (scope.role() != Role.ADMIN) {
			throw Denied.forbidden("Only an ADMIN administers users.");
		}
		return scope.operator() ? null : scope.orgId();
	}

	/**
	 * The organisation a user the caller creates joins: any for the deployment's administrator ({@code null}: by the
	 * role, see {@link #membership}), else the caller's own.
	 * @throws Denied {@code INVALID} ({@code org}) when an enterprise's ADMIN names another organisation
	 */
	public static String creatableOrg(Scope scope, String org) {
		String own = administeredOrg(scope);
		if (own == null) {
			return org;
		}
		if (org != null && !org.isBlank() && !own.equals(org.strip().toLowerCase(Locale.ROOT))) {
			throw new Denied(Denied.Kind.INVALID, "org", "org: you create users of your organisation '" + own + "' only");
		}
		return own;
	}

	/**
	 * Refuses a change to a user of an organisation the caller does not administer, worded as for no such user.
	 * @throws Denied {@code NOT_FOUND}
	 */
	public static void requireAdministers(Scope scope, cn.outbound.service.user.Account target, String name) {
		String own = administeredOrg(scope);
		if (target == null || (own != null && !own.equals(target.orgId()))) {
			throw new Denied(Denied.Kind.NOT_FOUND, null, "no user '" + name + "'");
		}
	}

	// ---------------------------------------------------------------- the ledger

	/** What starts the ledger key of a processor of any organisation but {@value #DEFAULT}. */
	static final String LEDGER_PREFIX = "@";

	/**
	 * The key under which the ledger keeps {@code processor} of organisation {@code orgId}: the processor id itself in
	 * {@value #DEFAULT} (so a deployment's ledger before #13 stays where it was), else {@code @ORG/PROCESSOR}. A
	 * default processor id starting with {@code @} is prefixed too ({@code @default/@…}), so no two organisations'
	 * processors share a key, and the ledger needs no schema of organisations.
	 * @throws IllegalArgumentException naming the field {@code processor} when the key would be longer than the ledger
	 * keeps
	 */
	public static String ledgerKey(String orgId, String processor) {
		if (processor == null) {
			return null;
		}
		if (DEFAULT.equals(orgId) && !processor.startsWith(LEDGER_PREFIX)) {
			return processor;
		}
		String key = LEDGER_PREFIX + orgId + "/" + processor;
		if (key.length() > ProcessorIds.MAX_LENGTH) {
			throw new IllegalArgumentException("processor: at most " + (ProcessorIds.MAX_LENGTH - key.length()
					+ processor.length()) + " characters in organisation '" + orgId + "'");
		}
		return key;
	}

	/** The processor id of a ledger key, as its organisation names it (the inverse of {@link #ledgerKey}). */
	public static String processorOf(String ledgerKey) {
		if (ledgerKey == null || !ledgerKey.startsWith(LEDGER_PREFIX)) {
			return ledgerKey;
		}
		int slash = ledgerKey.indexOf('/');
		return (slash < 0) ? ledgerKey : ledgerKey.substring(slash + 1);
	}

}
