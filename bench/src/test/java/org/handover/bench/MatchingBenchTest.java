package org.handover.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.handover.core.matching.Band;
import org.handover.core.matching.Linker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on a generated registry of 20,000 and a roster of 2,000 with known truth. The bounds
 * are the targets (blocking recall) or a little below them where 2,000 entries make a rate
 * coarse; the committed benchmark gives the figures at full size.
 */
class MatchingBenchTest {
  static MatchingRun.Run run;

  @BeforeAll
  static void link() throws Exception {
    run = MatchingBench.run(20_000, 2_000);
  }

  @Test
  void blockingPairsNearlyEveryTrueEntryWithItsPerson() {
    assertThat(run.blockingRecall()).isGreaterThanOrEqualTo(0.995);
  }

  @Test
  void autoLinksArePreciseAndReviewFindsNearlyEveryoneInABandOfFewEntries() {
    assertThat(run.band(false).precision()).isGreaterThanOrEqualTo(0.99);
    assertThat(run.band(true).recall()).isGreaterThanOrEqualTo(0.98);
    // the review band counts the entries with a whole date of birth; those with a name and at
    // most a year go to review by rule, never linked on the name alone
    long[] dated = run.reviewByDate(true);
    assertThat((double) dated[1] / dated[0]).isLessThan(0.05);
    assertThat(run.best().values())
        .filteredOn(l -> l.band(MatchingBench.THRESHOLDS, MatchingBench.MIN_MARGIN) == Band.AUTO)
        .allSatisfy(l -> assertThat(Linker.corroborated(l.scored().explanation())).isTrue());
  }

  @Test
  void trainingWithoutLabelsRecoversTheMTheTruthGives() {
    double[][] truth = Diagnosis.trueM(run.drawn(), run.registry());
    Map<String, Map<String, double[]>> tables = run.result().model().tables();
    List<String> fields = List.copyOf(tables.keySet());
    for (String field :
        List.of(
            "family name", "given name", "patronymic", "date of birth", "place of birth", "rank")) {
      int k = fields.indexOf(field);
      int l = 0;
      for (Map.Entry<String, double[]> level : tables.get(field).entrySet()) {
        assertThat(level.getValue()[0])
            .as("%s, %s", field, level.getKey())
            .isCloseTo(truth[k][l], within(0.05));
        l++;
      }
    }
  }

  @Test
  void writesAReport(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("m.md");
    MatchingBench.main(
        new String[] {"--registry", "2000", "--roster", "200", "--out", out.toString()});
    String report = Files.readString(out);
    assertThat(report)
        .contains("| auto-link (p ≥ 0.99, ≥ 5 bits ahead")
        .contains("| auto-link + review (p ≥ 0.5; the entry's person among")
        .contains("Review band:")
        .contains("Blocking recall")
        .contains("Trained model")
        .contains("is `bench/run peer`")
        .contains("## FEBRL4");
  }
}
