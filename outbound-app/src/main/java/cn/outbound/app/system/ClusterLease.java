package cn.outbound.app.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A lease on a cluster-wide job in the database (table {@code cluster_lease}): of the instances sharing a database,
 * only the one whose lease is current runs the job. The holder renews its lease each time it runs; when it stops (the
 * machine is lost), another instance takes the lease over once it has run out.
 */
final class ClusterLease {

	private final DataSource dataSource;

	private final String holder;

	/** @param holder this instance's name, unique among the instances (host, process and a random part) */
	ClusterLease(DataSource dataSource, String holder) {
		this.dataSource = dataSource;
		this.holder = holder;
	}

	String holder() {
		return this.holder;
	}

	/**
	 * Takes or renews the lease on {@code job} until {@code until} (milliseconds since the epoch).
	 * @return whether this instance holds it now: false while another instance's lease runs
	 */
	boolean acquire(String job, long now, long until) throws SQLException {
		try (Connection c = this.dataSource.getConnection()) {
			try (PreparedStatement ps = c.prepareStatement("update cluster_lease set holder = ?, until_millis = ?"
					+ " where name = ? and (holder = ? or until_millis <= ?)")) {
				ps.setString(1, this.holder);
				ps.setLong(2, until);
				ps.setString(3, job);
				ps.setString(4, this.holder);
				ps.setLong(5, now);
				if (ps.executeUpdate() == 1) {
					return true;
				}
			}
			try (PreparedStatement ps = c
				.prepareStatement("insert into cluster_lease (name, holder, until_millis) values (?, ?, ?)")) {
				ps.setString(1, job);
				ps.setString(2, this.holder);
				ps.setLong(3, until);
				ps.executeUpdate();
				return true;
			}
			catch (SQLException taken) {
				// the row exists: another instance holds a lease that has not run out (or inserted it just now)
				if (taken.getSQLState() != null && taken.getSQLState().startsWith("23")) {
					return false;
				}
				throw taken;
			}
		}
	}

	/** Gives the lease up (at shutdown), so that another instance need not wait for it to run out. */
	void release(String job) throws SQLException {
		try (Connection c = this.dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement("delete from cluster_lease where name = ? and holder = ?")) {
			ps.setString(1, job);
			ps.setString(2, this.holder);
			ps.executeUpdate();
		}
	}

}
