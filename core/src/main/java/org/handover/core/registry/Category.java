package org.handover.core.registry;

import org.handover.core.Keys;

/**
 * Categories of a person. Severely wounded and sick are recorded; child and civilian are derived
 * and never stored. An age range is not a category: it is a condition of a provision, asked on a
 * date ({@code org.handover.core.agreements.Selection}).
 */
public enum Category {
  SEVERELY_WOUNDED(false),
  SICK(false),
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
