package org.handover.core.matching;

import org.handover.core.Keys;

/** What becomes of a scored link: made without review, put before a reviewer, or dropped. */
public enum Band {
  AUTO,
  REVIEW,
  NONE;

  /** The stored form: "auto", "review", "none". */
  public String key() {
    return Keys.of(this);
  }

  public static Band fromKey(String key) {
    return Keys.parse(Band.class, key, "band");
  }
}
