package cn.outbound.app.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Reads the audit log and checks its hash chain: every entry's hash must cover its fields and the previous entry's
 * hash, sequence numbers must run without a gap from 1, and the head row must point at the last entry. An edited,
 * deleted, inserted or truncated entry breaks one of these.
 */
public final class AuditLog {

	private final DataSource dataSource;

	public AuditLog(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** The result of a check; {@code problems} is empty when the chain is intact. */
	public record Verification(long entries, String headHash, List<String> problems) {

		public boolean intact() {
			return this.problems.isEmpty();
		}

	}

	/** A page of entries, newest first. */
	public List<AuditEvent> page(int offset, int limit, String action) throws SQLException {
		String sql = "select seq, at, actor, action, target, remote, details, prev_hash, hash from audit_event"
				+ ((action != null) ? " where action = ?" : "") + " order by seq desc limit ? offset ?";
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
			int i = 1;
			if (action != null) {
				ps.setString(i++, action);
			}
			ps.setInt(i++, limit);
			ps.setInt(i, offset);
			List<AuditEvent> out = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.add(read(rs));
				}
			}
			return out;
		}
	}

	public long count(String action) throws SQLException {
		String sql = "select count(*) from audit_event" + ((action != null) ? " where action = ?" : "");
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
			if (action != null) {
				ps.setString(1, action);
			}
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/** Walks the whole chain in order. */
	public Verification verify() throws SQLException {
		List<String> problems = new ArrayList<>();
		long expectedSeq = 1;
		String prev = "0".repeat(64);
		long entries = 0;
		try (Connection c = this.dataSource.getConnection()) {
			c.setReadOnly(true);
			try (PreparedStatement ps = c.prepareStatement("select seq, at, actor, action, target, remote, details,"
					+ " prev_hash, hash from audit_event order by seq")) {
				ps.setFetchSize(1000);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						AuditEvent e = read(rs);
						entries++;
						if (e.seq() != expectedSeq) {
							problems.add("entry " + e.seq() + ": expected entry " + expectedSeq
									+ " here (entries missing or inserted)");
						}
						if (!e.prevHash().equals(prev)) {
							problems.add("entry " + e.seq() + ": its previous-hash does not match the entry before it");
						}
						String h = Writes.hash(AuditEvent.canonical(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(),
								e.target(), e.remote(), e.details()));
						if (!h.equals(e.hash())) {
							problems.add("entry " + e.seq() + ": its content does not match its hash (edited)");
						}
						prev = e.hash();
						expectedSeq = e.seq() + 1;
						if (problems.size() > 50) {
							problems.add("… more problems not listed");
							break;
						}
					}
				}
			}
			try (PreparedStatement ps = c.prepareStatement("select seq, hash from audit_head where id = 1");
					ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					problems.add("the chain's head row is missing");
				}
				else if (rs.getLong(1) != expectedSeq - 1 || !rs.getString(2).equals(prev)) {
					problems.add("the chain's head says entry " + rs.getLong(1) + " is last, but the log ends at entry "
							+ (expectedSeq - 1) + " (entries removed from the end, or the head edited)");
				}
			}
		}
		return new Verification(entries, prev, List.copyOf(problems));
	}

	private static AuditEvent read(ResultSet rs) throws SQLException {
		return new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
	}

}
