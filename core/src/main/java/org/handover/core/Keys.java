package org.handover.core;

import java.util.Locale;

/**
 * The keys by which choices are stored, posted and translated: the constant's name in lower case
 * with dashes ({@code SEVERELY_WOUNDED} is "severely-wounded"), read back without regard to case.
 *
 * <pre>{@code
 * Keys.of(Status.REMAINS_RETURNED)                   // "remains-returned"
 * Keys.parse(Status.class, "captive", "status")      // Status.CAPTIVE
 * Keys.parse(Status.class, "lost", "status")         // IllegalArgumentException: status: unknown value 'lost'
 * }</pre>
 */
public final class Keys {
  private Keys() {}

  public static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static <E extends Enum<E>> E parse(Class<E> type, String key, String field) {
    for (E e : type.getEnumConstants()) {
      if (of(e).equalsIgnoreCase(key)) {
        return e;
      }
    }
    throw new IllegalArgumentException(field + ": unknown value '" + key + "'");
  }
}
