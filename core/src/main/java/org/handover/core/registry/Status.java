package org.handover.core.registry;

import org.handover.core.Keys;

/** Where a person stands: the glossary's statuses. */
public enum Status {
  MISSING,
  CAPTIVE,
  DETAINED,
  RELEASED,
  RETURNED,
  DECEASED,
  REMAINS_RETURNED;

  public String key() {
    return Keys.of(this);
  }

  public static Status fromKey(String key) {
    return Keys.parse(Status.class, key, "status");
  }
}
