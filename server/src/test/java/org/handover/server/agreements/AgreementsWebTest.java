package org.handover.server.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.handover.core.accounts.Role;
import org.handover.core.demo.DemoPeople;
import org.handover.core.parties.Party;
import org.handover.server.App;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.handover.server.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agreement pages: record, add provisions, count eligibility, in each language. */
class AgreementsWebTest {
  static final LocalDate ROUND = LocalDate.of(2025, 6, 2);
  App app;
  Javalin web;
  String negotiator;
  String observer;

  @BeforeEach
  void start() {
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemDefaultZone());
    app.parties().choose(Optional.of(Party.of("UA")), "test");
    app.registry().addAll(new DemoPeople(4, ROUND).generate(200), ROUND, "test");
    negotiator = app.accounts().create("mykola", Role.NEGOTIATOR, "test");
    observer = app.accounts().create("icrc", Role.OBSERVER, "test");
    web = app.web().create().start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    web.stop();
    app.close();
  }

  private Browser as(String user, String password, String lang) {
    Browser b = new Browser(web.port()).acceptLanguage(lang);
    assertThat(b.login(user, password).statusCode()).isEqualTo(302);
    b.get("/agreements");
    assertThat(b.submit("/lang", "lang", lang, "back", "/agreements").statusCode()).isEqualTo(302);
    return b;
  }

  @Test
  void aNegotiatorRecordsTheIstanbulProvisionsAndCountsWhoQualifies() {
    Browser b = as("mykola", negotiator, "uk");
    assertThat(b.get("/agreements").body()).contains("Жодної домовленості ще не записано");
    HttpResponse<String> made =
        b.submitRepeated(
            "/agreements",
            "title",
            "Стамбул, другий раунд",
            "date",
            "02.06.2025",
            "parties",
            "UA",
            "parties",
            "RU");
    assertThat(made.statusCode()).isEqualTo(302);
    String page = made.headers().firstValue("Location").orElseThrow();
    b.get(page);
    HttpResponse<String> first =
        b.submitRepeated(
            page + "/provisions",
            "kind",
            "all-for-all",
            "s1.kind",
            "service-member",
            "s1.health",
            "severely-wounded",
            "s1.health",
            "seriously-sick");
    assertThat(first.statusCode()).isEqualTo(302);
    b.get(page);
    b.submitRepeated(
        page + "/provisions",
        "kind",
        "n-for-n",
        "quota",
        "1 000",
        "extension",
        "200",
        "s1.health",
        "severely-wounded",
        "s1.health",
        "seriously-sick",
        "s2.age-from",
        "18",
        "s2.age-to",
        "25");
    String shown = b.get(page).body().replace('\u00a0', ' ').replace('\u202f', ' ');
    assertThat(shown)
        .contains("усіх на усіх: військовослужбовці, тяжкопоранені та тяжкохворі")
        .contains(
            "1 000 на 1 000, можливо 1 200 на 1 200: тяжкопоранені та тяжкохворі; або віком 18–25 років")
        .doesNotContain("provision.")
        .doesNotContain("selection.");
    String counts = b.get(page + "/provisions/2?on=02.06.2025").body();
    assertThat(counts).contains("утримуємо ми").contains("утримують вони").contains("не визначено");
    // the drill-down lists the persons of one cell with the reason in words
    String uncertain =
        b.get(page + "/provisions/2?on=02.06.2025&side=them&decision=uncertain").body();
    assertThat(uncertain).contains("id=\"eligibility-persons\"").doesNotContain("reason.");
    String csv = b.get(page + "/provisions/2/eligibility.csv?on=2025-06-02").body();
    assertThat(csv).contains("Особа,Номер справи,Утримує,Рішення,Чому");
  }

  @Test
  void badInputIsNamedInTheUsersLanguageAndNothingIsStored() {
    Browser b = as("mykola", negotiator, "ru");
    b.get("/agreements");
    HttpResponse<String> noDate =
        b.submitRepeated(
            "/agreements", "title", "X", "date", "31.02.2025", "parties", "UA", "parties", "RU");
    assertThat(noDate.statusCode()).isEqualTo(422);
    assertThat(noDate.body()).contains("не является датой");
    HttpResponse<String> oneParty =
        b.submitRepeated("/agreements", "title", "X", "date", "02.06.2025", "parties", "UA");
    assertThat(oneParty.body()).contains("по меньшей мере две разные стороны");
    assertThat(app.agreements().list()).isEmpty();
    b.submitRepeated(
        "/agreements", "title", "X", "date", "02.06.2025", "parties", "UA", "parties", "RU");
    long id = app.agreements().list().get(0).id();
    b.get("/agreements/" + id);
    HttpResponse<String> upsideDown =
        b.submitRepeated(
            "/agreements/" + id + "/provisions",
            "kind",
            "all-for-all",
            "s1.age-from",
            "25",
            "s1.age-to",
            "18");
    assertThat(upsideDown.statusCode()).isEqualTo(422);
    assertThat(upsideDown.body()).contains("перевёрнут");
    HttpResponse<String> noQuota =
        b.submitRepeated("/agreements/" + id + "/provisions", "kind", "n-for-n", "quota", "");
    assertThat(noQuota.body()).contains("«N на N» требует N");
    assertThat(app.agreements().find(id).orElseThrow().provisions()).isEmpty();
  }

  @Test
  void anObserverReadsButCannotRecord() {
    Browser o = as("icrc", observer, "en");
    long id =
        app.agreements()
            .add(
                "Istanbul",
                ROUND,
                java.util.List.of(Party.of("UA"), Party.of("RU")),
                app.parties().book(),
                "test");
    app.agreements()
        .addProvision(
            id, new org.handover.core.agreements.Provision.AllForAll(java.util.List.of()), "test");
    // an English reader reads every name: in Latin letters, beside the name as written
    String held =
        o.get("/agreements/" + id + "/provisions/1?on=02.06.2025&side=them&decision=eligible")
            .body();
    assertThat(held).containsPattern("class=\"person\">[A-Za-z' -]+ \\([А-ЯҐЄІЇа-яґєії' -]+\\)");
    assertThat(o.get("/agreements").statusCode()).isEqualTo(200);
    assertThat(o.get("/agreements").body()).doesNotContain("id=\"add-agreement\"");
    HttpResponse<String> refused =
        o.submitRepeated(
            "/agreements", "title", "X", "date", "02.06.2025", "parties", "UA", "parties", "RU");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(app.agreements().list()).hasSize(1);
  }
}
