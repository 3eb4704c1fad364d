package org.handover.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
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
    for (int i = 0; i < 2; i++) {
      t.failed("10.0.0.1", "admin");
    }
    assertThat(t.waitSeconds("10.0.0.1", "admin")).isZero();
    t.failed("10.0.0.1", "admin");
    assertThat(t.waitSeconds("10.0.0.1", "admin")).isEqualTo(1);
    // the real administrator, from another address, is not held up
    assertThat(t.waitSeconds("10.0.0.2", "admin")).isZero();
    // the same address on another account: not yet (three failures of five)
    assertThat(t.waitSeconds("10.0.0.1", "olena")).isZero();
    clock.now = clock.now.plusSeconds(1);
    t.failed("10.0.0.1", "admin");
    assertThat(t.waitSeconds("10.0.0.1", "admin")).isEqualTo(2);
    t.failed("10.0.0.1", "admin"); // the fifth from the address: every account waits
    assertThat(t.waitSeconds("10.0.0.1", "olena")).isEqualTo(1);
    for (int i = 0; i < 30; i++) {
      t.failed("10.0.0.1", "admin");
    }
    assertThat(t.waitSeconds("10.0.0.1", "admin")).isEqualTo(300);
    // a success forgives the address
    t.succeeded("10.0.0.1", "admin");
    assertThat(t.waitSeconds("10.0.0.1", "admin")).isZero();
    // and failures long past are forgotten
    t.failed("10.0.0.3", "x");
    clock.now = clock.now.plus(Duration.ofMinutes(11));
    t.failed("10.0.0.3", "x");
    t.failed("10.0.0.3", "x");
    assertThat(t.waitSeconds("10.0.0.3", "x")).isZero();
  }
}
