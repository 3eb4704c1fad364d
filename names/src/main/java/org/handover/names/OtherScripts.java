package org.handover.names;

import com.ibm.icu.text.Transliterator;

/**
 * Names in scripts none of Handover's standards covers (Georgian, Armenian, Greek, Arabic...):
 * ICU's general transliteration to Latin, so that a Georgian or Armenian spelling is compared as a
 * Latin one (Giorgi Beridze, Aram Petrosyan) instead of being DIFFERENT from everything. Its marks
 * are kept: Armenian's š and č are letters ({@link Scholarly} reads them), not an s and a c.
 *
 * <pre>{@code
 * OtherScripts.latin("გიორგი")  // "giorgi"
 * OtherScripts.latin("Աշոտ")     // "Ašot"
 * }</pre>
 */
final class OtherScripts {
  private OtherScripts() {}

  /** ICU's transliterators are not for sharing between threads: one per thread. */
  private static final ThreadLocal<Transliterator> TO_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin"));

  /** Whether a word has a letter of neither Latin nor Cyrillic script. */
  static boolean applies(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 0x0370 && !Scheme.isCyrillic(c) && Character.isLetter(c) && !latinExtended(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean latinExtended(char c) {
    return (c >= 0x1E00 && c <= 0x1EFF)
        || (c >= 0x2C60 && c <= 0x2C7F)
        || (c >= 0xA720 && c <= 0xA7FF);
  }

  /** Whether a word is written in Georgian letters. */
  static boolean georgian(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 0x10A0 && c <= 0x10FF) {
        return true;
      }
    }
    return false;
  }

  /** The word in Latin letters. */
  static String latin(String word) {
    return TO_LATIN.get().transliterate(word);
  }
}
