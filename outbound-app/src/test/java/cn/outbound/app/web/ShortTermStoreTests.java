package cn.outbound.app.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import cn.outbound.service.db.DatabaseSettings;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one user's next request needs is theirs alone, for a while, and never piles up; kept in the database, it is
 * found by another instance (another store of the same name on the same database).
 */
class ShortTermStoreTests {

	private final HikariDataSource db = DatabaseSettings
		.of("jdbc:h2:mem:short-term-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
		.openMigrated(2);

	@AfterEach
	void close() {
		this.db.close();
	}

	private static final ShortTermStore.Codec<String> TEXT = new ShortTermStore.Codec<>() {

		@Override
		public byte[] write(String value) {
			return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}

		@Override
		public String read(byte[] bytes) {
			return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		}

	};

	private static final class MovableClock extends Clock {

		Instant now = Instant.parse("2026-06-30T08:00:00Z");

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	@Test
	void keepsAValueForItsOwnerOnlyAndForgetsItLater() {
		MovableClock clock = new MovableClock();
		ShortTermStore<String> store = new ShortTermStore<>(this.db, "test", 10, Duration.ofMinutes(30), TEXT, clock);
		String id = store.put("alice", "report");
		assertThat(id).matches("[0-9a-f]{32}");
		assertThat(store.get(id, "alice")).contains("report");
		assertThat(store.get(id, "bob")).isEmpty();
		assertThat(store.remove(id, "bob")).isEmpty();
		clock.now = clock.now.plus(Duration.ofMinutes(31));
		assertThat(store.get(id, "alice")).isEmpty();
		assertThat(store.size()).isZero();
	}

	@Test
	void aValueTakenOutIsGoneAndTheOldestMakeRoom() {
		MovableClock clock = new MovableClock();
		ShortTermStore<String> store = new ShortTermStore<>(this.db, "test", 3, Duration.ofHours(1), TEXT, clock);
		String first = store.put("alice", "1");
		assertThat(store.remove(first, "alice")).contains("1");
		assertThat(store.remove(first, "alice")).isEmpty();
		String oldest = store.put("alice", "2");
		clock.now = clock.now.plusSeconds(1);
		store.put("alice", "3");
		clock.now = clock.now.plusSeconds(1);
		store.put("alice", "4");
		clock.now = clock.now.plusSeconds(1);
		String newest = store.put("alice", "5");
		assertThat(store.size()).isEqualTo(3);
		assertThat(store.get(oldest, "alice")).isEmpty();
		assertThat(store.get(newest, "alice")).contains("5");
	}

	@Test // #13: the next request may land on another instance
	void anotherInstanceFindsItAndOnlyOneTakesItOut() {
		ShortTermStore<String> a = new ShortTermStore<>(this.db, "test", 10, Duration.ofMinutes(30), TEXT);
		ShortTermStore<String> b = new ShortTermStore<>(this.db, "test", 10, Duration.ofMinutes(30), TEXT);
		ShortTermStore<String> otherKind = new ShortTermStore<>(this.db, "other", 10, Duration.ofMinutes(30), TEXT);
		String id = a.put("alice", "报告 report");
		assertThat(b.get(id, "alice")).contains("报告 report");
		assertThat(otherKind.get(id, "alice")).isEmpty();
		assertThat(b.remove(id, "alice")).contains("报告 report");
		assertThat(a.remove(id, "alice")).isEmpty();
	}

	@Test // #13: expired entries of every store go in the housekeeping job
	void purgeRemovesOnlyExpiredEntries() throws Exception {
		MovableClock clock = new MovableClock();
		ShortTermStore<String> store = new ShortTermStore<>(this.db, "test", 10, Duration.ofMinutes(30), TEXT, clock);
		store.put("alice", "old");
		clock.now = clock.now.plus(Duration.ofMinutes(20));
		String fresh = store.put("alice", "fresh");
		assertThat(ShortTermStore.purge(this.db, clock.now.plus(Duration.ofMinutes(15)).toEpochMilli())).isEqualTo(1);
		clock.now = clock.now.plus(Duration.ofMinutes(15));
		assertThat(store.get(fresh, "alice")).contains("fresh");
	}

}
