package cn.outbound.app.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	private final SignInThrottle throttle = new SignInThrottle(
			new OutboundSettings.Session(Duration.ofHours(8), 5, 20, Duration.ofMinutes(15)));

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

	@Test // #9
	void memoryIsBoundedWhateverTheNumberOfNames() {
		for (int i = 0; i < SignInThrottle.MAX_KEYS * 3; i++) {
			this.throttle.failed("n" + i, "a" + i, 0);
		}
		// the oldest were forgotten: their single failures no longer count, the newest still do
		assertThat(this.throttle.refused("n0", "a0", 0)).isFalse();
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("last", "z", 0);
		}
		this.throttle.failed("last", "z", 0);
		assertThat(this.throttle.refused("last", "q", 0)).isTrue();
	}

}
