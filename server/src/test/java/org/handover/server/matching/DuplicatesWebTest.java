package org.handover.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.handover.core.accounts.Role;
import org.handover.core.demo.DemoPeople;
import org.handover.core.matching.Band;
import org.handover.core.registry.PersonForm;
import org.handover.server.App;
import org.handover.server.rosters.TheirLists;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.handover.server.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicates and match thresholds over HTTP: roles, bad thresholds, near-ties shown to the
 * reviewer.
 */
class DuplicatesWebTest {
  static final LocalDate TODAY = LocalDate.now();
  @TempDir Path dir;
  App app;
  Javalin web;
  String registrar;
  String reviewer;
  String observer;
  long[] twins = new long[2];
  long[] recordedTwice = new long[2];

  @BeforeEach
  void start() {
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemDefaultZone());
    registrar = app.accounts().create("olena", Role.REGISTRAR, "test");
    reviewer = app.accounts().create("taras", Role.REVIEWER, "test");
    observer = app.accounts().create("icrc", Role.OBSERVER, "test");
    for (int k = 0; k < 2; k++) {
      Map<String, String> f =
          new HashMap<>(
              Map.of(
                  "name.0.family",
                  "Гнатюк",
                  "name.0.given",
                  "Остап",
                  "name.0.patronymic",
                  "Ярославович",
                  "birth_date",
                  (k == 0 ? "03.04." : "17.09.") + "1990"));
      twins[k] =
          app.registry()
              .add(new PersonForm(f).read(0, TODAY).person().orElseThrow(), TODAY, "test");
    }
    app.registry().addAll(new DemoPeople(8, TODAY).generate(200), TODAY, "demo");
    for (int k = 0; k < 2; k++) {
      Map<String, String> f =
          new HashMap<>(
              Map.of(
                  "name.0.family",
                  k == 0 ? "Задорожний" : "Задорожный",
                  "name.0.given",
                  "Ярема",
                  "name.0.patronymic",
                  "Тарасович",
                  "birth_date",
                  "07.11.1994"));
      recordedTwice[k] =
          app.registry()
              .add(new PersonForm(f).read(0, TODAY).person().orElseThrow(), TODAY, "test");
    }
    web = app.web().create().start("127.0.0.1", 0);
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

  @Test
  void onlyARegistrarMergesAndAnObserverSearchesNothing() {
    Browser o = as("icrc", observer);
    assertThat(o.get("/duplicates").statusCode()).isEqualTo(200);
    assertThat(o.submit("/duplicates/find").statusCode()).isEqualTo(403);
    Browser t = as("taras", reviewer);
    assertThat(t.get("/duplicates").body())
        .contains("Модель пошуку дублікатів ще не навчено")
        .doesNotContain("model.duplicates");
    HttpResponse<String> search = t.submit("/duplicates/find");
    assertThat(search.statusCode()).isEqualTo(302);
    assertThat(t.awaitJob(search).body())
        .contains("id=\"last-search\"")
        .containsPattern("(?s)Модель пошуку дублікатів \\d+: навчена .*використовується");
    long run = app.duplicates().latest().orElseThrow().id();
    String group =
        "/duplicates/"
            + run
            + "/"
            + app.duplicates().groups(run).stream()
                .filter(g -> g.persons().contains(recordedTwice[0]))
                .findFirst()
                .orElseThrow()
                .number();
    t.get(group);
    assertThat(t.submit(group + "/merge", "keep", String.valueOf(recordedTwice[0])).statusCode())
        .isEqualTo(403);
    assertThat(app.registry().mergedInto(recordedTwice[1])).isEmpty();
    Browser r = as("olena", registrar);
    r.get(group);
    assertThat(r.submit(group + "/merge", "keep", "999").statusCode()).isEqualTo(400);
    assertThat(r.submit(group + "/merge", "keep", String.valueOf(recordedTwice[0])).statusCode())
        .isEqualTo(302);
    assertThat(app.registry().mergedInto(recordedTwice[1])).contains(recordedTwice[0]);
    String merged = r.get("/registry/" + recordedTwice[1]).body();
    assertThat(merged)
        .contains("id=\"merged-into\"")
        .contains("запис приєднано до іншої особи")
        .contains("Приєднано до особи")
        .doesNotContain("[action.")
        .doesNotContain("[entity.");
    assertThat(r.get("/journal").body())
        .contains("реєстр перевірено на дублікати")
        .doesNotContain("[action.");
    // namesakes born months apart in a registry with no duplicates to learn from: at most for
    // review, never sure
    assertThat(app.duplicates().groups(run))
        .flatMap(Duplicates.Group::pairs)
        .filteredOn(p -> p.personId() == twins[0] || p.otherId() == twins[0])
        .allSatisfy(p -> assertThat(p.band()).isEqualTo(Band.REVIEW));
  }

  @Test
  void thresholdsOutOfOrderAreRefusedAndANearTieIsShownBesideTheLink() throws Exception {
    Path list = dir.resolve("twins.csv");
    long roster =
        TheirLists.imported(
            app,
            list,
            "twins.csv",
            "ФИО,Дата рождения\nГНАТЮК Остап Ярославович,1990\n",
            "test",
            TODAY);
    Browser t = as("taras", reviewer);
    t.get("/rosters/" + roster);
    HttpResponse<String> bad =
        t.submit(
            "/rosters/" + roster + "/match", "one_to_one", "on", "auto", "0.5", "review", "0.9");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Пороги мають бути числами");
    assertThat(t.submit("/rosters/" + roster + "/match", "rule", "soundex").statusCode())
        .isEqualTo(400);
    assertThat(t.get("/rosters/" + roster).body()).contains("ключі імені + рік народження");
    HttpResponse<String> run =
        t.submit(
            "/rosters/" + roster + "/match", "one_to_one", "on", "auto", "0.99", "review", "0.5");
    assertThat(run.statusCode()).isEqualTo(302);
    HttpResponse<String> page = t.awaitJob(run);
    assertThat(page.body()).contains("id=\"other-candidates\"");
  }

  @Test
  void whoAddedAPersonDoesNotAlsoMergeIt() {
    String password = app.accounts().create("ivan", Role.REGISTRAR, "test");
    Map<String, String> f =
        new HashMap<>(
            Map.of(
                "name.0.family", "Задорожня",
                "name.0.given", "Ярема",
                "name.0.patronymic", "Тарасович",
                "birth_date", "07.11.1994"));
    long third =
        app.registry().add(new PersonForm(f).read(0, TODAY).person().orElseThrow(), TODAY, "ivan");
    app.duplicates().find(org.handover.core.matching.Thresholds.DEFAULT, "taras");
    long run = app.duplicates().latest().orElseThrow().id();
    Duplicates.Group g =
        app.duplicates().groups(run).stream()
            .filter(x -> x.persons().contains(third))
            .findFirst()
            .orElseThrow();
    String group = "/duplicates/" + run + "/" + g.number();
    Browser i = as("ivan", password);
    assertThat(i.get(group).body())
        .contains("id=\"merge-four-eyes\"")
        .contains("Ви внесли #" + third + " до реєстру");
    HttpResponse<String> refused = i.submit(group + "/merge", "keep", String.valueOf(third));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("принцип чотирьох очей");
    assertThat(app.registry().mergedInto(recordedTwice[0])).isEmpty();
    // olena added none of them: she merges, and the journal names both hands
    Browser r = as("olena", registrar);
    assertThat(r.get(group).body()).doesNotContain("merge-four-eyes");
    assertThat(r.submit(group + "/merge", "keep", String.valueOf(third)).statusCode())
        .isEqualTo(302);
    assertThat(app.registry().mergedInto(recordedTwice[0])).contains(third);
    java.util.List<String> hands =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT actor || ' ' || action FROM journal WHERE entity = 'person'"
                                + " AND entity_id = :id AND action IN ('person.create',"
                                + " 'person.merge') ORDER BY seq")
                        .bind("id", String.valueOf(third))
                        .mapTo(String.class)
                        .list());
    assertThat(hands).containsExactly("ivan person.create", "olena person.merge");
  }
}
