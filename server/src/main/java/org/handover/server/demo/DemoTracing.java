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
 * The demo's tracing: the 339 children of the list handed over at the Istanbul round, each sought
 * by a mother; the other side's list of children, on which some of them appear as their papers now
 * say (some under a foster family's name, in Russian forms), among others; a few found, verified
 * and reunified with their families.
 */
final class DemoTracing {
  static final int SOUGHT = 339;
  static final int LISTED = 48;
  static final LocalDate LISTED_ON = LocalDate.of(2025, 6, 20);
  static final String[] MOTHERS = {"Олена", "Світлана", "Наталія", "Ірина", "Тетяна", "Оксана"};
  static final String[] RUSSIAN = {"Елена", "Светлана", "Наталья", "Ирина", "Татьяна", "Оксана"};
  static final String[] FOSTER = {"Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Морозов"};
  static final String[] WHERE = {"Ростовская обл.", "Краснодарский край", "Московская обл."};
  static final String[] INSTITUTIONS = {
    "социально-реабилитационный центр", "детский дом № 2", "лагерь «Солнечный»"
  };
  static final String COMMITMENT = "istanbul-2/children-10";

  private DemoTracing() {}

  private static List<Map<String, Object>> children(App app) {
    return app.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT n.family, n.given, n.patronymic, p.birth_year, p.birth_month,"
                            + " p.birth_day, p.birth_place, p.sex FROM persons p JOIN"
                            + " person_names n ON n.person_id = p.id AND n.position = 0 WHERE"
                            + " p.kind = 'child' AND p.birth_day IS NOT NULL ORDER BY p.id"
                            + " LIMIT "
                            + SOUGHT)
                    .mapToMap()
                    .list());
  }

  private static String born(Map<String, Object> k) {
    return String.format(
        "%02d.%02d.%04d", k.get("birth_day"), k.get("birth_month"), k.get("birth_year"));
  }

  private static final String[] BLOOD = {"0(I) Rh+", "A(II) Rh+", "B(III) Rh-", "AB(IV) Rh+"};

  /** What a mother knows beyond the names: for some, health, blood group, when the child left. */
  private static Request.Card card(int i, String birthPlace) {
    return new Request.Card(
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        i % 9 == 0 ? "бронхіальна астма, потрібен інгалятор" : "",
        i % 3 == 0 ? BLOOD[i % BLOOD.length] : "",
        "",
        i % 2 == 0 ? String.format("%02d.2022", 3 + i % 6) : "",
        i % 2 == 0 ? birthPlace : "");
  }

  /** The mothers' requests, on the round's day. */
  static void requests(App app) {
    List<Map<String, Object>> kids = children(app);
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < kids.size(); i++) {
      Map<String, Object> k = kids.get(i);
      String family = (String) k.get("family");
      String mother = family + " " + MOTHERS[i % MOTHERS.length];
      requests.add(
          new Request(
              String.format("REQ-%03d", i + 1),
              mother,
              Kinship.MOTHER,
              "+380 00 000 " + String.format("%02d %02d", i / 100, i % 100),
              i % 4 != 0,
              List.of(
                  new Request.Sought(
                      family,
                      (String) k.get("given"),
                      (String) k.get("patronymic"),
                      born(k),
                      String.valueOf(k.get("birth_place")),
                      String.valueOf(k.get("sex")),
                      mother,
                      "",
                      "2022",
                      "",
                      "депортація",
                      card(i, String.valueOf(k.get("birth_place")))))));
    }
    app.tracing().importRequests(requests, "demo");
  }

  /**
   * The other side's list of children, matched; the best candidates confirmed, verified, their
   * handover agreed and some reunified, each on its day.
   */
  static void found(App app, StoryClock story) throws IOException, RosterFileException {
    List<Map<String, Object>> kids = children(app);
    StringBuilder list =
        new StringBuilder(
            "Фамилия;Имя;Отчество;Дата рождения;Место рождения;Имя матери;Местонахождение;"
                + "Учреждение;Приемная семья\n");
    for (int i = 0; i < Math.min(LISTED, kids.size()); i++) {
      Map<String, Object> k = kids.get(i * 7 % kids.size());
      String family = (String) k.get("family");
      // as the other side's papers now write the child: every third under a foster family
      String listed = i % 3 == 0 ? FOSTER[i % FOSTER.length] : family;
      list.append(
          String.format(
              "%s;%s;%s;%s;%s;%s %s;%s;%s;%s%n",
              listed,
              k.get("given"),
              k.get("patronymic"),
              born(k),
              k.get("birth_place"),
              family,
              RUSSIAN[(i * 7 % kids.size()) % RUSSIAN.length],
              WHERE[i % WHERE.length],
              i % 3 == 0 ? "" : INSTITUTIONS[i % INSTITUTIONS.length],
              i % 3 == 0 ? listed + "ы" : ""));
    }
    for (int i = 0; i < 8; i++) {
      list.append(
          String.format(
              "Петров;Олег;Иванович;0%d.05.201%d;Донецк;Петрова Анна;Донецк;;%n", i + 1, i));
    }
    story.day(LISTED_ON);
    Path file = Files.createTempFile("demo-children", ".csv");
    try {
      Files.writeString(file, list, StandardCharsets.UTF_8);
      app.rosters()
          .importFile(
              file,
              "children-" + LISTED_ON + ".csv",
              new RosterDetails(Party.of("RU"), Party.of("UA"), LISTED_ON, Purpose.CHILDREN, ""),
              Tables.Options.detect(),
              Optional.empty(),
              "demo",
              (r, f) -> {});
    } finally {
      Files.deleteIfExists(file);
    }
    app.tracing().match(Optional.empty(), "demo");
    List<Map<String, Object>> best =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT DISTINCT ON (child_id) child_id, roster_id, entry_row,"
                                + " probability FROM tracing_candidates ORDER BY child_id,"
                                + " probability DESC")
                        .mapToMap()
                        .list());
    best.sort(
        (a, b) ->
            Double.compare(
                ((Number) b.get("probability")).doubleValue(),
                ((Number) a.get("probability")).doubleValue()));
    List<Long> located = new ArrayList<>();
    story.day(LocalDate.of(2025, 6, 24));
    for (Map<String, Object> c : best.subList(0, Math.min(12, best.size()))) {
      long child = ((Number) c.get("child_id")).longValue();
      app.tracing()
          .decide(
              child,
              ((Number) c.get("roster_id")).longValue(),
              ((Number) c.get("entry_row")).intValue(),
              true,
              "demo");
      located.add(child);
    }
    // the located children are the ones the other side committed to return: its ten are counted
    for (long child : located) {
      app.childCards().link(child, Optional.empty(), Optional.of(COMMITMENT), "demo");
    }
    for (int i = 0; i < Math.min(3, located.size()); i++) {
      app.childCards().photo(located.get(i), "photo-" + (i + 1) + ".png", Portraits.png(i), "demo");
    }
    story.day(LocalDate.of(2025, 7, 5));
    long open =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT c.id FROM sought_children c WHERE c.state = 'open' AND NOT"
                                + " EXISTS (SELECT 1 FROM tracing_candidates k WHERE k.child_id ="
                                + " c.id) ORDER BY c.id LIMIT 1")
                        .mapTo(Long.class)
                        .one());
    app.tracing()
        .locate(
            open,
            "лист Уповноваженого з прав дитини РФ від 04.07.2025",
            LocalDate.of(2025, 7, 4),
            Map.of(
                org.handover.server.tracing.CardField.WHEREABOUTS,
                "Бєлгородська обл.",
                org.handover.server.tracing.CardField.INSTITUTION,
                "реабілітаційний центр"),
            "demo");
    story.day(LocalDate.of(2025, 7, 12));
    LocalDate[] reunified = {
      LocalDate.of(2025, 7, 4), LocalDate.of(2025, 7, 8), LocalDate.of(2025, 7, 12)
    };
    for (int i = 0; i < Math.min(8, located.size()); i++) {
      long child = located.get(i);
      app.tracing().move(child, CaseState.VERIFIED, LocalDate.of(2025, 6, 27), "ДНК", "demo");
      if (i < 5) {
        app.tracing()
            .move(
                child,
                CaseState.HANDOVER_AGREED,
                LocalDate.of(2025, 7, 1),
                "оцінку найкращих інтересів проведено; дитина хоче повернутися до матері",
                "demo");
      }
      if (i < reunified.length) {
        app.tracing().move(child, CaseState.REUNIFIED, reunified[i], "", "demo");
      }
    }
  }
}
