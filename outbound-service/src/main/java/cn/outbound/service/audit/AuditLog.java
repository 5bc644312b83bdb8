package cn.outbound.service.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Reads the audit log and checks its hash chain: every entry's hash must cover its fields and the previous entry's
 * hash, sequence numbers must run without a gap from 1, and the head row must point at the last entry. An edited,
 * deleted, inserted or truncated entry breaks one of these.
 * <p>
 * One change the chain cannot see by itself: someone who can write to the database deletes the last entries and
 * moves the head row back to the entry before them; the shorter chain is intact. A head hash kept elsewhere (copied
 * from {@code audit verify} or the admin page) closes that gap: {@link #verify(String)} checks that the intact chain
 * from the first entry still reaches it.
 */
public final class AuditLog {

	private final DataSource dataSource;

	public AuditLog(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** The hash of an empty chain, and the previous-hash of its first entry. */
	public static final String GENESIS = "0".repeat(64);

	private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");

	/**
	 * The result of a check; {@code problems} is empty when the chain is intact (and reaches the kept head, when one
	 * was given). {@code headAt} is the time of the last entry (null for an empty log); {@code keptHead} is null when
	 * no kept head was given.
	 */
	public record Verification(long entries, String headHash, Instant headAt, List<String> problems,
			KeptHead keptHead) {

		public boolean intact() {
			return this.problems.isEmpty();
		}

	}

	/**
	 * A head hash kept elsewhere and whether the intact chain reaches it: {@code seq} and {@code at} are those of the
	 * entry whose hash it is (0 and null for the hash of the empty chain), or null when it was not reached.
	 */
	public record KeptHead(String hash, boolean found, Long seq, Instant at) {
	}

	/**
	 * A kept head as given by a person, stripped and in lower case.
	 * @throws IllegalArgumentException when it is not 64 hexadecimal digits
	 */
	public static String keptHead(String value) {
		String v = (value == null) ? "" : value.strip();
		if (!HASH.matcher(v).matches()) {
			throw new IllegalArgumentException("must be 64 hexadecimal digits (a SHA-256 head hash as printed by"
					+ " 'audit verify'), not '" + ((v.length() > 80) ? v.substring(0, 80) + "…" : v) + "'");
		}
		return v.toLowerCase(Locale.ROOT);
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

	/**
	 * Who did {@code action} on each target starting with {@code targetPrefix} (the latest entry per target), e.g.
	 * who recorded each ledger event of a processor ({@code LEDGER_RECORD}, {@code ledger:PROCESSOR/}). At most
	 * {@code limit} entries are read, newest first.
	 */
	public java.util.Map<String, String> actorsByTarget(String action, String targetPrefix, int limit)
			throws SQLException {
		String like = targetPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
		java.util.Map<String, String> out = new java.util.HashMap<>();
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement("select target, actor from audit_event where action = ?"
						+ " and target like ? escape '!' order by seq desc limit ?")) {
			ps.setString(1, action);
			ps.setString(2, like);
			ps.setInt(3, limit);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.putIfAbsent(rs.getString(1), rs.getString(2));
				}
			}
		}
		return out;
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
		return verify(null);
	}

	/**
	 * Walks the whole chain in order and, when {@code keptHead} is given, checks that the chain is intact from its
	 * first entry up to the entry whose hash is {@code keptHead}. A kept head the chain does not reach means entries
	 * up to it were removed or rewritten since it was kept.
	 * @param keptHead a head hash kept elsewhere (64 hexadecimal digits, see {@link #keptHead(String)}), or null
	 * @throws IllegalArgumentException when {@code keptHead} is not 64 hexadecimal digits
	 */
	public Verification verify(String keptHead) throws SQLException {
		String wanted = (keptHead != null) ? keptHead(keptHead) : null;
		List<String> problems = new ArrayList<>();
		long expectedSeq = 1;
		String prev = GENESIS;
		Instant headAt = null;
		long entries = 0;
		// the kept head of an empty log is the genesis hash, reached before any entry
		KeptHead kept = (wanted == null) ? null
				: wanted.equals(GENESIS) ? new KeptHead(wanted, true, 0L, null) : new KeptHead(wanted, false, null, null);
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
						if (kept != null && !kept.found() && e.hash().equals(kept.hash())) {
							if (problems.isEmpty()) {
								kept = new KeptHead(kept.hash(), true, e.seq(), e.at());
							}
							else {
								problems.add("the kept head " + kept.hash() + " is entry " + e.seq()
										+ ", but the chain up to it is broken");
							}
						}
						prev = e.hash();
						headAt = e.at();
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
		if (kept != null && !kept.found() && problems.stream().noneMatch(p -> p.startsWith("the kept head"))) {
			problems.add("the kept head " + kept.hash() + (problems.isEmpty()
					? " is not in the chain: entries up to it were removed or rewritten since it was kept"
							+ " (or it was kept from another database)"
					: " is not reached by an intact chain"));
		}
		return new Verification(entries, prev, headAt, List.copyOf(problems), kept);
	}

	private static AuditEvent read(ResultSet rs) throws SQLException {
		return new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
	}

}
