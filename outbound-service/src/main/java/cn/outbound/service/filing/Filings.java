package cn.outbound.service.filing;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.outbound.filing.calendar.FilingText;
import cn.outbound.filing.life.Advance;
import cn.outbound.filing.life.ApprovedScale;
import cn.outbound.filing.life.Filing;
import cn.outbound.filing.life.FilingDeadlines;
import cn.outbound.filing.life.FilingException;
import cn.outbound.filing.life.FilingState;
import cn.outbound.filing.life.Lifecycle;
import cn.outbound.filing.life.Step;
import cn.outbound.rules.Mechanism;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.org.Scope;
import cn.outbound.service.audit.Writes;

/**
 * Stores filings and their moves, and answers every door (REST, pages, CLI) the same way: a filing is created for a
 * stored assessment whose outcome has something to file; a move is checked by {@link Lifecycle} inside the writer's
 * transaction, against the row as it stands (locked), so two doors cannot move one filing twice. Each change appends
 * its audit entry in the same transaction. A filing belongs to its assessment's organisation (issue #13): every call
 * names the caller's, and a filing or assessment of another is not found.
 */
public final class Filings {

	/** The audit action of a new filing; target {@code filing:ID}. */
	public static final String CREATE_ACTION = "FILING_CREATE";

	/** The audit action of a move; target {@code filing:ID}. */
	public static final String TRANSITION_ACTION = "FILING_TRANSITION";

	/** The zone the law's days are counted in. */
	public static final ZoneId ZONE = cn.outbound.ledger.LedgerSettings.ZONE;

	/** The most filings one list returns. */
	public static final int MAX_LIST = 500;

	private static final String COLUMNS = "id, assessment_id, mechanism, state, processor_id, filing_number,"
			+ " approved_individuals, approved_sensitive, approved_recipients, created_at, created_by";

	private final DataSource dataSource;

	private final Writes writes;

	private final FilingDeadlines deadlines;

	private final Clock clock;

	public Filings(DataSource dataSource, Writes writes, FilingDeadlines deadlines, Clock clock) {
		this.dataSource = dataSource;
		this.writes = writes;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	/** Today in Asia/Shanghai. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZONE));
	}

	public FilingDeadlines deadlines() {
		return this.deadlines;
	}

	/**
	 * Opens a filing (DRAFT) for stored assessment {@code assessmentId}.
	 * @throws FilingException no such assessment ({@code NOT_FOUND}); its outcome has nothing to file, or it has a
	 * filing that is neither rejected nor withdrawn ({@code CONFLICT})
	 */
	public Filing create(Scope scope, long assessmentId, Actor actor) throws SQLException {
		scope.requireAnalyst();
		String orgId = scope.orgId();
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		long id = this.writes.submit((c, audit) -> {
			String outcome;
			String processor;
			try (PreparedStatement ps = c
				.prepareStatement("select outcome, processor_id from assessment where id = ? and org_id = ?")) {
				ps.setLong(1, assessmentId);
				ps.setString(2, orgId);
				try (ResultSet rs = ps.executeQuery()) {
					if (!rs.next()) {
						throw notFoundAssessment(assessmentId);
					}
					outcome = rs.getString(1);
					processor = rs.getString(2);
				}
			}
			Mechanism mechanism = Lifecycle.mechanism(assessmentId, outcome);
			try (PreparedStatement ps = c.prepareStatement(
					"select id, state from filing where assessment_id = ? and state not in (?, ?) order by id")) {
				ps.setLong(1, assessmentId);
				ps.setString(2, FilingState.REJECTED.name());
				ps.setString(3, FilingState.WITHDRAWN.name());
				try (ResultSet rs = ps.executeQuery()) {
					if (rs.next()) {
						FilingState state = FilingState.valueOf(rs.getString(2));
						throw new FilingException(FilingException.Kind.CONFLICT, "already-open", "assessment",
								FilingText.of("life.already-open", "id", assessmentId, "filing", rs.getLong(1), "state",
										state.name()));
					}
				}
			}
			long newId;
			try (PreparedStatement ps = c.prepareStatement("insert into filing (assessment_id, mechanism, state,"
					+ " processor_id, created_at, created_by, updated_at, org_id) values (?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" })) {
				ps.setLong(1, assessmentId);
				ps.setString(2, mechanism.name());
				ps.setString(3, FilingState.DRAFT.name());
				ps.setString(4, processor);
				ps.setTimestamp(5, Timestamp.from(now));
				ps.setString(6, actor.name());
				ps.setTimestamp(7, Timestamp.from(now));
				ps.setString(8, orgId);
				ps.executeUpdate();
				try (ResultSet keys = ps.getGeneratedKeys()) {
					keys.next();
					newId = keys.getLong(1);
				}
			}
			audit.append(actor.name(), CREATE_ACTION, "filing:" + newId, actor.remote(),
					"assessment=" + assessmentId + " mechanism=" + mechanism.name());
			return newId;
		});
		return find(orgId, id);
	}

	/**
	 * Moves filing {@code id} as {@code advance} asks, on the checks of {@link Lifecycle#check} against the stored row.
	 * @throws FilingException no such filing ({@code NOT_FOUND}), a move its state does not allow ({@code CONFLICT}),
	 * a bad date, number or scale ({@code INVALID})
	 */
	public Filing advance(Scope scope, long id, Advance advance, Actor actor) throws SQLException {
		scope.requireAnalyst();
		String orgId = scope.orgId();
		Advance a = new Advance(advance.to(), advance.date(),
				(advance.number() == null) ? null : advance.number().strip(), Lifecycle.normalise(advance.scale()));
		LocalDate today = today();
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		this.writes.submit((c, audit) -> {
			Filing f = load(c, orgId, id, true);
			Lifecycle.check(f, a, today);
			int seq = f.steps().size() + 1;
			try (PreparedStatement ps = c.prepareStatement("insert into filing_step (filing_id, seq, from_state, to_state,"
					+ " step_date, filing_number, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
				ps.setLong(1, id);
				ps.setInt(2, seq);
				ps.setString(3, f.state().name());
				ps.setString(4, a.to().name());
				ps.setDate(5, Date.valueOf(a.date()));
				ps.setString(6, a.number());
				ps.setTimestamp(7, Timestamp.from(now));
				ps.setString(8, actor.name());
				ps.executeUpdate();
			}
			StringBuilder set = new StringBuilder("update filing set state = ?, updated_at = ?");
			if (a.number() != null) {
				set.append(", filing_number = ?");
			}
			if (a.scale() != null) {
				set.append(", approved_individuals = ?, approved_sensitive = ?, approved_recipients = ?");
			}
			try (PreparedStatement ps = c.prepareStatement(set + " where id = ?")) {
				int i = 1;
				ps.setString(i++, a.to().name());
				ps.setTimestamp(i++, Timestamp.from(now));
				if (a.number() != null) {
					ps.setString(i++, a.number());
				}
				if (a.scale() != null) {
					setLong(ps, i++, a.scale().individuals());
					setLong(ps, i++, a.scale().sensitiveIndividuals());
					ps.setString(i++, String.join("\n", a.scale().recipients()));
				}
				ps.setLong(i, id);
				ps.executeUpdate();
			}
			StringBuilder details = new StringBuilder("from=" + f.state() + " to=" + a.to() + " date=" + a.date());
			if (a.number() != null) {
				details.append(" number=").append(a.number());
			}
			if (a.scale() != null) {
				details.append(" individuals=").append(a.scale().individuals())
					.append(" sensitive=").append(a.scale().sensitiveIndividuals())
					.append(" recipients=").append(a.scale().recipients().size());
			}
			audit.append(actor.name(), TRANSITION_ACTION, "filing:" + id, actor.remote(), details.toString());
			return null;
		});
		return find(orgId, id);
	}

	/**
	 * @throws FilingException ({@code NOT_FOUND}) when organisation {@code orgId} has no filing {@code id}
	 */
	public Filing find(String orgId, long id) throws SQLException {
		try (Connection c = this.dataSource.getConnection()) {
			return load(c, orgId, id, false);
		}
	}

	/**
	 * Organisation {@code orgId}'s filings, newest first, at most {@value #MAX_LIST}.
	 * @param assessmentId only this assessment's, or {@code null}
	 * @param processor only this processor's, or {@code null}
	 * @param states only filings in these states, or {@code null} for any
	 */
	public List<Filing> list(String orgId, Long assessmentId, String processor, List<FilingState> states)
			throws SQLException {
		StringBuilder where = new StringBuilder(" where org_id = ?");
		List<Object> args = new ArrayList<>();
		args.add(orgId);
		if (assessmentId != null) {
			where.append(" and assessment_id = ?");
			args.add(assessmentId);
		}
		if (processor != null) {
			where.append(" and processor_id = ?");
			args.add(processor);
		}
		if (states != null) {
			where.append(" and state in (").append(String.join(", ", states.stream().map(s -> "?").toList())).append(')');
			states.forEach(s -> args.add(s.name()));
		}
		try (Connection c = this.dataSource.getConnection()) {
			Map<Long, Row> rows = new LinkedHashMap<>();
			try (PreparedStatement ps = c.prepareStatement(
					"select " + COLUMNS + " from filing" + where + " order by id desc limit " + MAX_LIST)) {
				for (int i = 0; i < args.size(); i++) {
					ps.setObject(i + 1, args.get(i));
				}
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						Row r = row(rs);
						rows.put(r.id, r);
					}
				}
			}
			if (rows.isEmpty()) {
				return List.of();
			}
			Map<Long, List<Step>> steps = new LinkedHashMap<>();
			String in = String.join(", ", rows.keySet().stream().map(k -> "?").toList());
			try (PreparedStatement ps = c.prepareStatement("select filing_id, seq, from_state, to_state, step_date,"
					+ " filing_number, recorded_at, recorded_by from filing_step where filing_id in (" + in
					+ ") order by filing_id, seq")) {
				int i = 1;
				for (long k : rows.keySet()) {
					ps.setLong(i++, k);
				}
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						steps.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(step(rs));
					}
				}
			}
			List<Filing> out = new ArrayList<>(rows.size());
			for (Row r : rows.values()) {
				out.add(r.filing(steps.getOrDefault(r.id, List.of())));
			}
			return out;
		}
	}

	/** The open deadlines of one filing, soonest first. */
	public List<FilingDeadlines.Open> open(Filing filing) {
		return this.deadlines.open(filing);
	}

	/** Every open deadline of every filing of organisation {@code orgId}, soonest first. */
	public List<FilingDeadlines.Open> openDeadlines(String orgId) throws SQLException {
		List<FilingDeadlines.Open> all = new ArrayList<>();
		for (Filing f : list(orgId, null, null, List.of(FilingState.SUBMITTED, FilingState.ACCEPTED, FilingState.APPROVED,
				FilingState.REJECTED, FilingState.CONTRACT_EFFECTIVE))) {
			all.addAll(this.deadlines.open(f));
		}
		all.sort(FilingDeadlines.SOONEST);
		return all;
	}

	// ---------------------------------------------------------------- rows

	private record Row(long id, long assessmentId, Mechanism mechanism, FilingState state, String processor,
			String number, ApprovedScale scale, Instant createdAt, String createdBy) {

		Filing filing(List<Step> steps) {
			return new Filing(this.id, this.assessmentId, this.processor, this.mechanism, this.state, this.number,
					this.scale, this.createdAt, this.createdBy, steps);
		}

	}

	private static Row row(ResultSet rs) throws SQLException {
		Long individuals = longOrNull(rs, 7);
		Long sensitive = longOrNull(rs, 8);
		String recipients = rs.getString(9);
		ApprovedScale scale = (recipients == null) ? null
				: new ApprovedScale(individuals, sensitive, Arrays.asList(recipients.split("\n")));
		return new Row(rs.getLong(1), rs.getLong(2), Mechanism.valueOf(rs.getString(3)),
				FilingState.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), scale,
				rs.getTimestamp(10).toInstant(), rs.getString(11));
	}

	private static Step step(ResultSet rs) throws SQLException {
		return new Step(rs.getInt(2), FilingState.valueOf(rs.getString(3)), FilingState.valueOf(rs.getString(4)),
				rs.getDate(5).toLocalDate(), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8));
	}

	private static Filing load(Connection c, String orgId, long id, boolean lock) throws SQLException {
		Row row;
		try (PreparedStatement ps = c.prepareStatement(
				"select " + COLUMNS + " from filing where id = ? and org_id = ?" + (lock ? " for update" : ""))) {
			ps.setLong(1, id);
			ps.setString(2, orgId);
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					throw new FilingException(FilingException.Kind.NOT_FOUND, "not-found", "id",
							FilingText.of("life.not-found", "id", id));
				}
				row = row(rs);
			}
		}
		List<Step> steps = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement("select filing_id, seq, from_state, to_state, step_date,"
				+ " filing_number, recorded_at, recorded_by from filing_step where filing_id = ? order by seq")) {
			ps.setLong(1, id);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					steps.add(step(rs));
				}
			}
		}
		return row.filing(steps);
	}

	private static FilingException notFoundAssessment(long id) {
		return new FilingException(FilingException.Kind.NOT_FOUND, "not-found", "assessment",
				FilingText.of("life.assessment-not-found", "id", id));
	}

	private static Long longOrNull(ResultSet rs, int column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	private static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
		if (value == null) {
			ps.setNull(i, Types.BIGINT);
		}
		else {
			ps.setLong(i, value);
		}
	}

}
