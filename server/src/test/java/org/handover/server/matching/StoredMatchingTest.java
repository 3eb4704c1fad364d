package org.handover.server.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.handover.core.demo.DemoPeople;
import org.handover.core.matching.RecordCodec;
import org.handover.core.matching.Thresholds;
import org.handover.core.registry.Name;
import org.handover.core.registry.Person;
import org.handover.server.App;
import org.handover.server.registry.Registry;
import org.handover.server.rosters.TheirLists;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained once and reused until the registry or the engine changes; the registry's persons
 * prepared once and kept current as they change.
 */
class StoredMatchingTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  static final Thresholds THRESHOLDS = new Thresholds(0.99, 0.5);
  @TempDir Path dir;
  App app;
  List<Person> people;

  @BeforeEach
  void open() {
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemUTC());
    people = new DemoPeople(5, TODAY).generate(1_500);
    app.registry().addAll(people, TODAY, "test");
  }

  @AfterEach
  void close() {
    app.close();
  }

  /** A list naming the first {@code rows} persons of the registry as it was generated. */
  private long roster(int rows) throws Exception {
    StringBuilder csv = new StringBuilder("Прізвище,Ім'я,По батькові,Дата народження\n");
    for (Person p : people.subList(0, rows)) {
      Name n = p.primaryName();
      csv.append(n.family())
          .append(',')
          .append(n.given())
          .append(',')
          .append(n.patronymic())
          .append(',')
          .append(p.birthDate().map(Object::toString).orElse(""))
          .append('\n');
    }
    Path file = dir.resolve("list-" + rows + ".csv");
    return TheirLists.imported(app, file, file.getFileName().toString(), csv, "test", TODAY);
  }

  private long count(String sql) {
    return app.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void aModelIsTrainedOnceAndReusedUntilTheRegistryChangesByATenth() throws Exception {
    MatchModels models = app.matching().models();
    assertThat(models.status().stale()).isEqualTo(MatchModels.Stale.NO_MODEL);
    long list = roster(1_200);

    Matching.Run first = app.matching().run(list, true, THRESHOLDS, "test");
    assertThat(first.auto()).isGreaterThan(1_000);
    MatchModels.Status trained = models.status();
    assertThat(trained.stale()).isEqualTo(MatchModels.Stale.NONE);
    assertThat(trained.latest().get().entries()).isEqualTo(1_200);
    assertThat(trained.latest().get().rosterId()).contains(list);
    assertThat(count("SELECT COUNT(*) FROM journal WHERE action = 'match.model'")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM match_records")).isEqualTo(1_500);

    // the second run applies the stored model: the same links, nothing trained or stored again
    Matching.Run second = app.matching().run(list, true, THRESHOLDS, "test");
    assertThat(second.auto()).isEqualTo(first.auto());
    assertThat(second.review()).isEqualTo(first.review());
    assertThat(second.result().model().lambda())
        .isCloseTo(first.result().model().lambda(), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(count("SELECT COUNT(*) FROM match_models")).isEqualTo(1);

    // a tenth of the registry more: the next run trains anew
    app.registry().addAll(new DemoPeople(6, TODAY).generate(200), TODAY, "test");
    assertThat(models.status().stale()).isEqualTo(MatchModels.Stale.REGISTRY);
    app.matching().run(list, true, THRESHOLDS, "test");
    assertThat(count("SELECT COUNT(*) FROM match_models")).isEqualTo(2);
    assertThat(models.status().stale()).isEqualTo(MatchModels.Stale.NONE);

    // a model of other features is never applied
    app.database()
        .jdbi()
        .useHandle(
            h -> h.execute("UPDATE match_models SET features = 'record-0;family name=exact'"));
    assertThat(models.status().stale()).isEqualTo(MatchModels.Stale.FEATURES);
    assertThat(models.usable(1_200)).isEmpty();
  }

  @Test
  void aStoredModelWeighsEveryPairAsTheModelTrainedDidInEitherStoredForm() throws Exception {
    long list = roster(1_200);
    Matching.Run trained = app.matching().run(list, true, THRESHOLDS, "test");
    Matching.Run kept = app.matching().run(list, true, THRESHOLDS, "test");
    assertThat(weights(kept)).isEqualTo(weights(trained));
    assertThat(count("SELECT COUNT(*) FROM match_models WHERE counts IS NOT NULL")).isEqualTo(1);

    // a model stored before its counts were kept as bytes holds them in its JSON
    var model = trained.result().model();
    var together = model.namesTogether();
    java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
    json.put("fields", model.tables());
    json.put("terms", model.termFrequencies());
    json.put(
        "together",
        java.util.Map.of(
            "registry", together.registrySize(),
            "one_list", together.oneList(),
            "counts", together.stored()));
    app.database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate("UPDATE match_models SET model = :m, counts = NULL")
                    .bind("m", org.handover.server.storage.Json.write(json))
                    .execute());
    Matching.Run older = app.matching().run(list, true, THRESHOLDS, "test");
    assertThat(weights(older)).isEqualTo(weights(trained));
    assertThat(count("SELECT COUNT(*) FROM match_models")).isEqualTo(1);
  }

  @Test
  void aListIsPreparedByItsFirstMatchAndEveryMatchAfterReadsItSo() throws Exception {
    long list = roster(1_200);
    String kept = "SELECT COUNT(*) FROM roster_match_records WHERE roster_id = " + list;
    assertThat(count(kept)).isZero();
    Matching.Run first = app.matching().run(list, true, THRESHOLDS, "test");
    assertThat(first.entries()).isEqualTo(1_200);
    assertThat(count(kept)).isEqualTo(1_200);
    Matching.Run again = app.matching().run(list, true, THRESHOLDS, "test");
    assertThat(weights(again)).isEqualTo(weights(first));
    // the next run reads what is kept, not the list: an entry taken out of it is not compared
    app.database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "DELETE FROM roster_match_records WHERE row_no = (SELECT min(row_no) FROM"
                        + " roster_match_records)"));
    assertThat(app.matching().run(list, true, THRESHOLDS, "test").entries()).isEqualTo(1_199);

    // made under another record format: made again, and the run links as before
    app.database()
        .jdbi()
        .useHandle(h -> h.execute("UPDATE roster_match_records SET codec = 'older'"));
    Matching.Run remade = app.matching().run(list, true, THRESHOLDS, "test");
    assertThat(weights(remade)).isEqualTo(weights(first));
    assertThat(count("SELECT COUNT(*) FROM roster_match_records WHERE codec <> 'older'"))
        .isEqualTo(1_200);
    assertThat(count("SELECT COUNT(*) FROM roster_match_records WHERE codec = 'older'")).isZero();
  }

  @Test
  void aRowWithNothingToFindItByIsNotKeptAndAnOverlongCellIsKeptCut() throws Exception {
    Person p = people.get(0);
    Name n = p.primaryName();
    String csv =
        "Прізвище,Ім'я,Дата народження,Місце народження\n"
            + n.family()
            + ","
            + n.given()
            + ","
            + p.birthDate().map(Object::toString).orElse("")
            + ","
            + "Київ ".repeat(20_000)
            + "\n"
            + ",,01.01.1990,Харків\n";
    Path file = dir.resolve("odd.csv");
    long list = TheirLists.imported(app, file, "odd.csv", csv, "test", TODAY);
    assertThat(count("SELECT COUNT(*) FROM roster_entries WHERE roster_id = " + list)).isEqualTo(2);
    Matching.Run run = app.matching().run(list, true, THRESHOLDS, "test");
    assertThat(run.entries()).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM roster_match_records WHERE roster_id = " + list))
        .isEqualTo(1);
  }

  @Test
  void aModelIsTheSameWhateverOrderThePreparedRecordsLieInOnDisk() throws Exception {
    long list = roster(1_200);
    MatchModels models = app.matching().models();
    MatchModels.Info before = app.matching().train(list, "test", step -> {});
    // every other record written anew: it now lies after all the others in the table
    app.database()
        .jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "UPDATE match_records SET person_version = person_version WHERE person_id % 2 = 0");
              h.execute("VACUUM match_records");
            });
    MatchModels.Info after = app.matching().train(list, "test", step -> {});
    assertThat(after.id()).isNotEqualTo(before.id());
    assertThat(tables(models, after.id())).isEqualTo(tables(models, before.id()));
  }

  private static String tables(MatchModels models, long id) {
    StringBuilder out = new StringBuilder();
    models
        .tables(id)
        .forEach(
            (field, levels) ->
                levels.forEach(
                    (level, mu) ->
                        out.append(field)
                            .append(level)
                            .append(java.util.Arrays.toString(mu))
                            .append('\n')));
    return out.toString();
  }

  /** Each link's entry, person and weight, in order. */
  private static List<String> weights(Matching.Run run) {
    return run.result().links().stream()
        .map(l -> l.left() + ":" + l.right() + ":" + l.scored().weight())
        .toList();
  }

  @Test
  void aModelLearntFromAHandfulGivesWayToOneFromALargerList() throws Exception {
    app.matching().run(roster(20), true, THRESHOLDS, "test");
    assertThat(app.matching().models().status().latest().get().entries()).isEqualTo(20);
    assertThat(app.matching().models().usable(20)).isPresent();
    app.matching().run(roster(1_200), true, THRESHOLDS, "test");
    assertThat(app.matching().models().status().latest().get().entries()).isEqualTo(1_200);
  }

  @Test
  void aChangedPersonIsPreparedAgainAndAMergedOneLeftOut() throws Exception {
    long list = roster(1_200);
    app.matching().run(list, true, THRESHOLDS, "test");
    long id =
        count("SELECT MIN(id) FROM persons WHERE id IN (SELECT person_id FROM match_records)");
    Registry.Versioned before = app.registry().find(id).orElseThrow();
    Name n = before.person().primaryName();
    Person renamed =
        before.person().toBuilder()
            .names(
                List.of(
                    new Name(
                        n.script(), n.system(), "Ярошенко", n.given(), n.patronymic(), n.source())))
            .build();
    app.registry().update(id, before.version(), renamed, TODAY, "test");

    assertThat(StoredRecords.refresh(app.database().jdbi(), (d, of) -> {})).isEqualTo(1);
    byte[] stored =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT record FROM match_records WHERE person_id = :id")
                        .bind("id", id)
                        .mapTo(byte[].class)
                        .one());
    assertThat(RecordCodec.read(stored).names().get(0).parsed().family()).isEqualTo("Ярошенко");
    assertThat(StoredRecords.refresh(app.database().jdbi(), (d, of) -> {})).isZero();

    long other = id + 1;
    app.registry().merge(id, List.of(other), "test");
    List<Long> streamed =
        StoredRecords.all(app.database().jdbi()).stream().map(r -> r.id()).toList();
    assertThat(streamed).contains(id).doesNotContain(other).hasSize(1_499);
  }

  @Test
  void recordsOfAnotherFormatAreAllMadeAgainAndAMergedPersonsNotKept() throws Exception {
    assertThat(StoredRecords.refresh(app.database().jdbi(), (d, of) -> {})).isEqualTo(1_500);
    long first = count("SELECT MIN(id) FROM persons");
    app.registry().merge(first, List.of(first + 1), "test");
    // an upgrade: every stored record written under another format
    app.database().jdbi().useHandle(h -> h.execute("UPDATE match_records SET codec = 'older'"));
    assertThat(StoredRecords.refresh(app.database().jdbi(), (d, of) -> {})).isEqualTo(1_499);
    assertThat(count("SELECT COUNT(*) FROM match_records WHERE codec <> 'older'")).isEqualTo(1_499);
    assertThat(count("SELECT COUNT(*) FROM match_records WHERE person_id = " + (first + 1)))
        .isZero();
    assertThat(StoredRecords.refresh(app.database().jdbi(), (d, of) -> {})).isZero();
  }
}
