package org.handover.server.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The demo's time: set day by day as its story unfolds (the round, the lists, the exchanges, the
 * remains, the children), so that every date it records is the day it happened, as a coordination
 * office would have recorded it.
 */
final class StoryClock extends Clock {
  private final ZoneId zone;
  private volatile Instant now;

  StoryClock(LocalDate day) {
    this(ZoneId.systemDefault(), day.atTime(17, 0).atZone(ZoneId.systemDefault()).toInstant());
  }

  private StoryClock(ZoneId zone, Instant now) {
    this.zone = zone;
    this.now = now;
  }

  /** Moves the story to that day (never back). */
  void day(LocalDate day) {
    Instant next = day.atTime(17, 0).atZone(zone).toInstant();
    if (next.isAfter(now)) {
      now = next;
    }
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId z) {
    return new StoryClock(z, now);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
