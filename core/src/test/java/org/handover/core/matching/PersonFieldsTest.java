package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonFieldsTest {
  @Test
  void aSpellingWithoutPatronymicDoesNotHideADifferentPatronymic() {
    PersonRecord entry = record("Шевченко Олексій Іванович");
    PersonRecord person = new PersonRecord(2, "", java.util.List.of(
        org.handover.names.Names.prepare("Шевченко Олексій Степанович"), org.handover.names.Names.prepare("SHEVCHENKO, OLEKSII")),
        java.util.Optional.empty(), "", "", "", "", "");
    org.handover.names.Level[] levels = PersonFields.nameLevels(entry, person);
    assertThat(levels[0]).isEqualTo(org.handover.names.Level.EXACT);
    assertThat(levels[2]).isEqualTo(org.handover.names.Level.DIFFERENT);
  }

  private static PersonRecord record(String name) {
    return new PersonRecord(1, "", java.util.List.of(org.handover.names.Names.prepare(name)), java.util.Optional.empty(),
        "", "", "", "", "");
  }
}
