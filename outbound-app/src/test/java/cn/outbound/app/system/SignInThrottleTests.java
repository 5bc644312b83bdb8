package cn.outbound.app.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import cn.outbound.service.db.DatabaseSettings;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	private final HikariDataSource db = DatabaseSettings
		.of("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
		.openMigrated(2);

	private final SignInThrottle throttle = new SignInThrottle(this.db,
			new OutboundSettings.Session(Duration.ofHours(8), 5, 20, Duration.ofMinutes(15)));

	@AfterEach
	void close() {
		this.db.close();
	}

	private static final long MINUTE = 60_000;

	@Test // #9
	void anAccountIsRefusedFromItsFifthFailureWithinTheWindowAndFreedAfterIt() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.throttle.failed("alice", "a" + i, i * MINUTE)).isTrue();
		}
		assertThat(this.throttle.refused("alice", "b", 4 * MINUTE)).isFalse();
		assertThat(this.throttle.failed("alice", "a4", 4 * MINUTE)).isTrue();
		assertThat(this.throttle.refused("alice", "b", 4 * MINUTE)).isTrue();
		assertThat(this.throttle.refused("bob", "b", 4 * MINUTE)).isFalse();
		// the first failure leaves the window 15 minutes after it
		assertThat(this.throttle.refused("alice", "b", 15 * MINUTE - 1)).isTrue();
		assertThat(this.throttle.refused("alice", "b", 15 * MINUTE)).isFalse();
	}

	@Test // #9
	void anAddressIsRefusedFromItsTwentiethFailureWhateverTheNames() {
		for (int i = 0; i < 19; i++) {
			this.throttle.failed("name" + i, "203.0.113.1", 0);
		}
		assertThat(this.throttle.refused("someone", "203.0.113.1", 0)).isFalse();
		assertThat(this.throttle.failed("name19", "203.0.113.1", 0)).isTrue();
		assertThat(this.throttle.refused("someone", "203.0.113.1", 0)).isTrue();
		assertThat(this.throttle.refused("someone", "203.0.113.2", 0)).isFalse();
		// past the limit, failures are no longer audited one by one
		assertThat(this.throttle.failed("name20", "203.0.113.1", 0)).isFalse();
	}

	@Test // #9
	void aSuccessClearsItsAccountsFailures() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("carol", "x", 0);
		}
		this.throttle.succeeded("carol");
		assertThat(this.throttle.refused("carol", "y", 1)).isFalse();
	}

	@Test // #9, #13: kept in the database, bounded by the limits whatever the number of attempts
	void storageIsBoundedAndWhatWasTypedIsNotStored() throws SQLException {
		for (int i = 0; i < 50; i++) {
			this.throttle.failed("mallory", "198.51.100.7", i);
		}
		assertThat(rows("select count(*) from sign_in_failure where kind = 'account'")).isEqualTo(5);
		assertThat(rows("select count(*) from sign_in_failure where kind = 'address'")).isEqualTo(20);
		assertThat(rows("select count(*) from sign_in_failure where subject like '%mallory%'"
				+ " or subject like '%198.51%'")).isZero();
		// past the window, the housekeeping job removes them
		assertThat(this.throttle.purge(15 * MINUTE + 49)).isEqualTo(25);
		assertThat(this.throttle.refused("mallory", "198.51.100.7", 15 * MINUTE + 49)).isFalse();
	}

	@Test // #13: two instances (two throttles, one database) count the same failures
	void twoInstancesCountTheSameFailures() {
		SignInThrottle other = new SignInThrottle(this.db,
				new OutboundSettings.Session(Duration.ofHours(8), 5, 20, Duration.ofMinutes(15)));
		for (int i = 0; i < 4; i++) {
			((i % 2 == 0) ? this.throttle : other).failed("dave", "a" + i, i);
		}
		assertThat(other.refused("dave", "b", 10)).isFalse();
		this.throttle.failed("dave", "a4", 5);
		assertThat(other.refused("dave", "b", 10)).isTrue();
		other.succeeded("dave");
		assertThat(this.throttle.refused("dave", "b", 10)).isFalse();
	}

	private long rows(String sql) throws SQLException {
		try (Connection c = this.db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
				ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
