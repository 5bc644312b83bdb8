package cn.outbound.app.system;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins per account and per client address within a sliding window. Past the limit of either, sign-in is
 * refused (without checking the password) until the oldest failure leaves the window. Memory is bounded: at most
 * {@value #MAX_KEYS} accounts and as many addresses are tracked, the least recently seen forgotten first, and each
 * keeps no more timestamps than its limit.
 */
final class SignInThrottle {

	static final int MAX_KEYS = 10_000;

	private final int perAccount;

	private final int perAddress;

	private final long windowMillis;

	private final Map<String, Deque<Long>> accounts = lru();

	private final Map<String, Deque<Long>> addresses = lru();

	SignInThrottle(OutboundSettings.Session settings) {
		this.perAccount = Math.max(1, settings.maxFailuresPerAccount());
		this.perAddress = Math.max(1, settings.maxFailuresPerAddress());
		this.windowMillis = settings.failureWindow().toMillis();
	}

	/** Whether a sign-in of this account from this address is refused now. */
	synchronized boolean refused(String account, String address, long now) {
		return full(this.accounts, account, this.perAccount, now) || full(this.addresses, address, this.perAddress, now);
	}

	/**
	 * Counts a failure.
	 * @return whether it is still within both limits (false from the failure that reaches a limit on): only those are
	 * audited one by one, so a flood cannot grow the audit log
	 */
	synchronized boolean failed(String account, String address, long now) {
		boolean within = !full(this.accounts, account, this.perAccount, now)
				&& !full(this.addresses, address, this.perAddress, now);
		add(this.accounts, account, this.perAccount, now);
		add(this.addresses, address, this.perAddress, now);
		return within;
	}

	/** A successful sign-in clears its account's failures (not its address's). */
	synchronized void succeeded(String account) {
		if (account != null) {
			this.accounts.remove(account);
		}
	}

	private boolean full(Map<String, Deque<Long>> map, String key, int limit, long now) {
		if (key == null) {
			return false;
		}
		Deque<Long> times = map.get(key);
		if (times == null) {
			return false;
		}
		while (!times.isEmpty() && now - times.peekFirst() >= this.windowMillis) {
			times.pollFirst();
		}
		if (times.isEmpty()) {
			map.remove(key);
			return false;
		}
		return times.size() >= limit;
	}

	private void add(Map<String, Deque<Long>> map, String key, int limit, long now) {
		if (key == null) {
			return;
		}
		Deque<Long> times = map.computeIfAbsent(key, k -> new ArrayDeque<>());
		times.addLast(now);
		while (times.size() > limit) {
			times.pollFirst();
		}
	}

	private static Map<String, Deque<Long>> lru() {
		return new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
				return size() > MAX_KEYS;
			}
		};
	}

}
