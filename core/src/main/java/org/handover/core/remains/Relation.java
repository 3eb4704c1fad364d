package org.handover.core.remains;

import org.handover.core.Keys;

/** How a donor of a DNA reference sample is related to the missing person. */
public enum Relation {
  MOTHER,
  FATHER,
  CHILD,
  SIBLING,
  OTHER;

  public String key() {
    return Keys.of(this);
  }

  public static Relation fromKey(String key) {
    return Keys.parse(Relation.class, key, "relation");
  }
}
