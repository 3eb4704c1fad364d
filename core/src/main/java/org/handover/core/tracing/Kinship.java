package org.handover.core.tracing;

import org.handover.core.Keys;

/** How the relative who asks is related to the child sought. */
public enum Kinship {
  MOTHER,
  FATHER,
  GRANDMOTHER,
  GRANDFATHER,
  SIBLING,
  AUNT,
  UNCLE,
  GUARDIAN,
  OTHER;

  public String key() {
    return Keys.of(this);
  }

  public static Kinship fromKey(String key) {
    return Keys.parse(Kinship.class, key, "relation");
  }
}
