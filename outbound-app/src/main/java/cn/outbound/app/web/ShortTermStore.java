package cn.outbound.app.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one user's next request needs from their last one (a scan report to show and download, a rule-pack edition
 * checked and waiting to be published), kept in memory for a while under an unguessable id, for that user only. Not
 * a database: a restart forgets it, the oldest entries go first when it is full.
 *
 * @param <T> what is kept
 */
public final class ShortTermStore<T> {

	private static final SecureRandom RANDOM = new SecureRandom();

	private record Entry<T>(String owner, T value, Instant expires) {
	}

	private final Map<String, Entry<T>> entries = new LinkedHashMap<>();

	private final int capacity;

	private final Duration keep;

	private final Clock clock;

	public ShortTermStore(int capacity, Duration keep) {
		this(capacity, keep, Clock.systemUTC());
	}

	ShortTermStore(int capacity, Duration keep, Clock clock) {
		this.capacity = capacity;
		this.keep = keep;
		this.clock = clock;
	}

	/** Keeps {@code value} for {@code owner}; returns its id (32 hex digits). */
	public synchronized String put(String owner, T value) {
		expire();
		while (this.entries.size() >= this.capacity) {
			Iterator<String> oldest = this.entries.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String id = HexFormat.of().formatHex(bytes);
		this.entries.put(id, new Entry<>(owner, value, this.clock.instant().plus(this.keep)));
		return id;
	}

	/** The value kept under {@code id} for {@code owner}; empty when unknown, expired or someone else's. */
	public synchronized Optional<T> get(String id, String owner) {
		expire();
		Entry<T> e = this.entries.get(id);
		return (e != null && e.owner().equals(owner)) ? Optional.of(e.value()) : Optional.empty();
	}

	/** Takes the value out: a second request with the same id finds nothing. */
	public synchronized Optional<T> remove(String id, String owner) {
		Optional<T> found = get(id, owner);
		found.ifPresent(v -> this.entries.remove(id));
		return found;
	}

	public synchronized int size() {
		expire();
		return this.entries.size();
	}

	private void expire() {
		Instant now = this.clock.instant();
		this.entries.values().removeIf(e -> e.expires().isBefore(now));
	}

}
