package org.handover.core.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.handover.core.registry.PartialDate;
import org.handover.names.Names;
import org.junit.jupiter.api.Test;

class ChildMatchingTest {
  private static ChildRecord child(
      long id, String name, String born, String place, String mother, String father, String sex) {
    return new ChildRecord(
        id,
        List.of(Names.prepare(name)),
        born.isEmpty() ? Optional.empty() : Optional.of(PartialDate.parse(born)),
        place,
        mother.isEmpty() ? Optional.empty() : Optional.of(Names.prepare(mother)),
        father.isEmpty() ? Optional.empty() : Optional.of(Names.prepare(father)),
        sex);
  }

  @Test
  void aChildUnderAFosterFamilysNameIsFoundByTheMothersNameAndTheDate() {
    List<ChildRecord> sought =
        List.of(
            child(
                1,
                "Коваленко Марія Іванівна",
                "12.03.2015",
                "Маріуполь",
                "Коваленко Олена",
                "Коваленко Іван",
                "f"),
            child(2, "Бондар Артем Сергійович", "2012", "Херсон", "Бондар Світлана", "", "m"));
    List<ChildRecord> located = new ArrayList<>();
    // Maria, now Смирнова, the Russian form of her names, her mother's name on the card
    located.add(
        child(
            10, "Смирнова Мария Ивановна", "12.03.2015", "Мариуполь", "Коваленко Елена", "", "f"));
    // a namesake born a year later, another mother
    located.add(
        child(11, "Коваленко Марина Петровна", "03.07.2016", "Донецк", "Коваленко Ирина", "", "f"));
    // Artem with a shifted date of birth and a new family name
    located.add(
        child(12, "Иванов Артём Сергеевич", "14.05.2013", "Херсон", "Бондарь Светлана", "", "m"));
    for (int i = 0; i < 40; i++) {
      located.add(
          child(
              100 + i,
              "Петров" + (char) ('а' + i % 20) + " Олег",
              "200" + (i % 10),
              "Луганск",
              "Петрова Анна",
              "",
              "m"));
    }
    List<ChildMatching.Candidate> c = ChildMatching.candidates(sought, located, 3, 0.01);
    assertThat(c)
        .filteredOn(x -> x.sought() == 0)
        .first()
        .satisfies(x -> assertThat(located.get(x.located()).id()).isEqualTo(10));
    assertThat(c)
        .filteredOn(x -> x.sought() == 1)
        .first()
        .satisfies(x -> assertThat(located.get(x.located()).id()).isEqualTo(12));
    // the family name that differs weighs less than the mother's name that agrees
    ChildMatching.Candidate maria =
        c.stream().filter(x -> x.sought() == 0).findFirst().orElseThrow();
    double family =
        maria.why().stream()
            .filter(w -> w.field().equals("family name"))
            .findFirst()
            .orElseThrow()
            .bits();
    double mother =
        maria.why().stream()
            .filter(w -> w.field().equals("mother's name"))
            .findFirst()
            .orElseThrow()
            .bits();
    assertThat(mother).isGreaterThan(Math.abs(family));
    assertThat(c).allSatisfy(x -> assertThat(x.probability()).isBetween(0.01, 1.0));
  }

  @Test
  void aCaseMovesOneStepAtATimeAndClosesFromAnywhere() {
    assertThat(CaseState.OPEN.canGo(CaseState.LOCATED)).isTrue();
    assertThat(CaseState.LOCATED.canGo(CaseState.REUNIFIED)).isFalse();
    assertThat(CaseState.VERIFIED.canGo(CaseState.HANDOVER_AGREED)).isTrue();
    assertThat(CaseState.LOCATED.canGo(CaseState.OPEN)).isTrue();
    assertThat(CaseState.REUNIFIED.canGo(CaseState.OPEN)).isFalse();
    assertThat(CaseState.LOCATED.canGo(CaseState.CLOSED)).isTrue();
    assertThat(CaseState.CLOSED.canGo(CaseState.OPEN)).isFalse();
    assertThat(CaseState.FOLLOW_UP.closingNeedsReason()).isFalse();
    assertThat(CaseState.LOCATED.closingNeedsReason()).isTrue();
  }
}
