package org.handover.server.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.accounts.Role;
import org.handover.core.parties.Party;
import org.handover.core.registry.PersonForm;
import org.handover.core.registry.StatusBasis;
import org.handover.core.registry.StatusSource;
import org.handover.server.App;
import org.handover.server.cli.Cli;
import org.handover.server.cli.Cli.Run;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.handover.server.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a status rests on, and the list of our people held whom the other side never acknowledged.
 */
class HeldTest {
  static final LocalDate DAY = LocalDate.of(2025, 3, 1);
  @TempDir Path dir;
  String url;
  App app;
  long notified;
  long onVideo;
  long onTheirList;
  long visitedLater;

  @BeforeEach
  void open() throws Exception {
    url = TestDatabases.postgres();
    app = new App(Database.open(url), Clock.systemUTC());
    app.parties().choose(Optional.of(Party.of("UA")), "test");
    notified =
        held(
            "Коваль Андрій 05.01.1990",
            "RU",
            new StatusBasis(DAY, StatusSource.NOTIFICATION, "повідомлення № 118/25"));
    onVideo =
        held(
            "Бойко Іван 17.07.1995",
            "RU",
            new StatusBasis(DAY, StatusSource.VIDEO, "відео з каналу"));
    onTheirList = held("Ткаченко Олег 10.10.2002", "RU", StatusBasis.since(DAY));
    visitedLater = held("Мельник Петро 03.03.1988", "RU", StatusBasis.since(DAY));
    held(
        "Шевчук Тарас 09.09.1979",
        "UA",
        StatusBasis.since(DAY)); // theirs, held by us: not on this list
    Path list = dir.resolve("their.csv");
    Files.writeString(list, "Фамилия;Имя;Дата рождения\nТкаченко;Олег;10.10.2002\n");
    assertThat(
            cli("roster", "import", list.toString(), "--from", "RU", "--purpose", "information")
                .exit())
        .isZero();
    assertThat(cli("match", "--roster", "1").exit()).isZero();
    app.matching().decide(1, 1, onTheirList, "confirmed", "reviewer");
  }

  @AfterEach
  void close() {
    app.close();
  }

  private long held(String person, String by, StatusBasis basis) {
    String[] p = person.split(" ");
    Map<String, String> v =
        new HashMap<>(
            Map.of(
                "name.0.family",
                p[0],
                "name.0.given",
                p[1],
                "birth_date",
                p[2],
                "kind",
                "service-member",
                "status",
                "captive",
                "holding_party",
                by));
    return app.registry().add(new PersonForm(v).read(0, DAY).person().orElseThrow(), basis, "test");
  }

  private Run cli(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--db";
    all[args.length + 1] = url;
    return Cli.run(all);
  }

  @Test
  void theCommandCountsAndListsThoseNotAcknowledged() throws Exception {
    Path csv = dir.resolve("held.csv");
    Run run = cli("held", "--by", "RU", "--unacknowledged", "--out", csv.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo("held-by RU 4 acknowledged 2 not-acknowledged 2");
    List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(rows).hasSize(3);
    assertThat(rows.subList(1, 3))
        .extracting(r -> Long.parseLong(r.replace("\uFEFF", "").split(",")[0]))
        .containsExactly(onVideo, visitedLater);

    // new evidence for the same status is history, not an edit: now the ICRC has seen him
    var stored = app.registry().find(visitedLater).orElseThrow();
    app.registry()
        .update(
            visitedLater,
            stored.version(),
            stored.person(),
            new StatusBasis(DAY.plusDays(20), StatusSource.ICRC_VISIT, "візит 21.03"),
            "registrar");
    assertThat(app.registry().find(visitedLater).orElseThrow().history())
        .extracting(c -> c.status().key() + " " + c.source().key())
        .containsExactly("captive unstated", "captive icrc-visit");
    Run again = cli("held", "--out", csv.toString() + "2", "--lang", "uk");
    assertThat(again.out().strip()).isEqualTo("held-by RU 4 acknowledged 3 not-acknowledged 1");
    assertThat(Files.readString(Path.of(csv + "2"), StandardCharsets.UTF_8))
        .contains(
            "повідомлення їхнього Інформаційного бюро (ст. 122), 01.03.2025: повідомлення № 118/25")
        .contains("їхній список 1 від")
        .contains("візит МКЧХ (ст. 126), 21.03.2025: візит 21.03")
        .contains(onVideo + ",,Бойко Іван,RU,01.03.2025,no,не визнано");
    assertThat(app.journal().audit().clean()).isTrue();

    Run unknown = cli("held", "--by", "XX", "--lang", "en");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("No party has the code XX");
  }

  @Test
  void thePageListsThoseNotAcknowledgedInEachLanguageAndTheFormRecordsTheBasis() {
    String password = app.accounts().create("olena", Role.REGISTRAR, "test");
    Javalin web = app.web().create().start("127.0.0.1", 0);
    try {
      Browser b = new Browser(web.port()).acceptLanguage("uk");
      assertThat(b.login("olena", password).statusCode()).isEqualTo(302);
      String uk = b.get("/held").body();
      assertThat(uk)
          .contains("Наші люди, яких утримує інша сторона")
          .contains("Бойко Іван")
          .contains("Мельник Петро")
          .doesNotContain("Коваль Андрій")
          .doesNotContain("Шевчук")
          .contains("не визнано");
      assertThat(b.get("/held?show=all").body())
          .contains("Коваль Андрій")
          .contains("їхній список 1 від");
      // the registrar records that the ICRC has visited Бойко: he leaves the list
      b.get("/registry/" + onVideo + "/edit");
      HttpResponse<String> saved =
          b.submit(
              "/registry/" + onVideo,
              "version",
              "1",
              "name.0.family",
              "Бойко",
              "name.0.given",
              "Іван",
              "birth_date",
              "17.07.1995",
              "kind",
              "service-member",
              "status",
              "captive",
              "holding_party",
              "RU",
              "status_since",
              "15.03.2025",
              "status_source",
              "icrc-visit",
              "status_note",
              "візит МКЧХ до колонії");
      assertThat(saved.statusCode()).isEqualTo(302);
      assertThat(b.get("/registry/" + onVideo).body())
          .contains("візит МКЧХ (ст. 126): візит МКЧХ до колонії")
          .contains("відео: відео з каналу");
      assertThat(b.get("/held").body()).doesNotContain("Бойко Іван").contains("Мельник Петро");
      HttpResponse<String> bad =
          b.submit(
              "/registry/" + onVideo,
              "version",
              "2",
              "name.0.family",
              "Бойко",
              "kind",
              "service-member",
              "status",
              "captive",
              "holding_party",
              "RU",
              "status_source",
              "rumour");
      assertThat(bad.statusCode()).isEqualTo(422);
      assertThat(bad.body()).contains("«rumour» — невідома підстава");
      b.submit("/lang", "lang", "en", "back", "/held");
      String en = b.get("/held").body();
      assertThat(en).contains("Our people held by the other side").contains("Melnyk Petro");
      b.submit("/lang", "lang", "ru", "back", "/held");
      assertThat(b.get("/held").body()).contains("Наши люди, которых удерживает другая сторона");
    } finally {
      web.stop();
    }
  }
}
