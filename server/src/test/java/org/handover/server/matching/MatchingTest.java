package org.handover.server.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.handover.core.demo.DemoPeople;
import org.handover.core.matching.Band;
import org.handover.core.matching.Model;
import org.handover.core.matching.Thresholds;
import org.handover.core.registry.PersonForm;
import org.handover.server.App;
import org.handover.server.i18n.Messages;
import org.handover.server.journal.Journal;
import org.handover.server.rosters.RosterExport;
import org.handover.server.rosters.Rosters;
import org.handover.server.rosters.TheirLists;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Match runs and decisions on PostgreSQL. */
class MatchingTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  @TempDir Path dir;
  App app;
  long roster;
  long kovalchuk;

  @BeforeEach
  void open() throws Exception {
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemUTC());
    app.registry().addAll(new DemoPeople(5, TODAY).generate(300), TODAY, "test");
    kovalchuk =
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
                            "12.03.1998"))
                    .read(0, TODAY)
                    .person()
                    .orElseThrow(),
                TODAY,
                "test");
    Path list = dir.resolve("their.csv");
    roster =
        TheirLists.imported(
            app,
            list,
            "their.csv",
            "ФИО,Дата рождения\nКОВАЛЬЧУК Юрий Петрович,12.03.1998\nКовальчук Ю.,1998\n",
            "test",
            TODAY);
  }

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void aRunStoresItsLinksWithExplanationsThatSumToTheirWeight() {
    Matching.Run run = app.matching().run(roster, false, Thresholds.DEFAULT, "reviewer");
    List<Matching.StoredMatch> stored = app.matching().matches(run.id());
    assertThat(stored)
        .anySatisfy(
            m -> {
              assertThat(m.entryRow()).isEqualTo(1);
              assertThat(m.personId()).isEqualTo(kovalchuk);
              assertThat(m.band()).isEqualTo(Band.AUTO);
            });
    for (Matching.StoredMatch m : stored) {
      Model.Scored s = m.explanation();
      double sum =
          s.priorBits() + s.explanation().stream().mapToDouble(Model.Contribution::bits).sum();
      assertThat(sum).isCloseTo(m.weight(), Offset.offset(1e-9));
    }
    assertThat(
            app.journal()
                .find(Journal.Filter.forEntity("match-run", String.valueOf(run.id())), 0, 5))
        .hasSize(1);
    String model =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT model FROM match_runs WHERE id = :id")
                        .bind("id", run.id())
                        .mapTo(String.class)
                        .one());
    assertThat(model)
        .contains("\"lambda\"")
        .contains("\"prior_bits\":" + stored.get(0).explanation().priorBits())
        .contains("\"date of birth\"")
        .contains("\"day and month swapped\"");
  }

  @Test
  void oneToOneStillProposesANearTieForReviewBesideTheEntrysLink() throws Exception {
    long[] twins = new long[2];
    for (int k = 0; k < 2; k++) {
      twins[k] =
          app.registry()
              .add(
                  new PersonForm(
                          Map.of(
                              "name.0.family",
                              "Гнатюк",
                              "name.0.given",
                              "Остап",
                              "name.0.patronymic",
                              "Ярославович",
                              "birth_date",
                              (k == 0 ? "03.04." : "17.09.") + "1990"))
                      .read(0, TODAY)
                      .person()
                      .orElseThrow(),
                  TODAY,
                  "test");
    }
    Path list = dir.resolve("twins.csv");
    long twinsRoster =
        TheirLists.imported(
            app,
            list,
            "twins.csv",
            "ФИО,Дата рождения\nГНАТЮК Остап Ярославович,1990\n",
            "test",
            TODAY);
    Matching.Run run = app.matching().run(twinsRoster, true, Thresholds.DEFAULT, "reviewer");
    assertThat(app.matching().matches(run.id()))
        .filteredOn(m -> m.entryRow() == 1)
        .extracting(Matching.StoredMatch::personId)
        .containsExactlyInAnyOrder(twins[0], twins[1]);
    assertThat(app.matching().matches(run.id()))
        .filteredOn(m -> m.entryRow() == 1)
        .allSatisfy(m -> assertThat(m.band()).isEqualTo(Band.REVIEW));
  }

  @Test
  void aDecisionIsJournaledAndSurvivesARerun() {
    Matching.Run first = app.matching().run(roster, false, Thresholds.DEFAULT, "reviewer");
    app.matching().decide(roster, 1, kovalchuk, "confirmed", "reviewer");
    Matching.Run second = app.matching().run(roster, false, Thresholds.DEFAULT, "reviewer");
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(app.matching().matches(second.id()))
        .filteredOn(m -> m.personId() == kovalchuk && m.entryRow() == 1)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.decision()).isEqualTo("confirmed");
              assertThat(m.decidedBy()).isEqualTo("reviewer");
            });
    app.matching().decide(roster, 1, kovalchuk, "rejected", "chief");
    assertThat(
            app.journal().find(Journal.Filter.forEntity("match", roster + "/1/" + kovalchuk), 0, 5))
        .extracting(e -> e.before() + "->" + e.after())
        .containsExactly(
            "{\"decision\":\"confirmed\"}->{\"decision\":\"rejected\",\"imported_by\":\"test\"}",
            "->{\"decision\":\"confirmed\",\"imported_by\":\"test\"}");
  }

  @Test
  void theConfirmedPartOfARosterIsWhatAReviewerLinked() throws Exception {
    Matching.Run run = app.matching().run(roster, false, Thresholds.DEFAULT, "reviewer");
    assertThat(app.rosters().confirmedEntries(roster, 0, 10)).isEmpty();
    app.matching().decide(roster, 1, kovalchuk, "confirmed", "reviewer");
    assertThat(app.rosters().confirmedEntries(roster, 0, 10))
        .extracting(Rosters.StoredEntry::row)
        .containsExactly(1);
    assertThat(app.matching().runs(roster))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id()).isEqualTo(run.id());
              assertThat(r.confirmed()).isEqualTo(1);
            });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new RosterExport(app.rosters(), true)
        .csv(app.rosters().find(roster).orElseThrow(), Messages.of("en"), out);
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith("1,КОВАЛЬЧУК,Юрий,Петрович,12.03.1998"));
  }

  @Test
  void aDecisionOnAPairNoRunProposedIsRefused() {
    app.matching().run(roster, false, Thresholds.DEFAULT, "reviewer");
    assertThatThrownBy(() -> app.matching().decide(roster, 1, 1, "confirmed", "reviewer"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> app.matching().decide(roster, 1, kovalchuk, "maybe", "reviewer"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
