package org.handover.core.registry;

import org.handover.core.Keys;

/** A side of the negotiation, or an intermediary. */
public enum Party {
  UA, RU, ICRC, TR;

  public String key() {
    return name();
  }

  public static Party fromKey(String key) {
    return Keys.parse(Party.class, key, "party");
  }
}
