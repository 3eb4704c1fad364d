package org.handover.core.registry;

import java.util.Objects;

/** Checks shared by the registry's records. */
final class Texts {
  private Texts() {}

  static String clean(String value, String field, int max) {
    Objects.requireNonNull(value, field);
    String v = value.strip();
    if (v.length() > max) {
      throw new IllegalArgumentException(
          field + ": longer than " + max + " characters (" + v.length() + ")");
    }
    return v;
  }
}
