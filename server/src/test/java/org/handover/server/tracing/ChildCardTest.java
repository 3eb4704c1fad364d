package org.handover.server.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
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

/**
 * The rest of a child's card, children located by a report, and what a case belongs to: through the
 * command line and the web, on PostgreSQL.
 */
class ChildCardTest {
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
    String[] all = java.util.Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--db";
    all[args.length + 1] = url;
    all[args.length + 2] = "--lang";
    all[args.length + 3] = "en";
    return Cli.run(all);
  }

  private static final String HEADER =
      "Номер запиту;Прізвище;Ім'я;По батькові;Дата народження;Заявник;Спорідненість;Контакт;"
          + "Згода;Стан здоров'я;Група крові;Дата виїзду;Місце виїзду\n";

  private long child(String reference) {
    return app.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT c.id FROM sought_children c JOIN tracing_requests t ON t.id ="
                            + " c.request_id WHERE t.reference = :r")
                    .bind("r", reference)
                    .mapTo(Long.class)
                    .one());
  }

  private Board.Child card(long id) {
    return Board.child(app.database().jdbi(), id).orElseThrow();
  }

  private void requests() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        HEADER
            + "Р-1;Коваленко;Марія;Іванівна;2015;Коваленко Олена;мати;;так;;Z+;;\n"
            + "Р-2;Бондар;Артем;;2012;Бондар Ніна;бабуся;;так;;;01.01.2099;\n",
        StandardCharsets.UTF_8);
    Run refused = cli("tracing", "import", bad.toString());
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .contains("row 2: \"Z+\" is not a blood group")
        .contains("row 3: the date 01.01.2099 is in the future")
        .contains("Nothing was stored");
    assertThat(Board.requests(app.database().jdbi())).isZero();
    Path good = dir.resolve("good.csv");
    Files.writeString(
        good,
        HEADER
            + "Р-1;Коваленко;Марія;Іванівна;2015;Коваленко Олена;мати;+380 50 000 00 00;так;"
            + "астма;II Rh+;03.2022;Маріуполь\n"
            + "Р-2;Бондар;Артем;;2012;Бондар Ніна;бабуся;;так;;;;\n"
            + "Р-3;Ткач;Іра;;2016;Ткач Ганна;мати;;так;;;;\n",
        StandardCharsets.UTF_8);
    Run imported = cli("tracing", "import", good.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
  }

  @Test
  void theCardIsKeptChangedAndJournaledReportsLocateAndCasesBelongToACommitment() throws Exception {
    requests();
    long maria = child("Р-1");
    assertThat(card(maria).later())
        .containsEntry(CardField.HEALTH, "астма")
        .containsEntry(CardField.BLOOD_GROUP, "A+")
        .containsEntry(CardField.LEFT_ON, "03.2022")
        .containsEntry(CardField.LEFT_AT, "Маріуполь");

    Run changed =
        cli(
            "tracing",
            "card",
            String.valueOf(maria),
            "--blood-group",
            "0(I) Rh-",
            "--whereabouts",
            "Ростовська обл.",
            "--institution",
            "дитячий будинок №3",
            "--left-at",
            "Маріуполь");
    assertThat(changed.exit()).as(changed.err()).isZero();
    // four given, one of them as it stood
    assertThat(changed.out()).contains("3 fields of the card changed");
    assertThat(card(maria).later())
        .containsEntry(CardField.BLOOD_GROUP, "O-")
        .containsEntry(CardField.WHEREABOUTS, "Ростовська обл.")
        .containsEntry(CardField.INSTITUTION, "дитячий будинок №3");
    // the request's own columns keep what the family said
    String given =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT blood_group FROM sought_children WHERE id = :c")
                        .bind("c", maria)
                        .mapTo(String.class)
                        .one());
    assertThat(given).isEqualTo("A+");

    Run badGroup = cli("tracing", "card", String.valueOf(maria), "--blood-group", "C");
    assertThat(badGroup.exit()).isEqualTo(2);
    assertThat(badGroup.err()).contains("\"C\" is not a blood group");
    Run future = cli("tracing", "card", String.valueOf(maria), "--died-on", "2099");
    assertThat(future.exit()).isEqualTo(2);
    Run notDate = cli("tracing", "card", String.valueOf(maria), "--died-on", "вчора");
    assertThat(notDate.err()).contains("the date of death: \"вчора\" is not a date");
    assertThat(cli("tracing", "card", String.valueOf(maria)).exit()).isEqualTo(2);
    assertThat(card(maria).later()).containsEntry(CardField.BLOOD_GROUP, "O-");

    // located by a report, not on a list
    long artem = child("Р-2");
    Run noReport = cli("tracing", "locate", String.valueOf(artem), "--report", " ");
    assertThat(noReport.exit()).isEqualTo(2);
    assertThat(noReport.err()).contains("say which report located the child");
    Run located =
        cli(
            "tracing",
            "locate",
            String.valueOf(artem),
            "--report",
            "лист уповноваженого РФ від 12.06",
            "--whereabouts",
            "Таганрог",
            "--foster-family",
            "Смирнови");
    assertThat(located.exit()).as(located.err()).isZero();
    Board.Child a = card(artem);
    assertThat(a.state().key()).isEqualTo("located");
    assertThat(a.byReport()).isTrue();
    assertThat(a.later()).containsEntry(CardField.FOSTER_FAMILY, "Смирнови");
    assertThat(Board.steps(app.database().jdbi(), artem).get(1).note())
        .isEqualTo("лист уповноваженого РФ від 12.06");
    Run twice = cli("tracing", "locate", String.valueOf(artem), "--report", "ще раз");
    assertThat(twice.exit()).isEqualTo(2);
    // not the child sought after all: back to open, and the report no longer stands
    assertThat(
            cli("tracing", "case", String.valueOf(artem), "--to", "open", "--note", "не він")
                .exit())
        .isZero();
    assertThat(card(artem).byReport()).isFalse();
    assertThat(card(artem).later())
        .doesNotContainKeys(CardField.WHEREABOUTS, CardField.FOSTER_FAMILY);
    assertThat(
            cli("tracing", "locate", String.valueOf(artem), "--report", "візит МКЧХ 20.06").exit())
        .isZero();

    // the cases belong to the round's commitment to return ten children
    Path record = dir.resolve("round.json");
    try (var in = getClass().getResourceAsStream("/demo/round-istanbul-2.json")) {
      Files.write(record, in.readAllBytes());
    }
    assertThat(cli("record", "import", record.toString()).exit()).isZero();
    Run unknown = cli("tracing", "link", String.valueOf(artem), "--commitment", "istanbul-2/pow");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("\"istanbul-2/pow\" is not a commitment to reunify");
    Run provision = cli("tracing", "link", String.valueOf(artem), "--provision", "1:1");
    assertThat(provision.exit()).isEqualTo(2);
    assertThat(provision.err()).contains("is not a named-list provision");
    assertThat(
            cli("tracing", "link", String.valueOf(artem), "--commitment", "istanbul-2/children-10")
                .exit())
        .isZero();
    long ira = child("Р-3");
    assertThat(cli("tracing", "locate", String.valueOf(ira), "--report", "преса").exit()).isZero();
    for (long c : new long[] {artem, ira}) {
      for (String to : new String[] {"verified", "handover-agreed", "reunified"}) {
        Run moved =
            cli("tracing", "case", String.valueOf(c), "--to", to, "--note", "оцінку проведено");
        assertThat(moved.exit()).as(moved.err()).isZero();
      }
    }
    // two reunified, one of them the commitment's: its fulfilment counts that one of ten
    String commitments = cli("commitments").out();
    assertThat(commitments.lines().filter(l -> l.contains("children-10")).findFirst().orElseThrow())
        .contains("\t1\t10\t");
    assertThat(card(artem).later()).containsEntry(CardField.COMMITMENT, "istanbul-2/children-10");
    // a named-list provision of an agreement
    Path list = dir.resolve("list.csv");
    Files.writeString(list, "Прізвище;Ім'я;Дата народження\nБондар;Артем;2012\n");
    assertThat(
            cli("roster", "import", list.toString(), "--from", "UA", "--purpose", "children")
                .exit())
        .isZero();
    long agreement = app.agreements().list().get(0).id();
    assertThat(cli("agreement", "provision", String.valueOf(agreement), "--named-list", "1").exit())
        .isZero();
    int number = app.agreements().find(agreement).orElseThrow().provisions().size();
    Run linked =
        cli("tracing", "link", String.valueOf(artem), "--provision", agreement + ":" + number);
    assertThat(linked.exit()).as(linked.err()).isZero();
    assertThat(card(artem).later()).containsEntry(CardField.PROVISION, agreement + ":" + number);

    assertThat(cli("journal", "verify").exit()).isZero();
    assertThat(app.journal().audit().clean()).isTrue();
    // a card change made outside Handover is named by the state audit
    app.database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE child_card_changes SET value = 'B+' WHERE field = 'blood-group'"));
    assertThat(app.journal().audit().clean()).isFalse();
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void thePageShowsTheCardToThoseWhoMaySeeItAndTakesChangesAndAPhotograph() throws Exception {
    requests();
    long maria = child("Р-1");
    long ira = child("Р-3");
    String password = app.accounts().create("olena", Role.REGISTRAR, "test");
    String observer = app.accounts().create("watch", Role.OBSERVER, "test");
    String theirs = app.accounts().create("icrc", Role.REGISTRAR, "test");
    app.accounts().setParty("icrc", "RU", "test");
    Javalin web = app.web().create().start("127.0.0.1", 0);
    try {
      Browser b = new Browser(web.port()).acceptLanguage("uk");
      b.login("olena", password);
      b.submit("/lang", "lang", "uk", "back", "/tracing");
      String page = b.get("/tracing/" + maria).body();
      assertThat(page)
          .contains("астма")
          .contains("група крові")
          .contains("Відомо пізніше")
          .contains("Знайдено за повідомленням")
          .doesNotContain("tracing.")
          .doesNotContain("list-field.");
      var bad = b.submit("/tracing/" + maria + "/card", "blood-group", "Z", "health", "астма");
      assertThat(bad.statusCode()).isEqualTo(422);
      assertThat(bad.body()).contains("«Z» — не група крові");
      var saved =
          b.submit(
              "/tracing/" + maria + "/card",
              "blood-group",
              "A+",
              "health",
              "астма, алергія на пеніцилін",
              "died-on",
              "",
              "burial",
              "");
      assertThat(saved.statusCode()).isEqualTo(302);
      assertThat(card(maria).later())
          .containsEntry(CardField.HEALTH, "астма, алергія на пеніцилін");
      // a form opened before someone else's change does not undo it
      app.childCards().change(maria, Map.of(CardField.BLOOD_GROUP, "A+"), "test");
      var stale =
          b.submit(
              "/tracing/" + maria + "/card",
              "shown.blood-group",
              "B+",
              "blood-group",
              "AB+",
              "shown.institution",
              "",
              "institution",
              "");
      assertThat(stale.statusCode()).isEqualTo(422);
      assertThat(stale.body()).contains("картку дитини хтось змінив");
      assertThat(card(maria).later()).containsEntry(CardField.BLOOD_GROUP, "A+");
      var fresh =
          b.submit(
              "/tracing/" + maria + "/card",
              "shown.blood-group",
              "B+",
              "blood-group",
              "B+",
              "shown.institution",
              "",
              "institution",
              "школа-інтернат");
      assertThat(fresh.statusCode()).isEqualTo(302);
      assertThat(card(maria).later())
          .containsEntry(CardField.BLOOD_GROUP, "A+")
          .containsEntry(CardField.INSTITUTION, "школа-інтернат");
      var locate =
          b.submit(
              "/tracing/" + ira + "/locate",
              "report",
              "лист закладу від 01.07",
              "on",
              "",
              "institution",
              "Центр «Маяк»");
      assertThat(locate.statusCode()).isEqualTo(302);
      assertThat(b.get("/tracing/" + ira).body())
          .contains("знайдено за повідомленням: лист закладу від 01.07")
          .contains("Центр «Маяк»");

      var notImage =
          b.upload(
              "/tracing/" + maria + "/photo",
              Map.of(),
              "file",
              "photo.png",
              "not a picture".getBytes(StandardCharsets.UTF_8));
      assertThat(notImage.statusCode()).isEqualTo(422);
      assertThat(notImage.body()).contains("лише фотографію PNG або JPEG");
      b.get("/tracing/" + maria);
      var photo = b.upload("/tracing/" + maria + "/photo", Map.of(), "file", "photo.png", png());
      assertThat(photo.statusCode()).isEqualTo(302);
      assertThat(b.get("/tracing/" + maria).body()).contains("id=\"photo\"");
      var image = b.get("/tracing/" + maria + "/photo");
      assertThat(image.statusCode()).isEqualTo(200);
      assertThat(image.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");

      // an observer of our side: the card without health, no forms, no photograph
      Browser o = new Browser(web.port()).acceptLanguage("en");
      o.login("watch", observer);
      assertThat(o.get("/tracing/" + maria).body())
          .contains("id=\"card-left-on\"")
          .doesNotContain("id=\"card-health\"")
          .doesNotContain("пеніцилін")
          .doesNotContain("id=\"card-form\"")
          .doesNotContain("id=\"photo\"");
      assertThat(o.get("/tracing/" + maria + "/photo").statusCode()).isEqualTo(403);
      // another party's user who traces: no health, no photograph
      Browser t = new Browser(web.port()).acceptLanguage("en");
      t.login("icrc", theirs);
      assertThat(t.get("/tracing/" + maria).body())
          .doesNotContain("пеніцилін")
          .doesNotContain("id=\"photo\"")
          .contains("id=\"card-form\"");
      assertThat(t.get("/tracing/" + maria + "/photo").statusCode()).isEqualTo(403);
      t.get("/tracing/" + maria);
      assertThat(
              t.upload("/tracing/" + maria + "/photo", Map.of(), "file", "p.png", png())
                  .statusCode())
          .isEqualTo(403);
      assertThat(app.journal().audit().clean()).isTrue();
    } finally {
      web.stop();
    }
  }

  @Test
  void aDateOfLeavingIsReadAsPeopleWriteIt() {
    assertThat(CardField.LEFT_ON.checked(" 2022 ", LocalDate.of(2025, 1, 1))).isEqualTo("2022");
    assertThat(CardField.BURIAL.checked("  ", LocalDate.of(2025, 1, 1))).isEmpty();
  }
}
