package org.handover.names;

import java.util.Map;

/**
 * Ukrainian national romanization (Cabinet of Ministers resolution No. 55, 27 January 2010).
 *
 * <pre>{@code
 * Kmu2010.romanize("Юрій Ковальчук")  // "Yurii Kovalchuk"
 * Kmu2010.romanize("Згорани")         // "Zghorany"
 * Kmu2010.romanize("Знам'янка")       // "Znamianka"
 * }</pre>
 *
 * <p>Є, Ї, Й, Ю, Я take their Y- forms at the start of a word and their I- forms elsewhere;
 * "зг" becomes "zgh" so that it is not read as "ж"; soft sign and apostrophe are dropped.
 * Letters outside the Ukrainian alphabet (ы, э, ё, ъ) are given their ICAO 9303 forms, so that a
 * Russian spelling still yields a readable Latin key.
 */
public final class Kmu2010 {
  private Kmu2010() {}

  private static final Map<Character, String> PLAIN = Map.ofEntries(
      Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"),
      Map.entry('ґ', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('є', "ie"),
      Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "y"), Map.entry('і', "i"),
      Map.entry('ї', "i"), Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('л', "l"),
      Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
      Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"),
      Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
      Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ь', ""), Map.entry('ю', "iu"),
      Map.entry('я', "ia"), Map.entry('ы', "y"), Map.entry('э', "e"), Map.entry('ё', "e"),
      Map.entry('ъ', "ie"));

  private static final Map<Character, String> INITIAL = Map.of(
      'є', "ye", 'ї', "yi", 'й', "y", 'ю', "yu", 'я', "ya");

  /** Romanizes Cyrillic letters by the 2010 system; anything else passes through unchanged. */
  public static String romanize(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    boolean wordStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char lower = Character.toLowerCase(c);
      boolean upper = c != lower;
      String latin;
      if (Folding.isApostrophe(c) && i > 0 && isCyrillic(text.charAt(i - 1))) {
        continue; // the apostrophe belongs to the word; it does not start a new one
      } else if (lower == 'г' && i > 0 && Character.toLowerCase(text.charAt(i - 1)) == 'з') {
        latin = "gh";
      } else if (wordStart && INITIAL.containsKey(lower)) {
        latin = INITIAL.get(lower);
      } else {
        latin = PLAIN.get(lower);
      }
      if (latin == null) {
        out.append(c);
      } else if (upper && !latin.isEmpty()) {
        boolean wholeWordUpper = isUpperWord(text, i);
        out.append(wholeWordUpper ? latin.toUpperCase() : Character.toUpperCase(latin.charAt(0)) + latin.substring(1));
      } else {
        out.append(latin);
      }
      wordStart = !Character.isLetter(c);
    }
    return out.toString();
  }

  private static boolean isCyrillic(char c) {
    return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
  }

  private static boolean isUpperWord(String text, int i) {
    int letters = 0;
    for (int j = Math.max(0, i - 1); j < text.length() && j <= i + 1; j++) {
      char c = text.charAt(j);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters > 1;
  }
}
