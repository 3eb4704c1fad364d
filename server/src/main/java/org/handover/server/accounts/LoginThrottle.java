package org.handover.server.accounts;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address: after {@link #FREE} of them within {@link #WINDOW_MILLIS}, the
 * address waits before it may try again, the wait doubling up to five minutes. Kept in memory: a
 * restart forgets, and the per-account delay still holds.
 */
final class LoginThrottle {
  static final int FREE = 10;
  static final long WINDOW_MILLIS = 10 * 60 * 1000L;
  static final long MAX_WAIT_MILLIS = 5 * 60 * 1000L;
  private static final int MOST_ADDRESSES = 100_000;

  private record Failures(int count, long first, long retryAt) {}

  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Seconds this address must still wait before trying again; 0 when it may try now. */
  long waitSeconds(String address) {
    Failures f = byAddress.get(address);
    long now = clock.millis();
    if (f == null || f.retryAt() <= now) {
      return 0;
    }
    return (f.retryAt() - now + 999) / 1000;
  }

  void failed(String address) {
    long now = clock.millis();
    if (byAddress.size() > MOST_ADDRESSES) {
      byAddress.values().removeIf(f -> f.first() + WINDOW_MILLIS < now && f.retryAt() < now);
    }
    byAddress.compute(
        address,
        (a, f) -> {
          Failures current =
              f == null || f.first() + WINDOW_MILLIS < now && f.retryAt() < now
                  ? new Failures(0, now, 0)
                  : f;
          int count = current.count() + 1;
          long wait =
              count <= FREE
                  ? 0
                  : Math.min(1000L << Math.min(count - FREE - 1, 20), MAX_WAIT_MILLIS);
          return new Failures(count, current.first(), now + wait);
        });
  }

  void succeeded(String address) {
    byAddress.remove(address);
  }
}
