package org.handover.server.remains;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.handover.core.accounts.Role;
import org.handover.core.parties.Party;
import org.handover.core.registry.PersonForm;
import org.handover.core.registry.Status;
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

/** The remains register through the command line and the web, on PostgreSQL. */
class RemainsTest {
  static final LocalDate DAY = LocalDate.of(2025, 6, 14);
  @TempDir Path dir;
  String url;
  App app;
  long kovalenko;
  long bondar;

  @BeforeEach
  void open() throws Exception {
    url = TestDatabases.postgres();
    app = new App(Database.open(url), Clock.systemUTC());
    app.parties().choose(Optional.of(Party.of("UA")), "test");
    kovalenko = missing("Коваленко", "Андрій", "12.03.1991");
    bondar = missing("Бондар", "Сергій", "05.11.1987");
    missing("Шевчишин", "Тарас", "01.01.1979");
  }

  @AfterEach
  void close() {
    app.close();
  }

  private long missing(String family, String given, String born) {
    Map<String, String> v = new HashMap<>();
    v.put("name.0.family", family);
    v.put("name.0.given", given);
    v.put("birth_date", born);
    v.put("kind", "service-member");
    v.put("status", "missing");
    return app.registry()
        .add(new PersonForm(v).read(0, DAY).person().orElseThrow(), DAY.minusMonths(6), "test");
  }

  private Run cli(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--db";
    all[args.length + 1] = url;
    return Cli.run(all);
  }

  /** The other side's list: tags, and for three of four the identity it claims, in Russian. */
  private Path theirList(String... extra) throws Exception {
    StringBuilder b =
        new StringBuilder(
            "Номер бирки;Фамилия;Имя;Дата рождения\n"
                + "RU-2025-0001;Коваленко;Андрей;12.03.1991\n"
                + "RU-2025-0002;Бондарь;Сергей;05.11.1987\n"
                + "RU-2025-0003;;;\n"
                + "RU-2025-0004;Коваленко;Андрей;12.03.1991\n");
    for (String row : extra) {
      b.append(row).append('\n');
    }
    Path file = dir.resolve("remains-" + extra.length + ".csv");
    Files.write(file, b.toString().getBytes(Charset.forName("windows-1251")));
    return file;
  }

  private Run receive(Path file) {
    return cli("remains", "receive", file.toString(), "--from", "RU", "--on", "2025-06-14");
  }

  @Test
  void aTransferIsReceivedIdentifiedMovedAndCounted() throws Exception {
    Run received = receive(theirList());
    assertThat(received.exit()).as(received.err()).isZero();
    assertThat(received.out())
        .startsWith("transfer 1: 4 cases, 3 with a claimed identity")
        .contains("list 1");
    RemainsCase first = app.register().byTag("RU-2025-0001").orElseThrow();
    assertThat(first.claimedName()).isEqualTo("Коваленко Андрей");
    assertThat(first.claimedPerson()).contains(kovalenko);
    assertThat(first.status().key()).isEqualTo("unidentified");

    // documents alone presume; the person is not deceased on that
    Run presumed =
        cli(
            "remains",
            "identify",
            "RU-2025-0001",
            "--person",
            String.valueOf(kovalenko),
            "--method",
            "documents",
            "--on",
            "2025-06-20");
    assertThat(presumed.out().strip()).isEqualTo("presumed");
    assertThat(status(kovalenko)).isEqualTo(Status.MISSING);
    // DNA identifies: deceased, in the same transaction, resting on the remains register
    Run dna =
        cli(
            "remains",
            "identify",
            "RU-2025-0001",
            "--person",
            String.valueOf(kovalenko),
            "--method",
            "dna",
            "--act",
            "ДНК-118/2025",
            "--on",
            "2025-08-02");
    assertThat(dna.out().strip()).isEqualTo("identified");
    assertThat(status(kovalenko)).isEqualTo(Status.DECEASED);
    assertThat(app.registry().find(kovalenko).orElseThrow().history())
        .last()
        .satisfies(c -> assertThat(c.source().key()).isEqualTo("remains"));
    // the same case to a second person while the first stands: refused
    Run second =
        cli(
            "remains",
            "identify",
            "RU-2025-0001",
            "--person",
            String.valueOf(bondar),
            "--method",
            "dna",
            "--lang",
            "uk");
    assertThat(second.exit()).isEqualTo(2);
    assertThat(second.err()).contains("справу RU-2025-0001 ідентифіковано з особою " + kovalenko);
    // a separate part of the same man, in another bag: identified too, one person twice
    cli(
        "remains",
        "identify",
        "RU-2025-0004",
        "--person",
        String.valueOf(kovalenko),
        "--method",
        "dna",
        "--on",
        "2025-08-10");
    cli(
        "remains",
        "identify",
        "RU-2025-0002",
        "--person",
        String.valueOf(bondar),
        "--method",
        "dental",
        "--on",
        "2025-07-01");

    // custody: a laboratory, then the family; never before the last movement
    assertThat(
            cli("remains", "move", "RU-2025-0001", "--to", "laboratory", "--on", "2025-06-16")
                .exit())
        .isZero();
    Run back =
        cli(
            "remains",
            "move",
            "RU-2025-0001",
            "--to",
            "morgue",
            "--on",
            "2025-06-15",
            "--lang",
            "ru");
    assertThat(back.exit()).isEqualTo(2);
    assertThat(back.err()).contains("дата 15.06.2025 раньше последнего перемещения (16.06.2025)");
    assertThat(
            cli(
                    "remains",
                    "move",
                    "RU-2025-0001",
                    "--to",
                    "family",
                    "--name",
                    "Київ",
                    "--on",
                    "2025-08-20")
                .exit())
        .isZero();
    assertThat(status(kovalenko)).isEqualTo(Status.REMAINS_RETURNED);
    assertThat(cli("remains", "notify", "RU-2025-0001", "--on", "2025-08-03").exit()).isZero();
    Run early = cli("remains", "notify", "RU-2025-0002", "--on", "2025-06-30");
    assertThat(early.err()).contains("before the identification (01.07.2025)");

    Run stats = cli("remains", "stats", "--as-of", "2025-08-31", "--by", "month");
    assertThat(stats.exit()).as(stats.err()).isZero();
    assertThat(stats.out().replace('\u00a0', ' '))
        .contains("received 4 cases, 3 with a claimed identity")
        .contains("identified: 3 cases (75% of cases), 2 persons (67% per person")
        .contains("presumed only: 0")
        .contains("DNA 2")
        .contains("dental records 1")
        .contains("median time from receipt to identification: 49 days")
        .contains("2025-06: received 4, identified 0")
        .contains("2025-08: received 0, identified 2, identified so far 75%");

    // an identification can be wrong: revoked, Бондар stands missing again
    Run revoked =
        cli(
            "remains",
            "revoke",
            "RU-2025-0002",
            "--reason",
            "ДНК не підтвердила",
            "--on",
            "2025-08-30");
    assertThat(revoked.exit()).as(revoked.err()).isZero();
    assertThat(status(bondar)).isEqualTo(Status.MISSING);
    assertThat(app.register().byTag("RU-2025-0002").orElseThrow().status().key())
        .isEqualTo("unidentified");
    Run shown = cli("remains", "show", "RU-2025-0002", "--lang", "uk");
    assertThat(shown.out())
        .contains("бирка RU-2025-0002: отримано 14.06.2025 від сторони Росія (передача 1)")
        .contains("скасовано 30.08.2025: ДНК не підтвердила");
    // the third bag holds one of their own: recorded with what was found, to be returned
    Run notOurs =
        cli(
            "remains",
            "dispute",
            "RU-2025-0003",
            "--belongs-to",
            "RU",
            "--evidence",
            "жетон військовослужбовця ЗС РФ",
            "--on",
            "2025-07-02");
    assertThat(notOurs.exit()).as(notOurs.err()).isZero();
    assertThat(cli("remains", "show", "RU-2025-0003", "--lang", "uk").out())
        .contains("загиблий сторони Росія, встановлено 02.07.2025: жетон військовослужбовця ЗС РФ");
    assertThat(
            cli("remains", "dispute", "RU-2025-0001", "--belongs-to", "RU", "--evidence", "x")
                .err())
        .contains("stands identified with person " + kovalenko);
    assertThat(cli("remains", "stats", "--as-of", "2025-08-31").out())
        .contains("country's dead): 1");
    // a mother's reference sample, and the laboratory's reports on the case
    Run sample =
        cli(
            "remains",
            "sample",
            "--person",
            String.valueOf(bondar),
            "--donor",
            "Бондар Ганна",
            "--relation",
            "mother",
            "--lab-ref",
            "LAB-2025-77",
            "--on",
            "2025-06-20");
    assertThat(sample.out()).startsWith("sample ");
    assertThat(
            cli(
                    "remains",
                    "dna-report",
                    "RU-2025-0002",
                    "--person",
                    String.valueOf(bondar),
                    "--reference",
                    "ДНК-301",
                    "--exclusion",
                    "--on",
                    "2025-08-28")
                .exit())
        .isZero();
    assertThat(
            cli(
                    "remains",
                    "dna-report",
                    "RU-2025-0002",
                    "--person",
                    String.valueOf(bondar),
                    "--reference",
                    "x",
                    "--on",
                    "2025-08-28")
                .err())
        .contains("either --match or --exclusion");
    assertThat(app.evidence().reports(app.register().byTag("RU-2025-0002").orElseThrow().id()))
        .singleElement()
        .satisfies(r -> assertThat(r.match()).isFalse());
    // handed over: two of their dead we hold, and their own soldier found in their bags
    Path sent = dir.resolve("sent.csv");
    Files.writeString(
        sent,
        "Бирка;Прізвище;Ім'я\nUA-7001;Іванов;Іван\nUA-7002;;\nRU-2025-0003;;\n",
        java.nio.charset.StandardCharsets.UTF_8);
    Run handed = cli("remains", "send", sent.toString(), "--to", "RU", "--on", "2025-09-01");
    assertThat(handed.exit()).as(handed.err()).isZero();
    assertThat(handed.out())
        .startsWith("transfer 2: 3 bodies handed over, 1 with the identity we state, 1 of theirs");
    assertThat(cli("remains", "show", "RU-2025-0003").out()).contains("returned in transfer 2");
    Path ours = dir.resolve("ours.csv");
    Files.writeString(ours, "Tag\nRU-2025-0001\nRU-2025-0003\n");
    Run refused = cli("remains", "send", ours.toString(), "--to", "RU", "--on", "2025-09-02");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err())
        .contains("row 2: tag RU-2025-0001 is a case we received that is not recorded as theirs")
        .contains("row 3: the case RU-2025-0003 was returned already (transfer 2)");
    assertThat(app.journal().audit().clean()).isTrue();
    assertThat(cli("journal", "verify").exit()).isZero();
    // DNA serves identification only: once the person is identified and the period is over, the
    // relatives' samples are deleted; a person still unidentified keeps theirs
    assertThat(
            cli(
                    "remains",
                    "sample",
                    "--person",
                    String.valueOf(kovalenko),
                    "--donor",
                    "Коваленко Ольга",
                    "--relation",
                    "sibling",
                    "--lab-ref",
                    "LAB-2025-78",
                    "--on",
                    "2025-06-20")
                .exit())
        .isZero();
    Run due = cli("retention", "show", "--as-of", "2031-12-31", "--lang", "en");
    assertThat(due.out()).contains("kept 1,825 days after it has served; 1 past it");
    Run applied = cli("retention", "apply", "--as-of", "2031-12-31", "--lang", "en");
    assertThat(applied.exit()).as(applied.err()).isZero();
    assertThat(app.evidence().samples(kovalenko)).isEmpty();
    assertThat(app.evidence().samples(bondar)).hasSize(1);
    assertThat(app.journal().audit().clean()).isTrue();
  }

  @Test
  void aDeathInCaptivityIsRecordedOnThePerson() {
    Map<String, String> v = new HashMap<>();
    v.put("name.0.family", "Левченко");
    v.put("birth_date", "1990");
    v.put("kind", "service-member");
    v.put("status", "captive");
    v.put("holding_party", "RU");
    long held =
        app.registry()
            .add(new PersonForm(v).read(0, DAY).person().orElseThrow(), DAY.minusYears(1), "test");
    Run both =
        cli(
            "remains",
            "death",
            "--person",
            String.valueOf(held),
            "--on",
            "2025-03-02",
            "--grave",
            "Оленівка, №14",
            "--cremated");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("a grave and a cremation cannot both be recorded");
    Run death =
        cli(
            "remains",
            "death",
            "--person",
            String.valueOf(held),
            "--on",
            "2025-03-02",
            "--place",
            "Оленівка",
            "--cause",
            "серцева недостатність",
            "--certificate",
            "№ 113",
            "--grave",
            "Оленівка, ділянка 3, табличка 14",
            "--notified-on",
            "2025-03-20");
    assertThat(death.exit()).as(death.err()).isZero();
    assertThat(status(held)).isEqualTo(Status.DECEASED);
    assertThat(app.registry().find(held).orElseThrow().history())
        .last()
        .satisfies(c -> assertThat(c.source().key()).isEqualTo("notification"));
    assertThat(
            cli("remains", "death", "--person", String.valueOf(held), "--on", "2025-03-02").err())
        .contains("a death in captivity is already recorded for person " + held);
    assertThat(app.evidence().death(held))
        .hasValueSatisfying(d -> assertThat(d.cause()).contains("серцева"));
    assertThat(app.journal().audit().clean()).isTrue();
  }

  @Test
  void samplesReportsDeathsAndDisputesAreRecordedFromThePages() throws Exception {
    assertThat(receive(theirList()).exit()).isZero();
    Map<String, String> v = new HashMap<>();
    v.put("name.0.family", "Левченко");
    v.put("kind", "service-member");
    v.put("status", "captive");
    v.put("holding_party", "RU");
    long held =
        app.registry()
            .add(new PersonForm(v).read(0, DAY).person().orElseThrow(), DAY.minusYears(1), "test");
    String password = app.accounts().create("olena", Role.REGISTRAR, "test");
    String observer = app.accounts().create("icrc", Role.OBSERVER, "test");
    Javalin web = app.web().create().start("127.0.0.1", 0);
    try {
      Browser b = new Browser(web.port()).acceptLanguage("en");
      b.login("olena", password);
      b.get("/registry/" + bondar);
      b.submit("/lang", "lang", "en", "back", "/registry/" + bondar);
      assertThat(b.get("/registry/" + bondar).body()).contains("id=\"sample-form\"");
      var sample =
          b.submit(
              "/registry/" + bondar + "/dna-sample",
              "donor",
              "Бондар Ганна",
              "relation",
              "mother",
              "lab_ref",
              "LAB-77",
              "on",
              "20.06.2025");
      assertThat(sample.statusCode()).isEqualTo(302);
      assertThat(b.get("/registry/" + bondar).body())
          .contains("Бондар Ганна")
          .contains("mother")
          .contains("LAB-77");
      var badSample =
          b.submit(
              "/registry/" + bondar + "/dna-sample",
              "donor",
              "",
              "relation",
              "aunt",
              "lab_ref",
              "x");
      assertThat(badSample.statusCode()).isEqualTo(422);
      assertThat(badSample.body()).contains("\"aunt\" is no relation");
      var death =
          b.submit(
              "/registry/" + held + "/death",
              "died_on",
              "02.03.2025",
              "place",
              "Оленівка",
              "cause",
              "",
              "grave",
              "ділянка 3",
              "notified_on",
              "01.03.2025");
      assertThat(death.statusCode()).isEqualTo(422);
      assertThat(death.body()).contains("cannot have been notified before the death");
      assertThat(status(held)).isEqualTo(Status.CAPTIVE);
      assertThat(
              b.submit(
                      "/registry/" + held + "/death",
                      "died_on",
                      "02.03.2025",
                      "place",
                      "Оленівка",
                      "grave",
                      "ділянка 3")
                  .statusCode())
          .isEqualTo(302);
      assertThat(status(held)).isEqualTo(Status.DECEASED);
      assertThat(b.get("/registry/" + held).body())
          .contains("Death in captivity")
          .contains("ділянка 3");
      long third = app.register().byTag("RU-2025-0003").orElseThrow().id();
      var report =
          b.submit(
              "/remains/" + third + "/report",
              "person",
              String.valueOf(bondar),
              "reference",
              "ДНК-9",
              "conclusion",
              "exclusion",
              "on",
              "01.07.2025");
      assertThat(report.statusCode()).isEqualTo(302);
      var dispute =
          b.submit(
              "/remains/" + third + "/dispute",
              "party",
              "RU",
              "evidence",
              "жетон ЗС РФ",
              "on",
              "02.07.2025");
      assertThat(dispute.statusCode()).isEqualTo(302);
      assertThat(b.get("/remains/" + third).body())
          .contains("the dead of Russia, found 02.07.2025: жетон ЗС РФ")
          .contains("ДНК-9");
      // an observer sees that there is a sample, but neither who gave it nor the laboratory's
      // reference: DNA serves identification only
      Browser o = new Browser(web.port()).acceptLanguage("en");
      o.login("icrc", observer);
      assertThat(o.get("/registry/" + bondar).body())
          .contains("служить лише для встановлення особи")
          .doesNotContain("LAB-77")
          .doesNotContain("Бондар Ганна");
      assertThat(app.journal().audit().clean()).isTrue();
    } finally {
      web.stop();
    }
  }

  @Test
  void aTransferIsReceivedFromTheBrowser() throws Exception {
    String password = app.accounts().create("olena", Role.REGISTRAR, "test");
    Javalin web = app.web().create().start("127.0.0.1", 0);
    try {
      Browser b = new Browser(web.port()).acceptLanguage("uk");
      b.login("olena", password);
      b.get("/remains");
      b.submit("/lang", "lang", "uk", "back", "/remains");
      assertThat(b.get("/remains/receive").body()).contains("Прийняти передачу останків");
      HttpResponse<String> done =
          b.upload(
              "/remains/receive",
              Map.of("from", "RU", "on", "14.06.2025"),
              "file",
              "transfer.csv",
              Files.readAllBytes(theirList()));
      assertThat(done.statusCode()).isEqualTo(302);
      assertThat(done.headers().firstValue("Location").orElseThrow())
          .isEqualTo("/remains?transfer=1");
      assertThat(app.register().byTag("RU-2025-0004")).isPresent();
      HttpResponse<String> again =
          b.upload(
              "/remains/receive",
              Map.of("from", "RU", "on", "14.06.2025"),
              "file",
              "transfer.csv",
              Files.readAllBytes(theirList()));
      assertThat(again.statusCode()).isEqualTo(422);
      assertThat(again.body())
          .contains("рядок 2: бирку RU-2025-0001 вже отримано раніше (передача 1)");
      // handing over from the browser: one of ours cannot be sent
      assertThat(b.get("/remains/send").body()).contains("Передати останки");
      HttpResponse<String> ours =
          b.upload(
              "/remains/send",
              Map.of("to", "RU", "on", "01.09.2025"),
              "file",
              "sent.csv",
              "Tag\nRU-2025-0001\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(ours.statusCode()).isEqualTo(422);
      assertThat(ours.body()).contains("рядок 2: бирка RU-2025-0001 — справа, яку ми отримали");
      b.get("/remains/send");
      HttpResponse<String> sent =
          b.upload(
              "/remains/send",
              Map.of("to", "RU", "on", "01.09.2025"),
              "file",
              "sent.csv",
              "Tag;Name\nUA-9001;Іванов Іван\nUA-9002;\n"
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(sent.statusCode()).isEqualTo(302);
      assertThat(b.get("/remains").body()).contains("id=\"sent\"");
    } finally {
      web.stop();
    }
  }

  private Status status(long person) {
    return app.registry().find(person).orElseThrow().person().status();
  }

  @Test
  void tagsAloneAreReceivedUnderAUnilateralProvisionWhoseFulfilmentCountsThem() throws Exception {
    Run added =
        cli(
            "agreement",
            "add",
            "--title",
            "Обмін тілами",
            "--date",
            "2025-06-02",
            "--parties",
            "UA,RU");
    assertThat(added.exit()).as(added.err()).isZero();
    long agreement = app.agreements().list().get(0).id();
    Run provision =
        cli(
            "agreement",
            "provision",
            String.valueOf(agreement),
            "--unilateral",
            "--from",
            "RU",
            "--count",
            "6",
            "--subject",
            "remains");
    assertThat(provision.exit()).as(provision.err()).isZero();
    Path tags = dir.resolve("tags.csv");
    Files.writeString(tags, "Бирка\nRU-7-01\nRU-7-02\nRU-7-03\nRU-7-04\n");
    Run received =
        cli(
            "remains",
            "receive",
            tags.toString(),
            "--from",
            "RU",
            "--on",
            "2025-06-14",
            "--agreement",
            String.valueOf(agreement),
            "--provision",
            "1");
    assertThat(received.exit()).as(received.err()).isZero();
    assertThat(app.register().byTag("RU-7-03")).isPresent();
    // a row without a name is no error on a list of tags alone
    assertThat(app.rosters().list().get(0).errorRows()).isZero();
    assertThat(app.rosters().list().get(0).rows()).isEqualTo(4);
    Run fulfilment =
        cli("exchange", "fulfilment", "--agreement", String.valueOf(agreement), "--lang", "en");
    assertThat(fulfilment.exit()).as(fulfilment.err()).isZero();
    assertThat(fulfilment.out()).contains("provision 1: 4 of 6 bodies or parts moved (67%)");
    // what we hand back is not what they handed over
    Path back = dir.resolve("back.csv");
    Files.writeString(back, "Бирка\nRU-7-04\n");
    Run disputed =
        cli(
            "remains",
            "dispute",
            "RU-7-04",
            "--belongs-to",
            "RU",
            "--evidence",
            "жетон їхньої частини");
    assertThat(disputed.exit()).as(disputed.err()).isZero();
    Run sent =
        cli(
            "remains",
            "send",
            back.toString(),
            "--to",
            "RU",
            "--on",
            "2025-06-20",
            "--agreement",
            String.valueOf(agreement),
            "--provision",
            "1");
    assertThat(sent.exit()).as(sent.err()).isZero();
    assertThat(
            cli("exchange", "fulfilment", "--agreement", String.valueOf(agreement), "--lang", "en")
                .out())
        .contains("provision 1: 4 of 6 bodies or parts moved (67%)");
    // a list of another purpose still needs a name column
    Run names = cli("roster", "import", tags.toString(), "--from", "RU", "--purpose", "exchange");
    assertThat(names.exit()).isEqualTo(2);
  }

  @Test
  void aListWithATagMissingRepeatedOrReceivedBeforeStoresNothing() throws Exception {
    assertThat(receive(theirList()).exit()).isZero();
    long rosters = app.rosters().list().size();
    Run again = receive(theirList("RU-2025-0009;Мельник;Петр;", ";Ткач;Иван;", "RU-2025-0009;;;"));
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err())
        .contains("row 2: tag RU-2025-0001 was received before (transfer 1)")
        .contains("row 7: no tag")
        .contains("row 8: tag RU-2025-0009 is already on row 6 of this list")
        .contains("Nothing was stored");
    assertThat(app.rosters().list()).hasSize((int) rosters);
    Path noTags = dir.resolve("no-tags.csv");
    Files.writeString(noTags, "Фамилия;Имя\nКоваленко;Андрей\n");
    Run refused = receive(noTags);
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("the list has no tag column");
    Run future =
        cli(
            "remains",
            "identify",
            "RU-2025-0003",
            "--person",
            String.valueOf(bondar),
            "--method",
            "dna",
            "--on",
            "2025-06-01");
    assertThat(future.err()).contains("before the case was received (14.06.2025)");
    Run noMethod =
        cli(
            "remains",
            "identify",
            "RU-2025-0003",
            "--person",
            String.valueOf(bondar),
            "--method",
            "rumour");
    assertThat(noMethod.err()).contains("\"rumour\" is no method");
    assertThat(app.register().byTag("RU-2025-0003").orElseThrow().identifications()).isEmpty();
  }

  @Test
  void thePagesListACaseRecordItsIdentificationAndDrawTheRate() throws Exception {
    assertThat(receive(theirList()).exit()).isZero();
    String password = app.accounts().create("olena", Role.REGISTRAR, "test");
    Javalin web = app.web().create().start("127.0.0.1", 0);
    try {
      Browser b = new Browser(web.port()).acceptLanguage("uk");
      b.login("olena", password);
      b.get("/remains");
      b.submit("/lang", "lang", "uk", "back", "/remains");
      String list = b.get("/remains").body();
      assertThat(list).contains("RU-2025-0001").contains("не ідентифіковано").contains("Росія");
      long id = app.register().byTag("RU-2025-0001").orElseThrow().id();
      String page = b.get("/remains/" + id).body();
      assertThat(page)
          .contains("Справа останків RU-2025-0001")
          .contains("id=\"claimed-person\"")
          .contains("value=\"" + kovalenko + "\"");
      HttpResponse<String> done =
          b.submitRepeated(
              "/remains/" + id + "/identify",
              "person",
              String.valueOf(kovalenko),
              "methods",
              "dna",
              "methods",
              "documents",
              "act",
              "118/2025",
              "on",
              "02.08.2025");
      assertThat(done.statusCode()).isEqualTo(302);
      assertThat(b.get("/remains/" + id).body())
          .contains("ідентифіковано")
          .contains("ДНК")
          .contains("документи");
      assertThat(status(kovalenko)).isEqualTo(Status.DECEASED);
      assertThat(b.get("/registry/" + kovalenko).body())
          .contains("id=\"person-remains\"")
          .contains("RU-2025-0001");
      HttpResponse<String> bad =
          b.submit("/remains/" + id + "/move", "place", "moon", "on", "03.08.2025");
      assertThat(bad.statusCode()).isEqualTo(422);
      assertThat(bad.body()).contains("«moon» — невідоме місце");
      assertThat(b.get("/remains?status=identified").body())
          .contains("RU-2025-0001")
          .doesNotContain("RU-2025-0002");
      String figures = b.get("/remains/figures?as_of=31.08.2025").body();
      assertThat(figures)
          .contains("<svg")
          .contains("id=\"rate-chart\"")
          .contains("ідентифіковано: справ — 1")
          .doesNotContain("remains.");
      b.submit("/lang", "lang", "en", "back", "/remains/figures");
      assertThat(b.get("/remains/figures?as_of=31.08.2025").body())
          .contains("Identification figures")
          .contains("identified: 1 case (");
      b.submit("/lang", "lang", "ru", "back", "/remains");
      assertThat(b.get("/remains/" + id).body()).contains("Дело останков").contains("ДНК");
    } finally {
      web.stop();
    }
  }
}
