package org.handover.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training tells its stages, each with its own count of work, after the candidates' comparing. */
class TrainingProgressTest {
  @Test
  void eachStageOfTrainingIsToldWithItsOwnCount() {
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      left.add("k" + (i % 40) + "-" + (i % 7) + "-" + (i % 3));
      right.add("k" + (i % 40) + "-" + (i % 5) + "-" + (i % 2));
    }
    // a rule that fixes the prefix: its pairs make one EM session, on the other two fields
    BlockingRule<String> prefix =
        BlockingRule.of("prefix", java.util.Set.of("prefix"), s -> List.of(s.split("-")[0]));
    FieldComparison<String> prefixes =
        FieldComparison.of(
            "prefix",
            List.of("same", "different"),
            (a, b) -> a.split("-")[0].equals(b.split("-")[0]) ? 0 : 1);
    FieldComparison<String> tails =
        FieldComparison.of(
            "tail",
            List.of("same", "different"),
            (a, b) -> a.split("-")[1].equals(b.split("-")[1]) ? 0 : 1);
    FieldComparison<String> lasts =
        FieldComparison.of(
            "last",
            List.of("same", "different"),
            (a, b) -> a.split("-")[2].equals(b.split("-")[2]) ? 0 : 1);
    List<String> told = new ArrayList<>();
    Linker.Progress recorder =
        new Linker.Progress() {
          @Override
          public synchronized void at(int done, int of) {
            told.add(done + "/" + of);
          }

          @Override
          public synchronized void stage(Linker.Stage stage) {
            told.add(stage.name());
          }
        };
    Linker.link(
        left,
        right,
        List.of(prefixes, tails, lasts),
        List.of(prefix),
        Linker.Options.defaults().progress(recorder));
    // the candidates compared first (40 prefixes, 10 by 10 each), then the three stages in turn
    int random = told.indexOf("RANDOM_PAIRS");
    int fitting = told.indexOf("FITTING");
    int counting = told.indexOf("COUNTING");
    assertThat(told.subList(0, random)).contains("4000/4000");
    assertThat(random).isLessThan(fitting).isLessThan(counting);
    assertThat(fitting).isLessThan(counting);
    assertThat(told.subList(random + 1, fitting))
        .hasSizeLessThanOrEqualTo(100)
        .endsWith("50000/50000");
    assertThat(told.subList(fitting + 1, counting)).containsExactly("0/1", "1/1");
    assertThat(told.subList(counting + 1, told.size()))
        .hasSizeLessThanOrEqualTo(100)
        .endsWith("400/400");
  }
}
