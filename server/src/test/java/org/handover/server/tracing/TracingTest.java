package org.handover.server.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.handover.core.accounts.Role;
import org.handover.core.parties.Party;
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

/** Tracing children through the command line and the web, on PostgreSQL. */
class TracingTest {
  @TempDir Path dir;
  String url;
  App app;

  @BeforeEach
  void open() {
    url = TestDatabases.postgres();
    app = new App(Database.open(url), Clock.systemUTC());
    app.parties().choose(Optional.of(Party.of("UA")), "test");
  }

  @AfterEach
  void close() {
    app.close();
  }

  private Run cli(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--db";
    all[args.length + 1] = url;
    return Cli.run(all);
  }

  private static final String HEADER =
      "Номер запиту;Прізвище;Ім'я;По батькові;Дата народження;Місце народження;Стать;"
          + "Ім'я матері;Ім'я батька;Заявник;Спорідненість;Контакт;Згода;Згода на передачу;"
          + "Дата розлучення;Місце розлучення;Обставини;Інші імена;Особливі прикмети\n";

  private void requests() throws Exception {
    Path file = dir.resolve("requests.csv");
    Files.writeString(
        file,
        HEADER
            + "Р-001;Коваленко;Марія;Іванівна;12.03.2015;Маріуполь;ж;Коваленко Олена;Іван;"
            + "Коваленко Олена;мати;+380 50 000 00 00;так;так;03.2022;Маріуполь;депортація;;"
            + "родимка на лівій щоці\n"
            + "Р-001;Коваленко;Іван;Іванович;2017;Маріуполь;ч;Коваленко Олена;Іван;"
            + "Коваленко Олена;мати;+380 50 000 00 00;так;так;03.2022;Маріуполь;депортація;;\n"
            + "Р-002;Бондар;Артем;Сергійович;2012;Херсон;ч;Бондар Світлана;Сергій;"
            + "Бондар Ніна;бабуся;+380 67 000 00 00;так;ні;11.2022;Херсон;евакуація;;\n",
        StandardCharsets.UTF_8);
    Run imported = cli("tracing", "import", file.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("2 requests imported, 3 children sought");
  }

  private long children() throws Exception {
    Path list = dir.resolve("children.csv");
    Files.writeString(
        list,
        "Фамилия;Имя;Отчество;Дата рождения;Место рождения;Пол;Имя матери\n"
            + "Смирнова;Мария;Ивановна;12.03.2015;Мариуполь;ж;Коваленко Елена\n"
            + "Иванов;Артём;Сергеевич;14.05.2013;Херсон;м;Бондарь Светлана\n"
            + "Петрова;Анна;Олеговна;01.01.2016;Донецк;ж;Петрова Ирина\n",
        StandardCharsets.UTF_8);
    Run imported =
        cli("roster", "import", list.toString(), "--from", "RU", "--purpose", "children");
    assertThat(imported.exit()).as(imported.err()).isZero();
    return 1;
  }

  @Test
  void requestsAreImportedMatchedReviewedAndMovedStepByStep() throws Exception {
    requests();
    long roster = children();
    Path out = dir.resolve("candidates.csv");
    Run matched = cli("tracing", "match", "--out", out.toString());
    assertThat(matched.exit()).as(matched.err()).isZero();
    List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(rows.get(0))
        .endsWith("request_reference,child_sought,roster_id,entry_row,probability,reasons");
    // Maria is found under her foster family's name; Artem with a shifted date of birth
    assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("Р-001,1," + roster + ",1,"));
    assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("Р-002,1," + roster + ",2,"));
    assertThat(rows.stream().filter(r -> r.startsWith("Р-001,1,")).findFirst().orElseThrow())
        .contains("mother's name: the same — some evidence for")
        .contains("family name: different — some evidence against");
    long maria =
        Board.children(app.database().jdbi(), Optional.empty(), 10).stream()
            .filter(c -> c.name().startsWith("Коваленко Марія"))
            .findFirst()
            .orElseThrow()
            .id();
    app.tracing().decide(maria, roster, 1, true, "reviewer");
    assertThat(Board.child(app.database().jdbi(), maria).orElseThrow().state().key())
        .isEqualTo("located");
    // reunified before verified: refused, in the user's language
    Run early = cli("tracing", "case", String.valueOf(maria), "--to", "reunified", "--lang", "uk");
    assertThat(early.exit()).isEqualTo(2);
    assertThat(early.err()).contains("не можна перевести зі стану «знайдено» у стан «возз’єднано»");
    assertThat(
            cli("tracing", "case", String.valueOf(maria), "--to", "verified", "--note", "ДНК")
                .exit())
        .isZero();
    Run agreed = cli("tracing", "case", String.valueOf(maria), "--to", "handover-agreed");
    assertThat(agreed.err()).contains("best-interests assessment");
    assertThat(
            cli(
                    "tracing",
                    "case",
                    String.valueOf(maria),
                    "--to",
                    "handover-agreed",
                    "--note",
                    "оцінку найкращих інтересів проведено 20.05; дитина хоче до матері")
                .exit())
        .isZero();
    Run close = cli("tracing", "case", String.valueOf(maria), "--to", "closed");
    assertThat(close.err()).contains("say why the case is closed");
    Run stats = cli("tracing", "stats");
    assertThat(stats.out()).contains("requests 2").contains("open 2").contains("handover-agreed 1");
    // for the other side: only what the families consented to share, never their contacts
    Path shared = dir.resolve("shared.csv");
    assertThat(cli("tracing", "export", "--out", shared.toString()).out()).contains("2 children");
    String text = Files.readString(shared, StandardCharsets.UTF_8);
    assertThat(text)
        .contains("Коваленко Марія")
        .doesNotContain("Бондар Артем")
        .doesNotContain("+380");
    assertThat(Board.child(app.database().jdbi(), maria).orElseThrow().card())
        .containsEntry("features", "родимка на лівій щоці");
    assertThat(app.journal().audit().clean()).isTrue();
  }

  @Test
  void aRequestWithoutConsentOrRelativeOrWithAnUnknownRelationStoresNothing() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(
        file,
        HEADER
            + "Р-010;Ткач;Олег;;2014;;;;;;мати;;так;;;;;;\n"
            + "Р-011;Ткач;Ніна;;2015;;;;;Ткач Ганна;сусідка;;так;;;;;;\n"
            + "Р-012;Ткач;Іра;;2016;;;;;Ткач Ганна;мати;;ні;;;;;;\n",
        StandardCharsets.UTF_8);
    Run refused = cli("tracing", "import", file.toString(), "--lang", "en");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .contains("row 2: no relative who asks")
        .contains("row 3: \"сусідка\" is no known relation")
        .contains("row 4: no consent to trace (\"ні\")")
        .contains("Nothing was stored");
    assertThat(Board.requests(app.database().jdbi())).isZero();
  }

  @Test
  void thePagesShowCandidatesSideBySideAndHideContactsFromObservers() throws Exception {
    requests();
    long roster = children();
    app.tracing().match(Optional.empty(), "test");
    long artem =
        Board.children(app.database().jdbi(), Optional.empty(), 10).stream()
            .filter(c -> c.name().startsWith("Бондар"))
            .findFirst()
            .orElseThrow()
            .id();
    String password = app.accounts().create("olena", Role.REGISTRAR, "test");
    String observer = app.accounts().create("icrc", Role.OBSERVER, "test");
    Javalin web = app.web().create().start("127.0.0.1", 0);
    try {
      Browser b = new Browser(web.port()).acceptLanguage("uk");
      b.login("olena", password);
      b.get("/tracing");
      b.submit("/lang", "lang", "uk", "back", "/tracing");
      assertThat(b.get("/tracing").body()).contains("Діти в розшуку").contains("Бондар Артем");
      // a second file from the browser: a row without consent is named, nothing stored
      assertThat(b.get("/tracing/import").body()).contains("Імпортувати запити родичів");
      var refused =
          b.upload(
              "/tracing/import",
              java.util.Map.of(),
              "file",
              "more.csv",
              (HEADER + "Р-050;Ткач;Іра;;2016;;;;;Ткач Ганна;мати;;ні;;;;;;\n")
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(refused.body()).contains("рядок 2: немає згоди на розшук");
      b.get("/tracing/import");
      var imported =
          b.upload(
              "/tracing/import",
              java.util.Map.of(),
              "file",
              "more.csv",
              (HEADER + "Р-051;Ткач;Іра;;2016;;;;;Ткач Ганна;мати;;так;;;;;;\n")
                  .getBytes(StandardCharsets.UTF_8));
      assertThat(imported.statusCode()).isEqualTo(302);
      assertThat(Board.requests(app.database().jdbi())).isEqualTo(3);
      String page = b.get("/tracing/" + artem).body();
      assertThat(page)
          .contains("Иванов Артём")
          .contains("ім’я матері: те саме — дещо за")
          .contains("id=\"contact\"");
      var confirmed =
          b.submit(
              "/tracing/" + artem + "/decide",
              "roster",
              String.valueOf(roster),
              "row",
              "2",
              "decision",
              "confirm");
      assertThat(confirmed.statusCode()).isEqualTo(302);
      assertThat(b.get("/tracing/" + artem).body()).contains("знайдено");
      var jump = b.submit("/tracing/" + artem + "/move", "state", "reunified", "on", "");
      assertThat(jump.statusCode()).isEqualTo(422);
      b.submit("/lang", "lang", "en", "back", "/tracing");
      assertThat(b.get("/tracing/" + artem).body()).contains("Bondar Artem").contains("located");
      Browser o = new Browser(web.port()).acceptLanguage("en");
      o.login("icrc", observer);
      assertThat(o.get("/tracing/" + artem).body())
          .doesNotContain("+380")
          .doesNotContain("id=\"contact\"");
    } finally {
      web.stop();
    }
  }

  @Test
  void aRelativesContactIsDeletedOnceItsRetentionPeriodAfterTheCaseClosedIsOver() throws Exception {
    requests();
    long artem =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT c.id FROM sought_children c JOIN tracing_requests t ON t.id ="
                                + " c.request_id WHERE t.reference = 'Р-002'")
                        .mapTo(Long.class)
                        .one());
    java.time.LocalDate today = java.time.LocalDate.now();
    Run closed =
        cli(
            "tracing",
            "case",
            String.valueOf(artem),
            "--to",
            "closed",
            "--on",
            today.toString(),
            "--note",
            "знайдено родичами самостійно");
    assertThat(closed.exit()).as(closed.err()).isZero();
    Run shown = cli("retention", "show", "--as-of", today.plusDays(730).toString(), "--lang", "en");
    assertThat(shown.exit()).as(shown.err()).isZero();
    assertThat(shown.out()).contains("kept 730 days after it has served; 1 past it");
    // a day earlier, nothing is due yet; a shorter period set makes it due
    assertThat(
            cli("retention", "show", "--as-of", today.plusDays(729).toString(), "--lang", "en")
                .out())
        .contains("kept 730 days after it has served; 0 past it");
    assertThat(cli("retention", "set", "tracing-contact", "30").exit()).isZero();
    assertThat(cli("retention", "set", "fingerprints", "30").exit()).isEqualTo(2);
    Run applied =
        cli("retention", "apply", "--as-of", today.plusDays(30).toString(), "--lang", "en");
    assertThat(applied.exit()).as(applied.err()).isZero();
    assertThat(applied.out()).contains("kept 30 days after it has served; 1 past it");
    List<String> contacts =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT reference || '=' || contact FROM tracing_requests ORDER BY id")
                        .mapTo(String.class)
                        .list());
    assertThat(contacts).containsExactly("Р-001=+380 50 000 00 00", "Р-002=");
    assertThat(cli("journal", "verify").exit()).isZero();
    assertThat(app.journal().audit().clean()).isTrue();
  }
}
