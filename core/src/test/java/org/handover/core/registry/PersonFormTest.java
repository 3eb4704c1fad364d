package org.handover.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.handover.core.parties.Party;
import org.junit.jupiter.api.Test;

class PersonFormTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);

  static Map<String, String> valid() {
    Map<String, String> m = new HashMap<>();
    m.put("name.0.family", "Ковальчук");
    m.put("name.0.given", "Юрій");
    m.put("name.0.patronymic", "Петрович");
    m.put("name.1.family", "KOVALCHUK");
    m.put("name.1.given", "YURII");
    m.put("name.1.system", "kmu2010");
    m.put("birth_date", "12.03.1998");
    m.put("categories", "severely-wounded,sick");
    m.put("status", "captive");
    m.put("holding_party", "RU");
    m.put("tracing_consent", "on");
    return m;
  }

  private static List<String> keys(Map<String, String> values) {
    List<String> out = new ArrayList<>();
    for (Problem p : new PersonForm(values).read(0, TODAY).problems()) {
      out.add(p.field() + " " + p.key());
    }
    return out;
  }

  @Test
  void readsAValidPersonWithTwoSpellings() {
    Person p = new PersonForm(valid()).read(0, TODAY).person().orElseThrow();
    assertThat(p.names()).hasSize(2);
    assertThat(p.names().get(0).script()).isEqualTo(Script.UK);
    assertThat(p.names().get(1).script()).isEqualTo(Script.LATIN);
    assertThat(p.birthDate()).contains(PartialDate.of(1998, 3, 12));
    assertThat(p.categories()).containsExactlyInAnyOrder(Category.SEVERELY_WOUNDED, Category.SICK);
    assertThat(p.holdingParty()).contains(Party.of("RU"));
    assertThat(p.tracingConsent()).isTrue();
  }

  @Test
  void refusesAnImpossibleDate() {
    Map<String, String> v = valid();
    v.put("birth_date", "31.02.1999");
    assertThat(keys(v)).containsExactly("birth_date error.date.impossible");
  }

  @Test
  void refusesABirthInTheFuture() {
    Map<String, String> v = valid();
    v.put("birth_date", "03.06.2025");
    assertThat(keys(v)).containsExactly("birth_date error.date.future");
  }

  @Test
  void keepsAPersonWhoseFamilyNameIsUnknownByTheGivenNameButNotANameless() {
    Map<String, String> v = valid();
    v.put("name.0.family", "  ");
    assertThat(keys(v)).isEmpty();
    v.put("name.0.given", "");
    assertThat(keys(v)).containsExactly("name.0.family error.required");
  }

  @Test
  void refusesAnUnknownCategoryAndADerivedOne() {
    Map<String, String> v = valid();
    v.put("categories", "sick,hungry,child");
    assertThat(keys(v))
        .containsExactly("categories error.unknown-value", "categories error.category.derived");
  }

  @Test
  void refusesAnOverlongField() {
    Map<String, String> v = valid();
    v.put("unit", "x".repeat(Person.MAX_TEXT + 1));
    v.put("name.0.given", "я".repeat(Name.MAX_LENGTH + 1));
    assertThat(keys(v))
        .containsExactlyInAnyOrder("unit error.too-long", "name.0.given error.too-long");
  }

  @Test
  void refusesUnknownChoices() {
    Map<String, String> v = valid();
    v.put("kind", "soldier");
    v.put("status", "lost");
    v.put("holding_party", "XX");
    assertThat(
            new PersonForm(v, Set.of(Party.of("UA"), Party.of("RU"))::contains)
                .read(0, TODAY).problems().stream().map(p -> p.field() + " " + p.key()).toList())
        .containsExactlyInAnyOrder(
            "kind error.unknown-value",
            "status error.unknown-value",
            "holding_party error.unknown-value");
  }

  @Test
  void giveBackTheSameFieldsItReads() {
    Person p = new PersonForm(valid()).read(7, TODAY).person().orElseThrow();
    Person again = new PersonForm(PersonForm.of(p)).read(7, TODAY).person().orElseThrow();
    assertThat(again).isEqualTo(p);
  }

  @Test
  void guessesTheScriptFromTheLetters() {
    assertThat(PersonForm.guessScript("Ковальчук Юрій")).isEqualTo(Script.UK);
    assertThat(PersonForm.guessScript("Ковалёв Юрий")).isEqualTo(Script.RU);
    assertThat(PersonForm.guessScript("Kovalchuk")).isEqualTo(Script.LATIN);
  }

  @Test
  void refusesAStatusDateWithoutADay() {
    List<Problem> problems = new ArrayList<>();
    Map<String, String> v = valid();
    v.put("status_since", "05.2025");
    new PersonForm(v).statusSince(TODAY, problems);
    assertThat(problems).extracting(Problem::key).containsExactly("error.date.full-required");
  }
}
