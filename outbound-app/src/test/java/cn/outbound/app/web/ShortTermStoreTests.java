package cn.outbound.app.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one user's next request needs is theirs alone, for a while, and never piles up.
 */
class ShortTermStoreTests {

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
		ShortTermStore<String> store = new ShortTermStore<>(10, Duration.ofMinutes(30), clock);
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
		ShortTermStore<Integer> store = new ShortTermStore<>(3, Duration.ofHours(1));
		String first = store.put("alice", 1);
		assertThat(store.remove(first, "alice")).contains(1);
		assertThat(store.remove(first, "alice")).isEmpty();
		String oldest = store.put("alice", 2);
		store.put("alice", 3);
		store.put("alice", 4);
		String newest = store.put("alice", 5);
		assertThat(store.size()).isEqualTo(3);
		assertThat(store.get(oldest, "alice")).isEmpty();
		assertThat(store.get(newest, "alice")).contains(5);
	}

}
