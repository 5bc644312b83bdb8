package cn.outbound.app.zone;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import cn.outbound.rules.Mechanism;
import cn.outbound.rules.pack.Item;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.service.assessment.AssessmentTallies;
import cn.outbound.service.org.Organisations;

import org.springframework.stereotype.Component;

/**
 * The zone's statistics for a year (issue #13 item 3): every assessment of every organisation counted, read from the
 * tallies kept with each assessment ({@link AssessmentTallies}: rows per month, organisation and outcome, and per
 * organisation and set of items, never a row per assessment), then suppressed by {@link Suppression} so that no
 * organisation's own figures can be read off. The year runs by Beijing time on the assessment's creation.
 */
@Component
public class ZoneStatistics {

	/** The ledger series of every person exported under any basis (cn.outbound.ledger.internal.Tallies.ALL). */
	static final String LEDGER_ALL = "all";

	private final DataSource dataSource;

	public ZoneStatistics(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * A year's statistics as they may be shown.
	 *
	 * @param organisations the enterprises registered; {@code organisationsAssessing} those with an assessment this year
	 * @param assessments the total, {@code null} when suppressed
	 * @param persons per class (individuals, sensitiveIndividuals) the persons exported summed over the ledgers
	 */
	public record Result(int year, String list, int organisations, int organisationsAssessing, Long assessments,
			List<Suppression.Shown> byOutcome, List<Suppression.Shown> byItem, List<Suppression.Shown> byCategory,
			List<Suppression.Shown> byMonth, List<Suppression.Shown> persons, long millis) {
	}

	public Result of(int year, RulePack list) throws SQLException {
		long start = System.nanoTime();
		try (Connection c = this.dataSource.getConnection()) {
			int organisations = count(c, "select count(*) from organisation where kind = 'ENTERPRISE'");
			AssessmentTallies.Year tallies = AssessmentTallies.read(c, year);
			Suppression.Cell total = new Suppression.Cell();
			Map<String, Suppression.Cell> byOutcome = Suppression.cells();
			for (Mechanism m : Mechanism.values()) {
				byOutcome.put(m.name(), new Suppression.Cell());
			}
			Map<String, Suppression.Cell> byMonth = Suppression.cells();
			for (int m = 1; m <= 12; m++) {
				byMonth.put(String.valueOf(m), new Suppression.Cell());
			}
			for (AssessmentTallies.MonthRow row : tallies.months()) {
				byOutcome.computeIfAbsent(row.outcome(), k -> new Suppression.Cell()).add(row.org(), row.assessments());
				byMonth.get(String.valueOf(row.month())).add(row.org(), row.assessments());
				total.add(row.org(), row.assessments());
			}
			Map<String, Suppression.Cell> byItem = Suppression.cells();
			Map<String, Suppression.Cell> byCategory = Suppression.cells();
			Map<Integer, Integer> categoryOf = new HashMap<>();
			for (Item item : list.items().values()) {
				byItem.put(String.valueOf(item.number()), new Suppression.Cell());
				categoryOf.put(item.number(), item.category());
			}
			list.categories().forEach(k -> byCategory.put(String.valueOf(k.number()), new Suppression.Cell()));
			for (AssessmentTallies.ItemsRow row : tallies.items()) {
				if (!row.jurisdiction().equals(list.id())) {
					continue;
				}
				// an assessment counts once in a category, however many of its items it names
				Set<Integer> categories = new HashSet<>();
				for (int item : row.items()) {
					Suppression.Cell cell = byItem.get(String.valueOf(item));
					if (cell != null) {
						cell.add(row.org(), row.assessments());
						categories.add(categoryOf.get(item));
					}
				}
				for (int category : categories) {
					Suppression.Cell cell = byCategory.get(String.valueOf(category));
					if (cell != null) {
						cell.add(row.org(), row.assessments());
					}
				}
			}
			Map<String, Suppression.Cell> persons = persons(c, year);
			return new Result(year, list.id(), organisations, total.organisations().size(), Suppression.total(total),
					Suppression.breakdown(byOutcome), Suppression.breakdown(byItem), Suppression.breakdown(byCategory),
					Suppression.breakdown(byMonth), shownEach(persons), (System.nanoTime() - start) / 1_000_000);
		}
	}

	/** Each class's sum on its own: two totals, not a breakdown of one. */
	private static List<Suppression.Shown> shownEach(Map<String, Suppression.Cell> cells) {
		List<Suppression.Shown> out = new ArrayList<>();
		cells.forEach((k, cell) -> out.add(new Suppression.Shown(k, Suppression.total(cell))));
		return out;
	}

	/**
	 * Per class, the persons exported this year summed over the ledgers' processors (each processor's distinct
	 * persons under any basis, its latest month's tally), each processor counted for the organisation its key names.
	 */
	private static Map<String, Suppression.Cell> persons(Connection c, int year) throws SQLException {
		Map<String, Suppression.Cell> out = new LinkedHashMap<>();
		out.put("individuals", new Suppression.Cell());
		out.put("sensitiveIndividuals", new Suppression.Cell());
		String sql = "select t.processor, t.sensitive, t.persons from ledger_tally t join (select processor, sensitive,"
				+ " max(tally_month) as m from ledger_tally where tally_year = ? and dimension = ? group by processor,"
				+ " sensitive) x on x.processor = t.processor and x.sensitive = t.sensitive and x.m = t.tally_month"
				+ " where t.tally_year = ? and t.dimension = ?";
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setInt(1, year);
			ps.setString(2, LEDGER_ALL);
			ps.setInt(3, year);
			ps.setString(4, LEDGER_ALL);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.get(rs.getBoolean(2) ? "sensitiveIndividuals" : "individuals")
						.add(organisationOf(rs.getString(1)), rs.getLong(3));
				}
			}
		}
		catch (SQLException ex) {
			if (!missingTable(ex)) {
				throw ex;
			}
			// no ledger in this database: nothing exported
		}
		return out;
	}

	/** The organisation a ledger's processor key belongs to ({@link Organisations#ledgerKey}). */
	static String organisationOf(String ledgerKey) {
		if (ledgerKey.startsWith("@") && ledgerKey.indexOf('/') > 1) {
			return ledgerKey.substring(1, ledgerKey.indexOf('/'));
		}
		return Organisations.DEFAULT;
	}

	private static boolean missingTable(SQLException ex) {
		// 42P01 on PostgreSQL, 42S02 / 42102 on H2
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		return state.equals("42P01") || state.equals("42S02") || state.equals("42102") || state.equals("42S04");
	}

	private static int count(Connection c, String sql) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
