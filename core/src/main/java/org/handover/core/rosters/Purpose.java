package org.handover.core.rosters;

import org.handover.core.Keys;

/** Why a roster was handed over. */
public enum Purpose {
  EXCHANGE,
  INFORMATION,
  CHILDREN,
  REMAINS;

  public String key() {
    return Keys.of(this);
  }

  public static Purpose fromKey(String key) {
    return Keys.parse(Purpose.class, key, "purpose");
  }
}
