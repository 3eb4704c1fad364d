package org.handover.server.accounts;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins counted where they come from: per client address, and per account from an address.
 * After {@link #FREE_PER_ADDRESS} failures from one address, or {@link #FREE_PER_ACCOUNT} on one
 * account from it, within {@link #WINDOW_MILLIS}, that address (or that address on that account)
 * waits before it may try again, the wait doubling from a second up to five minutes. A real user,
 * elsewhere, is never held up by someone guessing their password. Kept in memory: a restart
 * forgets.
 */
final class LoginThrottle {
  static final int FREE_PER_ADDRESS = 5;
  static final int FREE_PER_ACCOUNT = 3;
  static final long WINDOW_MILLIS = 10 * 60 * 1000L;
  static final long MAX_WAIT_MILLIS = 5 * 60 * 1000L;
  private static final int MOST_KEYS = 100_000;

  private record Failures(int count, long first, long retryAt) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Seconds this address must still wait before trying this account; 0 when it may try now. */
  long waitSeconds(String address, String username) {
    long now = clock.millis();
    long retryAt = Math.max(retryAt(address, now), retryAt(address + "\n" + username, now));
    return retryAt <= now ? 0 : (retryAt - now + 999) / 1000;
  }

  private long retryAt(String key, long now) {
    Failures f = failures.get(key);
    return f == null ? 0 : f.retryAt();
  }

  void failed(String address, String username) {
    long now = clock.millis();
    if (failures.size() > MOST_KEYS) {
      failures.values().removeIf(f -> f.first() + WINDOW_MILLIS < now && f.retryAt() < now);
    }
    count(address, FREE_PER_ADDRESS, now);
    count(address + "\n" + username, FREE_PER_ACCOUNT, now);
  }

  private void count(String key, int free, long now) {
    failures.compute(
        key,
        (k, f) -> {
          Failures current =
              f == null || f.first() + WINDOW_MILLIS < now && f.retryAt() < now
                  ? new Failures(0, now, 0)
                  : f;
          int count = current.count() + 1;
          long wait =
              count < free ? 0 : Math.min(1000L << Math.min(count - free, 20), MAX_WAIT_MILLIS);
          return new Failures(count, current.first(), now + wait);
        });
  }

  /** A login that succeeded: the address is forgiven. */
  void succeeded(String address, String username) {
    failures.remove(address);
    failures.remove(address + "\n" + username);
  }
}
