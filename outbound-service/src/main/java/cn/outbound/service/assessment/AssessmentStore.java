package cn.outbound.service.assessment;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import cn.outbound.service.audit.Writes;

/**
 * Stores and finds assessments. A new assessment, its idempotency key and its audit entry commit together. Every read
 * and write names an organisation (issue #13): an assessment of another organisation is never found.
 */
public final class AssessmentStore {

	private static final String COLUMNS = "id, created_at, created_by, title, processor_id, processor_name, jurisdiction,"
			+ " export_date, outcome, items, pack_id, pack_edition, pack_hash";

	private final DataSource dataSource;

	private final Writes writes;

	public AssessmentStore(DataSource dataSource, Writes writes) {
		this.dataSource = dataSource;
		this.writes = writes;
	}

	/** What was stored: the new id, or the id a repeated idempotency key already names. */
	record Saved(long id, boolean replay, boolean sameRequest) {
	}

	private static final String INSERT = "insert into assessment (created_at, created_by, title, processor_id,"
			+ " processor_name, jurisdiction, export_date, outcome, items, pack_id, pack_edition, pack_hash, scenario, decision,"
			+ " org_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	Saved save(Assessment a, String orgId, String idempotencyKey, String requestHash, String remote) throws SQLException {
		if (idempotencyKey == null) {
			// the common case: sent together with the other inserts waiting (one JDBC batch)
			Object[] params = { Timestamp.from(a.createdAt()), a.createdBy(), a.title(), a.processorId(), a.processorName(),
					a.jurisdiction(), Date.valueOf(a.exportDate()), a.outcome(), joinItems(a.items()), a.packId(),
					a.packEdition(), a.packHash(), a.scenario(), a.decision(), orgId };
			long id = this.writes.insert(INSERT, params, (c, audit, newId) -> {
				tally(audit, a, orgId);
				audit.append(a.createdBy(), "ASSESSMENT_CREATED", "assessment:" + newId, remote, details(a));
			});
			return new Saved(id, false, true);
		}
		return this.writes.submit((c, audit) -> {
			if (idempotencyKey != null) {
				try (PreparedStatement ps = c.prepareStatement(
						"select k.assessment_id, k.request_hash, a.org_id from idempotency_key k join assessment a"
								+ " on a.id = k.assessment_id where k.username = ? and k.idem_key = ?")) {
					ps.setString(1, a.createdBy());
					ps.setString(2, idempotencyKey);
					try (ResultSet rs = ps.executeQuery()) {
						if (rs.next()) {
							// a key used before the user moved organisation names nothing this user may read
							return new Saved(rs.getLong(1), true,
									rs.getString(2).equals(requestHash) && rs.getString(3).equals(orgId));
						}
					}
				}
			}
			long id;
			try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] { "id" })) {
				ps.setTimestamp(1, Timestamp.from(a.createdAt()));
				ps.setString(2, a.createdBy());
				ps.setString(3, a.title());
				ps.setString(4, a.processorId());
				ps.setString(5, a.processorName());
				ps.setString(6, a.jurisdiction());
				ps.setDate(7, Date.valueOf(a.exportDate()));
				ps.setString(8, a.outcome());
				ps.setString(9, joinItems(a.items()));
				ps.setString(10, a.packId());
				ps.setString(11, a.packEdition());
				ps.setString(12, a.packHash());
				ps.setString(13, a.scenario());
				ps.setString(14, a.decision());
				ps.setString(15, orgId);
				ps.executeUpdate();
				try (ResultSet keys = ps.getGeneratedKeys()) {
					keys.next();
					id = keys.getLong(1);
				}
			}
			tally(audit, a, orgId);
			if (idempotencyKey != null) {
				try (PreparedStatement ps = c.prepareStatement("insert into idempotency_key (username, idem_key,"
						+ " request_hash, assessment_id, created_at) values (?, ?, ?, ?, ?)")) {
					ps.setString(1, a.createdBy());
					ps.setString(2, idempotencyKey);
					ps.setString(3, requestHash);
					ps.setLong(4, id);
					ps.setTimestamp(5, Timestamp.from(a.createdAt()));
					ps.executeUpdate();
				}
			}
			audit.append(a.createdBy(), "ASSESSMENT_CREATED", "assessment:" + id, remote, details(a));
			return new Saved(id, false, true);
		});
	}

	/** The new assessment counted in the zone's tallies (issue #13), in its transaction. */
	private static void tally(Writes.Audit transaction, Assessment a, String orgId) {
		AssessmentTallies.add(transaction, a.createdAt(), orgId, a.outcome(), a.jurisdiction(), a.items());
	}

	private static String details(Assessment a) {
		return "outcome=" + a.outcome() + " items=" + joinItems(a.items()) + " pack=" + a.packId() + "@" + a.packEdition();
	}

	Optional<Assessment> find(long id, String orgId) throws SQLException {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select " + COLUMNS + ", scenario, decision from assessment where id = ? and org_id = ?")) {
			ps.setLong(1, id);
			ps.setString(2, orgId);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next() ? Optional.of(read(rs, true)) : Optional.empty();
			}
		}
	}

	/** Filters for the history; {@code null} means any. */
	public record Filter(String outcome, String processor, LocalDate from, LocalDate to) {

		public static final Filter NONE = new Filter(null, null, null, null);

	}

	public record Page(List<Assessment> items, int page, int size, long total) {
	}

	/** The filter as SQL: a {@code where} clause over {@code assessment} and its arguments. One place for both the
	 * history's pages and its export. */
	private static String where(String orgId, Filter f, List<Object> args) {
		StringBuilder where = new StringBuilder(" where org_id = ?");
		args.add(orgId);
		if (f.outcome() != null) {
			where.append(" and outcome = ?");
			args.add(f.outcome());
		}
		if (f.processor() != null) {
			where.append(" and (processor_id = ? or lower(processor_name) like ?)");
			args.add(f.processor());
			args.add("%" + f.processor().toLowerCase().replace("%", "").replace("_", "") + "%");
		}
		if (f.from() != null) {
			where.append(" and created_at >= ?");
			args.add(Timestamp.from(f.from().atStartOfDay(ZoneId.systemDefault()).toInstant()));
		}
		if (f.to() != null) {
			where.append(" and created_at < ?");
			args.add(Timestamp.from(f.to().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
		}
		return where.toString();
	}

	/** A row of the history's export: the summary, its sign-off status and who approved it. */
	public record ExportRow(Assessment assessment, String reviewStatus, String approvedBy) {
	}

	/** Receives the export's rows one at a time. */
	@FunctionalInterface
	public interface RowSink {

		void accept(ExportRow row) throws java.io.IOException;

	}

	/**
	 * Every assessment the filter selects, newest first, handed to {@code sink} one row at a time as the database
	 * streams them (a cursor with a fetch size; nothing is held whole in memory).
	 * @return the number of rows
	 */
	long export(String orgId, Filter f, RowSink sink) throws SQLException, java.io.IOException {
		List<Object> args = new ArrayList<>();
		String where = where(orgId, f, args);
		String sql = "select " + COLUMNS + ", (select r.verdict from assessment_review r where r.assessment_id = assessment.id"
				+ " order by r.id desc limit 1), (select max(r.reviewer) from assessment_review r where r.assessment_id ="
				+ " assessment.id and r.verdict = 'APPROVED') from assessment" + where + " order by id desc";
		try (Connection c = this.dataSource.getConnection()) {
			boolean auto = c.getAutoCommit();
			c.setAutoCommit(false);
			try (PreparedStatement ps = c.prepareStatement(sql)) {
				ps.setFetchSize(500);
				bind(ps, args);
				long n = 0;
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						String status = rs.getString(14);
						sink.accept(new ExportRow(read(rs, false), (status != null) ? status : "PENDING", rs.getString(15)));
						n++;
					}
				}
				return n;
			}
			finally {
				c.rollback();
				c.setAutoCommit(auto);
			}
		}
	}

	Page search(String orgId, Filter f, int page, int size) throws SQLException {
		List<Object> args = new ArrayList<>();
		String where = where(orgId, f, args);
		try (Connection c = this.dataSource.getConnection()) {
			long total;
			try (PreparedStatement ps = c.prepareStatement("select count(*) from assessment" + where)) {
				bind(ps, args);
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					total = rs.getLong(1);
				}
			}
			List<Assessment> items = new ArrayList<>();
			try (PreparedStatement ps = c.prepareStatement(
					"select " + COLUMNS + " from assessment" + where + " order by id desc limit ? offset ?")) {
				bind(ps, args);
				ps.setInt(args.size() + 1, size);
				ps.setLong(args.size() + 2, (long) page * size);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						items.add(read(rs, false));
					}
				}
			}
			return new Page(items, page, size, total);
		}
	}

	/** The processor ids stored assessments name, in order, at most {@code limit}. */
	List<String> processorIds(String orgId, int limit) throws SQLException {
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement("select distinct processor_id from assessment"
						+ " where org_id = ? and processor_id is not null order by processor_id limit ?")) {
			ps.setString(1, orgId);
			ps.setInt(2, limit);
			List<String> out = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.add(rs.getString(1));
				}
			}
			return out;
		}
	}

	private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
		for (int i = 0; i < args.size(); i++) {
			ps.setObject(i + 1, args.get(i));
		}
	}

	private static Assessment read(ResultSet rs, boolean full) throws SQLException {
		return new Assessment(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate(), rs.getString(9),
				splitItems(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13),
				full ? rs.getString(14) : null, full ? rs.getString(15) : null);
	}

	public static String joinItems(List<Integer> items) {
		StringBuilder sb = new StringBuilder();
		for (Integer i : items) {
			if (sb.length() > 0) {
				sb.append(',');
			}
			sb.append(i);
		}
		return sb.toString();
	}

	static List<Integer> splitItems(String s) {
		if (s == null || s.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(s.split(",")).map(Integer::valueOf).toList();
	}

	static Instant now() {
		return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

}
