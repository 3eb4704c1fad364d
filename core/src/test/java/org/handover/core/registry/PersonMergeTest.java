package org.handover.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonMergeTest {
  private static Person person(String... pairs) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put(pairs[i], pairs[i + 1]);
    }
    return new PersonForm(fields).read(0, LocalDate.of(2025, 6, 2)).person().orElseThrow();
  }

  @Test
  void keepsEverySpellingFillsWhatIsMissingAndLetsTheKeptRecordWin() {
    Person keep =
        person(
            "name.0.family",
            "Ковальчук",
            "name.0.given",
            "Юрій",
            "name.0.patronymic",
            "Петрович",
            "name.0.source",
            "registry",
            "birth_date",
            "12.03.1998",
            "rank",
            "солдат",
            "status",
            "captive");
    Person other =
        person(
            "name.0.family",
            "Ковальчук",
            "name.0.given",
            "Юрий",
            "name.0.patronymic",
            "Петрович",
            "name.0.source",
            "list RU-7",
            "name.1.family",
            "Ковальчук",
            "name.1.given",
            "Юрій",
            "name.1.patronymic",
            "Петрович",
            "birth_date",
            "1998",
            "rank",
            "рядовой",
            "service_number",
            "АБ123456",
            "unit",
            "в/ч А1234",
            "status",
            "missing");
    Person merged = PersonMerge.of(keep, other, "#7");
    assertThat(merged.names()).extracting(Name::given).containsExactly("Юрій", "Юрий");
    assertThat(merged.names().get(1).source()).isEqualTo("list RU-7");
    assertThat(merged.birthDate()).contains(PartialDate.of(1998, 3, 12));
    assertThat(merged.rank()).isEqualTo("солдат");
    assertThat(merged.serviceNumber()).isEqualTo("АБ123456");
    assertThat(merged.unit()).isEqualTo("в/ч А1234");
    assertThat(merged.status()).isEqualTo(Status.CAPTIVE);
    assertThat(merged.notes()).contains("Merged with #7.");
  }
}
