package org.handover.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.handover.core.accounts.Role;
import org.handover.server.App;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebTest {
  App app;
  Javalin web;
  String registrarPassword;
  String observerPassword;

  @BeforeEach
  void start() {
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemDefaultZone());
    registrarPassword = app.accounts().create("olena", Role.REGISTRAR, "test");
    observerPassword = app.accounts().create("icrc", Role.OBSERVER, "test");
    web = app.web().create().start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    web.stop();
    app.close();
  }

  Browser browser() {
    return new Browser(web.port());
  }

  Browser registrar() {
    Browser b = browser();
    assertThat(b.login("olena", registrarPassword).statusCode()).isEqualTo(302);
    return b;
  }

  private HttpResponse<String> addKovalchuk(Browser b, String birthDate) {
    b.get("/registry/new");
    return b.submit(
        "/registry",
        "name.0.family",
        "Ковальчук",
        "name.0.given",
        "Юрій",
        "name.0.patronymic",
        "Петрович",
        "birth_date",
        birthDate,
        "kind",
        "service-member",
        "status",
        "captive",
        "rank",
        "солдат");
  }

  @Test
  void theStyleSheetAndHtmxAreServedWithoutLogin() {
    assertThat(browser().get("/static/handover.css").body()).contains("--accent");
    assertThat(browser().get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").statusCode())
        .isEqualTo(200);
  }

  @Test
  void anonymousVisitorsAreSentToLogin() {
    HttpResponse<String> r = browser().get("/registry");
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).contains("/login");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
    HttpResponse<String> r = browser().get("/login");
    assertThat(r.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("handover_session=")
                    .contains("HttpOnly")
                    .containsIgnoringCase("SameSite=Strict"));
  }

  @Test
  void aWrongPasswordIsRefusedInTheVisitorsLanguage() {
    HttpResponse<String> uk = browser().login("olena", "nope");
    assertThat(uk.statusCode()).isEqualTo(401);
    assertThat(uk.body()).contains("Неправильне ім'я користувача або пароль.");
    HttpResponse<String> en = browser().acceptLanguage("en-GB,en;q=0.9").login("olena", "nope");
    assertThat(en.body()).contains("Wrong user name or password.");
  }

  @Test
  void failedLoginsTellNothingAndAnAddressThatKeepsFailingWaits() {
    Browser b = browser();
    String wrong = "Неправильне ім'я користувача або пароль.";
    assertThat(b.login("olena", "nope").body()).contains(wrong);
    assertThat(b.login("olena", "nope").body()).contains(wrong);
    HttpResponse<String> unknown = b.login("nobody-here", "nope");
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).contains(wrong);
    assertThat(b.login("olena", "nope").statusCode()).isEqualTo(401);
    // three failures on one account from this address: this address waits for that account
    HttpResponse<String> onAccount = b.login("olena", registrarPassword);
    assertThat(onAccount.statusCode()).isEqualTo(429);
    assertThat(onAccount.headers().firstValue("Retry-After")).isPresent();
    assertThat(onAccount.body()).contains("Забагато невдалих спроб з цієї адреси");
    // five failures from this address: it waits for every account
    assertThat(b.login("someone-else", "nope").statusCode()).isEqualTo(401);
    assertThat(b.login("admin", "nope").statusCode()).isEqualTo(429);
  }

  @Test
  void aSignedInPageIsNotCachedAndAnAnonymousVisitorLeavesNoSession() {
    Browser b = registrar();
    assertThat(b.get("/registry").headers().firstValue("Cache-Control")).contains("no-store");
    HttpResponse<String> crawler = browser().get("/registry");
    assertThat(crawler.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(browser().get("/login").headers().allValues("Set-Cookie")).hasSize(1);
  }

  @Test
  void aUserOfAnIntermediarySeesTheListsButNoRelativesContacts() {
    String rootPassword = app.accounts().create("root", Role.ADMIN, "test");
    Browser admin = browser();
    admin.login("root", rootPassword);
    admin.get("/users");
    // a party to the conflict is refused; an intermediary is taken
    HttpResponse<String> belligerent = admin.submit("/users/icrc/party", "party", "RU");
    assertThat(belligerent.statusCode()).isEqualTo(422);
    assertThat(belligerent.body()).contains("сторона конфлікту");
    assertThat(admin.submit("/users/icrc/party", "party", "ICRC").statusCode()).isEqualTo(302);
    assertThat(app.accounts().find("icrc").orElseThrow().party()).isEqualTo("ICRC");
    assertThat(admin.get("/users").body()).contains("<option value=\"ICRC\" selected");

    Browser olena = registrar();
    olena.get("/registry/new");
    HttpResponse<String> added =
        olena.submit(
            "/registry",
            "name.0.family",
            "Ковальчук",
            "name.0.given",
            "Юрій",
            "birth_date",
            "01.02.1990",
            "kind",
            "service-member",
            "status",
            "captive",
            "person_to_inform",
            "Ковальчук Ганна, +380 67 000 00 00");
    String page = added.headers().firstValue("Location").orElseThrow();
    assertThat(olena.get(page).body()).contains("+380 67 000 00 00");
    Browser icrc = browser();
    icrc.login("icrc", observerPassword);
    String seen = icrc.get(page).body();
    assertThat(seen).contains("Ковальчук").contains("id=\"person-to-inform-withheld\"");
    assertThat(seen).doesNotContain("+380 67");
    assertThat(icrc.get("/journal").body()).doesNotContain("+380 67").contains("не показується");
    assertThat(icrc.get("/rosters").statusCode()).isEqualTo(200);
    // back to ours: the contact shows again
    admin.submit("/users/icrc/party", "party", "");
    Browser again = browser();
    again.login("icrc", observerPassword);
    assertThat(again.get(page).body()).contains("+380 67 000 00 00");
  }

  @Test
  void aUserChangesTheirOwnPasswordAndTheirOtherSessionsEnd() {
    String first = app.accounts().create("mykola", Role.REVIEWER, "test");
    Browser here = browser();
    here.login("mykola", first);
    Browser elsewhere = browser();
    elsewhere.login("mykola", first);
    assertThat(here.get("/home").body()).contains("href=\"/account/password\"");
    here.get("/account/password");
    String chosen = "вишня сонях кавун";
    // what is refused is said, and nothing changes
    HttpResponse<String> common =
        here.submit(
            "/account/password",
            "current",
            first,
            "new",
            "password2024!",
            "repeat",
            "password2024!");
    assertThat(common.statusCode()).isEqualTo(422);
    assertThat(common.body()).contains("надто поширений");
    HttpResponse<String> wrong =
        here.submit("/account/password", "current", "nope", "new", chosen, "repeat", chosen);
    assertThat(wrong.body()).contains("Поточний пароль неправильний");
    HttpResponse<String> differ =
        here.submit("/account/password", "current", first, "new", chosen, "repeat", chosen + "!");
    assertThat(differ.body()).contains("Два нові паролі різні");
    assertThat(browser().login("mykola", first).statusCode()).isEqualTo(302);
    HttpResponse<String> changed =
        here.submit("/account/password", "current", first, "new", chosen, "repeat", chosen);
    assertThat(changed.statusCode()).isEqualTo(302);
    // this session goes on; the other ended; the old password opens nothing
    assertThat(here.get("/home").statusCode()).isEqualTo(200);
    assertThat(elsewhere.get("/home").statusCode()).isEqualTo(302);
    assertThat(here.get("/account/password?changed=1").body()).contains("id=\"password-changed\"");
    // the page after the change carries the new session's form token: logging out works
    assertThat(here.submit("/logout").statusCode()).isEqualTo(302);
    assertThat(here.get("/home").statusCode()).isEqualTo(302);
    assertThat(here.login("mykola", chosen).statusCode()).isEqualTo(302);
    assertThat(browser().login("mykola", first).statusCode()).isEqualTo(401);
    assertThat(browser().login("mykola", chosen).statusCode()).isEqualTo(302);
    assertThat(here.get("/journal").body()).contains("пароль змінено власником");
  }

  @Test
  void anAdministratorManagesAccountsOnTheWeb() {
    String rootPassword = app.accounts().create("root", Role.ADMIN, "test");
    Browser admin = browser();
    admin.login("root", rootPassword);
    app.accounts().credentials().mapOsUser("root", "ops", "test");
    app.accounts().credentials().issueToken("root", "nightly backup", "test");
    // who the command line acts as, and the token's purpose, never its secret
    assertThat(admin.get("/users").body())
        .contains("користувач операційної системи ops")
        .contains("API-токен: nightly backup")
        .doesNotContain("hvr_");
    HttpResponse<String> created = admin.submit("/users", "username", "taras", "role", "reviewer");
    Matcher shown =
        Pattern.compile("id=\"new-password\"[^<]*<code>([^<]+)</code>").matcher(created.body());
    assertThat(shown.find()).as(created.body()).isTrue();
    Browser taras = browser();
    assertThat(taras.login("taras", shown.group(1)).statusCode()).isEqualTo(302);
    // a name taken, or one that is no name, is said, and nothing is created
    assertThat(admin.submit("/users", "username", "taras", "role", "reviewer").body())
        .contains("користувача вже зайняте");
    assertThat(admin.submit("/users", "username", "Тарас!", "role", "reviewer").statusCode())
        .isEqualTo(400);
    // disabled: the open session ends, and the password no longer opens one
    admin.submit("/users/taras/disable");
    assertThat(taras.get("/home").statusCode()).isEqualTo(302);
    assertThat(browser().login("taras", shown.group(1)).statusCode()).isEqualTo(401);
    admin.submit("/users/taras/enable");
    HttpResponse<String> reset = admin.submit("/users/taras/password");
    Matcher again = Pattern.compile("<code>([^<]+)</code>").matcher(reset.body());
    assertThat(again.find()).isTrue();
    assertThat(browser().login("taras", again.group(1)).statusCode()).isEqualTo(302);
    // the last administrator stays
    assertThat(admin.submit("/users/root/disable").body()).contains("id=\"users-error\"");
    // and only administrators see the page
    assertThat(registrar().get("/users").statusCode()).isEqualTo(403);
  }

  @Test
  void aSessionSurvivesARestartOfTheServerAndEndsAtLogout() {
    Browser b = registrar();
    assertThat(b.get("/registry").statusCode()).isEqualTo(200);
    web.stop();
    web = app.web().create().start("127.0.0.1", 0);
    b.atPort(web.port());
    assertThat(b.get("/registry").statusCode()).isEqualTo(200);
    // the table keeps the token's hash (SHA-256), never the token
    java.util.List<String> hashes =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT token_hash FROM web_sessions")
                        .mapTo(String.class)
                        .list());
    assertThat(hashes).isNotEmpty().allSatisfy(t -> assertThat(t).matches("[0-9a-f]{64}"));
    b.submit("/logout");
    web.stop();
    web = app.web().create().start("127.0.0.1", 0);
    b.atPort(web.port());
    assertThat(b.get("/registry").statusCode()).isEqualTo(302);
  }

  @Test
  void aResetPasswordOrADisabledAccountEndsTheSessionsOpenedBefore() {
    Browser b = registrar();
    assertThat(b.get("/registry").statusCode()).isEqualTo(200);
    app.accounts().resetPassword("olena", "admin");
    assertThat(b.get("/registry").statusCode()).isEqualTo(302);
  }

  @Test
  void aForwardedHeaderFromAnUntrustedClientChangesNothing() {
    HttpResponse<String> r =
        browser().get("/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "10.6.6.6");
    assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(r.headers().allValues("Set-Cookie"))
        .singleElement()
        .satisfies(c -> assertThat(c).contains("HttpOnly").doesNotContain("Secure"));
  }

  @Test
  void theLanguageSwitchNeverSendsAnywhereElse() {
    Browser b = browser();
    b.get("/login");
    HttpResponse<String> r = b.submit("/lang", "lang", "en", "back", "/\t/evil.example");
    assertThat(r.headers().firstValue("Location")).contains("/home");
  }

  @Test
  void aFormTooLargeToReadIsSaidToBeSoAndStoresNothing() {
    Browser b = registrar();
    b.get("/registry/new");
    HttpResponse<String> r =
        b.submit("/registry", "name.0.family", "Бойко", "notes", "x".repeat(1_200_000));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body().replace('\u00a0', ' '))
        .contains("Ця форма більша за 1 000 кБ")
        .contains("Нічого не змінено");
    assertThat(app.registry().count()).isZero();
  }

  @Test
  void aFormWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
    Browser b = registrar();
    b.get("/registry/new");
    b.csrf = "forged";
    HttpResponse<String> forged = b.submit("/registry", "name.0.family", "Бойко");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("Нічого не змінено");
    assertThat(app.registry().count()).isZero();
  }

  @Test
  void aRegistrarAddsAPersonAndFindsThemByALatinSpelling() {
    Browser b = registrar();
    HttpResponse<String> created = addKovalchuk(b, "12.03.1998");
    assertThat(created.statusCode()).isEqualTo(302);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/registry/\\d+");
    HttpResponse<String> page = b.get(location);
    assertThat(page.body())
        .contains("Ковальчук Юрій Петрович")
        .contains("12.03.1998")
        .contains("у полоні")
        .contains("особу додано");
    HttpResponse<String> search = b.get("/registry?q=Kovalchuk+Yurii");
    assertThat(search.body()).contains("1 особа").contains("Ковальчук Юрій Петрович");
  }

  @Test
  void htmxGetsOnlyTheResults() {
    Browser b = registrar();
    addKovalchuk(b, "12.03.1998");
    HttpResponse<String> fragment = b.get("/registry?q=kov", "HX-Request", "true");
    assertThat(fragment.body()).doesNotContain("<html").contains("Ковальчук Юрій Петрович");
  }

  @Test
  void anImpossibleDateIsShownNextToItsFieldAndNothingIsStored() {
    Browser b = registrar();
    HttpResponse<String> r = addKovalchuk(b, "31.02.1999");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body())
        .containsPattern(
            "id=\"error-birth_date\">Дата народження: «31.02.1999» — такої дати не існує");
    assertThat(r.body()).contains("value=\"31.02.1999\"").contains("value=\"Ковальчук\"");
    assertThat(app.registry().count()).isZero();
    // the two accounts, nothing more changed (the sign-in is a read, journaled apart)
    assertThat(
            app.journal()
                .find(
                    new org.handover.server.journal.Journal.Filter("", "", "", 0, Long.MAX_VALUE),
                    0,
                    100))
        .hasSize(2);
  }

  @Test
  void anObserverCanReadButNotChange() {
    Browser r = registrar();
    addKovalchuk(r, "12.03.1998");
    Browser o = browser();
    o.login("icrc", observerPassword);
    assertThat(o.get("/registry?q=Ковальчук").body())
        .contains("Ковальчук Юрій Петрович")
        .doesNotContain("/registry/new");
    assertThat(o.get("/registry/new").statusCode()).isEqualTo(403);
    o.get("/registry");
    HttpResponse<String> post = o.submit("/registry", "name.0.family", "Бойко");
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(app.registry().count()).isEqualTo(1);
  }

  @Test
  void anEditOfAStaleVersionIsRefused() {
    Browser b = registrar();
    String location = addKovalchuk(b, "12.03.1998").headers().firstValue("Location").orElseThrow();
    b.get(location + "/edit");
    HttpResponse<String> first =
        b.submit(
            location,
            "version",
            "1",
            "name.0.family",
            "Ковальчук",
            "birth_date",
            "1998",
            "status",
            "returned");
    assertThat(first.statusCode()).isEqualTo(302);
    HttpResponse<String> stale = b.submit(location, "version", "1", "name.0.family", "Коваль");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(
            app.registry()
                .find(Long.parseLong(location.substring("/registry/".length())))
                .orElseThrow()
                .person()
                .primaryName()
                .family())
        .isEqualTo("Ковальчук");
  }

  @Test
  void theChosenLanguageIsRememberedForTheUser() {
    Browser b = registrar();
    b.get("/registry");
    assertThat(b.submit("/lang", "lang", "en", "back", "/registry").statusCode()).isEqualTo(302);
    assertThat(b.get("/registry").body()).contains("Registry of persons");
    Browser later = registrar(); // a new session, Ukrainian browser
    assertThat(later.get("/registry").body())
        .contains("Registry of persons")
        .contains("<html lang=\"en\">");
    later.submit("/lang", "lang", "ru", "back", "/registry");
    assertThat(later.get("/registry").body()).contains("Реестр лиц");
  }

  @Test
  void anUnknownPersonOrPageIsNotFoundInTheUsersLanguage() {
    Browser b = registrar();
    HttpResponse<String> person = b.get("/registry/999999");
    assertThat(person.statusCode()).isEqualTo(404);
    assertThat(person.body()).contains("Такої сторінки чи запису немає.");
    assertThat(b.get("/registry/abc").statusCode()).isEqualTo(404);
    assertThat(b.get("/no/such/page").statusCode()).isEqualTo(404);
  }

  @Test
  void theLanguageSwitchNeverRedirectsElsewhere() {
    Browser b = browser();
    b.get("/login");
    HttpResponse<String> r = b.submit("/lang", "lang", "en", "back", "//evil.example/");
    assertThat(r.headers().firstValue("Location")).contains("/home");
  }

  @Test
  void theLanguageSwitchOnAFormsResultGoesBackToThePageAboveItOrToThePreview() {
    Browser b = registrar();
    b.get("/rosters/new");
    // a file that is no list: its preview comes back, in the other language, with its message and
    // without an import button
    String page = b.upload("/rosters/upload", "notes.txt", "just some words".getBytes()).body();
    Matcher back =
        Pattern.compile("name=\"back\" value=\"(/rosters/preview\\?token=[^\"]+)\"").matcher(page);
    assertThat(back.find()).isTrue();
    assertThat(page).doesNotContain("id=\"import-submit\"");
    b.submit("/lang", "lang", "en", "back", back.group(1));
    String again = b.get(back.group(1)).body();
    assertThat(again)
        .contains("notes.txt")
        .contains("No entry was read from this file")
        .contains("id=\"upload-another\"")
        .doesNotContain("id=\"import-submit\"");
    assertThat(b.get("/rosters/new").body()).contains("name=\"back\" value=\"/rosters/new\"");
    assertThat(b.get("/registry/new").body()).contains("name=\"back\" value=\"/registry/new\"");
  }

  @Test
  void theJournalPageFiltersByUser() {
    Browser b = registrar();
    addKovalchuk(b, "12.03.1998");
    String all = b.get("/journal").body();
    assertThat(all).contains("особу додано").contains("користувача створено");
    String mine = b.get("/journal?actor=olena").body();
    assertThat(mine).contains("особу додано").doesNotContain("користувача створено");
    assertThat(b.get("/journal?from=2025-02-31").statusCode()).isEqualTo(400);
    assertThat(b.get("/journal?from=" + LocalDate.now().plusDays(1)).body())
        .doesNotContain("особу додано");
    // as dates are written here, too
    assertThat(b.get("/journal?from=31.02.2025").statusCode()).isEqualTo(400);
    LocalDate tomorrow = LocalDate.now().plusDays(1);
    String dotted =
        String.format(
            "%02d.%02d.%04d",
            tomorrow.getDayOfMonth(), tomorrow.getMonthValue(), tomorrow.getYear());
    assertThat(b.get("/journal?from=" + dotted).body()).doesNotContain("особу додано");
    assertThat(b.get("/journal?to=" + dotted).body()).contains("особу додано");
  }
}
