package org.handover.core.registry;

/** The script a name is written in. */
public enum Script {
  UK, RU, LATIN;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Script fromKey(String key) {
    for (Script s : values()) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("script: unknown value '" + key + "'");
  }
}
