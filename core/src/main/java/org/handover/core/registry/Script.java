package org.handover.core.registry;

import org.handover.core.Keys;

/** The script a name is written in. */
public enum Script {
  UK,
  RU,
  LATIN;

  public String key() {
    return Keys.of(this);
  }

  public static Script fromKey(String key) {
    return Keys.parse(Script.class, key, "script");
  }
}
