package cn.outbound.service.assessment;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the zone's tallies must hold, counted here from the stored assessments with the test's own reading of the
 * rules (Beijing is UTC+8 all year; the items as a set), not with {@link AssessmentTallies}: the oracle of the tally
 * tests. Keys are {@code "year/month/org/outcome/jurisdiction"} and {@code "year/org/jurisdiction/items"}.
 */
public final class TallyOracle {

	private TallyOracle() {
	}

	/** The expected tallies of every year, counted from {@code assessment}. */
	public static Map<String, Long> expected(Connection c) throws SQLException {
		Map<String, Long> out = new TreeMap<>();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select created_at, org_id, outcome, jurisdiction, items from assessment")) {
			while (rs.next()) {
				OffsetDateTime beijing = rs.getTimestamp(1).toInstant().atOffset(ZoneOffset.ofHours(8));
				out.merge(beijing.getYear() + "/" + beijing.getMonthValue() + "/" + rs.getString(2) + "/"
						+ rs.getString(3) + "/" + rs.getString(4), 1L, Long::sum);
				TreeSet<Integer> items = new TreeSet<>();
				for (String item : rs.getString(5).split(",")) {
					if (!item.isEmpty()) {
						items.add(Integer.valueOf(item));
					}
				}
				StringBuilder key = new StringBuilder();
				items.forEach(i -> key.append(key.isEmpty() ? "" : ",").append(i));
				out.merge(beijing.getYear() + "/" + rs.getString(2) + "/" + rs.getString(4) + "/" + key, 1L, Long::sum);
			}
		}
		return out;
	}

	/** What the tallies hold, every year's, in the oracle's keys (read with plain SQL). */
	public static Map<String, Long> actual(Connection c) throws SQLException {
		Map<String, Long> out = new TreeMap<>();
		try (Statement s = c.createStatement()) {
			try (ResultSet rs = s.executeQuery("select tally_year, tally_month, org_id, outcome, jurisdiction,"
					+ " assessments from assessment_tally")) {
				while (rs.next()) {
					out.put(rs.getInt(1) + "/" + rs.getInt(2) + "/" + rs.getString(3) + "/" + rs.getString(4) + "/"
							+ rs.getString(5), rs.getLong(6));
				}
			}
			try (ResultSet rs = s.executeQuery("select tally_year, org_id, jurisdiction, items, assessments"
					+ " from assessment_items_tally")) {
				while (rs.next()) {
					out.put(rs.getInt(1) + "/" + rs.getString(2) + "/" + rs.getString(3) + "/" + rs.getString(4),
							rs.getLong(5));
				}
			}
		}
		return out;
	}

}
