package cn.outbound.service.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Which organisation a user may belong to (issue #13): REGULATORs belong to the zone administration (an organisation
 * of kind ZONE) and only they do. Checked inside the transaction of every change that sets a user's role or
 * organisation, whatever the door. The organisations themselves are {@code cn.outbound.service.org.Organisations}.
 */
public final class Membership {

	/** The organisation of a deployment that never created one. */
	public static final String DEFAULT = "default";

	/** The zone administration's organisation (kind ZONE). */
	public static final String ZONE = "zone";

	private Membership() {
	}

	/**
	 * The organisation a new or changed user belongs to.
	 * @param org {@code null}: {@value #ZONE} for a REGULATOR, else {@value #DEFAULT}
	 * @throws IllegalArgumentException naming the field {@code org} (no such organisation) or {@code role}
	 */
	public static String check(Connection c, String org, Role role) throws SQLException {
		String orgId = (org == null || org.isBlank()) ? ((role == Role.REGULATOR) ? ZONE : DEFAULT)
				: org.strip().toLowerCase(Locale.ROOT);
		String kind;
		try (PreparedStatement ps = c.prepareStatement("select kind from organisation where id = ?")) {
			ps.setString(1, orgId);
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalArgumentException("org: no organisation '" + orgId + "'");
				}
				kind = rs.getString(1);
			}
		}
		if ((role == Role.REGULATOR) != "ZONE".equals(kind)) {
			throw new IllegalArgumentException("role: " + ((role == Role.REGULATOR)
					? "a REGULATOR belongs to the zone administration (--org " + ZONE + ")"
					: "the zone administration's users are REGULATORs; " + role.name() + " belongs to an enterprise"));
		}
		return orgId;
	}

}
