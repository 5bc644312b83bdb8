package cn.outbound.service.assessment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.outbound.ledger.LedgerSettings;
import cn.outbound.service.audit.Writes;

/**
 * The assessments counted ahead for the zone's statistics (issue #13 item 3). Each assessment, in the transaction that
 * stores it, adds one to two tallies:
 * <ul>
 * <li>{@code assessment_tally}: per year, month, organisation, outcome and jurisdiction;</li>
 * <li>{@code assessment_items_tally}: per year, organisation, jurisdiction and the assessment's list items as a set
 * ({@code "20,46"}, or empty), so that a category, which depends on the edition read, is counted once per
 * assessment however many of its items it names.</li>
 * </ul>
 * The statistics then read a few thousand tally rows instead of grouping a year of assessments. Years and months run
 * by Beijing time on the assessment's creation, the counting year's zone ({@link LedgerSettings#ZONE}). Assessments
 * are never changed or removed, so a tally only grows; the writes are serial (every change holds the audit chain's
 * head, {@link cn.outbound.service.audit.Writes}), so the merge of a tally row has no race. {@link #rebuild} counts
 * them anew from the assessments (the migration that introduced the tallies, and bulk loads).
 */
public final class AssessmentTallies {

	private static final String MERGE_MONTH = "merge into assessment_tally t using (values (cast(? as int),"
			+ " cast(? as int), cast(? as varchar(40)), cast(? as varchar(50)), cast(? as varchar(50)), cast(? as bigint)))"
			+ " s (tally_year, tally_month, org_id, outcome, jurisdiction, n) on t.tally_year = s.tally_year"
			+ " and t.tally_month = s.tally_month and t.org_id = s.org_id and t.outcome = s.outcome"
			+ " and t.jurisdiction = s.jurisdiction when matched then update set assessments = t.assessments + s.n"
			+ " when not matched then insert (tally_year, tally_month, org_id, outcome, jurisdiction, assessments)"
			+ " values (s.tally_year, s.tally_month, s.org_id, s.outcome, s.jurisdiction, s.n)";

	private static final String MERGE_ITEMS = "merge into assessment_items_tally t using (values (cast(? as int),"
			+ " cast(? as varchar(40)), cast(? as varchar(50)), cast(? as varchar(400)), cast(? as bigint)))"
			+ " s (tally_year, org_id, jurisdiction, items, n) on t.tally_year = s.tally_year and t.org_id = s.org_id"
			+ " and t.jurisdiction = s.jurisdiction and t.items = s.items"
			+ " when matched then update set assessments = t.assessments + s.n"
			+ " when not matched then insert (tally_year, org_id, jurisdiction, items, assessments)"
			+ " values (s.tally_year, s.org_id, s.jurisdiction, s.items, s.n)";

	private AssessmentTallies() {
	}

	/** A row of the monthly tally. */
	public record MonthRow(int month, String org, String outcome, String jurisdiction, long assessments) {
	}

	/** A row of the items tally: the assessments of an organisation that named exactly these items. */
	public record ItemsRow(String org, String jurisdiction, List<Integer> items, long assessments) {
	}

	/** A year's tallies. */
	public record Year(List<MonthRow> months, List<ItemsRow> items) {
	}

	/**
	 * Counts one new assessment in the transaction that stores it: two merges deferred to its end
	 * ({@link Writes.Audit#atEnd}), sent with the other assessments' of the same commit as one batch.
	 */
	public static void add(Writes.Audit transaction, Instant createdAt, String orgId, String outcome,
			String jurisdiction, List<Integer> items) {
		ZonedDateTime at = createdAt.atZone(LedgerSettings.ZONE);
		transaction.atEnd(MERGE_MONTH, at.getYear(), at.getMonthValue(), orgId, outcome, jurisdiction, 1L);
		transaction.atEnd(MERGE_ITEMS, at.getYear(), orgId, jurisdiction, key(items), 1L);
	}

	/**
	 * Counts every stored assessment anew: the tallies are emptied and filled from {@code assessment}, read as a
	 * stream, in the caller's transaction or, when the connection commits each statement, in one of its own. Memory holds one entry per tally row, not per assessment.
	 */
	public static void rebuild(Connection c) throws SQLException {
		if (!c.getAutoCommit()) {
			count(c);
			return;
		}
		c.setAutoCommit(false); // PostgreSQL streams a result with a fetch size only inside a transaction
		try {
			count(c);
			c.commit();
		}
		catch (SQLException | RuntimeException ex) {
			c.rollback();
			throw ex;
		}
		finally {
			c.setAutoCommit(true);
		}
	}

	private static void count(Connection c) throws SQLException {
		record MonthKey(int year, int month, String org, String outcome, String jurisdiction) {
		}
		record ItemsKey(int year, String org, String jurisdiction, String items) {
		}
		Map<MonthKey, long[]> months = new LinkedHashMap<>();
		Map<ItemsKey, long[]> items = new LinkedHashMap<>();
		try (PreparedStatement ps = c.prepareStatement(
				"select created_at, org_id, outcome, jurisdiction, items from assessment")) {
			ps.setFetchSize(5_000);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					ZonedDateTime at = rs.getTimestamp(1).toInstant().atZone(LedgerSettings.ZONE);
					String org = rs.getString(2);
					String jurisdiction = rs.getString(4);
					months.computeIfAbsent(new MonthKey(at.getYear(), at.getMonthValue(), org, rs.getString(3),
							jurisdiction), k -> new long[1])[0]++;
					items.computeIfAbsent(new ItemsKey(at.getYear(), org, jurisdiction,
							key(AssessmentStore.splitItems(rs.getString(5)))), k -> new long[1])[0]++;
				}
			}
		}
		try (Statement s = c.createStatement()) {
			s.executeUpdate("delete from assessment_tally");
			s.executeUpdate("delete from assessment_items_tally");
		}
		try (PreparedStatement ps = c.prepareStatement("insert into assessment_tally (tally_year, tally_month, org_id,"
				+ " outcome, jurisdiction, assessments) values (?, ?, ?, ?, ?, ?)")) {
			for (Map.Entry<MonthKey, long[]> e : months.entrySet()) {
				MonthKey k = e.getKey();
				ps.setInt(1, k.year());
				ps.setInt(2, k.month());
				ps.setString(3, k.org());
				ps.setString(4, k.outcome());
				ps.setString(5, k.jurisdiction());
				ps.setLong(6, e.getValue()[0]);
				ps.addBatch();
			}
			ps.executeBatch();
		}
		try (PreparedStatement ps = c.prepareStatement("insert into assessment_items_tally (tally_year, org_id,"
				+ " jurisdiction, items, assessments) values (?, ?, ?, ?, ?)")) {
			for (Map.Entry<ItemsKey, long[]> e : items.entrySet()) {
				ItemsKey k = e.getKey();
				ps.setInt(1, k.year());
				ps.setString(2, k.org());
				ps.setString(3, k.jurisdiction());
				ps.setString(4, k.items());
				ps.setLong(5, e.getValue()[0]);
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

	/** A year's tallies, every organisation's. */
	public static Year read(Connection c, int year) throws SQLException {
		List<MonthRow> months = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement("select tally_month, org_id, outcome, jurisdiction, assessments"
				+ " from assessment_tally where tally_year = ?")) {
			ps.setInt(1, year);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					months.add(new MonthRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getLong(5)));
				}
			}
		}
		List<ItemsRow> items = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement("select org_id, jurisdiction, items, assessments"
				+ " from assessment_items_tally where tally_year = ?")) {
			ps.setInt(1, year);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					items.add(new ItemsRow(rs.getString(1), rs.getString(2), AssessmentStore.splitItems(rs.getString(3)),
							rs.getLong(4)));
				}
			}
		}
		return new Year(months, items);
	}

	/** The items as a set: ascending, each once, comma-separated. */
	static String key(List<Integer> items) {
		return AssessmentStore.joinItems(items.stream().filter(Objects::nonNull).distinct().sorted().toList());
	}

}
