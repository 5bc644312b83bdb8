package cn.outbound.service.assessment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import cn.outbound.service.audit.Writes;
import cn.outbound.service.user.Account;
import cn.outbound.service.user.Role;
import cn.outbound.service.user.Users;

/**
 * Sign-off of stored assessments: a second user reviews an assessment and approves it, or returns it with a comment.
 * The one place the rule lives, for every door (page, API, CLI):
 * <ul>
 * <li>the reviewer is an enabled user whose role may review ({@link #mayReview}: ADMIN and ANALYST; a VIEWER only
 * reads);</li>
 * <li>the reviewer is not the user who created the assessment (four eyes);</li>
 * <li>a return carries a comment saying what to change (at most {@value #MAX_COMMENT} characters);</li>
 * <li>an approved assessment takes no further review: a change is a new assessment (copy it).</li>
 * </ul>
 * The check and the review row are written in one transaction of {@link Writes}, with the audit entry
 * {@code ASSESSMENT_APPROVED} or {@code ASSESSMENT_RETURNED} (target {@code assessment:ID}).
 */
public final class Reviews {

	/** The longest comment, in characters. */
	public static final int MAX_COMMENT = 2000;

	public enum Verdict {

		APPROVED, RETURNED

	}

	/** The state of an assessment's sign-off: the latest review's verdict, or pending. */
	public enum Status {

		PENDING, APPROVED, RETURNED

	}

	public record Review(long id, long assessmentId, String reviewer, Verdict verdict, String comment, Instant at) {
	}

	/** Why a review was refused; each door says it its own way (403, 404, 409, 400; a message on the page). */
	public static final class Refused extends RuntimeException {

		public enum Reason {

			/** No such assessment. */
			NOT_FOUND,
			/** The user's role may not review (or the user is unknown or disabled). */
			ROLE,
			/** The reviewer created the assessment. */
			OWN_ASSESSMENT,
			/** The assessment is approved already. */
			ALREADY_APPROVED,
			/** A return without a comment. */
			COMMENT_REQUIRED,
			/** A comment over {@value Reviews#MAX_COMMENT} characters. */
			COMMENT_TOO_LONG

		}

		private final Reason reason;

		Refused(Reason reason, String message) {
			super(message);
			this.reason = reason;
		}

		public Reason reason() {
			return this.reason;
		}

	}

	private final DataSource dataSource;

	private final Writes writes;

	private final Users users;

	public Reviews(DataSource dataSource, Writes writes, Users users) {
		this.dataSource = dataSource;
		this.writes = writes;
		this.users = users;
	}

	/** Whether a role may review (approve or return) assessments: ADMIN and ANALYST. */
	public static boolean mayReview(Role role) {
		return role == Role.ADMIN || role == Role.ANALYST;
	}

	/**
	 * Reviews an assessment.
	 * @param reviewer the user's name (signed in, the token's owner, or named on the command line)
	 * @throws Refused when the rule above refuses it
	 */
	public Review review(long assessmentId, Verdict verdict, String comment, String reviewer, String remote)
			throws SQLException {
		String text = (comment == null || comment.isBlank()) ? null : comment.strip();
		if (text != null && text.length() > MAX_COMMENT) {
			throw new Refused(Refused.Reason.COMMENT_TOO_LONG,
					"the comment has " + text.length() + " characters; at most " + MAX_COMMENT + " are allowed");
		}
		if (verdict == Verdict.RETURNED && text == null) {
			throw new Refused(Refused.Reason.COMMENT_REQUIRED, "a return needs a comment saying what to change");
		}
		Account account = (reviewer == null) ? null : this.users.find(reviewer).orElse(null);
		if (account == null || !account.enabled() || !mayReview(account.role())) {
			throw new Refused(Refused.Reason.ROLE, "only an ADMIN or an ANALYST may review an assessment");
		}
		String name = account.username();
		return this.writes.submit((c, audit) -> {
			String creator;
			try (PreparedStatement ps = c
				.prepareStatement("select created_by from assessment where id = ? and org_id = ?")) {
				ps.setLong(1, assessmentId);
				// #13: an assessment of another organisation is not found
				ps.setString(2, account.orgId());
				try (ResultSet rs = ps.executeQuery()) {
					if (!rs.next()) {
						throw new Refused(Refused.Reason.NOT_FOUND, "no assessment " + assessmentId);
					}
					creator = rs.getString(1);
				}
			}
			if (creator.equals(name)) {
				throw new Refused(Refused.Reason.OWN_ASSESSMENT,
						"the creator of an assessment may not review it; another user must");
			}
			try (PreparedStatement ps = c.prepareStatement(
					"select count(*) from assessment_review where assessment_id = ? and verdict = 'APPROVED'")) {
				ps.setLong(1, assessmentId);
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					if (rs.getLong(1) > 0) {
						throw new Refused(Refused.Reason.ALREADY_APPROVED,
								"assessment " + assessmentId + " is approved already; copy it to change it");
					}
				}
			}
			Instant at = AssessmentStore.now();
			long id;
			try (PreparedStatement ps = c.prepareStatement("insert into assessment_review (assessment_id, reviewer,"
					+ " verdict, review_comment, reviewed_at) values (?, ?, ?, ?, ?)", new String[] { "id" })) {
				ps.setLong(1, assessmentId);
				ps.setString(2, name);
				ps.setString(3, verdict.name());
				ps.setString(4, text);
				ps.setTimestamp(5, Timestamp.from(at));
				ps.executeUpdate();
				try (ResultSet keys = ps.getGeneratedKeys()) {
					keys.next();
					id = keys.getLong(1);
				}
			}
			audit.append(name, "ASSESSMENT_" + verdict.name(), "assessment:" + assessmentId, remote,
					"review=" + id + ((text != null) ? " comment-chars=" + text.length() : ""));
			return new Review(id, assessmentId, name, verdict, text, at);
		});
	}

	/** The reviews of an assessment of organisation {@code orgId}, oldest first (none for another's). */
	public List<Review> of(String orgId, long assessmentId) throws SQLException {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select r.id, r.assessment_id, r.reviewer, r.verdict, r.review_comment, r.reviewed_at"
						+ " from assessment_review r join assessment a on a.id = r.assessment_id"
						+ " where r.assessment_id = ? and a.org_id = ? order by r.id")) {
			ps.setLong(1, assessmentId);
			ps.setString(2, orgId);
			List<Review> out = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.add(read(rs));
				}
			}
			return out;
		}
	}

	/** The latest review of each of these assessments (none for one not reviewed). */
	public Map<Long, Review> latest(Collection<Long> assessmentIds) throws SQLException {
		Map<Long, Review> out = new HashMap<>();
		if (assessmentIds.isEmpty()) {
			return out;
		}
		String marks = String.join(",", java.util.Collections.nCopies(assessmentIds.size(), "?"));
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement("select id, assessment_id, reviewer, verdict, review_comment,"
						+ " reviewed_at from assessment_review where assessment_id in (" + marks + ") order by id")) {
			int i = 1;
			for (Long id : assessmentIds) {
				ps.setLong(i++, id);
			}
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					Review r = read(rs);
					out.put(r.assessmentId(), r);
				}
			}
		}
		return out;
	}

	public static Status status(List<Review> reviews) {
		return status(reviews.isEmpty() ? null : reviews.get(reviews.size() - 1));
	}

	public static Status status(Review latest) {
		return (latest == null) ? Status.PENDING : Status.valueOf(latest.verdict().name());
	}

	/** The approving review, if any. */
	public static Optional<Review> approval(List<Review> reviews) {
		return reviews.stream().filter(r -> r.verdict() == Verdict.APPROVED).findFirst();
	}

	private static Review read(ResultSet rs) throws SQLException {
		return new Review(rs.getLong(1), rs.getLong(2), rs.getString(3), Verdict.valueOf(rs.getString(4)),
				rs.getString(5), rs.getTimestamp(6).toInstant());
	}

}
