package org.handover.names;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class NameParserTest {
  private static void parses(String text, String family, String given, String patronymic) {
    ParsedName p = NameParser.parse(text);
    assertThat(p.family()).as(text).isEqualTo(family);
    assertThat(p.given()).as(text).isEqualTo(given);
    assertThat(p.patronymic()).as(text).isEqualTo(patronymic);
  }

  @Test
  void capitalsMarkTheFamilyName() {
    parses("КОВАЛЬЧУК Юрій Петрович", "КОВАЛЬЧУК", "Юрій", "Петрович");
    parses("Yurii Petrovych KOVALCHUK", "KOVALCHUK", "Yurii", "Petrovych");
    assertThat(NameParser.parse("Yurii Petrovych KOVALCHUK").order())
        .isEqualTo(ParsedName.Order.FAMILY_LAST);
  }

  @Test
  void initialsWithAndWithoutSpaces() {
    parses("Ковальчук Ю. П.", "Ковальчук", "Ю.", "П.");
    parses("Ковальчук Ю.П.", "Ковальчук", "Ю.", "П.");
    parses("Ю.П. Ковальчук", "Ковальчук", "Ю.", "П.");
  }

  @Test
  void aCommaPutsTheFamilyNameFirst() {
    ParsedName p = NameParser.parse("Kovalchuk, Yurii");
    assertThat(p.family()).isEqualTo("Kovalchuk");
    assertThat(p.given()).isEqualTo("Yurii");
    assertThat(p.confidence()).isEqualTo(0.95);
  }

  @Test
  void aPatronymicsEndingTellsTheOrder() {
    parses("Ковальчук Юрій Петрович", "Ковальчук", "Юрій", "Петрович");
    parses("Юрій Петрович Ковальчук", "Ковальчук", "Юрій", "Петрович");
  }

  @Test
  void aSurnamesEndingTellsTheOrderOfTwoWords() {
    parses("Юрій Ковальчук", "Ковальчук", "Юрій", "");
    assertThat(NameParser.parse("Юрій Ковальчук").confidence()).isLessThan(0.9);
  }

  @Test
  void aGivenNameBeforeAWordThatIsNoneIsReadAsGivenFamilyPatronymicWithDoubt() {
    parses("Михайло Вітряк Вікторович", "Вітряк", "Михайло", "Вікторович");
    parses("MYKHAILO VITRIAK VIKTOROVYCH", "VITRIAK", "MYKHAILO", "VIKTOROVYCH");
    assertThat(NameParser.parse("Михайло Вітряк Вікторович").confidence()).isLessThan(0.75);
    // two given names, or a surname first: the usual order stands
    parses("Вітряк Михайло Вікторович", "Вітряк", "Михайло", "Вікторович");
    parses("Микола Іван Петрович", "Микола", "Іван", "Петрович");
    parses("Віталій Кирилич", "Кирилич", "Віталій", "");
    assertThat(Equivalents.get().isGivenName("Микола")).isTrue();
    assertThat(Equivalents.get().isGivenName("Петренко")).isFalse();
    // women's names and names the dictionary's patronymics do not give are known by the short
    // forms' table
    parses("Наталія Бурденюк Іванівна", "Бурденюк", "Наталія", "Іванівна");
    parses("Павел Соколов Андреевич", "Соколов", "Павел", "Андреевич");
    // a surname's ending in the middle and none first: a given name misspelt or unknown
    parses("Марія Толатоухова Володимирівна", "Толатоухова", "Марія", "Володимирівна");
    parses("Маря Толстоухова Володимирівна", "Толстоухова", "Маря", "Володимирівна");
    assertThat(NameParser.parse("Маря Толстоухова Володимирівна").confidence()).isLessThan(0.75);
    // a given name with a surname's ending (Лев) after a family name keeps the usual order
    parses("Коваленко Лев Петрович", "Коваленко", "Лев", "Петрович");
    parses("Левин Лев Петрович", "Левин", "Лев", "Петрович");
  }

  @Test
  void labelsAreDropped() {
    parses("ФИО: Ковальчук Юрий Петрович", "Ковальчук", "Юрий", "Петрович");
    parses("ПІБ: Ковальчук Юрій Петрович", "Ковальчук", "Юрій", "Петрович");
  }

  @Provide
  Arbitrary<ParsedName> names() {
    Arbitrary<String> word =
        Arbitraries.strings()
            .withChars("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяABCDEFabcxyz'-")
            .ofMinLength(1)
            .ofMaxLength(12)
            .filter(w -> Character.isLetter(w.charAt(0)) && !w.endsWith("-"))
            // noise the parser sets aside: a title, or two parts glued
            .filter(w -> !Titles.is(w) && !w.matches(".*\\p{Ll}{3}\\p{Lu}\\p{Ll}.*"));
    Arbitrary<String> optional = Arbitraries.oneOf(word, Arbitraries.just(""));
    return Combinators.combine(word, optional, optional)
        .as(
            (f, g, p) ->
                new ParsedName(
                    f,
                    g.isEmpty() ? p : g,
                    g.isEmpty() ? "" : p,
                    ParsedName.Order.FAMILY_FIRST,
                    0.95));
  }

  @Property
  void readsBackWhatItFormats(@ForAll("names") ParsedName name) {
    ParsedName back = NameParser.parse(name.format());
    assertThat(back.family()).isEqualTo(name.family());
    assertThat(back.given()).isEqualTo(name.given());
    assertThat(back.patronymic()).isEqualTo(name.patronymic());
  }
}
