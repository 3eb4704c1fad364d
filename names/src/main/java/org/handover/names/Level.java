package org.handover.names;

/**
 * How alike two spellings are, strongest first; the matching engine uses these as features.
 *
 * <pre>{@code
 * Names.compareWords("Юрій", "Iurii").level()              // TRANSLITERATION
 * Names.compareWords("Юрій", "Iurii").level().atLeast(Level.EQUIVALENT)  // true
 * }</pre>
 */
public enum Level {
  /** The same letters, case and Latin diacritics aside. */
  EXACT,
  /** One name in two scripts or romanizations: Юрій ~ Iurii (ICAO 9303), Kowalczuk ~ Ковальчук. */
  TRANSLITERATION,
  /**
   * The Ukrainian and Russian forms of one name (Олександр ~ Александр), or masculine and feminine.
   */
  EQUIVALENT,
  /**
   * A short or affectionate form of the other's given name: Саша, Sasha ~ Олександр; Вова ~
   * Володимир.
   */
  DIMINUTIVE,
  /** Sounds alike once vowels and voicing are set aside. */
  PHONETIC,
  /** One letter apart. */
  EDIT,
  /**
   * Two letters apart: a slip twice over, or another family's name (Кошеленко ~ Коваленко), so that
   * it weighs less than one letter and a link on it is reviewed.
   */
  TWO_EDITS,
  /** An initial that fits the other's name. */
  INITIALS,
  DIFFERENT;

  public boolean atLeast(Level other) {
    return ordinal() <= other.ordinal();
  }
}
