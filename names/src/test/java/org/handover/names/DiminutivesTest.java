package org.handover.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Short forms of given names: a level of their own, weaker than the other language's form. */
class DiminutivesTest {

  private static Level given(String a, String b) {
    return Names.compare(a, b).parts().get(1).level();
  }

  @Test
  void aShortFormMeetsTheFullNameInEitherLanguageAndScript() {
    String[][] pairs = {
      {"Коваленко Саша", "Коваленко Олександр"},
      {"Коваленко Саша", "Коваленко Александр"},
      {"Kovalenko Sasha", "Коваленко Олександр"},
      {"Бойко Вова", "Бойко Володимир"},
      {"Бойко Коля", "Бойко Николай"},
      {"Бойко Женя", "Бойко Євгенія"},
      {"Boiko Dima", "Бойко Дмитрий"},
      {"Ткач Таня", "Ткач Татьяна"},
      {"Ткач Шура", "Ткач Саша"},
    };
    for (String[] p : pairs) {
      assertThat(given(p[0], p[1])).as(p[0] + " ~ " + p[1]).isEqualTo(Level.DIMINUTIVE);
    }
    assertThat(Names.compare("Коваленко Саша", "Коваленко Олександр Петрович").level())
        .isEqualTo(Level.DIMINUTIVE);
    assertThat(Names.compare("Саша", "Олександр").level()).isEqualTo(Level.DIMINUTIVE);
    assertThat(Names.compare("Саша", "Олександр").parts().get(0).reason())
        .isEqualTo("a short form of the same given name");
  }

  @Test
  void fullNamesThatShareAShortFormAndOtherNamesStayApart() {
    assertThat(given("Коваленко Владислав", "Коваленко Станіслав")).isNotEqualTo(Level.DIMINUTIVE);
    assertThat(given("Коваленко Саша", "Коваленко Дмитро")).isEqualTo(Level.DIFFERENT);
    assertThat(Level.DIMINUTIVE.atLeast(Level.EQUIVALENT)).isFalse();
    // a surname that is also a short form stays the family name beside a given name
    assertThat(Names.parse("Лукаш Олена").family()).isEqualTo("Лукаш");
    assertThat(given("Лукаш Олена", "Лукаш Олена")).isEqualTo(Level.EXACT);
    // a patronymic or a family name is never taken for a short form
    assertThat(
            Names.compare("Саша Іван Петрович", "Олександр Іван Петрович").parts().get(0).level())
        .isNotEqualTo(Level.DIMINUTIVE);
  }

  @Test
  void theTableHoldsTheCommonNamesOfBothLanguages() {
    assertThat(Diminutives.get().fullForms(Skeleton.of("Саша")))
        .contains(Skeleton.of("Олександр"), Skeleton.of("Александр"), Skeleton.of("Олександра"));
    assertThat(Names.fullNamesOf("Sasha")).contains(Skeleton.of("Олександр"));
    assertThat(Names.fullNamesOf("Петренко")).isEmpty();
    Set<Integer> lines = new HashSet<>();
    for (String form : new String[] {"Вова", "Коля", "Дима", "Таня", "Женя", "Юра", "Люба"}) {
      assertThat(Diminutives.get().fullForms(Skeleton.of(form))).as(form).isNotEmpty();
      lines.add(Diminutives.get().fullForms(Skeleton.of(form)).hashCode());
    }
    assertThat(lines).hasSizeGreaterThan(5);
    assertThat(Diminutives.get().names()).isGreaterThanOrEqualTo(150);
  }
}
