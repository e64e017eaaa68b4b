package org.casebook.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #ACCOUNT_FAILURES} failed sign-ins to an
 * account, or {@value #ADDRESS_FAILURES} from one network address (offices share one),
 * within {@link #WINDOW}, sign-ins to it or from it are refused until the window has
 * passed since the last failure; a success forgets the account's failures.
 * <p>
 * Each node counts on its own, in memory, and remembers at most {@value #REMEMBERED} of
 * each: the oldest are forgotten first, so a flood of made-up names cannot exhaust
 * memory.
 */
@Component
public class LoginThrottle {

	static final int ACCOUNT_FAILURES = 5;

	static final int ADDRESS_FAILURES = 20;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final int REMEMBERED = 10_000;

	private final Clock clock;

	private final Map<String, Failures> accounts = lru();

	private final Map<String, Failures> addresses = lru();

	@Autowired
	LoginThrottle() {
		this(Clock.systemUTC());
	}

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/** Whether a sign-in to this account from this address may be tried now. */
	public synchronized boolean allows(String email, String address) {
		Instant now = this.clock.instant();
		return !blocked(this.accounts, AccountRules.normalise(email), ACCOUNT_FAILURES, now)
				&& !blocked(this.addresses, address, ADDRESS_FAILURES, now);
	}

	public synchronized void failed(String email, String address) {
		Instant now = this.clock.instant();
		count(this.accounts, AccountRules.normalise(email), now);
		count(this.addresses, address, now);
	}

	public synchronized void succeeded(String email) {
		this.accounts.remove(AccountRules.normalise(email));
	}

	private static boolean blocked(Map<String, Failures> failures, String key, int limit, Instant now) {
		Failures seen = (key != null) ? failures.get(key) : null;
		return seen != null && seen.count >= limit && now.isBefore(seen.last.plus(WINDOW));
	}

	private static void count(Map<String, Failures> failures, String key, Instant now) {
		if (key == null) {
			return;
		}
		Failures seen = failures.get(key);
		if (seen == null || !now.isBefore(seen.last.plus(WINDOW))) {
			seen = new Failures();
			failures.put(key, seen);
		}
		seen.count++;
		seen.last = now;
	}

	private static Map<String, Failures> lru() {
		return new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
				return size() > REMEMBERED;
			}

		};
	}

	private static final class Failures {

		int count;

		Instant last;

	}

}
