package org.handover.names;

import java.util.Locale;

/**
 * A convention a whole name is written in, seen in one of its parts and applied to all: a catalogue
 * that writes "Hruŝëv" writes "Mihail" by the same system (h is х there, not г), a German document
 * that writes "Iwanowytsch" writes "Shuk" for Жук, a Belarusian one that writes "Шаўчук" writes
 * "Вольга" for Ольга. A word alone does not show its convention; its name does.
 *
 * <pre>{@code
 * Convention.of(NameParser.parse("Hruŝëv Mihail Sergeevič"))  // SCHOLARLY
 * Convention.of(NameParser.parse("Wassyl Iwanowytsch Shuk"))  // GERMAN
 * }</pre>
 */
enum Convention {
  /** ISO 9, the scholarly system, ALA-LC: a part carries their marks (č š ž ŝ ê û â). */
  SCHOLARLY,
  /** German documents: a part has sch (Iwanowitsch, Schewtschenko). */
  GERMAN,
  /** French documents: a part has ou, tch or ï (Iourievna, Tchernychova, Alexeï). */
  FRENCH,
  /**
   * Belarusian Cyrillic: a part has ў (Шаўчук), or the name has і beside ы, э or ё, which Ukrainian
   * does not write and Russian writes without і (Дзмітрый).
   */
  BELARUSIAN;

  private final int bit = 1 << ordinal();

  /** The conventions of a name, as a set of bits ({@link #in}); 0 for most names. */
  static int of(ParsedName name) {
    String[] parts = {name.family(), name.given(), name.patronymic()};
    return of(name.family())
        | of(name.given())
        | of(name.patronymic())
        | of(name.otherFamily())
        | belarusianLetters(parts);
  }

  /** The conventions a whole name's text shows, its parts together. */
  static int ofText(String name) {
    return of(name.toLowerCase(Locale.ROOT)) | belarusianLetters(name);
  }

  /** BELARUSIAN's bit when the words have і and one of ы, э, ё: і in one, ы in another will do. */
  private static int belarusianLetters(String... words) {
    return hasAny(words, "іІ") && hasAny(words, "ыэёЫЭЁ") ? BELARUSIAN.bit : 0;
  }

  private static boolean hasAny(String[] words, String letters) {
    for (String word : words) {
      for (int i = 0; i < word.length(); i++) {
        if (letters.indexOf(word.charAt(i)) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The conventions a word shows by itself. */
  static int of(String word) {
    if (word.isEmpty()) {
      return 0;
    }
    int bits = 0;
    if (Scholarly.applies(word)) {
      bits |= SCHOLARLY.bit;
    }
    // Cyrillic words, most of a registry's, show only the Belarusian conventions: no need to fold
    String w = word.charAt(0) >= 0x400 ? word : word.toLowerCase(Locale.ROOT);
    if (w.contains("sch")) {
      bits |= GERMAN.bit;
    }
    if (w.contains("ou") || w.contains("tch") || w.indexOf('ï') >= 0) {
      bits |= FRENCH.bit;
    }
    if (w.indexOf('ў') >= 0 || w.indexOf('Ў') >= 0) {
      bits |= BELARUSIAN.bit;
    }
    return bits;
  }

  /** Whether this convention is among the bits. */
  boolean in(int bits) {
    return (bits & bit) != 0;
  }
}
