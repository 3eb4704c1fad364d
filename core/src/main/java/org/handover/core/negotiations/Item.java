package org.handover.core.negotiations;

import java.util.regex.Pattern;

/** Stable keys: what identifies an item of the record from one import to the next. */
public final class Item {
  /**
   * Latin letters, digits and dashes, as a file written by hand or by another system gives them.
   */
  public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private Item() {}

  static String key(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "key: '" + key + "' is not a key (small Latin letters, digits and dashes, up to 64)");
    }
    return key;
  }
}
