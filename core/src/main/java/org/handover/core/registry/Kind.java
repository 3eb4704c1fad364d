package org.handover.core.registry;

/** What kind of person the registry tracks. */
public enum Kind {
  SERVICE_MEMBER, CIVILIAN, CHILD;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static Kind fromKey(String key) {
    for (Kind k : values()) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException("kind: unknown value '" + key + "'");
  }
}
