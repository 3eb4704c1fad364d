package org.handover.core.registry;

import java.util.Locale;

/**
 * What an agreement can select on. Severely wounded and sick are recorded; the others are derived
 * (age from the date of birth at a given date, civilian from the kind) and never stored.
 */
public enum Category {
  SEVERELY_WOUNDED(false), SICK(false), AGE_18_25(true), CHILD(true), CIVILIAN(true);

  private final boolean derived;

  Category(boolean derived) {
    this.derived = derived;
  }

  public boolean derived() {
    return derived;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Category fromKey(String key) {
    for (Category c : values()) {
      if (c.key().equals(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException("category: unknown value '" + key + "'");
  }
}
