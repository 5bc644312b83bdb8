package cn.outbound.app.system;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import cn.outbound.service.db.DatabaseSettings;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #13: a cluster-wide job runs on one instance at a time. Two instances are two leases (two pools) on one database.
 */
class ClusterLeaseTests {

	private final String url = "jdbc:h2:mem:lease-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
			+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

	private final HikariDataSource one = DatabaseSettings.of(this.url).openMigrated(2);

	private final HikariDataSource two = DatabaseSettings.of(this.url).open(2);

	@AfterEach
	void close() {
		this.two.close();
		this.one.close();
	}

	@Test
	void onlyOneInstanceHoldsTheLeaseUntilItRunsOutOrIsReleased() throws SQLException {
		ClusterLease a = new ClusterLease(this.one, "host-a/1");
		ClusterLease b = new ClusterLease(this.two, "host-b/2");
		assertThat(a.acquire("job", 0, 120_000)).isTrue();
		assertThat(b.acquire("job", 1_000, 121_000)).isFalse();
		// the holder renews its own lease
		assertThat(a.acquire("job", 60_000, 180_000)).isTrue();
		assertThat(b.acquire("job", 179_999, 299_999)).isFalse();
		// run out (the holder was lost): the other takes over, and the first no longer holds it
		assertThat(b.acquire("job", 180_000, 300_000)).isTrue();
		assertThat(a.acquire("job", 180_001, 300_001)).isFalse();
		// another job's lease is separate
		assertThat(a.acquire("other", 180_001, 300_001)).isTrue();
		// released at shutdown: taken over at once
		b.release("job");
		assertThat(a.acquire("job", 180_002, 300_002)).isTrue();
	}

	@Test
	void housekeepingRunsOnOneOfTwoInstances() {
		Housekeeping a = housekeeping(this.one);
		Housekeeping b = housekeeping(this.two);
		assertThat(a.runIfLeased()).isTrue();
		assertThat(b.runIfLeased()).isFalse();
		assertThat(a.runIfLeased()).isTrue();
		a.destroy();
		assertThat(b.runIfLeased()).isTrue();
		assertThat(a.runIfLeased()).isFalse();
		b.destroy();
	}

	private static Housekeeping housekeeping(HikariDataSource ds) {
		JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(ds),
				new TransactionTemplate(new JdbcTransactionManager(ds)));
		return new Housekeeping(ds, sessions, new SignInThrottle(ds,
				new OutboundSettings.Session(Duration.ofHours(8), 5, 20, Duration.ofMinutes(15))));
	}

}
