package org.handover.server.rosters;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.handover.core.accounts.Role;
import org.handover.core.parties.Party;
import org.handover.server.App;
import org.handover.server.cli.Cli;
import org.handover.server.storage.TestDatabases;
import org.handover.server.web.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A list we send: seen by sensitivity, approved by a second person, exported without harm. */
class DisclosureTest {
  private static final String OS_USER = org.handover.server.cli.OsUser.name();
  @TempDir Path dir;

  private static void actAs(String db, String account) {
    try (App app = App.open(db)) {
      app.accounts().credentials().unmapOsUsers("olena", "test");
      app.accounts().credentials().unmapOsUsers("taras", "test");
      app.accounts().credentials().mapOsUser(account, OS_USER, "test");
    }
  }

  private long importOurs(String db, String name) throws Exception {
    Path list = dir.resolve(name);
    Files.writeString(
        list,
        "Прізвище,Ім'я,Дата народження,Тяжкопоранений,Згода на репатріацію,Примітки\n"
            + "Бойко,Остап,03.04.1990,так,ні,мати живе в Донецьку\n"
            + "Гнатюк,Ярема,17.09.1994,ні,так,\n",
        StandardCharsets.UTF_8);
    Cli.Run imported =
        Cli.run(
            "roster",
            "import",
            list.toString(),
            "--purpose",
            "exchange",
            "--from",
            "UA",
            "--to",
            "RU",
            "--db",
            db,
            "--lang",
            "en");
    assertThat(imported.exit()).as(imported.err()).isZero();
    Matcher id = Pattern.compile("roster (\\d+)").matcher(imported.out());
    assertThat(id.find()).as(imported.out()).isTrue();
    return Long.parseLong(id.group(1));
  }

  @Test
  void aListWeSendLeavesOnlyApprovedByASecondPersonAndWithoutWhatCouldHarm() throws Exception {
    String db = TestDatabases.postgres();
    try (App app = App.open(db)) {
      app.parties().choose(Optional.of(Party.of("UA")), "test");
      app.accounts().create("olena", Role.REGISTRAR, "test");
      app.accounts().create("taras", Role.REVIEWER, "test");
    }
    actAs(db, "olena");
    long id = importOurs(db, "ours.csv");
    Path csv = dir.resolve("out.csv");
    Cli.Run early =
        Cli.run(
            "roster",
            "export",
            String.valueOf(id),
            "--format",
            "csv",
            "--out",
            csv.toString(),
            "--db",
            db,
            "--lang",
            "en");
    assertThat(early.exit()).isEqualTo(2);
    assertThat(early.err()).contains("goes to the other side: a second person approves it first");
    assertThat(csv).doesNotExist();
    Cli.Run own = Cli.run("roster", "approve", String.valueOf(id), "--db", db, "--lang", "en");
    assertThat(own.exit()).isEqualTo(2);
    assertThat(own.err()).contains("four eyes");

    actAs(db, "taras");
    Cli.Run approved = Cli.run("roster", "approve", String.valueOf(id), "--db", db, "--lang", "en");
    assertThat(approved.exit()).as(approved.err()).isZero();
    assertThat(approved.out())
        .contains("severely wounded (yes/no): health, 2 filled, sent")
        .contains(
            "consent to repatriation (yes/no/not asked): a stated refusal to return, 2 filled, left out")
        .contains("Notes: free text (may hold anything), 1 filled, left out");
    Cli.Run written =
        Cli.run(
            "roster",
            "export",
            String.valueOf(id),
            "--format",
            "csv",
            "--out",
            csv.toString(),
            "--db",
            db,
            "--lang",
            "en");
    assertThat(written.exit()).as(written.err()).isZero();
    String out = Files.readString(csv, StandardCharsets.UTF_8);
    assertThat(out).contains("Бойко").contains("severely wounded");
    assertThat(out).doesNotContain("Донецьку").doesNotContain("consent");
    try (App app = App.open(db)) {
      assertThat(app.rosters().disclosure().approval(id).orElseThrow().by()).isEqualTo("taras");
      assertThat(app.journal().audit().clean()).isTrue();
      // an approval slipped in or taken out behind Handover's back is named
      app.database().jdbi().useHandle(h -> h.execute("DELETE FROM roster_approvals"));
      assertThat(app.journal().audit().clean()).isFalse();
    }
  }

  @Test
  void onTheWebTheListShowsWhatItHoldsAndTheSecondPersonApprovesIt() throws Exception {
    String db = TestDatabases.postgres();
    String olena;
    String taras;
    try (App app = App.open(db)) {
      app.parties().choose(Optional.of(Party.of("UA")), "test");
      olena = app.accounts().create("olena", Role.REGISTRAR, "test");
      taras = app.accounts().create("taras", Role.REVIEWER, "test");
    }
    actAs(db, "olena");
    long id = importOurs(db, "web.csv");
    try (App app = App.open(db)) {
      Javalin web = app.web().create().start("127.0.0.1", 0);
      try {
        Browser o = new Browser(web.port()).acceptLanguage("uk");
        o.login("olena", olena);
        String page = o.get("/rosters/" + id).body();
        assertThat(page)
            .contains("id=\"disclosure\"")
            .contains("висловлена відмова повертатися")
            .contains("id=\"disclosure-four-eyes\"")
            .doesNotContain("/rosters/" + id + "/export.csv");
        HttpResponse<String> refused = o.get("/rosters/" + id + "/export.csv");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("спершу його схвалює друга людина");
        assertThat(o.get("/rosters/" + id + "/file").statusCode()).isEqualTo(403);
        assertThat(o.get("/rosters/" + id + "/problems.csv").statusCode()).isEqualTo(403);
        assertThat(o.submit("/rosters/" + id + "/approve").statusCode()).isEqualTo(403);

        Browser t = new Browser(web.port()).acceptLanguage("uk");
        t.login("taras", taras);
        t.get("/rosters/" + id);
        assertThat(t.submit("/rosters/" + id + "/approve").statusCode()).isEqualTo(302);
        assertThat(t.get("/rosters/" + id).body()).contains("id=\"disclosure-approved\"");
        HttpResponse<String> csv = t.get("/rosters/" + id + "/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Бойко").doesNotContain("Донецьку");
        // the file as made holds every column: a list we send leaves only through its exports
        HttpResponse<String> original = t.get("/rosters/" + id + "/file");
        assertThat(original.statusCode()).isEqualTo(403);
        assertThat(original.body()).contains("виходить через експорт");
        assertThat(t.get("/rosters/" + id + "/problems.csv").statusCode()).isEqualTo(200);
      } finally {
        web.stop();
      }
    }
  }

  @Test
  void aUserOfAnotherPartyReadsAListWithoutTheRelativesContacts() throws Exception {
    String db = TestDatabases.postgres();
    String icrc;
    try (App app = App.open(db)) {
      app.parties().choose(Optional.of(Party.of("UA")), "test");
      app.accounts().create("olena", Role.REGISTRAR, "test");
      app.accounts().create("taras", Role.REVIEWER, "test");
      icrc = app.accounts().create("icrc", Role.REVIEWER, "test");
      app.accounts().setParty("icrc", "ICRC", "test");
    }
    actAs(db, "olena");
    Path list = dir.resolve("children.csv");
    Files.writeString(
        list,
        "Прізвище,Ім'я,Дата народження,Заявник,Контакт\n"
            + "Коваленко,Марія,12.03.2015,Коваленко Олена,+380 50 000 00 00\n",
        StandardCharsets.UTF_8);
    Cli.Run imported =
        Cli.run(
            "roster",
            "import",
            list.toString(),
            "--purpose",
            "children",
            "--from",
            "RU",
            "--to",
            "UA",
            "--db",
            db);
    assertThat(imported.exit()).as(imported.err()).isZero();
    try (App app = App.open(db)) {
      Javalin web = app.web().create().start("127.0.0.1", 0);
      try {
        Browser b = new Browser(web.port()).acceptLanguage("uk");
        b.login("icrc", icrc);
        String page = b.get("/rosters/1").body();
        assertThat(page).contains("Коваленко").contains("не показується іншій стороні");
        assertThat(page).doesNotContain("+380 50").doesNotContain("/rosters/1/file");
        HttpResponse<String> csv = b.get("/rosters/1/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Коваленко").doesNotContain("+380 50");
        assertThat(b.get("/rosters/1/file").statusCode()).isEqualTo(403);
        assertThat(b.get("/rosters/1/problems.csv").statusCode()).isEqualTo(403);
      } finally {
        web.stop();
      }
    }
  }
}
