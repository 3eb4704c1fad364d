package org.handover.server.exchanges;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.handover.core.accounts.Role;
import org.handover.core.agreements.Provision;
import org.handover.core.agreements.Selection;
import org.handover.core.exchanges.Direction;
import org.handover.core.exchanges.Outcome;
import org.handover.core.parties.Party;
import org.handover.core.registry.PersonForm;
import org.handover.core.registry.ReleaseFacts;
import org.handover.core.registry.Status;
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

/** Exchanges planned by rule and carried out, through the command line and the web. */
class ExchangesTest {
  static final LocalDate ROUND = LocalDate.of(2025, 6, 2);
  String url;
  App app;
  long agreement;
  long woundedOfOurs;
  long theirs;

  @BeforeEach
  void open() {
    url = TestDatabases.postgres();
    app = new App(Database.open(url), Clock.systemUTC());
    app.parties().choose(Optional.of(Party.of("UA")), "test");
    // ours held by them: one wounded, four young; theirs held by us: three young
    woundedOfOurs = person("Коваль", "12.03.1980", "RU", "severely-wounded");
    // the seriously wounded go home by their stated will (GC III Art. 109)
    app.releaseFacts()
        .save(
            woundedOfOurs,
            new ReleaseFacts(
                Optional.of(LocalDate.of(2024, 2, 1)),
                "Авдіївка",
                ReleaseFacts.Consent.YES,
                Optional.of(LocalDate.of(2025, 5, 20)),
                Optional.empty(),
                Optional.empty(),
                ""),
            "test");
    for (String family : List.of("Бойко", "Ткаченко", "Кравець", "Олійник")) {
      person(family, "14.03.2001", "RU", "");
    }
    theirs = person("Иванов", "05.05.2003", "UA", "");
    person("Петров", "06.05.2003", "UA", "");
    person("Сидоров", "07.05.2003", "UA", "");
    person("Кузнецов", "1999", "UA", ""); // 25 or 26: uncertain, never planned
    agreement =
        app.agreements()
            .add(
                "Istanbul",
                ROUND,
                List.of(Party.of("UA"), Party.of("RU")),
                app.parties().book(),
                "test");
    app.agreements()
        .addProvision(
            agreement,
            new Provision.NForN(
                1000,
                200,
                List.of(
                    Selection.parse("health=severely-wounded,seriously-sick"),
                    Selection.parse("age=18-25"))),
            "test");
  }

  @AfterEach
  void close() {
    app.close();
  }

  private long person(String family, String born, String heldBy, String category) {
    Map<String, String> v = new HashMap<>();
    v.put("name.0.family", family);
    v.put("birth_date", born);
    v.put("kind", "service-member");
    v.put("status", "captive");
    v.put("holding_party", heldBy);
    if (!category.isEmpty()) {
      v.put("categories", category);
    }
    // ours they hold have been notified to us (GC III Art. 122): asked for, they can be planned
    StatusBasis basis =
        heldBy.equals("RU")
            ? new StatusBasis(ROUND, StatusSource.NOTIFICATION, "")
            : StatusBasis.since(ROUND);
    return app.registry()
        .add(new PersonForm(v).read(0, ROUND).person().orElseThrow(), basis, "test");
  }

  private Run cli(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--db";
    all[args.length + 1] = url;
    return Cli.run(all);
  }

  private long plan() {
    Run run =
        cli(
            "exchange",
            "plan",
            "--agreement",
            String.valueOf(agreement),
            "--provision",
            "1",
            "--on",
            "2025-06-14",
            "--batch-size",
            "2",
            "--intermediary",
            "ICRC");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("exchange ")
        .contains("batch 1: 2 out, 2 in")
        .contains("batch 2: 1 out, 1 in")
        .contains("not planned: 1")
        .contains("held back for parity): 0 we hold, 2 of ours they hold");
    return Long.parseLong(run.out().lines().findFirst().orElseThrow().split(" ")[1]);
  }

  @Test
  void parityHoldsInEveryBatchAndTheWoundedGoFirst() {
    Exchange x = app.exchanges().find(plan()).orElseThrow();
    assertThat(x.planned(Direction.OUT)).isEqualTo(3);
    assertThat(x.planned(Direction.IN)).isEqualTo(3);
    assertThat(x.batch(1))
        .filteredOn(m -> m.direction() == Direction.IN)
        .first()
        .satisfies(m -> assertThat(m.personId()).isEqualTo(woundedOfOurs));
    assertThat(x.leftOut())
        .extracting(l -> l.reason().key())
        .containsExactly("plan.left.uncertain");
    assertThat(x.heldBackIn()).isEqualTo(2);
    // a second plan while the first is pending plans nobody twice
    Exchange again = app.exchanges().find(plan2()).orElseThrow();
    assertThat(again.members()).isEmpty();
    assertThat(again.leftOut()).extracting(l -> l.reason().key()).contains("plan.left.planned");
  }

  @Test
  void twoPlansAtOnceNeverPlanOnePersonTwice() throws Exception {
    Exchanges.Request r =
        new Exchanges.Request(
            app.agreements().find(agreement).orElseThrow(),
            1,
            LocalDate.of(2025, 6, 14),
            "",
            Optional.empty(),
            2);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> app.exchanges().plan(r, Party.of("UA"), "a"));
      var second = pool.submit(() -> app.exchanges().plan(r, Party.of("UA"), "b"));
      first.get();
      second.get();
    } finally {
      pool.shutdown();
    }
    long twice =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT count(*) FROM (SELECT person_id FROM exchange_persons"
                                + " GROUP BY person_id HAVING count(*) > 1) d")
                        .mapTo(Long.class)
                        .one());
    assertThat(twice).isZero();
  }

  private long plan2() {
    Run run =
        cli(
            "exchange",
            "plan",
            "--agreement",
            String.valueOf(agreement),
            "--provision",
            "1",
            "--on",
            "2025-06-15",
            "--batch-size",
            "2");
    return Long.parseLong(run.out().lines().findFirst().orElseThrow().split(" ")[1]);
  }

  @Test
  void theLedgerMovesStatusesAndCountsWhatIsOwed() {
    long x = plan();
    assertThat(
            cli(
                    "exchange",
                    "record",
                    String.valueOf(x),
                    "--person",
                    String.valueOf(woundedOfOurs),
                    "--outcome",
                    "received",
                    "--witness",
                    "ICRC")
                .exit())
        .isZero();
    assertThat(
            cli(
                    "exchange",
                    "record",
                    String.valueOf(x),
                    "--person",
                    String.valueOf(theirs),
                    "--outcome",
                    "handed-over")
                .exit())
        .isZero();
    assertThat(app.registry().find(woundedOfOurs).orElseThrow().person().status())
        .isEqualTo(Status.RETURNED);
    assertThat(app.registry().find(theirs).orElseThrow().person().status())
        .isEqualTo(Status.RELEASED);
    String shown = cli("exchange", "show", String.valueOf(x)).out().replace('\u00a0', ' ');
    assertThat(shown).contains("provision 1, on 14.06.2025");
    assertThat(shown)
        .contains(
            "we hand over: 3 planned, 1 handed over, 0 refused, 0 did not appear, 0 died, 2 pending")
        .contains("we received 1 (still owed to us: 999)");
    // handed over and received: held by nobody, so never eligible nor planned again
    assertThat(app.registry().find(theirs).orElseThrow().person().holdingParty()).isEmpty();
    Run again =
        cli(
            "eligibility",
            "--agreement",
            String.valueOf(agreement),
            "--provision",
            "1",
            "--on",
            "2025-06-20");
    assertThat(again.out()).contains("held-by-us eligible 2").contains("held-by-them eligible 4");
    Run unknownWitness =
        cli(
            "exchange",
            "record",
            String.valueOf(x),
            "--person",
            String.valueOf(woundedOfOurs),
            "--outcome",
            "died",
            "--witness",
            "XX",
            "--lang",
            "uk");
    assertThat(unknownWitness.exit()).isEqualTo(2);
    assertThat(unknownWitness.err()).contains("«XX» — не сторона");
    // the agreement as a whole: 2 of 2,000 under N for N; all for all aged 18-25 still calls for
    // the six young men held on either side
    app.agreements()
        .addProvision(
            agreement, new Provision.AllForAll(List.of(Selection.parse("age=18-25"))), "test");
    Run fulfilled =
        cli(
            "exchange",
            "fulfilment",
            "--agreement",
            String.valueOf(agreement),
            "--on",
            "2025-06-20");
    assertThat(fulfilled.exit()).as(fulfilled.err()).isZero();
    assertThat(fulfilled.out().replace('\u00a0', ' ').lines().toList())
        .containsExactly(
            "provision 1: 2 of 2,000 persons carried out (0%)",
            "provision 2: 0 of 6 persons carried out (0%)", "the agreement: 0% fulfilled");
    // the journal holds the ledger and the status changes; every row is as journaled
    assertThat(app.journal().audit().clean()).isTrue();
    assertThat(cli("journal", "verify").exit()).isZero();
  }

  @Test
  void theOtherSidesActIsMatchedAgainstTheBatch(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    long x = plan();
    // their act, in Russian, as they write our people's names: batch 1 holds Коваль and one other
    Exchange planned = app.exchanges().find(x).orElseThrow();
    List<Long> ours =
        planned.batch(1).stream()
            .filter(m -> m.direction() == Direction.IN)
            .map(Exchange.Member::personId)
            .toList();
    assertThat(ours).hasSize(2).contains(woundedOfOurs);
    java.nio.file.Path act = dir.resolve("akt.csv");
    java.nio.file.Files.writeString(
        act,
        "ФИО;Дата рождения;Результат\n"
            + "КОВАЛЬ Юрий;12.03.1980;передан\n"
            + "Неизвестный Пётр;01.01.1970;передан\n",
        StandardCharsets.UTF_8);
    Run run =
        cli(
            "exchange",
            "record",
            String.valueOf(x),
            "--batch",
            "1",
            "--file",
            act.toString(),
            "--side",
            "theirs",
            "--witness",
            "ICRC");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("act: 2 rows; recorded 1; to review 1; planned but absent from the act 1")
        .contains("to review (no sure link to a person of the batch): row 3");
    assertThat(app.registry().find(woundedOfOurs).orElseThrow().person().status())
        .isEqualTo(Status.RETURNED);
    // an outcome in no known words: nothing recorded, the row named
    java.nio.file.Path bad = dir.resolve("bad.csv");
    java.nio.file.Files.writeString(
        bad,
        "ФИО;Дата рождения;Результат\nКОВАЛЬ Юрий;12.03.1980;куда-то\n",
        StandardCharsets.UTF_8);
    Run refused =
        cli(
            "exchange",
            "record",
            String.valueOf(x),
            "--batch",
            "1",
            "--file",
            bad.toString(),
            "--side",
            "theirs",
            "--lang",
            "uk");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("«куда-то» — не результат").contains("Нічого не збережено");
    assertThat(app.journal().audit().clean()).isTrue();
  }

  @Test
  void badRecordsAreNamedAndChangeNothing() {
    long x = plan();
    Run twice =
        cli(
            "exchange",
            "record",
            String.valueOf(x),
            "--person",
            String.valueOf(theirs),
            "--outcome",
            "handed-over");
    assertThat(twice.exit()).isZero();
    Run again =
        cli(
            "exchange",
            "record",
            String.valueOf(x),
            "--person",
            String.valueOf(theirs),
            "--outcome",
            "died",
            "--lang",
            "uk");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("особу " + theirs + " в обміні " + x + " уже записано");
    Run stranger =
        cli("exchange", "record", String.valueOf(x), "--person", "999999", "--outcome", "received");
    assertThat(stranger.err()).contains("person 999999 is not in exchange " + x);
    Run wrongWay =
        cli(
            "exchange",
            "record",
            String.valueOf(x),
            "--person",
            String.valueOf(woundedOfOurs),
            "--outcome",
            "handed-over");
    assertThat(wrongWay.err()).contains("does not fit a person we receive");
    assertThat(app.registry().find(woundedOfOurs).orElseThrow().person().status())
        .isEqualTo(Status.CAPTIVE);
    Run early =
        cli(
            "exchange",
            "plan",
            "--agreement",
            String.valueOf(agreement),
            "--provision",
            "1",
            "--on",
            "2025-05-01",
            "--batch-size",
            "2",
            "--lang",
            "ru");
    assertThat(early.exit()).isEqualTo(2);
    assertThat(early.err()).contains("обмен 01.05.2025 был бы раньше договорённости от 02.06.2025");
  }

  @Test
  void whatKeepsAPersonFromReleaseIsRecordedOnTheirPageAndDecides() {
    String password = app.accounts().create("olena", Role.REGISTRAR, "test");
    app.accounts().credentials().mapOsUser("olena", org.handover.server.cli.OsUser.name(), "test");
    Javalin web = app.web().create().start("127.0.0.1", 0);
    try {
      Browser b = new Browser(web.port()).acceptLanguage("uk");
      b.login("olena", password);
      String page = b.get("/registry/" + theirs).body();
      assertThat(page).contains("id=\"release-form\"").contains("не питали");
      var bad =
          b.submit(
              "/registry/" + theirs + "/release", "captured_on", "31.02.2024", "consent", "yes");
      assertThat(bad.statusCode()).isEqualTo(422);
      assertThat(bad.body()).contains("Дата полону").contains("31.02.2024");
      assertThat(app.releaseFacts().of(theirs)).isEqualTo(ReleaseFacts.none());
      b.get("/registry/" + theirs);
      var saved =
          b.submit(
              "/registry/" + theirs + "/release",
              "captured_on",
              "01.03.2024",
              "captured_at",
              "Бахмут",
              "consent",
              "yes",
              "obstacle",
              "sentence");
      assertThat(saved.statusCode()).isEqualTo(302);
      assertThat(b.get("/registry/" + theirs).body())
          .contains("01.03.2024, Бахмут")
          .contains("відбуває покарання");
      // the journal says it in words too: no key or code on a Ukrainian page
      String journal = b.get("/journal").body();
      assertThat(journal)
          .contains("воля щодо репатріації")
          .contains("так, висловлено")
          .doesNotContain(">sentence<")
          .doesNotContain("service-member")
          .doesNotContain(">captive<");
      // serving a sentence: not eligible, with that reason, and so not planned
      Run run =
          cli(
              "eligibility",
              "--agreement",
              String.valueOf(agreement),
              "--provision",
              "1",
              "--on",
              "2025-06-14");
      assertThat(run.out()).contains("held-by-us eligible 2");
      assertThat(app.journal().audit().clean()).isTrue();
    } finally {
      web.stop();
    }
  }

  @Test
  void aBatchsListIsARosterWeSendAndExportsLikeAnyList(@TempDir Path dir) throws Exception {
    long x = plan();
    Run made = cli("exchange", "list", String.valueOf(x), "--batch", "1", "--direction", "out");
    assertThat(made.exit()).as(made.err()).isZero();
    assertThat(made.out()).matches("(?s)list \\d+\\s*");
    long roster = Long.parseLong(made.out().strip().split(" ")[1]);
    Run again = cli("exchange", "list", String.valueOf(x), "--batch", "1", "--direction", "out");
    assertThat(again.out().strip()).isEqualTo("list " + roster);
    var summary = app.rosters().find(roster).orElseThrow();
    assertThat(summary.rows()).isEqualTo(2);
    // theirs held by us, in the batch's order, read back by the roster readers
    List<String> planned =
        app.exchanges().find(x).orElseThrow().batch(1).stream()
            .filter(m -> m.direction() == Direction.OUT)
            .map(
                m ->
                    app.registry().find(m.personId()).orElseThrow().person().primaryName().family())
            .toList();
    assertThat(app.rosters().entries(roster, false, 0, 10))
        .extracting(e -> e.family())
        .containsExactlyElementsOf(planned);
    Path pdf = dir.resolve("batch-1-out.pdf");
    Run unapproved =
        cli("roster", "export", String.valueOf(roster), "--format", "pdf", "--out", pdf.toString());
    assertThat(unapproved.exit()).isEqualTo(2);
    app.rosters().disclosure().approve(summary, "maria");
    Run exported =
        cli("roster", "export", String.valueOf(roster), "--format", "pdf", "--out", pdf.toString());
    assertThat(exported.exit()).as(exported.err()).isZero();
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
          .contains(planned.get(0));
    }
    Run empty = cli("exchange", "list", String.valueOf(x), "--batch", "9", "--direction", "in");
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).contains("there is no batch 9 in exchange " + x);
    Run sideways =
        cli(
            "exchange",
            "list",
            String.valueOf(x),
            "--batch",
            "1",
            "--direction",
            "up",
            "--lang",
            "uk");
    assertThat(sideways.exit()).isEqualTo(2);
    assertThat(sideways.err()).contains("«up» — ні out");
    assertThat(app.journal().audit().clean()).isTrue();

    String password = app.accounts().create("olena", Role.REGISTRAR, "test");
    Javalin web = app.web().create().start("127.0.0.1", 0);
    try {
      Browser b = new Browser(web.port()).acceptLanguage("uk");
      b.login("olena", password);
      String page = b.get("/exchanges/" + x).body();
      assertThat(page)
          .contains("id=\"list-1-out\"")
          .contains("id=\"make-list-1-in\"")
          .contains("список тих, кого ми отримуємо");
      var in = b.submit("/exchanges/" + x + "/lists", "batch", "1", "direction", "in");
      assertThat(in.statusCode()).isEqualTo(302);
      String location = in.headers().firstValue("Location").orElseThrow();
      assertThat(location).startsWith("/rosters/").isNotEqualTo("/rosters/" + roster);
      assertThat(b.get(location).body()).contains("Коваль");
      assertThat(b.get("/exchanges/" + x).body()).contains("id=\"list-1-in\"");
    } finally {
      web.stop();
    }
  }

  @Test
  void anAgreementsShareCountsEachProvisionUpToWhatItCallsFor() {
    var shares =
        List.of(
            new AgreementFulfilment.Share(1, 150, Optional.of(200L)),
            new AgreementFulfilment.Share(2, 5, Optional.of(4L)), // more than called for
            new AgreementFulfilment.Share(3, 40, Optional.empty())); // not counted
    assertThat(shares.get(0).percent()).isEqualTo(75);
    assertThat(shares.get(1).percent()).isEqualTo(100);
    assertThat(AgreementFulfilment.percent(shares)).contains(Math.round(100.0 * 154 / 204));
    assertThat(AgreementFulfilment.percent(List.of(shares.get(2)))).isEmpty();
    assertThat(AgreementFulfilment.lines(shares, org.handover.server.i18n.Messages.of("uk")))
        .containsExactly(
            "положення 1: виконано 150 з 200 осіб (75%)",
            "положення 2: виконано 5 з 4 осіб (100%)",
            "положення 3: не враховується (сторону цієї копії не обрано)",
            "домовленість виконано на 75%");
  }

  @Test
  void aWrongRecordIsCorrectedAndThePersonStandsAsBefore() {
    long x = plan();
    // "received" written for our wounded man, who did not come
    assertThat(
            cli(
                    "exchange",
                    "record",
                    String.valueOf(x),
                    "--person",
                    String.valueOf(woundedOfOurs),
                    "--outcome",
                    "received")
                .exit())
        .isZero();
    assertThat(app.registry().find(woundedOfOurs).orElseThrow().person().status())
        .isEqualTo(Status.RETURNED);
    Run noReason =
        cli(
            "exchange",
            "correct",
            String.valueOf(x),
            "--person",
            String.valueOf(woundedOfOurs),
            "--outcome",
            "did-not-appear",
            "--reason",
            " ",
            "--lang",
            "uk");
    assertThat(noReason.exit()).isEqualTo(2);
    assertThat(noReason.err()).contains("зазначте, чому запис виправляється");
    Run corrected =
        cli(
            "exchange",
            "correct",
            String.valueOf(x),
            "--person",
            String.valueOf(woundedOfOurs),
            "--outcome",
            "did-not-appear",
            "--reason",
            "переплутано прізвища в акті");
    assertThat(corrected.exit()).as(corrected.err()).isZero();
    var person = app.registry().find(woundedOfOurs).orElseThrow();
    assertThat(person.person().status()).isEqualTo(Status.CAPTIVE);
    assertThat(person.person().holdingParty()).contains(Party.of("RU"));
    assertThat(person.history())
        .extracting(c -> c.status().key())
        .containsExactly("captive", "returned", "captive");
    assertThat(person.history().get(2).note()).contains("переплутано прізвища в акті");
    Exchange after = app.exchanges().find(x).orElseThrow();
    assertThat(after.members())
        .filteredOn(m -> m.personId() == woundedOfOurs)
        .singleElement()
        .satisfies(m -> assertThat(m.outcome()).contains(Outcome.DID_NOT_APPEAR));
    // the same outcome again, or one that does not fit his direction: refused, nothing changes
    assertThat(
            cli(
                    "exchange",
                    "correct",
                    String.valueOf(x),
                    "--person",
                    String.valueOf(woundedOfOurs),
                    "--outcome",
                    "did-not-appear",
                    "--reason",
                    "again")
                .err())
        .contains("already recorded");
    assertThat(
            cli(
                    "exchange",
                    "correct",
                    String.valueOf(x),
                    "--person",
                    String.valueOf(woundedOfOurs),
                    "--outcome",
                    "handed-over",
                    "--reason",
                    "wrong way")
                .exit())
        .isEqualTo(2);
    // he came after all, in the next car: received, returned again
    assertThat(
            cli(
                    "exchange",
                    "correct",
                    String.valueOf(x),
                    "--person",
                    String.valueOf(woundedOfOurs),
                    "--outcome",
                    "received",
                    "--reason",
                    "прибув пізніше")
                .exit())
        .isZero();
    assertThat(app.registry().find(woundedOfOurs).orElseThrow().person().status())
        .isEqualTo(Status.RETURNED);
    // someone else changed his status since: the correction would overwrite it, so it is refused
    var now = app.registry().find(woundedOfOurs).orElseThrow();
    app.registry()
        .update(
            woundedOfOurs,
            now.version(),
            now.person().toBuilder().status(Status.DECEASED).build(),
            ROUND.plusMonths(1),
            "registrar");
    Run stale =
        cli(
            "exchange",
            "correct",
            String.valueOf(x),
            "--person",
            String.valueOf(woundedOfOurs),
            "--outcome",
            "pending",
            "--reason",
            "test");
    assertThat(stale.exit()).isEqualTo(2);
    assertThat(stale.err()).contains("changed after the handover was recorded");
    assertThat(app.registry().find(woundedOfOurs).orElseThrow().person().status())
        .isEqualTo(Status.DECEASED);
    Run pending =
        cli(
            "exchange",
            "correct",
            String.valueOf(x),
            "--person",
            String.valueOf(theirs),
            "--outcome",
            "pending",
            "--reason",
            "x");
    assertThat(pending.err()).contains("nothing is recorded yet");
    assertThat(app.journal().audit().clean()).isTrue();
    assertThat(cli("journal", "verify").exit()).isZero();
  }

  @Test
  void aRecordIsCorrectedFromThePage() {
    long x = plan();
    app.exchanges().record(x, theirs, Outcome.HANDED_OVER, Optional.empty(), "test");
    String password = app.accounts().create("olena", Role.REGISTRAR, "test");
    Javalin web = app.web().create().start("127.0.0.1", 0);
    try {
      Browser b = new Browser(web.port()).acceptLanguage("ru");
      b.login("olena", password);
      b.get("/exchanges/" + x);
      b.submit("/lang", "lang", "ru", "back", "/exchanges/" + x);
      assertThat(b.get("/exchanges/" + x).body()).contains("id=\"correct-" + theirs + "\"");
      var bad =
          b.submit(
              "/exchanges/" + x + "/correct",
              "person",
              String.valueOf(theirs),
              "outcome",
              "pending",
              "reason",
              "");
      assertThat(bad.statusCode()).isEqualTo(422);
      assertThat(bad.body()).contains("укажите, почему запись исправляется");
      var done =
          b.submit(
              "/exchanges/" + x + "/correct",
              "person",
              String.valueOf(theirs),
              "outcome",
              "pending",
              "reason",
              "передача перенесена");
      assertThat(done.statusCode()).isEqualTo(302);
      assertThat(b.get("/exchanges/" + x).body()).contains("исправлено: передача перенесена");
      var p = app.registry().find(theirs).orElseThrow().person();
      assertThat(p.status()).isEqualTo(Status.CAPTIVE);
      assertThat(p.holdingParty()).contains(Party.of("UA"));
    } finally {
      web.stop();
    }
  }

  @Test
  void theWebPlansShowsTheBatchesAndRecords() {
    String password = app.accounts().create("mykola", Role.NEGOTIATOR, "test");
    Javalin web = app.web().create().start("127.0.0.1", 0);
    try {
      Browser b = new Browser(web.port()).acceptLanguage("en");
      b.login("mykola", password);
      b.get("/agreements/" + agreement);
      b.submit("/lang", "lang", "en", "back", "/agreements");
      String page = b.get("/agreements/" + agreement).body();
      assertThat(page).contains("id=\"plan-form\"");
      var planned =
          b.submit(
              "/exchanges",
              "agreement",
              String.valueOf(agreement),
              "provision",
              "1",
              "on",
              "14.06.2025",
              "batch_size",
              "2",
              "place",
              "border",
              "intermediary",
              "ICRC");
      assertThat(planned.statusCode()).isEqualTo(302);
      String location = planned.headers().firstValue("Location").orElseThrow();
      String shown = b.get(location).body();
      assertThat(shown)
          .contains("Batch 1")
          .contains("Batch 2")
          .contains("held back for parity): 0 we hold, 2 of ours they hold")
          .contains("eligibility uncertain")
          .doesNotContain("plan.left")
          .doesNotContain("outcome.");
      long x = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
      var recorded =
          b.submit(
              location + "/record",
              "person",
              String.valueOf(woundedOfOurs),
              "outcome",
              "received",
              "witness",
              "ICRC");
      assertThat(recorded.statusCode()).isEqualTo(302);
      assertThat(b.get(location).body()).contains("received (witnessed by ICRC)");
      var stranger = b.submit(location + "/record", "person", "999999", "outcome", "received");
      assertThat(stranger.statusCode()).isEqualTo(422);
      assertThat(stranger.body()).contains("is not in exchange " + x);
      var early =
          b.submit(
              "/exchanges",
              "agreement",
              String.valueOf(agreement),
              "provision",
              "1",
              "on",
              "01.05.2025",
              "batch_size",
              "2");
      assertThat(early.statusCode()).isEqualTo(422);
      assertThat(early.body()).contains("would come before the agreement");
    } finally {
      web.stop();
    }
  }
}
