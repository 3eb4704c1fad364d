package org.handover.core.remains;

import java.util.Set;
import org.handover.core.Keys;

/**
 * How remains were identified, ranked as the INTERPOL DVI Guide ranks them: fingerprints, dental
 * records and DNA are primary; the rest only support, and alone never identify.
 */
public enum Method {
  FINGERPRINTS(true),
  DENTAL(true),
  DNA(true),
  DOCUMENTS(false),
  VISUAL(false),
  EFFECTS(false),
  MEDICAL(false);

  private final boolean primary;

  Method(boolean primary) {
    this.primary = primary;
  }

  public boolean primary() {
    return primary;
  }

  public String key() {
    return Keys.of(this);
  }

  public static Method fromKey(String key) {
    return Keys.parse(Method.class, key, "method");
  }

  /** What a set of methods establishes: a primary one identifies, secondary ones only presume. */
  public static Identification.Status establishes(Set<Method> methods) {
    if (methods.isEmpty()) {
      return Identification.Status.UNIDENTIFIED;
    }
    return methods.stream().anyMatch(Method::primary)
        ? Identification.Status.IDENTIFIED
        : Identification.Status.PRESUMED;
  }
}
