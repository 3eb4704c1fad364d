package org.handover.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.handover.core.accounts.Role;
import org.handover.core.demo.DemoPeople;
import org.handover.core.matching.Band;
import org.handover.core.matching.Thresholds;
import org.handover.core.registry.PersonForm;
import org.handover.server.App;
import org.handover.server.journal.Journal;
import org.handover.server.rosters.TheirLists;
import org.handover.server.signing.InstallationKey;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.handover.server.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verified list on the web: review holds only the review band, the end of review says what
 * comes next, every entry shows its link, any link can be undone (journaled), and the list is
 * exported with the registry's reference and the decision; the home page and the person's page show
 * the lists.
 */
class VerifiedListTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  @TempDir Path dir;
  App app;
  Javalin web;
  long roster;
  long kovalchuk;
  String password;

  @BeforeEach
  void open() throws Exception {
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemUTC());
    app.registry().addAll(new DemoPeople(5, TODAY).generate(300), TODAY, "test");
    kovalchuk = kovalchuk("ЗСУ-0042");
    roster =
        list(
            "their.csv",
            "ФИО,Дата рождения\nКОВАЛЬЧУК Юрий Петрович,12.03.1998\nКовальчук Ю.,1998\n"
                + "Чужаков Аркадий Львович,01.01.1950\n");
    password = app.accounts().create("maria", Role.REVIEWER, "test");
    web = app.web().create().start("127.0.0.1", 0);
  }

  /** Ковальчук Юрій Петрович, born 12.03.1998, added to the registry with this reference. */
  long kovalchuk(String reference) {
    return app.registry()
        .add(
            new PersonForm(
                    Map.of(
                        "name.0.family", "Ковальчук",
                        "name.0.given", "Юрій",
                        "name.0.patronymic", "Петрович",
                        "birth_date", "12.03.1998",
                        "reference", reference))
                .read(0, TODAY)
                .person()
                .orElseThrow(),
            TODAY,
            "test");
  }

  /** A list the other party sent, imported from a CSV file of these lines. */
  long list(String name, String csv) throws Exception {
    Path file = dir.resolve(name);
    return TheirLists.imported(app, file, name, csv, "test", TODAY);
  }

  @AfterEach
  void close() {
    web.stop();
    app.close();
  }

  Browser reviewer() {
    Browser b = new Browser(web.port());
    assertThat(b.login("maria", password).statusCode()).isEqualTo(302);
    return b;
  }

  long run() {
    return app.matching().run(roster, false, Thresholds.DEFAULT, "maria").id();
  }

  @Test
  void reviewHoldsOnlyTheReviewBandAndEndsWithWhatComesNext() {
    long run = run();
    List<Matching.StoredMatch> stored = app.matching().matches(run);
    assertThat(stored)
        .anySatisfy(m -> assertThat(m.entryRow()).isEqualTo(1))
        .filteredOn(m -> m.entryRow() == 1)
        .allSatisfy(m -> assertThat(m.band()).isEqualTo(Band.AUTO));
    Browser b = reviewer();
    // every pair in the review band, one by one; the auto-link of entry 1 never comes up
    for (int i = 0; i < 20; i++) {
      String page = b.get("/matches/" + run).body();
      Matcher row = Pattern.compile("name=\"entry_row\" value=\"(\\d+)\"").matcher(page);
      if (!row.find()) {
        assertThat(page)
            .contains("Перевірку завершено")
            .contains("/rosters/" + roster + "/verified")
            .contains("пов’язано без перевірки: 1");
        return;
      }
      assertThat(row.group(1)).isEqualTo("2");
      // evidence in words; the bits only one click away, inside the numbers
      String words =
          page.substring(page.indexOf("id=\"explanation\""), page.indexOf("id=\"numbers\""));
      assertThat(words).contains("немає даних").doesNotContain("Біти").doesNotContain("+");
      Matcher person = Pattern.compile("name=\"person_id\" value=\"(\\d+)\"").matcher(page);
      assertThat(person.find()).isTrue();
      b.submit(
          "/matches/" + run + "/decide",
          "entry_row",
          "2",
          "person_id",
          person.group(1),
          "decision",
          "rejected");
    }
    throw new AssertionError("the review did not end");
  }

  @Test
  void aFamilyNameTwoLettersApartIsReviewedAndTheReviewerIsToldWhy() throws Exception {
    // Кошельчук is two letters from Ковальчук: the same day and given name do not make it one man
    roster = list("other.csv", "ФИО,Дата рождения\nКошельчук Юрий Петрович,12.03.1998\n");
    long run = run();
    assertThat(app.matching().matches(run))
        .filteredOn(m -> m.personId() == kovalchuk)
        .singleElement()
        .satisfies(m -> assertThat(m.band()).isEqualTo(Band.REVIEW));
    String page = reviewer().get("/matches/" + run).body();
    assertThat(page)
        .contains("name=\"person_id\" value=\"" + kovalchuk + "\"")
        .contains("id=\"family-far\"")
        .contains("Прізвища різняться двома літерами");
    // in English the name is romanized whole, what differs marked in the name as written after it
    assertThat(reviewer().get("/matches/" + run + "?lang=en").body())
        .contains("The family names are two letters apart")
        .containsPattern("Koshelchuk [^<(]*\\(Ко<mark>ше</mark>льчук")
        // and every other field in Cyrillic too: a reference, a rank, a unit
        .contains("ZSU-0042 (ЗСУ-0042)");
  }

  @Test
  void aRowWithoutANameIsFoundByItsServiceNumberAndReviewedNeverLinked() throws Exception {
    long numbered =
        app.registry()
            .add(
                new PersonForm(
                        Map.of(
                            "name.0.family", "Гнатюк",
                            "name.0.given", "Остап",
                            "birth_date", "05.07.1991",
                            "service_number", "ВК318275"))
                    .read(0, TODAY)
                    .person()
                    .orElseThrow(),
                TODAY,
                "test");
    roster = list("unnamed.csv", "ФИО,Дата рождения,Личный номер\n,05.07.1991,ВК-318275\n");
    long run = app.matching().run(roster, true, Thresholds.DEFAULT, "maria").id();
    assertThat(app.matching().matches(run))
        .filteredOn(m -> m.entryRow() == 1)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.personId()).isEqualTo(numbered);
              assertThat(m.band()).isEqualTo(Band.REVIEW);
            });
    assertThat(reviewer().get("/matches/" + run).body())
        .contains("id=\"no-name\"")
        .contains("У цьому рядку списку немає імені");
  }

  @Test
  void aManListedTwiceIsReviewedOnBothRowsOneToOneAndThePageSaysSo() throws Exception {
    roster =
        list(
            "twice.csv",
            "ФИО,Дата рождения\nКОВАЛЬЧУК Юрий Петрович,12.03.1998\nКОВАЛЬЧУК Юрий Петрович,12.03.1998\n");
    long run = app.matching().run(roster, true, Thresholds.DEFAULT, "maria").id();
    // one to one, the second row's only candidate went to the first: it is not left unmatched
    assertThat(app.matching().matches(run))
        .filteredOn(m -> m.personId() == kovalchuk)
        .extracting(Matching.StoredMatch::entryRow, Matching.StoredMatch::band)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(1, Band.REVIEW),
            org.assertj.core.groups.Tuple.tuple(2, Band.REVIEW));
    String page = reviewer().get("/matches/" + run).body();
    Matcher row = Pattern.compile("name=\"entry_row\" value=\"(\\d+)\"").matcher(page);
    assertThat(row.find()).isTrue();
    String other = row.group(1).equals("1") ? "2" : "1";
    assertThat(page)
        .contains("id=\"also-for\"")
        .contains("запропоновано також для запису " + other + " цього списку");
    assertThat(reviewer().get("/matches/" + run + "?lang=en").body())
        .contains("also proposed for entry " + other + " of this list");
  }

  @Test
  void aPersonLinkedToOneRowIsConfirmedForAnotherOnlyOnTheReviewersWordThatTheListNamesThemTwice()
      throws Exception {
    roster =
        list(
            "twice.csv",
            "ФИО,Дата рождения\nКОВАЛЬЧУК Юрий Петрович,12.03.1998\nКОВАЛЬЧУК Юрий Петрович,12.03.1998\n");
    long run = app.matching().run(roster, true, Thresholds.DEFAULT, "maria").id();
    app.matching().decide(roster, 1, kovalchuk, "confirmed", "maria");
    Browser b = reviewer();
    b.get("/matches/" + run);
    String[] second = {
      "entry_row", "2", "person_id", String.valueOf(kovalchuk), "decision", "confirmed", "skip", "0"
    };
    HttpResponse<String> asked = b.submit("/matches/" + run + "/decide", second);
    assertThat(asked.statusCode()).isEqualTo(409);
    assertThat(asked.body())
        .contains("id=\"twice\"")
        .contains("вже пов’язано із записом 1 цього списку")
        .contains("name=\"twice\" value=\"1\"")
        .contains("name=\"entry_row\" value=\"2\"");
    assertThat(state(2)).isEqualTo(EntryLinks.State.REVIEW);
    b.submit("/lang", "lang", "en", "back", "/home");
    assertThat(b.submit("/matches/" + run + "/decide", second).body())
        .contains("already stands linked to entry 1 of this list")
        .contains("Kovalchuk"); // the name romanized for a reader of English
    // on the reviewer's word: confirmed, and the journal says it knew of the other row
    String[] twice = java.util.Arrays.copyOf(second, second.length + 2);
    twice[second.length] = "twice";
    twice[second.length + 1] = "3"; // a word given for another row than his is asked again
    assertThat(b.submit("/matches/" + run + "/decide", twice).statusCode()).isEqualTo(409);
    twice[second.length + 1] = "1"; // the other row, as the page posts it
    assertThat(b.submit("/matches/" + run + "/decide", twice).statusCode()).isEqualTo(302);
    assertThat(state(2)).isEqualTo(EntryLinks.State.CONFIRMED);
    assertThat(
            app.journal().find(Journal.Filter.forEntity("match", roster + "/2/" + kovalchuk), 0, 5))
        .extracting(e -> e.after())
        .anySatisfy(a -> assertThat(a).contains("\"also_linked_to_row\":1"));
    // a rejection is never asked again
    app.matching().undo(roster, 2, kovalchuk, "maria");
    app.matching().decide(roster, 2, kovalchuk, "rejected", "maria");
    assertThat(state(2)).isEqualTo(EntryLinks.State.REJECTED);
  }

  @Test
  void aPersonMergedIntoAnotherIsThatOtherWhenAskedWhetherHeIsLinkedTwice() throws Exception {
    long twin = kovalchuk("ЗСУ-0043");
    roster =
        list(
            "twice.csv",
            "ФИО,Дата рождения\nКОВАЛЬЧУК Юрий Петрович,12.03.1998\nКОВАЛЬЧУК Юрий Петрович,12.03.1998\n");
    run();
    app.matching().decide(roster, 1, kovalchuk, "confirmed", "maria");
    app.matching().decide(roster, 2, kovalchuk, "rejected", "maria");
    app.duplicates().merge(twin, List.of(kovalchuk), "maria");
    // row 1's Kovalchuk is the twin now: row 2 confirmed to the twin is asked about
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> app.matching().decide(roster, 2, twin, "confirmed", "maria"))
        .isInstanceOfSatisfying(
            Matching.ConfirmedElsewhere.class, e -> assertThat(e.row()).isEqualTo(1));
    app.matching().decide(roster, 2, twin, "confirmed", "maria", 1);
    assertThat(state(2)).isEqualTo(EntryLinks.State.CONFIRMED);
  }

  @Test
  void aSpotCheckConfirmsALinkWithoutReviewOfAPersonLinkedToAnotherRowOnlyWhenToldTwice()
      throws Exception {
    roster =
        list(
            "twice.csv",
            "ФИО,Дата рождения\nКОВАЛЬЧУК Юрий Петрович,12.03.1998\nКОВАЛЬЧУК Юрий Петрович,12.03.1998\n");
    run(); // not one to one: both rows linked without review
    assertThat(state(1)).isEqualTo(EntryLinks.State.AUTO);
    assertThat(state(2)).isEqualTo(EntryLinks.State.AUTO);
    Browser b = reviewer();
    b.get("/rosters/" + roster + "/verified");
    String[] confirm = {"entry_row", "2", "person_id", String.valueOf(kovalchuk), "state", "auto"};
    HttpResponse<String> asked = b.submit("/rosters/" + roster + "/verified/confirm", confirm);
    assertThat(asked.statusCode()).isEqualTo(409);
    assertThat(asked.body())
        .contains("вже пов’язано із записом 1")
        .contains("action=\"/rosters/" + roster + "/verified/confirm\"");
    assertThat(state(2)).isEqualTo(EntryLinks.State.AUTO);
    String[] twice = java.util.Arrays.copyOf(confirm, confirm.length + 2);
    twice[confirm.length] = "twice";
    twice[confirm.length + 1] = "1";
    assertThat(b.submit("/rosters/" + roster + "/verified/confirm", twice).statusCode())
        .isEqualTo(302);
    assertThat(state(2)).isEqualTo(EntryLinks.State.CONFIRMED);
  }

  @Test
  void everyEntryShowsItsLinkAndAnyLinkCanBeUndoneWithAJournalEntry() {
    run();
    Browser b = reviewer();
    String page = b.get("/rosters/" + roster + "/verified").body();
    assertThat(page)
        .contains("ЗСУ-0042")
        .contains("пов’язано без перевірки (1)")
        .contains("у реєстрі не знайдено (1)");
    // a link made without review, undone: it is rejected
    undo(b, 1, kovalchuk, "auto");
    assertThat(state(1)).isEqualTo(EntryLinks.State.REJECTED);
    // a page shown before that (the link still "auto" there) changes nothing more
    assertThat(undo(b, 1, kovalchuk, "auto").statusCode()).isEqualTo(409);
    assertThat(state(1)).isEqualTo(EntryLinks.State.REJECTED);
    // the rejection undone: linked without review again, and the undo journaled
    undo(b, 1, kovalchuk, "rejected");
    assertThat(state(1)).isEqualTo(EntryLinks.State.AUTO);
    assertThat(
            app.journal().find(Journal.Filter.forEntity("match", roster + "/1/" + kovalchuk), 0, 5))
        .extracting(e -> e.action())
        .containsExactly("match.undo", "match.decide");
    // the journal names the pair in words
    assertThat(b.get("/journal").body())
        .contains("список " + roster + ", запис 1 ~ особа " + kovalchuk);
    // a stale form (the link changed meanwhile) changes nothing
    assertThat(undo(b, 3, kovalchuk, "auto").statusCode()).isEqualTo(409);
    // the spot-check sample: a link made without review confirmed by a second person
    assertThat(b.get("/rosters/" + roster + "/verified?sample=1").body()).contains("ЗСУ-0042");
    b.submit(
        "/rosters/" + roster + "/verified/confirm",
        "entry_row",
        "1",
        "person_id",
        String.valueOf(kovalchuk),
        "state",
        "auto");
    assertThat(state(1)).isEqualTo(EntryLinks.State.CONFIRMED);
    assertThat(b.get("/rosters/" + roster + "/verified?sample=1").body())
        .doesNotContain("ЗСУ-0042");
  }

  HttpResponse<String> undo(Browser b, int row, long person, String state) {
    return b.submit(
        "/rosters/" + roster + "/verified/undo",
        "entry_row",
        String.valueOf(row),
        "person_id",
        String.valueOf(person),
        "state",
        state);
  }

  @Test
  void whoImportedAListDoesNotConfirmItsLinks() {
    long run = run();
    String importerPassword = app.accounts().create("test", Role.REGISTRAR, "test");
    Browser importer = new Browser(web.port());
    assertThat(importer.login("test", importerPassword).statusCode()).isEqualTo(302);
    String page = importer.get("/matches/" + run).body();
    assertThat(page).contains("id=\"four-eyes\"").containsPattern("id=\"confirm\"[^>]*disabled");
    Matcher person = Pattern.compile("name=\"person_id\" value=\"(\\d+)\"").matcher(page);
    assertThat(person.find()).isTrue();
    HttpResponse<String> refused =
        importer.submit(
            "/matches/" + run + "/decide",
            "entry_row",
            "2",
            "person_id",
            person.group(1),
            "decision",
            "confirmed");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("чотирьох очей");
    // a rejection stays his to make; a confirmation is the second person's, and names both
    Browser second = reviewer();
    second.get("/matches/" + run);
    second.submit(
        "/matches/" + run + "/decide",
        "entry_row",
        "2",
        "person_id",
        person.group(1),
        "decision",
        "confirmed",
        "twice", // row 1 stands linked to him without review
        "1");
    assertThat(
            app.journal()
                .find(Journal.Filter.forEntity("match", roster + "/2/" + person.group(1)), 0, 5))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("maria");
              assertThat(e.after()).contains("\"imported_by\":\"test\"");
            });
  }

  @Test
  void anObserverTakesAListOnlyAsTheManifestAndEveryReadIsJournaled() {
    run();
    String observerPassword = app.accounts().create("icrc", Role.OBSERVER, "test");
    Browser o = new Browser(web.port());
    assertThat(o.login("icrc", observerPassword).statusCode()).isEqualTo(302);
    assertThat(o.get("/rosters/" + roster + "/verified.csv").statusCode()).isEqualTo(403);
    assertThat(o.get("/rosters/" + roster + "/export.xlsx").statusCode()).isEqualTo(403);
    assertThat(o.get("/rosters/" + roster + "/file").statusCode()).isEqualTo(403);
    assertThat(o.get("/rosters/" + roster + "/verified.pdf").statusCode()).isEqualTo(200);
    assertThat(o.get("/rosters/" + roster).body())
        .contains("export.pdf")
        .doesNotContain("export.csv");
    o.get("/registry/" + kovalchuk);
    Browser wrong = new Browser(web.port());
    wrong.login("icrc", "not the password");
    // who signed in, who was refused, who saw a person, who took which list: reads, apart from
    // changes, in the same chain
    List<String> reads =
        app
            .journal()
            .find(new Journal.Filter("", Journal.READS, "", 0, Long.MAX_VALUE), 0, 50)
            .stream()
            .map(e -> e.actor() + " " + e.action() + " " + e.entityId())
            .toList();
    assertThat(reads)
        .contains("icrc access.login user")
        .contains("? access.login-failed user")
        .contains("icrc access.person person/" + kovalchuk)
        .contains("icrc access.export roster/" + roster);
    assertThat(
            app.journal().find(new Journal.Filter("", "", "", 0, Long.MAX_VALUE), 0, 500).stream()
                .map(e -> e.entity()))
        .doesNotContain(Journal.READS);
    assertThat(app.journal().verify().intact()).isTrue();
    // the page of reads is for those who manage accounts
    assertThat(o.get("/access").statusCode()).isEqualTo(403);
    String admin = app.accounts().create("root", Role.ADMIN, "test");
    Browser a = new Browser(web.port());
    a.login("root", admin);
    assertThat(a.get("/access?actor=icrc").body())
        .contains("переглянуто сторінку особи")
        .contains("вхід");
  }

  EntryLinks.State state(int row) {
    return new EntryLinks(app.database().jdbi()).of(roster, row, row).get(row).state();
  }

  @Test
  void theVerifiedListIsExportedWithTheReferenceAndTheDecisionAndItsJsonIsSigned()
      throws Exception {
    run();
    Browser b = reviewer();
    String linked =
        new String(b.bytes("/rosters/" + roster + "/verified.csv"), StandardCharsets.UTF_8);
    assertThat(linked)
        .contains("Номер у реєстрі")
        .contains("ЗСУ-0042")
        .contains("пов’язано без перевірки")
        .doesNotContain("Чужаков");
    String all =
        new String(
            b.bytes("/rosters/" + roster + "/verified.csv?only=all"), StandardCharsets.UTF_8);
    assertThat(all).contains("Чужаков").contains("у реєстрі не знайдено");
    String confirmed =
        new String(
            b.bytes("/rosters/" + roster + "/verified.csv?only=confirmed"), StandardCharsets.UTF_8);
    assertThat(confirmed).doesNotContain("ЗСУ-0042");
    byte[] json = b.bytes("/rosters/" + roster + "/verified.json?only=all");
    assertThat(new String(json, StandardCharsets.UTF_8))
        .contains("\"link-state\" : \"none\"")
        .contains("\"registry-reference\" : \"ЗСУ-0042\"");
    Path file = dir.resolve("verified.json");
    Files.write(file, json);
    String signature =
        new String(
            b.bytes("/rosters/" + roster + "/verified.json.sig?only=all"), StandardCharsets.UTF_8);
    assertThat(InstallationKey.verify(file, signature, app.key().publicKey())).isTrue();
    // the list as received is signed the same way from its own page
    Path plain = dir.resolve("roster.json");
    Files.write(plain, b.bytes("/rosters/" + roster + "/export.json"));
    String plainSignature =
        new String(b.bytes("/rosters/" + roster + "/export.json.sig"), StandardCharsets.UTF_8);
    assertThat(InstallationKey.verify(plain, plainSignature, app.key().publicKey())).isTrue();
    assertThat(InstallationKey.verify(file, plainSignature, app.key().publicKey())).isFalse();
    assertThat(b.bytes("/rosters/" + roster + "/verified.xlsx")).startsWith('P', 'K');
    assertThat(b.bytes("/rosters/" + roster + "/verified.pdf")).startsWith('%', 'P', 'D', 'F');
  }

  @Test
  void theHomePageSaysWhatWaitsAndThePersonsPageShowsTheLists() {
    Browser b = reviewer();
    assertThat(b.get("/home").body()).contains("their.csv").contains("ще не зіставлено");
    run();
    String home = b.get("/home").body();
    assertThat(home).contains("чекає на перевірку").contains("Останні дії");
    assertThat(b.get("/home?lang=en").body()).contains("What waits").contains("Recent activity");
    assertThat(b.get("/registry/" + kovalchuk).body())
        .contains("Списки, у яких є ця особа")
        .contains("their.csv")
        .contains("пов’язано без перевірки");
  }
}
