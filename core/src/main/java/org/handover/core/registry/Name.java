package org.handover.core.registry;

import java.util.Objects;

/**
 * One spelling of a person's name.
 *
 * <pre>{@code
 * new Name(Script.UK, "", "Ковальчук", "Юрій", "Петрович", "registry")
 * new Name(Script.LATIN, "kmu2010", "Kovalchuk", "Yurii", "", "passport")
 * }</pre>
 *
 * @param system the transliteration system of a Latin spelling ("" when not known or not Latin)
 * @param source where this spelling comes from ("" when not recorded)
 */
public record Name(
    Script script, String system, String family, String given, String patronymic, String source) {
  public static final int MAX_LENGTH = 100;

  public Name {
    Objects.requireNonNull(script, "script");
    system = Texts.clean(system, "system", MAX_LENGTH);
    family = Texts.clean(family, "family", MAX_LENGTH);
    given = Texts.clean(given, "given", MAX_LENGTH);
    patronymic = Texts.clean(patronymic, "patronymic", MAX_LENGTH);
    source = Texts.clean(source, "source", MAX_LENGTH);
    if (family.isEmpty() && given.isEmpty()) {
      // a person whose family name is unknown is still recorded, by the given name
      throw new IllegalArgumentException("family: must not be empty");
    }
  }

  /** Family name first, as lists write it: "Ковальчук Юрій Петрович". */
  public String full() {
    return String.join(
        " ",
        java.util.stream.Stream.of(family, given, patronymic).filter(s -> !s.isEmpty()).toList());
  }
}
