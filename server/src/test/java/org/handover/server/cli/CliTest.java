package org.handover.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.handover.core.demo.DemoPeople;
import org.handover.core.parties.Party;
import org.handover.core.registry.Person;
import org.handover.core.registry.PersonForm;
import org.handover.core.registry.ReleaseFacts;
import org.handover.server.App;
import org.handover.server.accounts.Accounts;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;

  static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  private String db;

  /** This test's own database, created on first use. */
  String db() {
    if (db == null) {
      db = TestDatabases.postgres();
      try (App app = App.open(db)) {
        app.parties().choose(Optional.of(Party.of("UA")), "test"); // lists come from RU to UA
      }
    }
    return db;
  }

  long persons() {
    try (App app = App.open(db())) {
      return app.registry().count();
    }
  }

  @Test
  void helpListsEveryCommand() {
    Cli.Run r = run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("demo", "serve", "journal", "user", "person");
  }

  @Test
  void addsAPersonAndFindsThemByALatinSpelling() {
    Cli.Run add =
        run(
            "registry",
            "add",
            "--db",
            db(),
            "--family",
            "Ковальчук",
            "--given",
            "Юрій",
            "--patronymic",
            "Петрович",
            "--born",
            "12.03.1998",
            "--status",
            "captive");
    assertThat(add.exit()).as(add.err()).isZero();
    Cli.Run find = run("registry", "find", "--db", db(), "--lang", "uk", "Kovalchuk", "1998");
    assertThat(find.out())
        .contains("1 особа")
        .contains("Ковальчук Юрій Петрович\t12.03.1998")
        .contains("у полоні");
  }

  @Test
  void badInputIsRefusedFieldByFieldInTheUsersLanguageAndNothingIsStored() {
    Cli.Run r =
        run(
            "registry",
            "add",
            "--db",
            db(),
            "--lang",
            "uk",
            "--family",
            "",
            "--born",
            "31.02.1999",
            "--categories",
            "hungry",
            "--status",
            "lost",
            "--unit",
            "x".repeat(201));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("Прізвище: не може бути порожнім")
        .contains("Дата народження: «31.02.1999» — такої дати не існує")
        .contains("Категорії: «hungry» не є допустимим значенням")
        .contains("Статус: «lost» не є допустимим значенням")
        .contains("Військова частина: довше за 200 символів")
        .contains("5 полів треба виправити");
    assertThat(persons()).isZero();
  }

  @Test
  void aBirthInTheFutureIsRefusedInRussian() {
    Cli.Run r =
        run("registry", "add", "--db", db(), "--lang", "ru", "--family", "Бойко", "--born", "2999");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Дата рождения: «2999» — дата в будущем");
    assertThat(persons()).isZero();
  }

  @Test
  void userAddPrintsAPasswordThatLogsIn() {
    Cli.Run r = run("user", "add", "reviewer1", "--role", "reviewer", "--db", db(), "--lang", "en");
    assertThat(r.exit()).isZero();
    String password = r.out().substring(r.out().lastIndexOf(' ') + 1).strip();
    try (App app = App.open(db())) {
      assertThat(app.accounts().login("reviewer1", password)).isInstanceOf(Accounts.Login.Ok.class);
    }
  }

  @Test
  void anUnknownRoleIsRefused() {
    Cli.Run r = run("user", "add", "boss", "--role", "chief", "--db", db(), "--lang", "en");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Role: 'chief' is not one of the allowed values");
  }

  @Test
  void namesTransliterateByEachSystem() {
    assertThat(run("names", "transliterate", "--system", "icao9303", "Юлия", "Дмитрий").out())
        .isEqualTo("Iuliia\nDmitrii\n");
    assertThat(run("names", "transliterate", "--system", "mvd310", "Юлия").out())
        .isEqualTo("Yuliya\n");
    assertThat(run("names", "transliterate", "--system", "kmu2010", "Знам'янка").out())
        .isEqualTo("Znamianka\n");
    Cli.Run bad = run("names", "transliterate", "--system", "latin", "Юлия");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("system: unknown value 'latin'");
  }

  @Test
  void namesCompareReadsPairsFromStandardInput() {
    InputStream old = System.in;
    System.setIn(
        new ByteArrayInputStream(
            "Юрій\tIurii\nОлександр\tAleksandr\nБойко\tМельник\nno tab\n"
                .getBytes(StandardCharsets.UTF_8)));
    try {
      Cli.Run r = run("names", "compare");
      assertThat(r.exit()).isZero();
      assertThat(r.out().lines().map(l -> l.split(" ")[0]).toList())
          .containsExactly("TRANSLITERATION", "EQUIVALENT", "DIFFERENT", "DIFFERENT");
      assertThat(r.out()).contains("Юрій ~ Iurii: same name, ICAO 9303 spelling");
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void namesCompareSaysWhenOneNameIsAShortFormOfTheOther() {
    assertThat(run("names", "compare", "Саша", "Олександр").out()).startsWith("DIMINUTIVE");
    assertThat(run("names", "compare", "Čaplinsʹkij", "Чаплинський").out())
        .startsWith("TRANSLITERATION");
  }

  @Test
  void namesParseAndKeys() {
    assertThat(run("names", "parse", "Yurii Petrovych KOVALCHUK").out())
        .contains(
            "family\tKOVALCHUK", "given\tYurii", "patronymic\tPetrovych", "order\tfamily-last");
    assertThat(run("names", "keys", "Ковальчук", "Юрій").out())
        .isEqualTo("F:kovalchuk\nG:iuri.k\n");
  }

  @Test
  void registryImportReadsKindStatusHolderHealthCaptureAndConsentInAnyLanguage() throws Exception {
    Path list = dir.resolve("held.csv");
    Files.writeString(
        list,
        "Фамилия;Имя;Дата рождения;Вид;Статус;Удерживает;Тяжелораненый;Тяжелобольной;"
            + "Дата пленения;Место пленения;Согласие\n"
            + "Ковальчук;Юрий;12.03.1998;военнослужащий;в плену;Россия;да;нет;"
            + "03.05.2024;Работино;да\n"
            + "Бойко;Иван;1999;Service member;captive;RU;0;1;2023-11-20;;нет\n"
            + "Ткач;Петро;2001;цивільна особа;військовополонений;Росія;+;-;;;\n");
    Cli.Run imported = run("registry", "import", list.toString(), "--db", db(), "--lang", "uk");
    assertThat(imported.exit()).as(imported.err()).isZero();
    try (App app = App.open(db())) {
      List<Person> held =
          app
              .database()
              .jdbi()
              .withHandle(
                  h -> h.createQuery("SELECT id FROM persons ORDER BY id").mapTo(Long.class).list())
              .stream()
              .map(id -> app.registry().find(id).orElseThrow().person())
              .toList();
      assertThat(held)
          .extracting(
              p ->
                  p.kind().key()
                      + " "
                      + p.status().key()
                      + " "
                      + p.holdingParty().orElseThrow().code()
                      + " "
                      + p.categories())
          .containsExactly(
              "service-member captive RU [SEVERELY_WOUNDED]",
              "service-member captive RU [SICK]",
              "civilian captive RU [SEVERELY_WOUNDED]");
      assertThat(ids(app))
          .extracting(
              id -> {
                ReleaseFacts f = app.releaseFacts().of(id);
                return f.capturedOn().map(Object::toString).orElse("-")
                    + " "
                    + f.capturedAt()
                    + " "
                    + f.consent().key();
              })
          .containsExactly("2024-05-03 Работино yes", "2023-11-20  no", "-  not-asked");
    }
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        "Фамилия;Имя;Вид;Удерживает;Тяжелораненый;Дата пленения;Согласие\n"
            + "Ковальчук;Юрий;генерал;Марс;может быть;31.02.2024;возможно\n"
            + "Бойко;Иван;;;;01.01.2099;\n");
    Cli.Run refused = run("registry", "import", bad.toString(), "--db", db(), "--lang", "ru");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .contains("строка 2, столбец 3 (Вид) «генерал»")
        .contains("«Марс» — неизвестное значение")
        .contains("«может быть» — ни «да», ни «нет»")
        .contains("(Дата пленения) «31.02.2024»: дата пленения: «31.02.2024» не является датой")
        .contains("«возможно» — ни «да», ни «нет», ни «не спрашивали»")
        .contains("строка 3, столбец 6 (Дата пленения) «01.01.2099»")
        .contains("01.01.2099 — дата в будущем")
        .contains("Ничего не сохранено");
    assertThat(persons()).isEqualTo(3);
  }

  private static List<Long> ids(App app) {
    return app.database()
        .jdbi()
        .withHandle(
            h -> h.createQuery("SELECT id FROM persons ORDER BY id").mapTo(Long.class).list());
  }

  @Test
  void rosterImportAndShowInTheUsersLanguage() throws Exception {
    Path list = dir.resolve("spysok.csv");
    Files.write(
        list,
        ("Прізвище;Ім'я;Дата народження\nКовальчук;Юрій;12.03.1998\nБойко;Іван;31.02.1999\n")
            .getBytes(Charset.forName("windows-1251")));
    Cli.Run imported =
        run(
            "roster",
            "import",
            list.toString(),
            "--from",
            "RU",
            "--purpose",
            "exchange",
            "--db",
            db(),
            "--lang",
            "uk");
    assertThat(imported.exit()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("список 1: 2 рядки, з помилками: 1");
    Cli.Run shown = run("roster", "show", "1", "--problems", "--db", db(), "--lang", "uk");
    assertThat(shown.out())
        .contains("windows-1251")
        .contains("рядок 3, стовпець 3 (Дата народження) «31.02.1999»");
    Cli.Run bad =
        run(
            "roster",
            "import",
            list.toString(),
            "--from",
            "RU",
            "--purpose",
            "gossip",
            "--db",
            db(),
            "--lang",
            "en");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("purpose: unknown value 'gossip'");
  }

  @Test
  void exportsCsvForExcelAndSignedJsonThatVerifies() throws Exception {
    Path list = dir.resolve("list.csv");
    Files.writeString(list, "Прізвище,Ім'я,Примітки\nКовальчук,Юрій,=HYPERLINK(\"http://x\")\n");
    assertThat(
            run(
                    "roster",
                    "import",
                    list.toString(),
                    "--from",
                    "RU",
                    "--purpose",
                    "exchange",
                    "--db",
                    db())
                .exit())
        .isZero();
    Path csv = dir.resolve("out.csv");
    assertThat(
            run(
                    "roster",
                    "export",
                    "1",
                    "--format",
                    "csv",
                    "--out",
                    csv.toString(),
                    "--db",
                    db(),
                    "--lang",
                    "uk")
                .exit())
        .isZero();
    byte[] bytes = Files.readAllBytes(csv);
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("№,Прізвище,Ім'я,По батькові,Дата народження,Примітки\r\n")
        .contains("1,Ковальчук,Юрій,,,\"'=HYPERLINK(\"\"http://x\"\")\"");
    Path json = dir.resolve("out.json");
    Cli.Run exported =
        run(
            "roster",
            "export",
            "1",
            "--format",
            "json",
            "--out",
            json.toString(),
            "--db",
            db(),
            "--lang",
            "en");
    assertThat(exported.exit()).isZero();
    assertThat(Files.readString(json))
        .contains("\"format\" : \"handover-roster\"")
        .contains("Ковальчук");
    String key = run("key", "show", "--db", db()).out().strip();
    Path sig = dir.resolve("out.json.sig");
    Cli.Run ok =
        run("roster", "verify", json.toString(), sig.toString(), "--key", key, "--lang", "en");
    assertThat(ok.exit()).isZero();
    assertThat(ok.out()).contains("intact, and signed by that key");
    Files.writeString(json, Files.readString(json).replace("Ковальчук", "Коваленко"));
    Cli.Run tampered =
        run("roster", "verify", json.toString(), sig.toString(), "--key", key, "--lang", "en");
    assertThat(tampered.exit()).isEqualTo(1);
    assertThat(tampered.out()).contains("does NOT verify");
    String otherKey =
        Base64.getEncoder()
            .encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
    assertThat(run("roster", "verify", json.toString(), sig.toString(), "--key", otherKey).exit())
        .isEqualTo(1);
  }

  @Test
  void exportsAPdfManifestAndAWorkbook() throws Exception {
    Path list = dir.resolve("list.csv");
    Files.writeString(
        list,
        "Прізвище,Ім'я,Дата народження,Звання\nКовальчук,Юрій,12.03.1998,солдат\nЇжак,Ґалина,1990,\n");
    assertThat(
            run(
                    "roster",
                    "import",
                    list.toString(),
                    "--from",
                    "RU",
                    "--purpose",
                    "exchange",
                    "--received",
                    "03.06.2025",
                    "--db",
                    db())
                .exit())
        .isZero();
    Path pdf = dir.resolve("m.pdf");
    assertThat(
            run(
                    "roster",
                    "export",
                    "1",
                    "--format",
                    "pdf",
                    "--out",
                    pdf.toString(),
                    "--db",
                    db(),
                    "--lang",
                    "uk")
                .exit())
        .isZero();
    try (var doc = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("Список 1")
          .contains("Від: Росія, кому: Україна, дата 03.06.2025; 2 рядки")
          .contains("Ковальчук")
          .contains("Їжак")
          .contains("Ґалина")
          .contains("Сторінка 1 з 1")
          .contains("Контрольна точка журналу");
      // the paper's checkpoint proves, later, what the journal held when it was printed
      String printed = text.replaceAll("\\s+", " ");
      Cli.Run later = run("journal", "verify", "--checkpoint", printed, "--db", db());
      assertThat(later.exit()).isZero();
      assertThat(later.out()).contains("extends the checkpoint");
    }
    assertThat(dir.resolve("m.pdf.checkpoint")).exists();
    Path xlsx = dir.resolve("m.xlsx");
    assertThat(
            run(
                    "roster",
                    "export",
                    "1",
                    "--format",
                    "xlsx",
                    "--out",
                    xlsx.toString(),
                    "--db",
                    db(),
                    "--lang",
                    "en")
                .exit())
        .isZero();
    try (var wb = new ReadableWorkbook(xlsx.toFile())) {
      var rows = wb.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(1)).isEqualTo("Family name");
      assertThat(rows.get(2).getCellText(1)).isEqualTo("Їжак");
      assertThat(rows.get(1).getCellText(5)).isEqualTo("солдат");
    }
  }

  @Test
  void aSignedJsonExportImportsOnTheOtherSideAndABrokenOneIsRefused() throws Exception {
    Path list = dir.resolve("list.csv");
    Files.writeString(
        list, "Прізвище,Ім'я,Дата народження,Звання\nКовальчук,Юрій,12.03.1998,солдат\n");
    assertThat(
            run(
                    "roster",
                    "import",
                    list.toString(),
                    "--from",
                    "UA",
                    "--to",
                    "RU",
                    "--purpose",
                    "exchange",
                    "--received",
                    "03.06.2025",
                    "--db",
                    db())
                .exit())
        .isZero();
    Path json = dir.resolve("ours.json");
    try (App app = App.open(db())) { // a list we send: a second person approves it first
      app.rosters().disclosure().approve(app.rosters().find(1).orElseThrow(), "maria");
    }
    assertThat(
            run("roster", "export", "1", "--format", "json", "--out", json.toString(), "--db", db())
                .exit())
        .isZero();
    String key = run("key", "show", "--db", db()).out().strip();
    String theirs = TestDatabases.postgres();
    Cli.Run in =
        run(
            "roster",
            "import",
            json.toString(),
            "--signature",
            json + ".sig",
            "--key",
            key,
            "--db",
            theirs,
            "--lang",
            "en");
    assertThat(in.exit()).as(in.err()).isZero();
    Cli.Run shown = run("roster", "show", "1", "--db", theirs, "--lang", "en");
    assertThat(shown.out())
        .contains("from UA to RU, received 03.06.2025")
        .contains("signature verified")
        .contains("Ковальчук\tЮрій\t\t12.03.1998");
    Files.writeString(json, Files.readString(json).replace("Юрій", "Юрий"));
    Cli.Run tampered =
        run(
            "roster",
            "import",
            json.toString(),
            "--signature",
            json + ".sig",
            "--key",
            key,
            "--db",
            theirs,
            "--lang",
            "en");
    assertThat(tampered.exit()).isEqualTo(2);
    assertThat(tampered.err())
        .contains("the signature does not verify")
        .contains("Nothing was stored.");
    Files.writeString(json, Files.readString(json).replace("\"family\"", "\"surname\""));
    Cli.Run broken = run("roster", "import", json.toString(), "--db", theirs, "--lang", "en");
    assertThat(broken.exit()).isEqualTo(2);
    assertThat(broken.err())
        .contains("does not follow the interchange schema at $.entries[0].surname");
    try (App app = App.open(theirs)) {
      assertThat(app.rosters().list()).hasSize(1);
    }
  }

  @Test
  void matchLinksARosterInAnotherScriptToTheRegistry() throws Exception {
    try (App app = App.open(db())) {
      app.registry()
          .addAll(
              new DemoPeople(5, LocalDate.of(2025, 6, 2)).generate(400),
              LocalDate.of(2025, 6, 2),
              "test");
      app.registry()
          .add(
              new PersonForm(
                      Map.of(
                          "name.0.family",
                          "Ковальчук",
                          "name.0.given",
                          "Юрій",
                          "name.0.patronymic",
                          "Петрович",
                          "birth_date",
                          "12.03.1998",
                          "reference",
                          "UA-K1"))
                  .read(0, LocalDate.of(2025, 6, 2))
                  .person()
                  .orElseThrow(),
              LocalDate.of(2025, 6, 2),
              "test");
    }
    Path list = dir.resolve("their.csv");
    Files.writeString(
        list,
        "ФИО,Дата рождения\nКОВАЛЬЧУК Юрий Петрович,12.03.1998\nНЕИЗВЕСТНЫЙ Сидор Карпович,01.01.1970\n");
    assertThat(
            run(
                    "roster",
                    "import",
                    list.toString(),
                    "--from",
                    "RU",
                    "--purpose",
                    "exchange",
                    "--db",
                    db())
                .exit())
        .isZero();
    Path out = dir.resolve("links.csv");
    Cli.Run r =
        run(
            "match",
            "--roster",
            "1",
            "--one-to-one",
            "--out",
            out.toString(),
            "--db",
            db(),
            "--lang",
            "en");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("2 entries against 401 persons")
        .contains("auto-link 1")
        .contains("no match 1");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0))
        .endsWith("entry_row,entry_id,person_id,person_reference,weight,probability,band,decision");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("1,1:1,").contains(",UA-K1,").endsWith(",auto,proposed");
    assertThat(run("match", "--roster", "9", "--db", db(), "--lang", "en").err())
        .contains("there is no roster 9");
    // the first run trained a model and kept it; the next ones apply it, until trained again
    assertThat(r.err()).contains("Training the model on this list");
    // after the pairs, each stage of the training on its line, with its own bar
    assertThat(r.err())
        .containsSubsequence(
            "Comparing random pairs of persons",
            "100% 50,000 of 50,000 random pairs compared",
            "Learning how often one person's records agree",
            "Counting how common each name",
            "100% 401 of 401 persons counted");
    assertThat(r.out()).contains("model 1 applied, trained");
    Cli.Run shown = run("model", "show", "--db", db(), "--lang", "en");
    assertThat(shown.exit()).as(shown.err()).isZero();
    assertThat(shown.out())
        .contains("model 1: trained")
        .contains("on list 1 (2 entries against 401 persons")
        .contains("state: in use; persons added or changed since: 0 of 401")
        .contains("date of birth | exact |");
    Cli.Run again = run("match", "--roster", "1", "--db", db(), "--lang", "en");
    assertThat(again.err()).doesNotContain("Training").contains("Comparing the entries");
    // under the step, a bar of the pairs compared, whole at the end
    assertThat(again.err()).containsPattern("100% ([\\d,]+) of \\1 candidate pairs compared");
    Cli.Run trained = run("model", "train", "--db", db(), "--lang", "uk");
    assertThat(trained.exit()).as(trained.err()).isZero();
    assertThat(trained.out()).contains("модель 2: навчено").contains("стан: використовується");
    assertThat(run("model", "train", "--roster", "9", "--db", db(), "--lang", "en").err())
        .contains("there is no roster 9");
    // blocking rules chosen by name: the date rule alone still finds him; an unknown rule is named
    Cli.Run dated =
        run(
            "match",
            "--roster",
            "1",
            "--rules",
            "date of birth + initials or family name",
            "--db",
            db(),
            "--lang",
            "en");
    assertThat(dated.exit()).as(dated.err()).isZero();
    assertThat(dated.out())
        .contains("auto-link 1")
        .contains("{date of birth + initials or family name=");
    Cli.Run unknown =
        run("match", "--roster", "1", "--rules", "soundex", "--db", db(), "--lang", "en");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("no such blocking rule among soundex")
        .contains("service number");
    Cli.Run unknownUk =
        run("match", "--roster", "1", "--rules", "soundex", "--db", db(), "--lang", "uk");
    assertThat(unknownUk.err()).contains("невідоме правило відбору");
    // the help names every rule the engine has, as the engine names it
    assertThat(run("match", "--help").out().replaceAll("\\s+", " "))
        .contains(
            org.handover.core.matching.PersonBlocking.rules().stream()
                .map(rule -> rule.name())
                .toArray(String[]::new));
    // the lists, and the one matched as verified: the registry's reference and the link
    assertThat(run("roster", "list", "--db", db(), "--lang", "uk").out())
        .contains("1  their.csv  Росія → Україна")
        .contains("2 рядки, з помилками: 0");
    Path verified = dir.resolve("verified.csv");
    Cli.Run v =
        run(
            "roster",
            "verified",
            "1",
            "--only",
            "all",
            "--format",
            "csv",
            "--out",
            verified.toString(),
            "--db",
            db(),
            "--lang",
            "uk");
    assertThat(v.exit()).as(v.err()).isZero();
    assertThat(Files.readString(verified))
        .contains("Номер у реєстрі")
        .contains("UA-K1")
        .contains("пов’язано без перевірки")
        .contains("НЕИЗВЕСТНЫЙ")
        .contains("у реєстрі не знайдено");
    assertThat(
            run(
                    "roster",
                    "verified",
                    "1",
                    "--only",
                    "some",
                    "--format",
                    "csv",
                    "--out",
                    verified.toString(),
                    "--db",
                    db(),
                    "--lang",
                    "en")
                .err())
        .contains("--only: unknown value 'some'");
    // a language Handover does not speak is a bad option, not English in disguise
    Cli.Run badLang = run("roster", "list", "--db", db(), "--lang", "de");
    assertThat(badLang.exit()).isEqualTo(2);
    assertThat(badLang.err()).contains("'de' is not a language of Handover");
  }

  @Test
  void dedupeFindsAPersonRecordedTwiceAndProposesNothingElseAsSure() throws Exception {
    LocalDate day = LocalDate.of(2025, 6, 2);
    try (App app = App.open(db())) {
      app.registry().addAll(new DemoPeople(8, day).generate(300), day, "test");
      for (String[] n :
          new String[][] {
            {"Ковальчук", "Юрій", "Петрович", "UA-A"}, {"KOVALCHUK", "YURII", "", "UA-B"}
          }) {
        app.registry()
            .add(
                new PersonForm(
                        Map.of(
                            "name.0.family",
                            n[0],
                            "name.0.given",
                            n[1],
                            "name.0.patronymic",
                            n[2],
                            "birth_date",
                            "12.03.1998",
                            "reference",
                            n[3],
                            "service_number",
                            "АБ123456"))
                    .read(0, day)
                    .person()
                    .orElseThrow(),
                day,
                "test");
      }
    }
    Path out = dir.resolve("dups.csv");
    Cli.Run r = run("duplicates", "--out", out.toString(), "--db", db(), "--lang", "en");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> sure = Files.readAllLines(out).stream().filter(l -> l.contains(",auto,")).toList();
    assertThat(sure)
        .singleElement()
        .satisfies(l -> assertThat(l).contains("UA-A").contains("UA-B"));
    // the search trained the deduplication model and kept it; the next one applies it
    assertThat(r.err()).contains("Training the model and comparing the persons");
    assertThat(r.err())
        .containsSubsequence(
            "persons counted",
            "Comparing every candidate pair with the model just trained",
            "candidate pairs compared",
            "Storing the model");
    Cli.Run shown = run("model", "show", "--db", db(), "--lang", "ru");
    assertThat(shown.out())
        .contains("Модель сопоставления ещё не обучена")
        .contains("модель поиска дубликатов 1: обучена")
        .contains("состояние: используется");
    Cli.Run again = run("duplicates", "--db", db(), "--lang", "en");
    assertThat(again.err())
        .doesNotContain("Training")
        .contains("Comparing the persons")
        .containsPattern("100% ([\\d,]+) of \\1 candidate pairs compared");
    Cli.Run trained = run("model", "train", "--duplicates", "--db", db(), "--lang", "uk");
    assertThat(trained.exit()).as(trained.err()).isZero();
    assertThat(trained.out()).contains("модель пошуку дублікатів 2: навчена");
    Cli.Run retrained = run("duplicates", "--retrain", "--db", db(), "--lang", "en");
    assertThat(retrained.err()).contains("Training the model");
  }

  @Test
  void registryImportIsAllOrNothing() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        "Surname,Given name,DOB,Case number\nKovalchuk,Yurii,12.03.1998,UA-1\nBoiko,Ivan,2099,UA-2\n");
    Cli.Run refused = run("registry", "import", bad.toString(), "--db", db(), "--lang", "en");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .contains("row 3, column 3 (DOB) '2099'")
        .contains("Nothing was stored.");
    assertThat(persons()).isZero();
    Path good = dir.resolve("good.csv");
    Files.writeString(
        good, "Surname,Given name,DOB,Case number\nKovalchuk,Yurii,12.03.1998,UA-1\n");
    assertThat(run("registry", "import", good.toString(), "--db", db(), "--lang", "en").exit())
        .isZero();
    assertThat(run("registry", "find", "ua-1", "--db", db(), "--lang", "en").out())
        .contains("1 person")
        .contains("Kovalchuk Yurii");
    // the same file again, under another name: its persons would be there twice
    Path copy = dir.resolve("good-again.csv");
    Files.copy(good, copy);
    Cli.Run twice = run("registry", "import", copy.toString(), "--db", db(), "--lang", "uk");
    assertThat(twice.exit()).isEqualTo(2);
    assertThat(twice.err())
        .contains("good-again.csv уже імпортовано")
        .contains("(як good.csv)")
        .contains("--again")
        .contains("Нічого не збережено");
    assertThat(persons()).isEqualTo(1);
    Cli.Run again =
        run("registry", "import", copy.toString(), "--again", "--db", db(), "--lang", "en");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(persons()).isEqualTo(2);
    Path headerOnly = dir.resolve("header.csv");
    Files.writeString(headerOnly, "Surname,Given name,DOB,Case number\n");
    Cli.Run none = run("registry", "import", headerOnly.toString(), "--db", db(), "--lang", "ru");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("в header.csv есть заголовок, но под ним нет строк");
    Cli.Run folder = run("registry", "import", dir.toString(), "--db", db(), "--lang", "en");
    assertThat(folder.exit()).isEqualTo(2);
    assertThat(folder.err()).contains("is a folder, not a file");
    // no column of names: the columns to rename, not a mapping registry import cannot take
    Path nameless = dir.resolve("nameless.csv");
    Files.writeString(nameless, "Особа,Дата\nКовальчук Юрій,12.03.1998\n");
    Cli.Run noName = run("registry", "import", nameless.toString(), "--db", db(), "--lang", "uk");
    assertThat(noName.exit()).isEqualTo(2);
    assertThat(noName.err())
        .contains("заголовки: Особа, Дата")
        .contains("«ПІБ» та імпортуйте файл знову")
        .doesNotContain("відповідність");
    assertThat(persons()).isEqualTo(2);
  }

  @Test
  void aLargeRegistryFileIsStoredAsItIsReadAndStillAllOrNothing() throws Exception {
    // three blocks of the reader: the bad row is in the third, read while the first is stored
    List<Person> people = new DemoPeople(31, LocalDate.of(2025, 6, 2)).generate(25_000);
    StringBuilder csv = new StringBuilder("Surname,Given name,DOB,Case number\n");
    for (int i = 0; i < people.size(); i++) {
      Person p = people.get(i);
      String born = i == 22_999 ? "31.02.1990" : p.birthDate().map(Object::toString).orElse("");
      csv.append(p.names().get(0).family())
          .append(',')
          .append(p.names().get(0).given())
          .append(',')
          .append(born)
          .append(",UA-")
          .append(i + 1)
          .append('\n');
    }
    Path big = dir.resolve("big.csv");
    Files.writeString(big, csv);
    Cli.Run refused = run("registry", "import", big.toString(), "--db", db(), "--lang", "en");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .contains("row 23001, column 3 (DOB) '31.02.1990'")
        .contains("1 row has a problem (listed above).")
        .contains("Nothing was stored.")
        .contains("--skip-bad-rows");
    assertThat(persons()).isZero();
    Cli.Run skipped =
        run("registry", "import", big.toString(), "--skip-bad-rows", "--db", db(), "--lang", "uk");
    assertThat(skipped.exit()).as(skipped.err()).isEqualTo(1);
    assertThat(skipped.err())
        .contains("прочитано рядків: 25\u00a0000, завантажено осіб: 24\u00a0999");
    assertThat(skipped.out()).contains("до реєстру додано: 24\u00a0999 осіб").contains("1 рядок");
    assertThat(persons()).isEqualTo(24_999);
    assertThat(run("registry", "find", "ua-25000", "--db", db(), "--lang", "en").out())
        .contains(people.get(24_999).names().get(0).family());
    assertThat(run("journal", "verify", "--db", db(), "--lang", "en").out())
        .contains("journal intact")
        .contains("records compared");
  }

  @Test
  void aDatabaseThatDoesNotExistIsRefusedAndNotMade() throws Exception {
    Cli.Run r = run("registry", "find", "x", "--db", "embedded:" + dir.resolve("typo"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no Handover database").contains("serve --init");
    assertThat(dir.resolve("typo/postgres")).doesNotExist();
    String missing = db().replaceFirst("/(t\\d+_\\d+)\\?", "/$1_missing?");
    Cli.Run external = run("registry", "find", "x", "--db", missing);
    assertThat(external.exit()).isEqualTo(2);
    assertThat(external.err()).contains("does not exist").contains("serve --init");
    // in the user's language, as every other refusal
    Cli.Run uk =
        run("registry", "find", "x", "--db", "embedded:" + dir.resolve("typo"), "--lang", "uk");
    assertThat(uk.exit()).isEqualTo(2);
    assertThat(uk.err()).contains("немає бази даних Handover").doesNotContain("error:");
    Cli.Run ru = run("registry", "find", "x", "--db", missing, "--lang", "ru");
    assertThat(ru.err()).contains("нет: создайте её");
  }

  @Test
  void aListsSidesFollowFromThisInstallationsPartyOrAreAskedFor() throws Exception {
    Path list = dir.resolve("l.csv");
    Files.writeString(list, "Прізвище;Ім'я\nКовальчук;Юрій\n");
    assertThat(
            run("roster", "import", list.toString(), "--purpose", "exchange", "--db", db()).exit())
        .isZero();
    try (App app = App.open(db())) {
      var r = app.rosters().list().get(0);
      assertThat(r.from()).isEqualTo(Party.of("RU"));
      assertThat(r.to()).isEqualTo(Party.of("UA"));
      app.parties().choose(Optional.empty(), "test");
    }
    Cli.Run intermediary =
        run(
            "roster",
            "import",
            list.toString(),
            "--purpose",
            "exchange",
            "--db",
            db(),
            "--lang",
            "en");
    assertThat(intermediary.exit()).isEqualTo(2);
    assertThat(intermediary.err()).contains("works for no party");
  }

  @Test
  void aStrayQuoteInARegistryFileIsNamedInTheUsersLanguage() throws Exception {
    Path list = dir.resolve("quotes.csv");
    Files.writeString(
        list,
        "Прізвище;Ім'я;Дата народження\nКовальчук;Юрій;12.03.1998\n\"Шевченко;Петро;1990\n"
            + "Бойко;Іван;1985\nМельник;Олег;1977\nТкаченко;Анна;1969\"\n");
    Cli.Run refused = run("registry", "import", list.toString(), "--db", db(), "--lang", "uk");
    assertThat(refused.exit()).as(refused.err()).isEqualTo(2);
    // the count of lines is kept as text with the row's problem: once a crash ("'4' is not a
    // Number")
    assertThat(refused.err())
        .contains("лапка, відкрита в рядку 3, тягнеться через 4 рядки")
        .contains("Нічого не збережено")
        .doesNotContain("Number");
    assertThat(persons()).isZero();
  }

  @Test
  void aStrayQuoteIsNamedAndTheListCanBeReadWithQuotesTakenLiterally() throws Exception {
    Path list = dir.resolve("quotes.csv");
    Files.writeString(
        list,
        "Прізвище;Ім'я;Дата народження\nКовальчук;Юрій;12.03.1998\n\"Шевченко;Петро;1990\n"
            + "Бойко;Іван;1985\nМельник;Олег;1977\nТкаченко;Анна;1969\"\n");
    Cli.Run shown =
        run(
            "roster",
            "import",
            list.toString(),
            "--purpose",
            "exchange",
            "--db",
            db(),
            "--lang",
            "en");
    assertThat(shown.exit()).isZero();
    try (App app = App.open(db())) {
      var r = app.rosters().list().get(0);
      assertThat(r.rows()).isEqualTo(2);
      assertThat(app.rosters().entries(r.id(), true, 0, 10).get(0).problems())
          .extracting(p -> p.key())
          .contains("error.row.runaway-quote");
    }
    Cli.Run literal =
        run(
            "roster",
            "import",
            list.toString(),
            "--purpose",
            "exchange",
            "--literal-quotes",
            "--db",
            db());
    assertThat(literal.exit()).isZero();
    try (App app = App.open(db())) {
      assertThat(app.rosters().list().get(0).rows()).isEqualTo(5);
    }
  }

  @Test
  void thresholdsThatBreakTheRuleAreRefusedBeforeAnythingRuns() {
    Cli.Run r = run("duplicates", "--auto", "0.5", "--review", "0.9", "--db", db(), "--lang", "en");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("0.9").contains("0.5");
    try (App app = App.open(db())) {
      assertThat(app.duplicates().latest()).isEmpty();
    }
  }

  @Test
  void anUnopenableDatabaseGivesAClearError() {
    Cli.Run r = run("journal", "verify", "--db", "jdbc:postgresql://127.0.0.1:1/none");
    assertThat(r.exit()).isEqualTo(2);
  }
}
