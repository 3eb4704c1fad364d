package org.handover.names;

import java.util.Locale;

/**
 * One romanization's letter rules, applied by {@link #apply}: each Cyrillic letter is mapped in
 * lower case with its neighbours in view, then given the case of the original (a letter in a word
 * of capitals becomes all capitals, "Щ" alone "Shch").
 */
abstract class Scheme {
  /**
   * What a lower-case letter becomes; {@code prev}/{@code next} are the neighbouring letters in
   * lower case, 0 at a word's edge; null to pass through.
   */
  abstract String letter(char c, char prev, char next, boolean wordStart);

  /** What an apostrophe inside a word becomes ("" to drop it); null to keep it as it is. */
  String apostrophe() {
    return null;
  }

  final String apply(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    int n = text.length();
    boolean wordStart = true;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Folding.isApostrophe(c)
          && i > 0
          && Character.isLetter(text.charAt(i - 1))
          && i + 1 < n
          && Character.isLetter(text.charAt(i + 1))
          && isCyrillic(text.charAt(i - 1))) {
        String a = apostrophe();
        out.append(a == null ? String.valueOf(c) : a);
        continue; // an apostrophe belongs to its word
      }
      char lower = Character.toLowerCase(c);
      String latin =
          isCyrillic(c)
              ? letter(lower, neighbour(text, i, -1), neighbour(text, i, +1), wordStart)
              : null;
      if (latin == null) {
        out.append(c);
      } else if (c != lower && !latin.isEmpty()) {
        out.append(capitalsAround(text, i) ? latin.toUpperCase(Locale.ROOT) : capitalize(latin));
      } else {
        out.append(latin);
      }
      wordStart = !Character.isLetter(c);
    }
    return out.toString();
  }

  static boolean isCyrillic(char c) {
    return c >= 0x0400 && c <= 0x04FF;
  }

  /**
   * The lower-case letter before or after {@code i}, across an apostrophe; 0 at the edge of a word.
   */
  private static char neighbour(String text, int i, int step) {
    int j = i + step;
    if (j >= 0 && j < text.length() && Folding.isApostrophe(text.charAt(j))) {
      return '\'';
    }
    return j >= 0 && j < text.length() && Character.isLetter(text.charAt(j))
        ? Character.toLowerCase(text.charAt(j))
        : 0;
  }

  private static boolean capitalsAround(String text, int i) {
    boolean before = i > 0 && Character.isUpperCase(text.charAt(i - 1));
    boolean after = i + 1 < text.length() && Character.isUpperCase(text.charAt(i + 1));
    return before || after;
  }

  private static String capitalize(String latin) {
    for (int k = 0; k < latin.length(); k++) {
      if (Character.isLetter(latin.charAt(k))) {
        return latin.substring(0, k)
            + Character.toUpperCase(latin.charAt(k))
            + latin.substring(k + 1);
      }
    }
    return latin;
  }
}
