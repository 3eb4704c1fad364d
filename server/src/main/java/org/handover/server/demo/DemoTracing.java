package org.handover.server.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.parties.Party;
import org.handover.core.rosters.Purpose;
import org.handover.core.rosters.RosterDetails;
import org.handover.core.rosters.RosterFileException;
import org.handover.core.rosters.Tables;
import org.handover.core.tracing.CaseState;
import org.handover.core.tracing.Kinship;
import org.handover.server.App;
import org.handover.server.tracing.Request;

/**
 * The demo's tracing: mothers seeking twenty of the registry's children, and the other side's list
 * of children in which twelve of them appear as their papers now say (some under a foster family's
 * name, in Russian forms), among others.
 */
final class DemoTracing {
  static final String[] MOTHERS = {"Олена", "Світлана", "Наталія", "Ірина", "Тетяна", "Оксана"};
  static final String[] RUSSIAN = {"Елена", "Светлана", "Наталья", "Ирина", "Татьяна", "Оксана"};
  static final String[] FOSTER = {"Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Морозов"};

  private DemoTracing() {}

  static void seed(App app) throws IOException, RosterFileException {
    List<Map<String, Object>> kids =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT n.family, n.given, n.patronymic, p.birth_year, p.birth_month,"
                                + " p.birth_day, p.birth_place, p.sex FROM persons p JOIN"
                                + " person_names n ON n.person_id = p.id AND n.position = 0 WHERE"
                                + " p.kind = 'child' AND p.birth_day IS NOT NULL ORDER BY p.id"
                                + " LIMIT 20")
                        .mapToMap()
                        .list());
    List<Request> requests = new ArrayList<>();
    StringBuilder list =
        new StringBuilder("Фамилия;Имя;Отчество;Дата рождения;Место рождения;Имя матери\n");
    for (int i = 0; i < kids.size(); i++) {
      Map<String, Object> k = kids.get(i);
      String family = (String) k.get("family");
      String born =
          String.format(
              "%02d.%02d.%04d", k.get("birth_day"), k.get("birth_month"), k.get("birth_year"));
      String mother = family + " " + MOTHERS[i % MOTHERS.length];
      requests.add(
          new Request(
              String.format("REQ-%03d", i + 1),
              mother,
              Kinship.MOTHER,
              "+380 00 000 00 " + String.format("%02d", i),
              i % 4 != 0,
              List.of(
                  new Request.Sought(
                      family,
                      (String) k.get("given"),
                      (String) k.get("patronymic"),
                      born,
                      String.valueOf(k.get("birth_place")),
                      String.valueOf(k.get("sex")),
                      mother,
                      "",
                      "2022",
                      "",
                      "депортація",
                      Request.Card.none()))));
      if (i < 12) {
        // as the other side's papers now write the child: every third under a foster family
        String listed = i % 3 == 0 ? FOSTER[i % FOSTER.length] : family;
        list.append(
            String.format(
                "%s;%s;%s;%s;%s;%s %s%n",
                listed,
                k.get("given"),
                k.get("patronymic"),
                born,
                k.get("birth_place"),
                family,
                RUSSIAN[i % RUSSIAN.length]));
      }
    }
    for (int i = 0; i < 8; i++) {
      list.append(
          String.format("Петров;Олег;Иванович;0%d.05.201%d;Донецк;Петрова Анна%n", i + 1, i));
    }
    app.tracing().importRequests(requests, "demo");
    Path file = Files.createTempFile("demo-children", ".csv");
    try {
      Files.writeString(file, list, StandardCharsets.UTF_8);
      app.rosters()
          .importFile(
              file,
              "children-2025-06-02.csv",
              new RosterDetails(
                  Party.of("RU"), Party.of("UA"), LocalDate.of(2025, 6, 2), Purpose.CHILDREN, ""),
              Tables.Options.detect(),
              Optional.empty(),
              "demo",
              (r, f) -> {})
          .id();
    } finally {
      Files.deleteIfExists(file);
    }
    app.tracing().match(Optional.empty(), "demo");
    // the first child confirmed and verified; the case of another reunified is left to the user
    app.database()
        .jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT child_id, roster_id, entry_row FROM tracing_candidates ORDER BY"
                            + " probability DESC, child_id LIMIT 1")
                    .mapToMap()
                    .findOne()
                    .ifPresent(
                        c -> {
                          long child = ((Number) c.get("child_id")).longValue();
                          app.tracing()
                              .decide(
                                  child,
                                  ((Number) c.get("roster_id")).longValue(),
                                  ((Number) c.get("entry_row")).intValue(),
                                  true,
                                  "demo");
                          app.tracing()
                              .move(
                                  child,
                                  CaseState.VERIFIED,
                                  LocalDate.now(app.clock()),
                                  "ДНК",
                                  "demo");
                        }));
  }
}
