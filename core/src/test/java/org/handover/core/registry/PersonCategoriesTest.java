package org.handover.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonCategoriesTest {
  static final LocalDate ROUND = LocalDate.of(2025, 6, 2);

  private static Person born(String date, String kind) {
    Map<String, String> v = new HashMap<>();
    v.put("name.0.family", "Бойко");
    v.put("birth_date", date);
    v.put("kind", kind);
    return new PersonForm(v).read(0, ROUND).person().orElseThrow();
  }

  @Test
  void childAndCivilianAreDerived() {
    assertThat(born("2015", "child").categoriesAt(ROUND)).contains(Category.CHILD);
    assertThat(born("1980", "civilian").categoriesAt(ROUND)).containsExactly(Category.CIVILIAN);
  }
}
