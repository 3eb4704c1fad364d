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

  /**
   * An attempt from this address on this account: the seconds it must still wait (nothing counted),
   * or 0 when it may try now, in which case it is counted as a failure until it succeeds. Counting
   * before the password is checked, in one step with the check, means that many attempts sent at
   * once cannot all slip in before the first fails.
   */
  long begin(String address, String username) {
    long now = clock.millis();
    String from = network(address);
    String on = onAccount(from, username);
    long wait = Math.max(waitUntil(from, now), waitUntil(on, now));
    if (wait > now) {
      return (wait - now + 999) / 1000;
    }
    if (failures.size() > MOST_KEYS) {
      failures.values().removeIf(f -> f.first() + WINDOW_MILLIS < now && f.retryAt() < now);
    }
    count(from, FREE_PER_ADDRESS, now);
    if (failures.size() <= MOST_KEYS) { // full of addresses: each still counted on its own
      count(on, FREE_PER_ACCOUNT, now);
    }
    return 0;
  }

  /** The key of one account from one network (a name as long as anyone cares to send, cut). */
  private static String onAccount(String network, String username) {
    return network + "\n" + (username.length() > 64 ? username.substring(0, 64) : username);
  }

  private long waitUntil(String key, long now) {
    Failures f = failures.get(key);
    return f == null ? 0 : f.retryAt();
  }

  /**
   * Where attempts are counted: an IPv4 address, or an IPv6 address's /64 (one subscriber holds a
   * whole /64 and could otherwise take a new address for every guess).
   */
  static String network(String address) {
    if (!address.contains(":")) {
      return address;
    }
    try {
      byte[] b = java.net.InetAddress.getByName(address).getAddress();
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 8 && i < b.length; i += 2) {
        s.append(String.format("%02x%02x:", b[i], b[i + 1]));
      }
      return s.append(":/64").toString();
    } catch (java.net.UnknownHostException e) {
      return address;
    }
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
    String from = network(address);
    failures.remove(from);
    failures.remove(onAccount(from, username));
  }
}
