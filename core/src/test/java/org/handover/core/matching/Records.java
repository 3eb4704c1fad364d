package org.handover.core.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.handover.core.registry.PartialDate;
import org.handover.names.Names;

/**
 * Records for tests, field by field: {@code Records.of("Ковальчук Юрій").father("Петро").build()}.
 * What is not set is empty.
 */
final class Records {
  private long id = 1;
  private final List<String> names = new ArrayList<>();
  private Optional<PartialDate> born = Optional.empty();
  private String place = "";
  private String father = "";
  private String rank = "";
  private String service = "";

  private Records() {}

  static Records of(String... spellings) {
    Records r = new Records();
    r.names.addAll(List.of(spellings));
    return r;
  }

  Records id(long value) {
    id = value;
    return this;
  }

  Records born(String date) {
    born = Optional.of(PartialDate.parse(date));
    return this;
  }

  Records place(String value) {
    place = value;
    return this;
  }

  Records father(String value) {
    father = value;
    return this;
  }

  Records service(String value) {
    service = value;
    return this;
  }

  Records rank(String value) {
    rank = value;
    return this;
  }

  PersonRecord build() {
    return new PersonRecord(
        id,
        "",
        names.stream().map(Names::prepare).toList(),
        born,
        place,
        father,
        service,
        "",
        "",
        Ranks.grade(rank));
  }
}
