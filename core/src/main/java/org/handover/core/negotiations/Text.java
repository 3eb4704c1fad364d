package org.handover.core.negotiations;

import java.util.Objects;

/**
 * What the record says, in each of the three languages a briefing is written in: a Ukrainian page
 * shows no English and an English one no Cyrillic.
 */
public record Text(String uk, String en, String ru) {
  public Text {
    Objects.requireNonNull(uk, "uk");
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(ru, "ru");
  }

  /** The text in a language; anything but uk and ru is English. */
  public String in(String language) {
    return switch (language) {
      case "uk" -> uk;
      case "ru" -> ru;
      default -> en;
    };
  }
}
