package org.handover.core.registry;

/** Where a person stands: the glossary's statuses. */
public enum Status {
  MISSING, CAPTIVE, DETAINED, RELEASED, RETURNED, DECEASED, REMAINS_RETURNED;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static Status fromKey(String key) {
    for (Status s : values()) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("status: unknown value '" + key + "'");
  }
}
