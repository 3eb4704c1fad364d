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
    return of(
        name.family() + " " + name.given() + " " + name.patronymic() + " " + name.otherFamily());
  }

  /** The conventions a word, or the words of a name together, show. */
  static int of(String word) {
    if (word.isEmpty()) {
      return 0;
    }
    int bits = 0;
    if (Scholarly.applies(word)) {
      bits |= SCHOLARLY.bit;
    }
    String w = word.toLowerCase(Locale.ROOT);
    if (w.contains("sch")) {
      bits |= GERMAN.bit;
    }
    if (w.contains("ou") || w.contains("tch") || w.indexOf('ï') >= 0) {
      bits |= FRENCH.bit;
    }
    if (w.indexOf('ў') >= 0
        || (w.indexOf('і') >= 0
            && (w.indexOf('ы') >= 0 || w.indexOf('э') >= 0 || w.indexOf('ё') >= 0))) {
      bits |= BELARUSIAN.bit;
    }
    return bits;
  }

  /** Whether this convention is among the bits. */
  boolean in(int bits) {
    return (bits & bit) != 0;
  }
}
