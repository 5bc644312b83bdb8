package cn.outbound.service.org;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import cn.outbound.service.assessment.Assessments;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.audit.Writes;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an enterprise reports to the zone (issue #13, item 5), and the regulator's per-case view of it, in one place
 * for every door (pages, {@code /api/v1/zone/reports} and {@code /api/v1/reports}, {@code outbound reports}).
 * <ul>
 * <li>An ADMIN or ANALYST of an enterprise reports one of its own assessments or filings ({@value #REPORT_ACTION},
 * audited); one open report per item ({@code CONFLICT} for a second).</li>
 * <li>The enterprise may withdraw its report ({@value #WITHDRAW_ACTION}, audited): the row stays with who and when,
 * and the item leaves the regulator's view at once.</li>
 * <li>A REGULATOR sees the open reports of every enterprise, each with its decision; never an item not reported.</li>
 * <li>An enterprise sees its own reports, open and withdrawn; another organisation's report or item is not found.</li>
 * </ul>
 */
public final class ZoneReports {

	/** The audit action of a report; target {@code assessment:ID} or {@code filing:ID}. */
	public static final String REPORT_ACTION = "ZONE_REPORTED";

	/** The audit action of a withdrawal; target as the report's. */
	public static final String WITHDRAW_ACTION = "ZONE_REPORT_WITHDRAWN";

	/** The longest note of a report. */
	public static final int MAX_NOTE = 2000;

	/** What may be reported. */
	public enum Kind {

		ASSESSMENT, FILING;

		/** The kind a parameter names ({@code assessment}, {@code filing}, any case). */
		public static Kind of(String value) {
			String v = (value == null) ? "" : value.strip().toUpperCase(Locale.ROOT);
			for (Kind k : values()) {
				if (k.name().equals(v)) {
					return k;
				}
			}
			throw new Denied(Denied.Kind.INVALID, "kind", "kind must be assessment or filing");
		}

		public String target(long id) {
			return name().toLowerCase(Locale.ROOT) + ":" + id;
		}

	}

	/**
	 * A report and the item it names as the regulator sees it.
	 *
	 * @param item the item's fields: for an assessment its summary ({@link Assessments#summary}) and {@code decision};
	 * for a filing its mechanism, state, number and the summary of its assessment
	 */
	public record Report(long id, String orgId, String orgName, Kind kind, long targetId, String note,
			Instant reportedAt, String reportedBy, Instant withdrawnAt, String withdrawnBy, Map<String, Object> item) {

		public boolean open() {
			return this.withdrawnAt == null;
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;

	private final Writes writes;

	private final Assessments assessments;

	public ZoneReports(DataSource dataSource, Writes writes, Assessments assessments) {
		this.dataSource = dataSource;
		this.writes = writes;
		this.assessments = assessments;
	}

	/**
	 * Reports an item of the caller's organisation to the zone.
	 * @throws Denied {@code FORBIDDEN} for a VIEWER or REGULATOR; {@code NOT_FOUND} for an item not the organisation's;
	 * {@code CONFLICT} when it is reported already; {@code INVALID} for a note too long
	 */
	public Report report(Scope scope, Kind kind, long targetId, String note, Actor actor) throws SQLException {
		Assessments.requireAnalyst(scope);
		String text = (note == null || note.isBlank()) ? null : note.strip();
		if (text != null && text.length() > MAX_NOTE) {
			throw new Denied(Denied.Kind.INVALID, "note", "note: at most " + MAX_NOTE + " characters");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		long id = this.writes.submit((c, audit) -> {
			String table = (kind == Kind.ASSESSMENT) ? "assessment" : "filing";
			try (PreparedStatement ps = c.prepareStatement("select id from " + table + " where id = ? and org_id = ?")) {
				ps.setLong(1, targetId);
				ps.setString(2, scope.orgId());
				try (ResultSet rs = ps.executeQuery()) {
					if (!rs.next()) {
						throw Denied.notFound(table, targetId);
					}
				}
			}
			try (PreparedStatement ps = c.prepareStatement(
					"select id from zone_report where kind = ? and target_id = ? and withdrawn_at is null")) {
				ps.setString(1, kind.name());
				ps.setLong(2, targetId);
				try (ResultSet rs = ps.executeQuery()) {
					if (rs.next()) {
						throw new Denied(Denied.Kind.CONFLICT, "id", "This " + table + " is reported to the zone already"
								+ " (report " + rs.getLong(1) + ").");
					}
				}
			}
			long newId;
			try (PreparedStatement ps = c.prepareStatement("insert into zone_report (org_id, kind, target_id,"
					+ " report_note, reported_at, reported_by) values (?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
				ps.setString(1, scope.orgId());
				ps.setString(2, kind.name());
				ps.setLong(3, targetId);
				ps.setString(4, text);
				ps.setTimestamp(5, Timestamp.from(now));
				ps.setString(6, scope.user());
				ps.executeUpdate();
				try (ResultSet keys = ps.getGeneratedKeys()) {
					keys.next();
					newId = keys.getLong(1);
				}
			}
			audit.append(actor.name(), REPORT_ACTION, kind.target(targetId), actor.remote(),
					"report=" + newId + " org=" + scope.orgId());
			return newId;
		});
		return find(scope, id).orElseThrow();
	}

	/**
	 * Withdraws an open report of the caller's organisation.
	 * @throws Denied {@code FORBIDDEN} for a VIEWER or REGULATOR; {@code NOT_FOUND} for a report not the
	 * organisation's; {@code CONFLICT} when it is withdrawn already
	 */
	public Report withdraw(Scope scope, long reportId, Actor actor) throws SQLException {
		Assessments.requireAnalyst(scope);
		this.writes.submit((c, audit) -> {
			String kind;
			long target;
			try (PreparedStatement ps = c.prepareStatement(
					"select kind, target_id, withdrawn_at from zone_report where id = ? and org_id = ? for update")) {
				ps.setLong(1, reportId);
				ps.setString(2, scope.orgId());
				try (ResultSet rs = ps.executeQuery()) {
					if (!rs.next()) {
						throw Denied.notFound("report", reportId);
					}
					if (rs.getTimestamp(3) != null) {
						throw new Denied(Denied.Kind.CONFLICT, "id", "Report " + reportId + " is withdrawn already.");
					}
					kind = rs.getString(1);
					target = rs.getLong(2);
				}
			}
			try (PreparedStatement ps = c
				.prepareStatement("update zone_report set withdrawn_at = ?, withdrawn_by = ? where id = ?")) {
				ps.setTimestamp(1, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
				ps.setString(2, scope.user());
				ps.setLong(3, reportId);
				ps.executeUpdate();
			}
			audit.append(actor.name(), WITHDRAW_ACTION, Kind.valueOf(kind).target(target), actor.remote(),
					"report=" + reportId + " org=" + scope.orgId());
			return null;
		});
		return find(scope, reportId).orElseThrow();
	}

	/**
	 * The reports the caller may read, newest first: a REGULATOR the open reports of every enterprise, an enterprise's
	 * user its organisation's (open and withdrawn).
	 */
	public List<Report> list(Scope scope) throws SQLException {
		return select(scope, null);
	}

	/** One report as {@link #list} would show it; empty when the caller may not read it. */
	public Optional<Report> find(Scope scope, long id) throws SQLException {
		List<Report> one = select(scope, id);
		return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
	}

	/** The open report of an item of the caller's organisation, if any (for the item's page). */
	public Optional<Report> openReportOf(Scope scope, Kind kind, long targetId) throws SQLException {
		return list(scope).stream()
			.filter(r -> r.open() && r.kind() == kind && r.targetId() == targetId)
			.findFirst();
	}

	private List<Report> select(Scope scope, Long id) throws SQLException {
		StringBuilder sql = new StringBuilder("select r.id, r.org_id, o.name, r.kind, r.target_id, r.report_note,"
				+ " r.reported_at, r.reported_by, r.withdrawn_at, r.withdrawn_by from zone_report r"
				+ " join organisation o on o.id = r.org_id where ");
		List<Object> args = new ArrayList<>();
		if (scope.regulator()) {
			sql.append("r.withdrawn_at is null");
		}
		else {
			sql.append("r.org_id = ?");
			args.add(scope.orgId());
		}
		if (id != null) {
			sql.append(" and r.id = ?");
			args.add(id);
		}
		sql.append(" order by r.id desc limit 1000");
		List<Report> out = new ArrayList<>();
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
			for (int i = 0; i < args.size(); i++) {
				ps.setObject(i + 1, args.get(i));
			}
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					Kind kind = Kind.valueOf(rs.getString(4));
					String orgId = rs.getString(2);
					Timestamp withdrawn = rs.getTimestamp(9);
					out.add(new Report(rs.getLong(1), orgId, rs.getString(3), kind, rs.getLong(5), rs.getString(6),
							rs.getTimestamp(7).toInstant(), rs.getString(8),
							(withdrawn != null) ? withdrawn.toInstant() : null, rs.getString(10),
							item(c, orgId, kind, rs.getLong(5))));
				}
			}
		}
		return out;
	}

	/** The reported item's fields, read within its own organisation. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> item(Connection c, String orgId, Kind kind, long targetId) throws SQLException {
		Scope owner = new Scope(null, cn.outbound.service.user.Role.VIEWER, orgId);
		Map<String, Object> out = new LinkedHashMap<>();
		long assessmentId = targetId;
		if (kind == Kind.FILING) {
			try (PreparedStatement ps = c.prepareStatement("select assessment_id, mechanism, state, filing_number"
					+ " from filing where id = ? and org_id = ?")) {
				ps.setLong(1, targetId);
				ps.setString(2, orgId);
				try (ResultSet rs = ps.executeQuery()) {
					if (!rs.next()) {
						return out;
					}
					assessmentId = rs.getLong(1);
					out.put("id", targetId);
					out.put("mechanism", rs.getString(2));
					out.put("state", rs.getString(3));
					out.put("filingNumber", rs.getString(4));
				}
			}
		}
		var a = this.assessments.find(owner, assessmentId);
		if (a.isEmpty()) {
			return out;
		}
		Map<String, Object> summary = Assessments.summary(a.get());
		if (kind == Kind.ASSESSMENT) {
			out.putAll(summary);
			out.put("decision", JSON.readValue(a.get().decision(), Map.class));
		}
		else {
			out.put("assessment", summary);
		}
		return out;
	}

}
