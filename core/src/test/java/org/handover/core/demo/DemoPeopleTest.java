package org.handover.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.handover.core.registry.Kind;
import org.handover.core.registry.Person;
import org.handover.core.registry.Script;
import org.junit.jupiter.api.Test;

class DemoPeopleTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

  @Test
  void theSameSeedGivesTheSamePeople() {
    assertThat(new DemoPeople(1, TODAY).generate(200))
        .isEqualTo(new DemoPeople(1, TODAY).generate(200));
  }

  @Test
  void givesEveryKindWithPatronymicsAndPastBirthDates() {
    List<Person> people = new DemoPeople(7, TODAY).generate(2000);
    assertThat(people)
        .extracting(Person::kind)
        .contains(Kind.SERVICE_MEMBER, Kind.CIVILIAN, Kind.CHILD);
    assertThat(people)
        .allSatisfy(
            p -> {
              assertThat(p.primaryName().patronymic()).isNotEmpty();
              assertThat(p.birthDate())
                  .hasValueSatisfying(d -> assertThat(d.after(TODAY)).isFalse());
            });
    assertThat(people).anySatisfy(p -> assertThat(p.primaryName().script()).isEqualTo(Script.RU));
    assertThat(people)
        .anySatisfy(
            p ->
                assertThat(p.names())
                    .anySatisfy(n -> assertThat(n.script()).isEqualTo(Script.LATIN)));
  }
}
