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

  // each enum's keys made once, not lower-cased again for every row stored or read
  private static final ClassValue<String[]> KEYS =
      new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
          Object[] constants = type.getEnumConstants();
          String[] keys = new String[constants.length];
          for (int i = 0; i < keys.length; i++) {
            keys[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
          }
          return keys;
        }
      };

  public static String of(Enum<?> value) {
    return KEYS.get(value.getDeclaringClass())[value.ordinal()];
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
