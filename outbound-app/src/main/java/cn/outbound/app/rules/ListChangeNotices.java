package cn.outbound.app.rules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import cn.outbound.app.web.BeijingTime;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.service.decision.RuleBooks;

import org.springframework.stereotype.Component;

/**
 * What an organisation is told of a published edition (issue #13 item 4): "the list changes on DATE: N of your
 * assessments decide differently", each one linked. Read from the cases the edition's impact analysis stored when it
 * was published; shown until {@value #SHOWN_DAYS} days after the edition came into force.
 */
@Component
public class ListChangeNotices {

	/** How long after its date in force a notice is still shown. */
	static final int SHOWN_DAYS = 60;

	private final DataSource dataSource;

	private final RuleBooks books;

	ListChangeNotices(DataSource dataSource, RuleBooks books) {
		this.dataSource = dataSource;
		this.books = books;
	}

	/** One of the organisation's assessments that the new edition decides differently. */
	public record Row(long assessmentId, String title, String before, String after) {
	}

	/** A published edition with the organisation's assessments it decides differently. */
	public record Notice(String packId, String edition, LocalDate inForceFrom, List<Row> rows) {
	}

	/** The notices of one organisation, the earliest date first. */
	public List<Notice> of(String organisation) throws SQLException {
		Map<String, List<Row>> byEdition = new LinkedHashMap<>();
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select k.pack_id, k.edition, k.assessment_id, a.title, k.outcome_before, k.outcome_after"
						+ " from edition_impact_case k join assessment a on a.id = k.assessment_id where a.org_id = ?"
						+ " order by k.pack_id, k.edition, k.assessment_id")) {
			ps.setString(1, organisation);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					byEdition.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
						.add(new Row(rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6)));
				}
			}
		}
		LocalDate today = LocalDate.now(BeijingTime.ZONE);
		List<Notice> out = new ArrayList<>();
		byEdition.forEach((key, rows) -> {
			String[] k = key.split("\u0000");
			Optional<RulePack> pack = this.books.current().packs().edition(k[0], k[1]);
			if (pack.isPresent() && !pack.get().inForceFrom().plusDays(SHOWN_DAYS).isBefore(today)) {
				out.add(new Notice(k[0], k[1], pack.get().inForceFrom(), List.copyOf(rows)));
			}
		});
		out.sort(java.util.Comparator.comparing(Notice::inForceFrom));
		return out;
	}

	/** What a re-assessment needs: the stored scenario as of the edition's date, and the stored title. */
	public record Reassessment(byte[] scenario, String title, RulePack pack) {
	}

	/**
	 * The scenario of an assessment of {@code organisation} named in a notice of the edition, dated no earlier than
	 * the edition's date in force; empty when the organisation has no such case (another organisation's is the same).
	 */
	public Optional<Reassessment> reassessment(long assessmentId, String packId, String edition, String organisation)
			throws SQLException {
		Optional<RulePack> pack = this.books.current().packs().edition(packId, edition);
		if (pack.isEmpty()) {
			return Optional.empty();
		}
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select a.scenario, a.title from edition_impact_case k join assessment a on a.id = k.assessment_id"
						+ " where k.pack_id = ? and k.edition = ? and k.assessment_id = ? and a.org_id = ?")) {
			ps.setString(1, packId);
			ps.setString(2, edition);
			ps.setLong(3, assessmentId);
			ps.setString(4, organisation);
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					return Optional.empty();
				}
				byte[] json = EditionImpact.asOf(rs.getString(1), pack.get().inForceFrom());
				return Optional.of(new Reassessment(json, rs.getString(2), pack.get()));
			}
		}
	}

}
