package org.handover.core.registry;

/** A side of the negotiation, or an intermediary. */
public enum Party {
  UA, RU, ICRC, TR;

  public String key() {
    return name();
  }

  public static Party fromKey(String key) {
    for (Party p : values()) {
      if (p.name().equalsIgnoreCase(key)) {
        return p;
      }
    }
    throw new IllegalArgumentException("party: unknown value '" + key + "'");
  }
}
