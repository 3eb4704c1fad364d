package org.handover.core.parties;

import java.util.Objects;

/**
 * A party as an installation knows it: its code, its kind and its name in each language.
 *
 * <pre>{@code
 * new PartyProfile(Party.of("UA"), PartyKind.BELLIGERENT, "Україна", "Ukraine", "Украина").name("en") // "Ukraine"
 * }</pre>
 */
public record PartyProfile(
    Party party, PartyKind kind, String nameUk, String nameEn, String nameRu) {
  public PartyProfile {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(kind, "kind");
    nameUk = required(nameUk, "name-uk");
    nameEn = required(nameEn, "name-en");
    nameRu = required(nameRu, "name-ru");
  }

  /** The name in a language (uk, en, ru); English for any other. */
  public String name(String language) {
    return switch (language) {
      case "uk" -> nameUk;
      case "ru" -> nameRu;
      default -> nameEn;
    };
  }

  public String code() {
    return party.code();
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + ": a party needs a name in each language");
    }
    if (value.strip().length() > 200) {
      throw new IllegalArgumentException(field + ": longer than 200 characters");
    }
    return value.strip();
  }
}
