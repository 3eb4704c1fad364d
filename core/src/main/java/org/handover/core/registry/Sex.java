package org.handover.core.registry;

import org.handover.core.Keys;

/** Sex as recorded; UNKNOWN where the source does not say. */
public enum Sex {
  MALE,
  FEMALE,
  UNKNOWN;

  public String key() {
    return Keys.of(this);
  }

  public static Sex fromKey(String key) {
    return Keys.parse(Sex.class, key, "sex");
  }
}
