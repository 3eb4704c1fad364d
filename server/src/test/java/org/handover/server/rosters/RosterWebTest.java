package org.handover.server.rosters;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.handover.core.accounts.Role;
import org.handover.core.journal.Checkpoint;
import org.handover.core.parties.Party;
import org.handover.core.rosters.Purpose;
import org.handover.core.rosters.RosterDetails;
import org.handover.core.rosters.Tables;
import org.handover.server.App;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.handover.server.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RosterWebTest {
  static final byte[] LIST =
      ("Фамилия;Имя;Отчество;Дата рождения;Воинское звание\n"
              + "Ковальчук;Юрий;Петрович;12.03.1998;рядовой\nБойко;Иван;;31.02.1999;\n")
          .getBytes(Charset.forName("windows-1251"));
  App app;
  Javalin web;
  String registrar;
  String observer;

  @BeforeEach
  void start() {
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemDefaultZone());
    registrar = app.accounts().create("olena", Role.REGISTRAR, "test");
    observer = app.accounts().create("icrc", Role.OBSERVER, "test");
    web = app.web(64 * 1024).create().start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    web.stop();
    app.close();
  }

  Browser as(String user, String password) {
    Browser b = new Browser(web.port());
    assertThat(b.login(user, password).statusCode()).isEqualTo(302);
    return b;
  }

  long rosters() {
    return app.database()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM rosters").mapTo(Long.class).one());
  }

  @Test
  void uploadPreviewImportAndView() {
    Browser b = as("olena", registrar);
    b.get("/rosters/new");
    HttpResponse<String> preview = b.upload("/rosters/upload", "spisok.csv", LIST);
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("Ковальчук")
        .contains("рядовой")
        .containsPattern("<option value=\"windows-1251\" selected>")
        .containsPattern("<option value=\";\" selected>")
        .containsPattern(
            "name=\"col.0\"[^>]*>\\s*<option value=\"\">[^<]*</option>\\s*(<option[^>]*>[^<]*</option>\\s*)*<option value=\"family\" selected>");
    assertThat(preview.body())
        .contains("з цією відповідністю прочитано 2 рядки, з помилками: 1")
        .contains("рядок 3, стовпець 4 (Дата рождения) «31.02.1999»");
    assertThat(rosters()).isZero();
    Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(preview.body());
    assertThat(token.find()).isTrue();
    HttpResponse<String> imported =
        b.submit(
            "/rosters/import",
            "token",
            token.group(1),
            "from",
            "RU",
            "to",
            "UA",
            "purpose",
            "exchange",
            "received",
            "03.06.2025",
            "col.0",
            "family",
            "col.1",
            "given",
            "col.2",
            "patronymic",
            "col.3",
            "birth-date",
            "col.4",
            "rank");
    assertThat(imported.statusCode()).isEqualTo(302);
    String location = imported.headers().firstValue("Location").orElseThrow();
    String page = b.get(location).body();
    assertThat(page)
        .contains("spisok.csv")
        .contains("Ковальчук Юрий Петрович")
        .contains("03.06.2025")
        .contains("рядок 3, стовпець 4 (Дата рождения) «31.02.1999»");
    String report = b.get(location + "/problems.csv").body();
    assertThat(report)
        .contains("Рядок,Стовпець,Заголовок,Значення,Причина")
        .contains("3,4,Дата рождения,31.02.1999");
    assertThat(b.bytes(location + "/file")).isEqualTo(LIST);
    assertThat(b.get("/rosters").body()).contains("spisok.csv");
    // a download from the web carries the journal's signed head, as the CLI writes one beside it
    var export = b.get(location + "/export.csv");
    String signed = export.headers().firstValue("Handover-Checkpoint").orElseThrow();
    assertThat(app.journal().extendsCheckpoint(Checkpoint.parse(signed), app.key())).isEmpty();
    assertThat(page).contains("href=\"/checkpoint.txt\"");
    String kept = b.get("/checkpoint.txt").body().strip();
    assertThat(Checkpoint.parse(kept).seq()).isGreaterThanOrEqualTo(Checkpoint.parse(signed).seq());
    assertThat(app.journal().extendsCheckpoint(Checkpoint.parse(kept), app.key())).isEmpty();
  }

  @Test
  void anImpossibleOrFutureDayOfReceiptIsSaidInTheUsersLanguageAndNothingIsStored() {
    Browser b = as("olena", registrar);
    b.get("/rosters/new");
    HttpResponse<String> preview = b.upload("/rosters/upload", "spisok.csv", LIST);
    Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(preview.body());
    assertThat(token.find()).isTrue();
    for (String day : new String[] {"32.13.2025", "01.01." + (LocalDate.now().getYear() + 5)}) {
      HttpResponse<String> r =
          b.submit(
              "/rosters/import",
              "token",
              token.group(1),
              "from",
              "RU",
              "to",
              "UA",
              "purpose",
              "exchange",
              "received",
              day,
              "col.0",
              "family");
      assertThat(r.body()).contains("Отримано: «" + day + "»").doesNotContain("impossible month");
    }
    assertThat(rosters()).isZero();
  }

  @Test
  void anObserverSeesListsButCannotUpload() {
    Browser o = as("icrc", observer);
    assertThat(o.get("/rosters").statusCode()).isEqualTo(200);
    assertThat(o.get("/rosters/new").statusCode()).isEqualTo(403);
    o.get("/rosters");
    assertThat(o.upload("/rosters/upload", "spisok.csv", LIST).statusCode()).isEqualTo(403);
    assertThat(rosters()).isZero();
  }

  @Test
  void anObserverCannotRunMatchingOrDecide() throws Exception {
    Path list = Files.createTempFile("their", ".csv");
    Files.write(list, LIST);
    long roster =
        app.rosters()
            .importFile(
                list,
                "their.csv",
                new RosterDetails(
                    Party.of("RU"), Party.of("UA"), LocalDate.now(), Purpose.EXCHANGE, ""),
                Tables.Options.detect(),
                Optional.empty(),
                "test",
                (n, f) -> {})
            .id();
    Browser o = as("icrc", observer);
    o.get("/rosters/" + roster);
    assertThat(o.submit("/rosters/" + roster + "/match").statusCode()).isEqualTo(403);
    assertThat(
            o.submit(
                    "/matches/1/decide",
                    "entry_row",
                    "1",
                    "person_id",
                    "1",
                    "decision",
                    "confirmed")
                .statusCode())
        .isEqualTo(403);
    long runs =
        app.database()
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT COUNT(*) FROM match_runs").mapTo(Long.class).one());
    assertThat(runs).isZero();
  }

  @Test
  void anUploadOverTheLimitIsRefusedWithAClearMessage() {
    Browser b = as("olena", registrar);
    b.get("/rosters/new");
    HttpResponse<String> r = b.upload("/rosters/upload", "big.csv", new byte[100 * 1024]);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("файл більший за межу 64 кБ");
    assertThat(rosters()).isZero();
  }

  @Test
  void aForgedUploadIsRefused() {
    Browser b = as("olena", registrar);
    b.get("/rosters/new");
    b.csrf = "forged";
    assertThat(b.upload("/rosters/upload", "spisok.csv", LIST).statusCode()).isEqualTo(403);
  }

  @Test
  void aBadFileIsShownWithItsReasonAndNothingIsStored() {
    Browser b = as("olena", registrar);
    b.get("/rosters/new");
    HttpResponse<String> r = b.upload("/rosters/upload", "list.xlsx", LIST);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("list.xlsx — не те, що каже його назва (.xlsx)");
    assertThat(rosters()).isZero();
  }
}
