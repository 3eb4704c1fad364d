package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.handover.core.registry.PartialDate;
import org.handover.names.Names;
import org.junit.jupiter.api.Test;

class PersonBlockingTest {
  private static PersonRecord born1975(String name) {
    return new PersonRecord(
        1,
        "x",
        List.of(Names.prepare(name)),
        Optional.of(PartialDate.of(1975, 6, 4)),
        "",
        "",
        "",
        "",
        "",
        0);
  }

  private static boolean meet(BlockingRule<PersonRecord> rule, String a, String b) {
    Set<String> shared = new HashSet<>(rule.keys(born1975(a)));
    shared.retainAll(rule.keys(born1975(b)));
    return !shared.isEmpty();
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
