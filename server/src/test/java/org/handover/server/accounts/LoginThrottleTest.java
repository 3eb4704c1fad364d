package org.handover.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Guessing slows down where it comes from; a real user elsewhere is never held up. */
class LoginThrottleTest {
  static final class Ticking extends Clock {
    Instant now = Instant.parse("2025-06-02T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void anAddressGuessingOneAccountWaitsLongerEachTimeUpToFiveMinutes() {
    Ticking clock = new Ticking();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < 3; i++) {
      assertThat(t.begin("10.0.0.1", "admin")).isZero(); // counted as failed until it succeeds
    }
    assertThat(t.begin("10.0.0.1", "admin")).isEqualTo(1);
    // the real administrator, from another address, is not held up
    assertThat(t.begin("10.0.0.2", "admin")).isZero();
    t.succeeded("10.0.0.2", "admin");
    assertThat(t.begin("10.0.0.1", "olena")).isZero(); // the address's fourth
    clock.now = clock.now.plusSeconds(1);
    assertThat(t.begin("10.0.0.1", "admin")).isZero(); // its fifth: now it waits on any account
    assertThat(t.begin("10.0.0.1", "olena")).isEqualTo(1);
    assertThat(t.begin("10.0.0.1", "admin")).isEqualTo(2);
    // however long it keeps at it, it never waits more than five minutes between guesses
    long most = 0;
    for (int i = 0; i < 40; i++) {
      long w = t.begin("10.0.0.1", "admin");
      most = Math.max(most, w);
      clock.now = clock.now.plusSeconds(Math.max(w, 1));
    }
    assertThat(most).isBetween(290L, 300L);
    // a success forgives the address
    t.succeeded("10.0.0.1", "admin");
    assertThat(t.begin("10.0.0.1", "admin")).isZero();
  }

  @Test
  void anIpv6SubscriberIsCountedByItsNetworkNotEachAddress() {
    LoginThrottle t = new LoginThrottle(new Ticking());
    for (int i = 0; i < 5; i++) {
      assertThat(t.begin("2001:db8:1:2::" + (i + 1), "user" + i)).isZero();
    }
    assertThat(t.begin("2001:db8:1:2::ffff", "someone")).isEqualTo(1);
    assertThat(t.begin("2001:db8:1:3::1", "someone")).isZero();
    assertThat(LoginThrottle.network("10.1.2.3")).isEqualTo("10.1.2.3");
  }
}
