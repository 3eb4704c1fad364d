package org.handover.server.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.handover.core.demo.DemoPeople;
import org.handover.core.matching.Thresholds;
import org.handover.core.registry.Name;
import org.handover.core.registry.PersonForm;
import org.handover.server.App;
import org.handover.server.journal.Journal;
import org.handover.server.registry.Search;
import org.handover.server.storage.Database;
import org.handover.server.storage.StaleRecordException;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registry duplicates: search, merge, mark different,. */
class DuplicatesTest {
  static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  App app;
  long ours;
  long theirs;

  private long add(String... pairs) {
    Map<String, String> f = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      f.put(pairs[i], pairs[i + 1]);
    }
    return app.registry()
        .add(new PersonForm(f).read(0, TODAY).person().orElseThrow(), TODAY, "registrar");
  }

  @BeforeEach
  void open() {
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemUTC());
    app.registry().addAll(new DemoPeople(8, TODAY).generate(300), TODAY, "test");
    ours =
        add(
            "name.0.family",
            "Задорожний",
            "name.0.given",
            "Ярема",
            "name.0.patronymic",
            "Тарасович",
            "name.0.source",
            "registry",
            "birth_date",
            "07.11.1994",
            "birth_place",
            "Ізюм",
            "reference",
            "UA-7");
    theirs =
        add(
            "name.0.family",
            "Задорожный",
            "name.0.given",
            "Ярема",
            "name.0.patronymic",
            "Тарасович",
            "name.0.source",
            "list RU-3",
            "birth_date",
            "07.11.1994",
            "service_number",
            "АБ765432",
            "unit",
            "в/ч А4512");
  }

  @AfterEach
  void close() {
    app.close();
  }

  private Duplicates.Group groupWithOurs(long run) {
    return app.duplicates().groups(run).stream()
        .filter(g -> g.persons().contains(ours))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aSearchGroupsOnePersonRecordedTwiceWithTheReasons() {
    long run = app.duplicates().find(Thresholds.DEFAULT, "reviewer");
    Duplicates.Group g = groupWithOurs(run);
    assertThat(g.persons()).containsExactly(ours, theirs);
    Duplicates.Pair p = g.pairs().get(0);
    double sum =
        p.explanation().priorBits()
            + p.explanation().explanation().stream().mapToDouble(c -> c.bits()).sum();
    assertThat(sum).isCloseTo(p.weight(), Offset.offset(1e-9));
    assertThat(app.duplicates().latest().orElseThrow().id()).isEqualTo(run);
    assertThat(
            app.journal()
                .find(Journal.Filter.forEntity("duplicate-run", String.valueOf(run)), 0, 10))
        .hasSize(1);
  }

  @Test
  void theDeduplicationModelIsTrainedOnceKeptApartAndReused() {
    assertThat(app.duplicates().model().stale()).isEqualTo(MatchModels.Stale.NO_MODEL);
    Duplicates.Found first =
        app.duplicates().search(Thresholds.DEFAULT, "reviewer", step -> {}, false);
    MatchModels.Status kept = app.duplicates().model();
    assertThat(kept.stale()).isEqualTo(MatchModels.Stale.NONE);
    assertThat(kept.latest().orElseThrow().persons()).isEqualTo(302);
    assertThat(kept.latest().orElseThrow().pairs()).isEqualTo(first.result().candidates().size());
    // the match model is another: none trained yet
    assertThat(app.matching().models().status().stale()).isEqualTo(MatchModels.Stale.NO_MODEL);

    java.util.List<String> steps = new java.util.ArrayList<>();
    Duplicates.Found second =
        app.duplicates().search(Thresholds.DEFAULT, "reviewer", steps::add, false);
    assertThat(steps)
        .contains("job.duplicates.comparing")
        .doesNotContain("job.duplicates.training");
    assertThat(second.pairs()).hasSameSizeAs(first.pairs());
    for (int i = 0; i < first.pairs().size(); i++) {
      assertThat(second.pairs().get(i).personId()).isEqualTo(first.pairs().get(i).personId());
      assertThat(second.pairs().get(i).otherId()).isEqualTo(first.pairs().get(i).otherId());
      assertThat(second.pairs().get(i).probability())
          .isCloseTo(first.pairs().get(i).probability(), Offset.offset(1e-12));
    }
    assertThat(app.duplicates().model().latest().orElseThrow().id())
        .isEqualTo(kept.latest().orElseThrow().id());

    steps.clear();
    app.duplicates().search(Thresholds.DEFAULT, "reviewer", steps::add, true);
    assertThat(steps).contains("job.duplicates.training");
    assertThat(app.duplicates().model().latest().orElseThrow().id())
        .isGreaterThan(kept.latest().orElseThrow().id());
    int journaled =
        app.database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM journal WHERE action = 'match.model' AND"
                                + " after_state LIKE '%\"kind\":\"duplicates\"%'")
                        .mapTo(Integer.class)
                        .one());
    assertThat(journaled).isEqualTo(2);
  }

  @Test
  void differentPeopleLeaveTheirGroupAndLaterSearches() {
    long run = app.duplicates().find(Thresholds.DEFAULT, "reviewer");
    app.duplicates().markDifferent(theirs, ours, "reviewer");
    assertThat(app.duplicates().groups(run)).noneMatch(g -> g.persons().contains(ours));
    long again = app.duplicates().find(Thresholds.DEFAULT, "reviewer");
    assertThat(app.duplicates().groups(again))
        .noneMatch(g -> g.persons().contains(ours) && g.persons().contains(theirs));
    assertThat(
            app.journal().find(Journal.Filter.forEntity("person-pair", ours + "/" + theirs), 0, 10))
        .hasSize(1);
  }

  @Test
  void mergingKeepsEverySpellingAndTheJournalAndTakesTheOtherOutOfSearch() {
    long before = app.registry().count();
    // a second registrar: who added them does not merge them (four eyes)
    app.duplicates().merge(ours, List.of(theirs), "maria");
    var kept = app.registry().find(ours).orElseThrow().person();
    assertThat(kept.names()).extracting(Name::family).containsExactly("Задорожний", "Задорожный");
    assertThat(kept.names()).extracting(Name::source).containsExactly("registry", "list RU-3");
    assertThat(kept.serviceNumber()).isEqualTo("АБ765432");
    assertThat(kept.reference()).isEqualTo("UA-7");
    assertThat(app.registry().mergedInto(theirs)).contains(ours);
    assertThat(app.registry().count()).isEqualTo(before - 1);
    var hits = app.registry().search(Search.parse("Задорожный"), "uk", 1, 20).hits();
    assertThat(hits).extracting(h -> h.id()).containsExactly(ours);
    assertThat(
            app.journal().find(Journal.Filter.forEntity("person", String.valueOf(theirs)), 0, 10))
        .extracting(e -> e.action())
        .contains("person.create", "person.merged");
    assertThat(app.journal().find(Journal.Filter.forEntity("person", String.valueOf(ours)), 0, 10))
        .extracting(e -> e.action())
        .contains("person.merge");
    assertThat(app.journal().verify().intact()).isTrue();
    // a merged record cannot be merged again, nor kept
    assertThatThrownBy(() -> app.duplicates().merge(theirs, List.of(ours), "maria"))
        .isInstanceOf(StaleRecordException.class);
    assertThatThrownBy(() -> app.duplicates().merge(ours, List.of(ours), "maria"))
        .isInstanceOf(IllegalArgumentException.class);
    // and is not compared again
    long run = app.duplicates().find(Thresholds.DEFAULT, "reviewer");
    assertThat(app.duplicates().groups(run)).noneMatch(g -> g.persons().contains(theirs));
  }
}
