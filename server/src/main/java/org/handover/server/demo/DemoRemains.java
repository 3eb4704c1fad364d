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
 * The demo's remains: the 6,000 bodies Russia handed over after the Istanbul round under its
 * unilateral provision, in two transfers, a fifth of the bags with a claimed identity; about 15%
 * identified by DNA since, some presumed from documents, some handed to their families; one bag
 * holds one of their own.
 */
final class DemoRemains {
  static final LocalDate FIRST = LocalDate.of(2025, 6, 13);
  static final LocalDate SECOND = LocalDate.of(2025, 6, 16);
  static final int BODIES = 6000;
  static final int CLAIMED = 1200;
  static final int IDENTIFIED = 900;
  static final int PRESUMED = 100;
  static final int WITH_FAMILIES = 300;

  private DemoRemains() {}

  static Received receive(App app, StoryClock story, long agreement)
      throws IOException, RosterFileException {
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
                                + " NULL ORDER BY p.id LIMIT "
                                + CLAIMED)
                        .mapToMap()
                        .list());
    int firstBodies = BODIES * 4 / 5;
    int firstClaims = missing.size() * 5 / 6;
    story.day(FIRST);
    transfer(app, agreement, FIRST, missing.subList(0, firstClaims), 1, firstBodies);
    story.day(SECOND);
    transfer(
        app,
        agreement,
        SECOND,
        missing.subList(firstClaims, missing.size()),
        firstBodies + 1,
        BODIES - firstBodies);
    return new Received(
        missing.stream().map(m -> ((Number) m.get("id")).longValue()).toList(),
        firstClaims,
        firstBodies);
  }

  /** What was received: the persons claimed, in the order of their tags. */
  record Received(List<Long> persons, int firstClaims, int firstBodies) {
    String tagOf(int i) {
      return tag(i < firstClaims ? 1 + i : firstBodies + 1 + (i - firstClaims));
    }

    LocalDate receivedOn(int i) {
      return i < firstClaims ? FIRST : SECOND;
    }
  }

  /**
   * Since then, to the story's end: the claimed bags to the laboratory, identified by DNA day after
   * day, a few presumed from documents, some handed to their families; one bag holds one of theirs.
   */
  static void identify(App app, Received r) {
    for (int i = 0; i < r.persons().size(); i++) {
      String t = r.tagOf(i);
      LocalDate received = r.receivedOn(i);
      long person = r.persons().get(i);
      app.register()
          .move(t, Place.LABORATORY, "Київ, лабораторія ДНК", received.plusDays(2), "demo");
      if (i < IDENTIFIED) {
        LocalDate on = received.plusDays(8 + i % 21);
        app.register()
            .identify(t, person, Set.of(Method.DNA), "ДНК-" + (1000 + i) + "/2025", on, "demo");
        if (i < WITH_FAMILIES) {
          app.register().move(t, Place.FAMILY, "", on.plusDays(3), "demo");
        }
      } else if (i < IDENTIFIED + PRESUMED) {
        app.register()
            .identify(t, person, Set.of(Method.DOCUMENTS), "", received.plusDays(5), "demo");
      }
    }
    app.register()
        .dispute(
            tag(r.firstClaims() + 1),
            Party.of("RU"),
            "жетон військовослужбовця ЗС РФ",
            FIRST.plusDays(5),
            "demo");
  }

  static String tag(int n) {
    return String.format("RU-%05d", n);
  }

  /**
   * One transfer: a bag a row, the claimed identities first, then bags with no identity claimed.
   */
  private static void transfer(
      App app,
      long agreement,
      LocalDate on,
      List<Map<String, Object>> claims,
      int first,
      int bodies)
      throws IOException, RosterFileException {
    StringBuilder csv = new StringBuilder("Номер бирки;Фамилия;Имя;Отчество;Дата рождения\n");
    int n = first;
    for (Map<String, Object> p : claims) {
      csv.append(
          String.format(
              "%s;%s;%s;%s;%02d.%02d.%04d%n",
              tag(n++),
              p.get("family"),
              p.get("given"),
              p.get("patronymic"),
              p.get("birth_day"),
              p.get("birth_month"),
              p.get("birth_year")));
    }
    while (n < first + bodies) {
      csv.append(tag(n++)).append(";;;;\n"); // no identity claimed
    }
    Path file = Files.createTempFile("demo-remains", ".csv");
    try {
      Files.writeString(file, csv, StandardCharsets.UTF_8);
      app.receiving()
          .receive(
              file,
              "remains-" + on + ".csv",
              Party.of("RU"),
              Party.of("UA"),
              on,
              Optional.of(new Receiving.Under(agreement, 3)),
              "demo");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
