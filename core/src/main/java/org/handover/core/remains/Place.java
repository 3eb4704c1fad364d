package org.handover.core.remains;

import org.handover.core.Keys;

/** Where remains are kept: a case is always somewhere. */
public enum Place {
  MORGUE,
  LABORATORY,
  CEMETERY,
  FAMILY,
  OTHER;

  public String key() {
    return Keys.of(this);
  }

  public static Place fromKey(String key) {
    return Keys.parse(Place.class, key, "place");
  }
}
