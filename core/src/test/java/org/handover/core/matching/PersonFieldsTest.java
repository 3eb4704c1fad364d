package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.handover.names.Level;
import org.handover.names.Names;
import org.junit.jupiter.api.Test;

class PersonFieldsTest {
  @Test
  void aSpellingWithoutPatronymicDoesNotHideADifferentPatronymic() {
    PersonRecord entry = record("Шевченко Олексій Іванович");
    PersonRecord person =
        new PersonRecord(
            2,
            "",
            List.of(
                Names.prepare("Шевченко Олексій Степанович"), Names.prepare("SHEVCHENKO, OLEKSII")),
            Optional.empty(),
            "",
            "",
            "",
            "",
            "",
            0);
    Level[] levels = PersonFields.nameLevels(entry, person);
    assertThat(levels[0]).isEqualTo(Level.EXACT);
    assertThat(levels[2]).isEqualTo(Level.DIFFERENT);
  }

  @Test
  void ranksCompareByGradeInEveryLanguage() {
    assertThat(Ranks.grade("Старший солдат"))
        .isEqualTo(Ranks.grade("ефрейтор"))
        .isEqualTo(Ranks.grade("Private First Class"))
        .isPositive();
    assertThat(Ranks.grade("капитан")).isEqualTo(Ranks.grade("капітан"));
    assertThat(Ranks.grade("полковник запасу")).isZero();
    assertThat(PersonFields.RANK.compare(with("", "солдат"), with("", "рядовой"))).isZero();
    assertThat(PersonFields.RANK.compare(with("", "сержант"), with("", "старший сержант")))
        .isEqualTo(1);
    assertThat(PersonFields.RANK.compare(with("", "солдат"), with("", "майор"))).isEqualTo(2);
    assertThat(PersonFields.RANK.compare(with("", "солдат"), with("", "")))
        .isEqualTo(FieldComparison.MISSING);
  }

  @Test
  void placesCompareAcrossScripts() {
    assertThat(PersonFields.BIRTH_PLACE.compare(with("Київ", ""), with("KYIV", ""))).isZero();
    assertThat(PersonFields.BIRTH_PLACE.compare(with("Харків", ""), with("Харьков", "")))
        .isLessThanOrEqualTo(1);
    assertThat(PersonFields.BIRTH_PLACE.compare(with("Київ", ""), with("Одеса", ""))).isEqualTo(2);
    assertThat(PersonFields.BIRTH_PLACE.termOf(with("Київ", "")))
        .isEqualTo(PersonFields.BIRTH_PLACE.termOf(with("Kyiv", "")));
  }

  @Test
  void theFathersNameCountsOnlyWhereAPatronymicIsMissing() {
    PersonRecord son =
        new PersonRecord(
            1,
            "",
            List.of(Names.prepare("Ковальчук Юрій Петрович")),
            Optional.empty(),
            "",
            "Петро",
            "",
            "",
            "",
            0);
    assertThat(PersonFields.FATHER.compare(son, record("Ковальчук Юрій Петрович")))
        .isEqualTo(FieldComparison.MISSING);
    assertThat(PersonFields.FATHER.compare(record("Ковальчук Юрій"), son))
        .isEqualTo(FieldComparison.MISSING);
    PersonRecord noPatronymic =
        new PersonRecord(
            3,
            "",
            List.of(Names.prepare("Ковальчук Юрій")),
            Optional.empty(),
            "",
            "",
            "",
            "",
            "",
            0);
    assertThat(PersonFields.FATHER.compare(noPatronymic, son)).isEqualTo(FieldComparison.MISSING);
    assertThat(
            PersonFields.FATHER.compare(
                new PersonRecord(
                    4,
                    "",
                    List.of(Names.prepare("Ковальчук Юрій")),
                    Optional.empty(),
                    "",
                    "Петро",
                    "",
                    "",
                    "",
                    0),
                record("Ковальчук Юрій Іванович")))
        .isEqualTo(1);
  }

  private static PersonRecord with(String place, String rank) {
    return new PersonRecord(
        1,
        "",
        List.of(Names.prepare("Ковальчук Юрій")),
        Optional.empty(),
        place,
        "",
        "",
        "",
        "",
        Ranks.grade(rank));
  }

  private static PersonRecord record(String name) {
    return new PersonRecord(
        1, "", List.of(Names.prepare(name)), Optional.empty(), "", "", "", "", "", 0);
  }
}
