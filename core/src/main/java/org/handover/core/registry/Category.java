package org.handover.core.registry;

import org.handover.core.Keys;

/**
 * What an agreement can select on. Severely wounded and sick are recorded; the others are derived
 * (age from the date of birth at a given date, civilian from the kind) and never stored.
 */
public enum Category {
  SEVERELY_WOUNDED(false),
  SICK(false),
  AGE_18_25(true),
  CHILD(true),
  CIVILIAN(true);

  private final boolean derived;

  Category(boolean derived) {
    this.derived = derived;
  }

  public boolean derived() {
    return derived;
  }

  public String key() {
    return Keys.of(this);
  }

  public static Category fromKey(String key) {
    return Keys.parse(Category.class, key, "category");
  }
}
