package org.handover.server.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.handover.core.parties.Party;
import org.handover.core.remains.Method;
import org.handover.core.remains.Place;
import org.handover.core.rosters.RosterFileException;
import org.handover.server.App;
import org.handover.server.remains.Receiving;

/**
 * The demo's remains: a transfer received after the Istanbul round under Russia's unilateral
 * provision, most bags with a claimed identity, some identified since, one found not ours.
 */
final class DemoRemains {
  static final LocalDate RECEIVED = LocalDate.of(2025, 6, 14);

  private DemoRemains() {}

  static void receive(App app, long agreement) throws IOException, RosterFileException {
    List<Map<String, Object>> missing =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT p.id, n.family, n.given, n.patronymic, p.birth_year,"
                                + " p.birth_month, p.birth_day FROM persons p JOIN person_names n"
                                + " ON n.person_id = p.id AND n.position = 0 WHERE p.status ="
                                + " 'missing' AND p.kind = 'service-member' AND p.birth_day IS NOT"
                                + " NULL ORDER BY p.id LIMIT 60")
                        .mapToMap()
                        .list());
    StringBuilder csv = new StringBuilder("Номер бирки;Фамилия;Имя;Отчество;Дата рождения\n");
    int tag = 0;
    for (Map<String, Object> p : missing) {
      csv.append(
          String.format(
              "RU-%04d;%s;%s;%s;%02d.%02d.%04d%n",
              ++tag,
              p.get("family"),
              p.get("given"),
              p.get("patronymic"),
              p.get("birth_day"),
              p.get("birth_month"),
              p.get("birth_year")));
    }
    for (int i = 0; i < 20; i++) {
      csv.append(String.format("RU-%04d;;;;%n", ++tag)); // no identity claimed
    }
    Path file = Files.createTempFile("demo-remains", ".csv");
    try {
      Files.writeString(file, csv, StandardCharsets.UTF_8);
      app.receiving()
          .receive(
              file,
              "remains-2025-06-14.csv",
              Party.of("RU"),
              Party.of("UA"),
              RECEIVED,
              Optional.of(new Receiving.Under(agreement, 3)),
              "demo");
    } finally {
      Files.deleteIfExists(file);
    }
    // since then: to the laboratory; identified by DNA month after month, a few presumed from
    // documents, some handed to their families; one bag holds one of their own
    for (int i = 0; i < missing.size(); i++) {
      String t = String.format("RU-%04d", i + 1);
      long person = ((Number) missing.get(i).get("id")).longValue();
      app.register()
          .move(t, Place.LABORATORY, "Київ, лабораторія ДНК", RECEIVED.plusDays(3), "demo");
      if (i < 24) {
        LocalDate on = RECEIVED.plusDays(20 + 9L * i);
        app.register()
            .identify(t, person, Set.of(Method.DNA), "ДНК-" + (100 + i) + "/2025", on, "demo");
        if (i < 8) {
          app.register().move(t, Place.FAMILY, "", on.plusDays(10), "demo");
        }
      } else if (i < 30) {
        app.register()
            .identify(t, person, Set.of(Method.DOCUMENTS), "", RECEIVED.plusDays(7), "demo");
      }
    }
    app.register()
        .dispute(
            String.format("RU-%04d", missing.size() + 1),
            Party.of("RU"),
            "жетон військовослужбовця ЗС РФ",
            RECEIVED.plusDays(5),
            "demo");
  }
}
