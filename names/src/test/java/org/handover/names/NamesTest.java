package org.handover.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  private static Level level(String a, String b) {
    return Names.compare(a, b).level();
  }

  @Test
  void dataEntryNoiseIsSetAsideTitlesKeptAndAFormerFamilyNameMatchesEither() {
    assertThat(Names.compare("Петренко Іван", "IvanPetrenko").level())
        .isEqualTo(Level.TRANSLITERATION);
    assertThat(Names.compare("Петренко Іван", "ПетренкоІван").level()).isEqualTo(Level.EXACT);
    assertThat(Names.compare("Петренко Іван", "Petrenko_Ivan").level())
        .isEqualTo(Level.TRANSLITERATION);
    assertThat(Names.compare("Петренко Іван", "«Петренко» Іван").level()).isEqualTo(Level.EXACT);
    assertThat(Names.compare("Петренко Іван Петрович", "солдат Петренко Іван Петрович").level())
        .isEqualTo(Level.EXACT);
    assertThat(Names.compare("Петренко Іван", "Mr Ivan Petrenko").level())
        .isEqualTo(Level.TRANSLITERATION);
    assertThat(Names.compare("Петренко Іван", "старший лейтенант Петренко Іван").level())
        .isEqualTo(Level.EXACT);
    assertThat(Names.compare("Петренко Іван", "Петренко Іван, сержант").level())
        .isEqualTo(Level.EXACT);
    assertThat(Names.parse("ст. лейтенант Іваненко (Петренко) Олена").title())
        .isEqualTo("ст. лейтенант");
    ParsedName titled = Names.parse("рядовий Петренко І. П.");
    assertThat(titled.title()).isEqualTo("рядовий");
    assertThat(titled.family()).isEqualTo("Петренко");
    // a family name that is also a rank stays a name when written as one
    assertThat(Names.parse("Майор Іван Петрович").family()).isEqualTo("Майор");
    ParsedName maiden = Names.parse("Іваненко (Петренко) Олена");
    assertThat(maiden.family()).isEqualTo("Іваненко");
    assertThat(maiden.otherFamily()).isEqualTo("Петренко");
    assertThat(Names.compare("Петренко Олена", "Іваненко (Петренко) Олена").level())
        .isEqualTo(Level.EXACT);
    assertThat(Names.compare("Іваненко Олена", "Іваненко (Петренко) Олена").level())
        .isEqualTo(Level.EXACT);
    assertThat(Names.keys("Іваненко (Петренко) Олена")).containsAll(Names.keys("Петренко Олена"));
    assertThat(Names.compare("Сидоренко Олена", "Іваненко (Петренко) Олена").level())
        .isEqualTo(Level.DIFFERENT);
    // not glued: Mc and De are too short to be a name
    assertThat(Names.parse("John McDonald").family()).isEqualTo("McDonald");
  }

  @Test
  void englishSpellingsWithXForKsAndErForAFinalRMeetTheirOriginals() {
    assertThat(Names.compareWords("Олександр", "Olexandr").level())
        .isEqualTo(Level.TRANSLITERATION);
    assertThat(Names.compareWords("Александр", "Alexander").level())
        .isEqualTo(Level.TRANSLITERATION);
    assertThat(Names.compareWords("Алексей", "Alexei").level()).isEqualTo(Level.TRANSLITERATION);
    assertThat(Names.compareWords("Максим", "Maxim").level()).isEqualTo(Level.TRANSLITERATION);
    assertThat(Names.compareWords("Ксения", "Xenia").level()).isEqualTo(Level.TRANSLITERATION);
    assertThat(Names.compareWords("Петр", "Peter").level()).isEqualTo(Level.TRANSLITERATION);
    // GOST 7.79 B's x is still х
    assertThat(Names.compareWords("Харків", "Xarkiv").level()).isEqualTo(Level.TRANSLITERATION);
    // Western spellings put a vowel between Дмитрий's first two consonants
    assertThat(Names.compareWords("Дмитрий", "Dimitri").level()).isEqualTo(Level.TRANSLITERATION);
    assertThat(Names.compareWords("Дмитро", "Dimitro").level()).isEqualTo(Level.TRANSLITERATION);
    assertThat(Names.compareWords("Дмитрий", "Dimitri").why()).contains("vowel");
    // but only there, and only one: Dimitrov is not Дмитриев, nor Damir Дмитрий
    assertThat(Names.compareWords("Дмитриев", "Dimitrov").level())
        .isNotEqualTo(Level.TRANSLITERATION);
    assertThat(Names.compareWords("Дмитрий", "Damir").level()).isEqualTo(Level.DIFFERENT);
    // and a different name stays different
    assertThat(Names.compareWords("Максим", "Maxwell").level()).isEqualTo(Level.DIFFERENT);
    assertThat(Names.keys("Olexandr Petrenko"))
        .containsAnyElementsOf(Names.keys("Петренко Олександр"));
  }

  @Test
  void aPassportSpellingIsNamedBySystem() {
    Comparison c = Names.compare("Юрій", "Iurii");
    assertThat(c.level()).isEqualTo(Level.TRANSLITERATION);
    assertThat(c.explanation()).isEqualTo("Юрій ~ Iurii: same name, ICAO 9303 spelling");
    assertThat(Names.compareWords("Юрій", "Yurii").why()).contains("KMU 2010");
  }

  @Test
  void westernRenderingsReduceToTheSameName() {
    assertThat(level("Ковальчук", "Kowalczuk")).isEqualTo(Level.TRANSLITERATION);
    assertThat(level("Чаплинський", "Tschaplynskyj")).isEqualTo(Level.TRANSLITERATION);
    assertThat(level("Путин", "Poutine")).isEqualTo(Level.TRANSLITERATION);
    assertThat(level("Шевченко", "Szewczenko")).isEqualTo(Level.TRANSLITERATION);
    assertThat(level("Шевченко", "Schewtschenko")).isEqualTo(Level.TRANSLITERATION);
  }

  @Test
  void ukrainianAndRussianFormsAreEquivalent() {
    assertThat(level("Олександр", "Александр")).isEqualTo(Level.EQUIVALENT);
    assertThat(level("Oleksandr", "Aleksandr")).isEqualTo(Level.EQUIVALENT);
    assertThat(level("Микола", "Николай")).isEqualTo(Level.EQUIVALENT);
    assertThat(level("Олексійович", "Алексеевич")).isEqualTo(Level.EQUIVALENT);
    assertThat(level("Ковальський", "Ковальский")).isEqualTo(Level.EQUIVALENT);
    assertThat(level("Ковалёв", "Ковалёва")).isEqualTo(Level.EQUIVALENT);
  }

  @Test
  void weakerLevels() {
    assertThat(level("Ковальчук", "Ковальчюк")).isEqualTo(Level.PHONETIC);
    assertThat(level("Ковальчук", "Ковальчек")).isEqualTo(Level.EDIT);
    // two letters apart is a level of its own: as often another family's name as a double slip
    assertThat(level("Кошеленко", "Коваленко")).isEqualTo(Level.TWO_EDITS);
    assertThat(level("KOSHELENKO", "Коваленко")).isEqualTo(Level.TWO_EDITS);
    assertThat(Names.compareWords("Кошеленко", "Коваленко").why()).contains("two letters apart");
    assertThat(level("Ковальчук Ю.", "Ковальчук Юрій")).isEqualTo(Level.INITIALS);
    assertThat(level("Ковальчук", "Коваленко")).isEqualTo(Level.DIFFERENT);
    assertThat(level("Ковальчук Юрій", "Ковальчук Андрій")).isEqualTo(Level.DIFFERENT);
    // a slip in the other language's form, in either script, is still one letter off
    assertThat(level("Ковальчук Андаей", "Ковальчук Андрій")).isEqualTo(Level.EDIT);
    assertThat(level("KOVALCHUK ANAREI", "Ковальчук Андрій")).isEqualTo(Level.EDIT);
    assertThat(level("Ковальчук Андрей", "Ковальчук Олексій")).isEqualTo(Level.DIFFERENT);
    // letters counted as written: щ for а is one slip, though its skeleton spells it shch
    assertThat(Names.compareWords("Тіщенко", "Тіаенко").level()).isEqualTo(Level.EDIT);
    assertThat(Names.compareWords("Тіщенко", "TIAENKO").why()).contains("one letter apart");
    assertThat(level("Тіщенко", "Тіщук")).isEqualTo(Level.DIFFERENT);
    // an initial of the Russian form: А. for Олександр (Александр), N. for Микола (Николай)
    assertThat(level("Ковальчук А.", "Ковальчук Олександр")).isEqualTo(Level.INITIALS);
    assertThat(level("KOVALCHUK N.", "Ковальчук Микола")).isEqualTo(Level.INITIALS);
    assertThat(level("Ковальчук В.", "Ковальчук Микола")).isEqualTo(Level.DIFFERENT);
  }

  @Test
  void fullNamesArePartByPartWithSwappedOrderAndMissingPatronymic() {
    Comparison c = Names.compare("Ковальчук Юрій Петрович", "KOVALCHUK IURII");
    assertThat(c.level()).isEqualTo(Level.TRANSLITERATION);
    assertThat(c.parts().get(2).missing()).isTrue();
    Comparison swapped =
        Names.compare(
            "Ковальчук Юрій", "Kovalchuk Iurii".replace("Kovalchuk Iurii", "Iurii Kovalchuk"));
    assertThat(swapped.level()).isEqualTo(Level.TRANSLITERATION);
    Comparison forced =
        Names.compare(
            Names.prepare(
                new ParsedName("Юрій", "Ковальчук", "", ParsedName.Order.FAMILY_FIRST, 1)),
            Names.prepare("Ковальчук, Юрій"));
    assertThat(forced.swapped()).isTrue();
    assertThat(forced.level()).isEqualTo(Level.EXACT);
  }

  @Test
  void everySpellingOfOneNameSharesAKey() {
    assertThat(Names.keys("Ковальчук Юрій Петрович")).contains("F:kovalchuk", "G:iuri.k");
    for (String variant :
        new String[] {"KOVALCHUK IURII", "Kovalchuk, Yuriy", "Kowalczuk Jurij", "Ковальчук Юрий"}) {
      assertThat(Names.keys(variant))
          .as(variant)
          .containsAnyElementsOf(Names.keys("Ковальчук Юрій"));
    }
    assertThat(Names.keys("Ковальова Олена"))
        .containsAnyElementsOf(Names.keys("Ковалев Александр"));
  }
}
