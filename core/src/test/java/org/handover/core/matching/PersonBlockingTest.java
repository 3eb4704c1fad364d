package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.handover.core.registry.PartialDate;
import org.handover.names.Names;
import org.handover.names.ParsedName;
import org.handover.names.PreparedName;
import org.junit.jupiter.api.Test;

class PersonBlockingTest {
  private static PersonRecord born1975(String name) {
    return born(name, PartialDate.of(1975, 6, 4));
  }

  private static PersonRecord born(String name, PartialDate date) {
    return record(Names.prepare(name), date, "");
  }

  private static PersonRecord record(PreparedName name, PartialDate date, String service) {
    return new PersonRecord(
        1, "x", List.of(name), Optional.ofNullable(date), "", "", service, "", "", 0);
  }

  private static boolean meet(BlockingRule<PersonRecord> rule, String a, String b) {
    return meet(rule, born1975(a), born1975(b));
  }

  /** Whether a list's record finds a registry person: its probe keys among the person's keys. */
  private static boolean meet(BlockingRule<PersonRecord> rule, PersonRecord entry, PersonRecord p) {
    Set<String> shared = new HashSet<>(rule.probeKeys(entry));
    shared.retainAll(rule.keys(p));
    return !shared.isEmpty();
  }

  private static PersonRecord givenOnly(String given, PartialDate date) {
    return record(
        Names.prepare(new ParsedName("", given, "", ParsedName.Order.FAMILY_FIRST, 1)), date, "");
  }

  @Test
  void aRuleNamedTwiceIsTakenOnce() {
    String name = PersonBlocking.SERVICE_NUMBER.name();
    assertThat(PersonBlocking.rules(List.of(name, " " + name)))
        .containsExactly(PersonBlocking.SERVICE_NUMBER);
  }

  @Test
  void aPersonWithoutAFamilyNameMeetsByTheDateAndAGivenInitial() {
    BlockingRule<PersonRecord> rule = PersonBlocking.DATE_GIVEN_INITIAL;
    PartialDate day = PartialDate.of(1986, 3, 1);
    // a row whose family name is empty, its given name misspelt: everyone born that day with the
    // initial
    PersonRecord row = givenOnly("Тіфані", day);
    assertThat(meet(rule, row, born("Мазур Тіффані", day))).isTrue();
    assertThat(meet(rule, row, givenOnly("Тіффані", day))).isTrue();
    assertThat(meet(rule, row, born("Мазур Оксана", day))).isFalse();
    assertThat(meet(rule, row, born("Мазур Тіффані", PartialDate.of(1986, 3, 2)))).isFalse();
    assertThat(meet(rule, givenOnly("Тіфані", PartialDate.ofYear(1986)), givenOnly("Тіфані", day)))
        .as("a year alone is not enough")
        .isFalse();
    // a row with a family name meets only a person the registry knows by the given name
    assertThat(meet(rule, born("Мазур Тіффані", day), givenOnly("Тіфані", day))).isTrue();
    assertThat(meet(rule, born("Мазур Тіффані", day), born("Коваль Тетяна", day))).isFalse();
  }

  private static PersonRecord numbered(String name, String service) {
    return record(Names.prepare(name), null, service);
  }

  @Test
  void aServiceNumberOneCharacterOffMeetsWithAGivenInitial() {
    BlockingRule<PersonRecord> rule = PersonBlocking.SERVICE_TYPO_INITIAL;
    PersonRecord row = numbered("Кларк Леон", "3910047");
    // a digit misread, two digits swapped, the family name quite different
    assertThat(meet(rule, row, numbered("Мандика Леон", "3910447"))).isTrue();
    assertThat(meet(rule, row, numbered("Мандика Леон", "3910074"))).isTrue();
    assertThat(
            meet(
                rule,
                numbered("Іваненко Олександр", "Д-123456"),
                numbered("Іваненко Александр", "Д-123465")))
        .as("the initial of the other language's form")
        .isTrue();
    // two digits off, or another initial, or a number too short to tell
    assertThat(meet(rule, row, numbered("Мандика Леон", "3911447"))).isFalse();
    assertThat(meet(rule, row, numbered("Кларк Марко", "3910447"))).isFalse();
    assertThat(meet(rule, numbered("Кларк Леон", "1234"), numbered("Кларк Леон", "1235")))
        .isFalse();
  }

  @Test
  void theDateRuleWantsBothInitialsInEitherOrderOrOneNameWhole() {
    BlockingRule<PersonRecord> rule = PersonBlocking.DATE_INITIALS;
    // family and given swapped, each misspelt after its first letter
    assertThat(meet(rule, "Чуприн Євген Олегович", "Єваен Чуприн")).isTrue();
    assertThat(meet(rule, "Помазан Євген Вікторович", "Евгений Помазан")).isTrue();
    // the family name standing where the given name should, beside another surname
    assertThat(meet(rule, "Левченко Артем Степанович", "Шевалев Левченко Степанович")).isTrue();
    // strangers born the same day whose names begin alike, but only one of them
    assertThat(meet(rule, "Коваленко Олег", "Кравчук Андрій")).isFalse();
    assertThat(meet(rule, "Коваленко Олег", "Шевчук Олег")).isFalse();
    // no full date: no key
    assertThat(rule.keys(born("Коваленко Олег", PartialDate.ofYear(1975)))).isEmpty();
  }

  @Test
  void aMisspeltFeminineFormMeetsItsPersonOneLetterOff() {
    // Туришина's key is Туришин's; Туришана is not known as feminine and keeps its own
    assertThat(
            meet(
                PersonBlocking.FAMILY_TYPO_INITIAL_YEAR,
                "Туришина Галина Костянтинівна",
                "Туришана Галина Константиновна"))
        .isTrue();
    assertThat(meet(PersonBlocking.FAMILY_TYPO_YEAR, "Козицька Ірина", "Козицьаа Ірина")).isTrue();
  }

  @Test
  void aDatedEntryMeetsTheFamilyNameOfItsYearOnlyWithAnInitialOrItsDay() {
    BlockingRule<PersonRecord> rule = PersonBlocking.NAME_KEYS_YEAR;
    PersonRecord dated = born("Коваленко Олег Петрович", PartialDate.of(1975, 6, 4));
    assertThat(meet(rule, dated, born("Коваленко Олег", PartialDate.of(1975, 6, 4)))).isTrue();
    assertThat(meet(rule, dated, born("Коваленко Олександр", PartialDate.of(1975, 10, 10))))
        .isTrue();
    // another given name: met on its day, the day and month swapped, or a year alone
    assertThat(meet(rule, dated, born("Коваленко Андрій", PartialDate.of(1975, 6, 4)))).isTrue();
    assertThat(meet(rule, dated, born("Коваленко Андрій", PartialDate.of(1975, 4, 6)))).isTrue();
    assertThat(meet(rule, dated, born("Коваленко Андрій", PartialDate.ofYear(1975)))).isTrue();
    assertThat(meet(rule, dated, born("Коваленко Андрій", PartialDate.of(1975, 10, 10)))).isFalse();
    // a slip in the day: the given initial with the year still meets
    assertThat(meet(rule, dated, born("Коваленко Олег", PartialDate.of(1975, 6, 14)))).isTrue();
    // an entry with a year alone meets every namesake of the year
    PersonRecord yearOnly = born("Коваленко Олег", PartialDate.ofYear(1975));
    assertThat(meet(rule, yearOnly, born("Коваленко Андрій", PartialDate.of(1975, 10, 10))))
        .isTrue();
    assertThat(meet(rule, yearOnly, born("Коваленко Андрій", PartialDate.of(1976, 10, 10))))
        .isFalse();
  }

  @Test
  void anEntryMeetsNamesakesOfItsDayOrOfANearYearAndOneWithoutADateMeetsAll() {
    BlockingRule<PersonRecord> rule = PersonBlocking.FAMILY_GIVEN_INITIAL;
    PersonRecord dated = born("Коваленко Олег", PartialDate.of(1975, 6, 4));
    // the year misread: the day and month still meet
    assertThat(meet(rule, dated, born("Коваленко Олександр", PartialDate.of(1957, 6, 4)))).isTrue();
    assertThat(meet(rule, dated, born("Коваленко Олександр", null))).isTrue();
    assertThat(meet(rule, dated, born("Коваленко Ольга", PartialDate.ofYear(1975)))).isTrue();
    // a namesake born another day is left to the other rules
    assertThat(meet(rule, dated, born("Коваленко Олександр", PartialDate.of(1975, 7, 4))))
        .isFalse();
    // a person of unknown day meets a dated entry when born in a year a slip makes of its own
    assertThat(meet(rule, dated, born("Коваленко Ольга", PartialDate.ofYear(1957)))).isTrue();
    assertThat(meet(rule, dated, born("Коваленко Ольга", PartialDate.ofYear(1990)))).isFalse();
    // an entry with a year alone meets namesakes born in a year near it, or without a date
    PersonRecord yearOnly = born("Коваленко Олег", PartialDate.ofYear(1975));
    assertThat(meet(rule, yearOnly, born("Коваленко Олександр", PartialDate.of(1976, 1, 2))))
        .isTrue();
    assertThat(meet(rule, yearOnly, born("Коваленко Олександр", PartialDate.of(1945, 1, 2))))
        .isTrue();
    assertThat(meet(rule, yearOnly, born("Коваленко Олександр", PartialDate.ofYear(1957))))
        .as("the last two digits swapped")
        .isTrue();
    assertThat(meet(rule, yearOnly, born("Коваленко Олександр", null))).isTrue();
    assertThat(meet(rule, yearOnly, born("Коваленко Олександр", PartialDate.ofYear(1990))))
        .isFalse();
    assertThat(meet(rule, yearOnly, born("Коваленко Олександр", PartialDate.of(1980, 1, 2))))
        .isFalse();
    assertThat(meet(rule, yearOnly, born("Коваленко Андрій", PartialDate.of(1975, 6, 4))))
        .isFalse();
    // an entry without a date meets every such namesake, whenever born
    PersonRecord undated = born("Коваленко Олег", null);
    assertThat(meet(rule, undated, dated)).isTrue();
    assertThat(meet(rule, undated, born("Коваленко Олександр", PartialDate.of(1980, 1, 2))))
        .isTrue();
    assertThat(meet(rule, undated, born("Коваленко Андрій", PartialDate.of(1975, 6, 4)))).isFalse();
  }

  @Test
  void aFamilyNameOneLetterOffAsWrittenMeetsItsPerson() {
    for (BlockingRule<PersonRecord> rule :
        List.of(PersonBlocking.FAMILY_TYPO_YEAR, PersonBlocking.FAMILY_TYPO_INITIAL_YEAR)) {
      // a letter changed where the skeleton writes two (ч is ch): one letter as written
      assertThat(meet(rule, "Кравченко Денис Юрійович", "Краваенко Д.")).isTrue();
      // a letter added: the shorter name as it is meets the longer one less a letter
      assertThat(meet(rule, "Сташук Володимир Назарович", "Саашук Володимир")).isTrue();
      assertThat(meet(rule, "Шевченко Андрій", "Шевчено Андрій")).isTrue();
      // two letters apart: another name
      assertThat(meet(rule, "Коваленко Андрій", "Ковальчук Андрій")).isFalse();
    }
  }
}
