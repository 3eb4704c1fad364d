package org.handover.core.agreements;

import java.util.EnumSet;
import java.util.Set;
import org.handover.core.Keys;
import org.handover.core.registry.Category;

/**
 * Health as recorded for direct repatriation (GC III Art. 109–110, Annex I), and whether a decision
 * on direct repatriation was taken.
 */
public enum Health {
  SEVERELY_WOUNDED,
  SERIOUSLY_SICK,
  REPATRIATION_DECIDED;

  public String key() {
    return Keys.of(this);
  }

  /** What the registry records of a person's health, in this vocabulary. */
  public static Set<Health> of(Set<Category> recorded) {
    Set<Health> h = EnumSet.noneOf(Health.class);
    if (recorded.contains(Category.SEVERELY_WOUNDED)) {
      h.add(SEVERELY_WOUNDED);
    }
    if (recorded.contains(Category.SICK)) {
      h.add(SERIOUSLY_SICK);
    }
    return h;
  }
}
