package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.handover.names.Level;
import org.handover.names.Skeleton;
import org.junit.jupiter.api.Test;

class PersonFieldsTest {
  @Test
  void oneDigitOffIsWhatTheEditDistanceOfTheWrittenDatesSays() {
    java.util.Random random = new java.util.Random(3);
    int agreeing = 0;
    for (int i = 0; i < 200_000; i++) {
      org.handover.core.registry.PartialDate x =
          org.handover.core.registry.PartialDate.of(
              1950 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
      // a neighbour: one digit or two changed, or two neighbours swapped, when still a date
      String s = x.toString();
      char[] c = s.toCharArray();
      int at = random.nextInt(c.length);
      if (c[at] == '.') {
        continue;
      }
      if (random.nextBoolean() && at + 1 < c.length && c[at + 1] != '.') {
        char t = c[at];
        c[at] = c[at + 1];
        c[at + 1] = t;
      } else {
        c[at] = (char) ('0' + random.nextInt(10));
      }
      org.handover.core.registry.PartialDate y;
      try {
        y = org.handover.core.registry.PartialDate.parse(new String(c));
      } catch (IllegalArgumentException e) {
        continue;
      }
      boolean expected = Strings.osa(x.toString(), y.toString()) == 1;
      assertThat(PersonFields.oneDigitOff(x, y)).as(x + " " + y).isEqualTo(expected);
      agreeing += expected ? 1 : 0;
    }
    assertThat(agreeing).isGreaterThan(50_000);
  }

  @Test
  void aSpellingWithoutPatronymicDoesNotHideADifferentPatronymic() {
    PersonRecord entry = record("Шевченко Олексій Іванович");
    PersonRecord person =
        Records.of("Шевченко Олексій Степанович", "SHEVCHENKO, OLEKSII").id(2).build();
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
    PersonRecord son = Records.of("Ковальчук Юрій Петрович").father("Петро").build();
    assertThat(PersonFields.FATHER.compare(son, record("Ковальчук Юрій Петрович")))
        .isEqualTo(FieldComparison.MISSING);
    assertThat(PersonFields.FATHER.compare(record("Ковальчук Юрій"), son))
        .isEqualTo(FieldComparison.MISSING);
    PersonRecord noPatronymic = Records.of("Ковальчук Юрій").id(3).build();
    assertThat(PersonFields.FATHER.compare(noPatronymic, son)).isEqualTo(FieldComparison.MISSING);
    assertThat(
            PersonFields.FATHER.compare(
                Records.of("Ковальчук Юрій").id(4).father("Петро").build(),
                record("Ковальчук Юрій Іванович")))
        .isEqualTo(1);
  }

  private static PersonRecord with(String place, String rank) {
    return Records.of("Ковальчук Юрій").place(place).rank(rank).build();
  }

  @Test
  void twoWholeDatesOfOneMonthButAnotherDayDisagree() {
    PersonRecord a = Records.of("Волков Алексей Дмитриевич").born("18.11.2000").build();
    PersonRecord b = Records.of("Волков Алексей Дмитриевич").born("04.11.2000").build();
    PersonRecord month = Records.of("Волков Алексей Дмитриевич").born("11.2000").build();
    java.util.List<String> levels = PersonFields.BIRTH_DATE.levels();
    assertThat(levels.get(PersonFields.BIRTH_DATE.compare(a, b)))
        .isEqualTo("same year and month, other day");
    assertThat(PersonFields.BIRTH_DATE.compare(a, b))
        .as("a disagreeing level, after the five that agree")
        .isGreaterThanOrEqualTo(5);
    assertThat(levels.get(PersonFields.BIRTH_DATE.compare(a, month)))
        .isEqualTo("same year and month");
    assertThat(levels.get(PersonFields.BIRTH_DATE.compare(a, Records.of("x").born("2000").build())))
        .isEqualTo("same year");
  }

  @Test
  void namesakesBornInOnePlaceAndMonthOnOtherDaysAreNotLinkedWithoutReview() {
    // place and year corroborate a year or a month against a whole date, never two whole dates that
    // differ: the levels as the comparison gives them, read as the band does
    String name = "Волков Алексей Дмитриевич";
    PersonRecord a = Records.of(name).born("18.11.2000").place("Санкт-Петербург").build();
    PersonRecord b = Records.of(name).born("04.11.2000").place("Санкт-Петербург").build();
    PersonRecord month = Records.of(name).born("11.2000").place("Санкт-Петербург").build();
    Model<PersonRecord> model = model(Map.of("Санкт-Петербург", 0.0001));
    assertThat(Linker.corroborated(model.score(a, b).explanation())).isFalse();
    assertThat(Linker.corroborated(model.score(a, month).explanation())).isTrue();
  }

  @Test
  void aPlaceWhereManyWereBornDoesNotCorroborateTheYear() {
    // a common name, born in 1990 in a city where one in twelve of the registry was born: at a
    // million that fits many namesakes; in a village, a few hundred people, it does not
    String name = "Иванов Александр Сергеевич";
    Model<PersonRecord> model = model(Map.of("Москва", 0.08, "Лозова", 0.0002));
    PersonRecord year = Records.of(name).born("1990").place("Москва").build();
    PersonRecord whole = Records.of(name).born("12.03.1990").place("Москва").build();
    assertThat(Linker.corroborated(model.score(year, whole).explanation())).isFalse();
    PersonRecord villageYear = Records.of(name).born("1990").place("Лозова").build();
    PersonRecord village = Records.of(name).born("12.03.1990").place("Лозова").build();
    assertThat(Linker.corroborated(model.score(villageYear, village).explanation())).isTrue();
    // a whole date that agrees corroborates wherever the person was born
    assertThat(Linker.corroborated(model.score(whole, whole).explanation())).isTrue();
  }

  @Test
  void aFamilyNameTwoLettersApartIsNotLinkedWithoutReview() {
    // Кошеленко and Коваленко, one given name and one day: at a million, two men of two families
    Model<PersonRecord> model = model(Map.of());
    PersonRecord entry = Records.of("KOSHELENKO VASIL").born("18.04.1973").build();
    PersonRecord person = Records.of("Коваленко Василь Ярославович").born("18.04.1973").build();
    PersonRecord slip = Records.of("Ковальенко Василь").born("18.04.1973").build();
    List<Model.Contribution> far = model.score(entry, person).explanation();
    assertThat(far).anyMatch(c -> c.field().equals("family name") && c.level().equals("two edits"));
    assertThat(Linker.corroborated(far)).as("the date agrees").isTrue();
    assertThat(Linker.familyNear(far)).isFalse();
    assertThat(Linker.familyNear(model.score(slip, person).explanation()))
        .as("one letter off")
        .isTrue();
    assertThat(Linker.familyNear(model.score(person, person).explanation())).isTrue();
    // a service number that agrees vouches for the spelling
    PersonRecord numbered =
        Records.of("KOSHELENKO VASIL").born("18.04.1973").service("Д-123456").build();
    PersonRecord same =
        Records.of("Коваленко Василь").born("18.04.1973").service("Д-123456").build();
    assertThat(Linker.familyNear(model.score(numbered, same).explanation())).isTrue();
  }

  /**
   * A model with each field's typical m, an even u, and these places' shares of the registry as the
   * place's term frequencies.
   */
  private static Model<PersonRecord> model(Map<String, Double> places) {
    List<FieldComparison<PersonRecord>> fields = PersonFields.all();
    Map<String, Map<String, double[]>> tables = new LinkedHashMap<>();
    List<Map<String, Double>> tf = new ArrayList<>();
    for (FieldComparison<PersonRecord> f : fields) {
      Map<String, double[]> levels = new LinkedHashMap<>();
      double[] m = f.typicalM();
      for (int l = 0; l < f.levels().size(); l++) {
        levels.put(f.levels().get(l), new double[] {m[l], 1.0 / f.levels().size()});
      }
      tables.put(f.name(), levels);
      Map<String, Double> terms = new HashMap<>();
      if (f.name().equals("place of birth")) {
        places.forEach((place, share) -> terms.put(Skeleton.of(place), share));
      }
      tf.add(terms);
    }
    return Model.restore(fields, tables, 0.01, tf);
  }

  private static PersonRecord record(String name) {
    return Records.of(name).build();
  }
}
