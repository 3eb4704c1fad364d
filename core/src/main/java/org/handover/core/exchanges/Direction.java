package org.handover.core.exchanges;

import org.handover.core.Keys;

/** Seen from this installation: persons we hand over, and our people we receive. */
public enum Direction {
  OUT,
  IN;

  public String key() {
    return Keys.of(this);
  }

  public static Direction fromKey(String key) {
    return Keys.parse(Direction.class, key, "direction");
  }
}
