package org.handover.core.registry;

/** Sex as recorded; UNKNOWN where the source does not say. */
public enum Sex {
  MALE, FEMALE, UNKNOWN;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Sex fromKey(String key) {
    for (Sex s : values()) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("sex: unknown value '" + key + "'");
  }
}
