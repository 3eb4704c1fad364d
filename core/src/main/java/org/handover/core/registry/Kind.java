package org.handover.core.registry;

import org.handover.core.Keys;

/** What kind of person the registry tracks. */
public enum Kind {
  SERVICE_MEMBER,
  CIVILIAN,
  CHILD;

  public String key() {
    return Keys.of(this);
  }

  public static Kind fromKey(String key) {
    return Keys.parse(Kind.class, key, "kind");
  }
}
